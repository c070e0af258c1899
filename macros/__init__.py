"""mkdocs-macros entry point: registers macros whose logic lives in the sibling modules."""


def define_env(env):
    from . import listings, schema, schema_export, site, vocabularies

    def current_src() -> str:
        return env.page.file.src_uri

    @env.macro
    def lista(typ="berättelse", sortering="titel", visning="kort", max=None, **filters):
        """List content by query: type, filters (strategi, strategigrupp, persona …), order and layout."""
        state = site.current()
        items = listings.order(listings.query(state.catalog, state.preview, typ, **filters), sortering)
        return listings.render(items[:max] if max else items, current_src(), visning)

    @env.macro
    def faltreferens(typ):
        """The field table of a content type, generated from the schema."""
        return schema_export.field_table(listings.TYPE_BY_NAME[typ])

    @env.macro
    def kalldokument():
        """The source documents, each with an anchor that the Källor sections link to."""
        parts = []
        for key, doc in vocabularies.SOURCE_DOCUMENTS.items():
            parts.append(f"### {doc['label']} {{#{key}}}\n\n{doc['detail']}. Id i front matter: `{key}`.\n")
        return "\n".join(parts)

    env.variables["innehallstyper"] = [t.name for t in schema.CONTENT_TYPES]
