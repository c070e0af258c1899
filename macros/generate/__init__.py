"""Layer 4, generate: the staging tree of final Markdown with its generated config, the JSON
Schemas, and the steps after an engine has built it (sanitizing every page, the search index).
Imports the layers below; no engine."""
