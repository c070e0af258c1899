"""Kunskapsbanken's code, in five layers whose imports only point down:

    model     what content is: field kinds, content types, vocabularies, the macro-page list
    content   reading and checking the files: front matter, guards, catalog, workflow, the Build
    views     Markdown and HTML from the Build: page anatomy, listings, maps, charts, journeys, sanitizer
    generate  the staging tree of final Markdown and its config; the steps after an engine build
    adapters  the only code that imports an engine (ProperDocs, Zensical), Material or mkdocs-macros

The README's "Så fungerar det" says the same for people.
"""
