"""Layer 3, views: turning the build into Markdown and HTML. Page anatomy (lead, relations, sources),
listings, maps, charts, journeys, the menu, facets, the macro library and the HTML sanitizer.
Imports macros.model and macros.content."""
