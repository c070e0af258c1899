"""mkdocs-macros entry point: registers macros whose logic lives in the sibling modules."""


def define_env(env):
    from . import (listings, orgchart, overviews, provenance, review, scaffold, schema_export, site,
                   start_page, strategy_map, timeline)

    def current_src() -> str:
        return env.page.file.src_uri

    def current():
        if not site.is_loaded():
            # No hook has loaded the catalog: a staging tree (macros/generate.py) built by mkdocs-macros
            # alone. Its generated config says where the sources are.
            from pathlib import Path

            extra = env.conf["extra"]
            site.load_root(Path(extra["kb_source_root"]), bool(extra.get("kb_preview")))
        return site.current()

    @env.macro
    def lista(typ="berättelse", sortering="titel", visning="kort", max=None, gruppera=None, **filters):
        """List content by query: type, filters (strategi, strategigrupp, persona …), order, grouping, layout."""
        state = current()
        items = listings.order(listings.query(state.catalog, state.preview, typ, **filters), sortering)
        items = items[:max] if max else items
        if gruppera:
            return listings.render_grouped(listings.grouped(state.catalog, items, gruppera), current_src(), visning)
        return listings.render(items, current_src(), visning)

    @env.macro
    def kalldokument():
        """The source documents, each with an anchor that the Källor sections link to."""
        return provenance.source_documents_markdown()

    def with_catalog(render):
        """A macro that renders from the build's catalog for the current page."""
        def macro(*args, **kwargs):
            state = current()
            return render(state.catalog, state.preview, current_src(), *args, **kwargs)
        macro.__name__ = render.__name__
        return macro

    env.macro(with_catalog(strategy_map.map_html), "karta")
    env.macro(with_catalog(strategy_map.text_twin), "karta_som_text")
    env.macro(with_catalog(lambda c, p, s, rader="berättelse": overviews.matrix(
        c, p, s, listings.TYPE_BY_NAME[rader].key)), "matris")
    env.macro(with_catalog(overviews.coverage), "tackning")
    env.macro(with_catalog(overviews.indicators_at_a_glance), "indikatorer_i_korthet")
    env.macro(with_catalog(orgchart.org_chart), "organisationsschema")
    env.macro(with_catalog(timeline.timeline_markdown), "tidslinje")
    env.macro(with_catalog(scaffold.template_block), "berattelsemall")
    env.macro(with_catalog(scaffold.id_table), "giltiga_id")
    # Every field of a type, generated from the schema; the ids a reference accepts come from the catalog.
    env.macro(lambda typ: schema_export.field_overview(listings.TYPE_BY_NAME[typ]), "faltoversikt")
    env.macro(with_catalog(lambda c, p, s, typ: schema_export.field_reference(
        listings.TYPE_BY_NAME[typ], lambda f: scaffold.choices(f, c))), "faltreferens")
    env.macro(with_catalog(lambda c, p, s, vad: scaffold.github_url(
        c, env.conf["repo_url"], env.conf["edit_uri"], vad)), "github_adress")
    env.macro(with_catalog(lambda c, p, s: review.page(c, p, s, c.today)), "att_granska")
    env.macro(with_catalog(lambda c, p, s, antal=6: start_page.whats_new_markdown(c, current().changed, p, s, antal)),
              "nytt_och_andrat")
    env.macro(start_page.search_box_html, "sokruta")
