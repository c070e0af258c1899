"""Layer 2, content: reading and checking the files. Front matter, guards against hostile text,
the catalog (every item loaded once, cross-references checked), publishing workflow, git dates,
sources, the scaffolder's file format, validator reports, and the Build object that holds it all.
Imports only macros.model."""
