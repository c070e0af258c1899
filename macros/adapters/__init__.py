"""Layer 5, engine adapters: the only code that imports an engine (ProperDocs/MkDocs, Zensical),
Material or mkdocs-macros. Each connects the engine's events to the plain functions below (the build
itself needs neither mkdocs-macros nor Material's tags plugin: the generator writes their output)."""
