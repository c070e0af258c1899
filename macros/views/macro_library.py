"""The macros developer pages may call ({{ karta() }}, {{ lista(...) }} …), as plain functions of a Build.

Only pages on the list in code (macros/model/developer_pages.py) run Jinja at all; this module says
what those pages can call. Each macro gets the Build and the calling page's source path, so links are
relative to that page. The generator (macros/generate/staging.py) renders the macro pages with them
before any engine runs, so every engine gets the same finished Markdown.
"""

from macros.content import reviewers, workflow
from macros.model.names import slugify
from macros.model.schema import TYPE_BY_NAME
from macros.model.vocabularies import REGION
from macros.views import (
    feedback,
    field_reference,
    full_lists,
    listings,
    orgchart,
    overviews,
    paging,
    review,
    sources,
    start_page,
    story_choices,
    story_template,
    strategy_map,
    timeline,
)
from macros.views.markdown import markdown_link, md_text


def macros(build, current_src, repo_url: str, edit_uri: str) -> dict:
    """name -> callable for one build; `current_src()` says which page is being rendered."""
    catalog, preview = build.catalog, build.preview

    def lista(typ="berättelse", sortering="titel", visning="kort", max=None, gruppera=None, **filters):
        """List content by query: type, filters (strategi, strategigrupp, persona …), order, grouping, layout."""
        items = listings.order(listings.query(catalog, preview, typ, **filters), sortering)
        items = items[:max] if max else items
        if gruppera:
            return listings.render_grouped(
                listings.grouped(catalog, items, gruppera), current_src(), visning, lambda tag: whole_list_of(tag)
            )
        whole = full_lists.whole_lists(build).get(("all",)) if typ == "berättelse" else None
        if whole is not None and paging.is_cut(items):  # a long story list: the newest, then the link to all
            more = (
                f"Visar {paging.MAX_LISTED} av {len(items)}, de nyaste. [Alla {len(whole.items)} berättelser]"
                f"({markdown_link(whole.src, current_src())})."
            )
            return listings.render(paging.newest(items)[: paging.MAX_LISTED], current_src(), visning) + "\n\n" + more
        return listings.render(items, current_src(), visning)

    def whole_list_of(tag):
        """The staged path of a cut group's whole list: its tag's, else every story's (full_lists.py)."""
        lists = full_lists.whole_lists(build)
        found = lists.get(("tag", tag)) or lists.get(("all",))
        return found.src if found else None

    def all_stories_link():
        """A line linking to every story, newest first, when the site has so many that lists are cut."""
        found = full_lists.whole_lists(build).get(("all",))
        if found is None:
            return ""
        link = markdown_link(found.src, current_src())
        return f"[Alla {len(found.items)} berättelser, de nyaste först]({link})"

    def on_page(render):
        """A macro that renders from the catalog for the current page."""
        return lambda *args, **kwargs: render(catalog, preview, current_src(), *args, **kwargs)

    return {
        "lista": lista,
        # Every field of a type, from the schema; the ids a reference accepts come from the catalog.
        "faltoversikt": lambda typ: field_reference.field_overview(TYPE_BY_NAME[typ]),
        "faltreferens": lambda typ: field_reference.field_reference(
            TYPE_BY_NAME[typ], lambda f: story_choices.choices(f, catalog)
        ),
        "kalldokument": sources.source_documents_markdown,
        "karta": on_page(lambda c, p, s: strategy_map.map_html(c, p, s, build)),
        "karta_som_text": on_page(lambda c, p, s: strategy_map.text_twin(c, p, s, build)),
        "alla_berattelser": lambda: all_stories_link(),
        "matris": on_page(lambda c, p, s, rader="berättelse": overviews.matrix(c, p, s, TYPE_BY_NAME[rader].key)),
        "tackning": on_page(overviews.coverage),
        "indikatorer_i_korthet": on_page(overviews.indicators_at_a_glance),
        "organisationsschema": on_page(orgchart.org_chart),
        "tidslinje": on_page(timeline.timeline_markdown),
        "berattelsemall": on_page(story_template.template_block),
        "giltiga_id": on_page(story_template.id_table),
        "github_adress": lambda vad: story_template.github_url(catalog, repo_url, edit_uri, vad),
        # Who reviews a story (CODEOWNERS) and where a story made in the form is: the form says the same words.
        "granskare": lambda: reviewers.story_reviewers(catalog.root),
        "formularets_lagen": lambda: "\n".join(f"- **{s['term']}:** {s['text']}" for s in workflow.FORM_STATES),
        "att_granska": on_page(lambda c, p, s: review.page(c, p, s, c.today)),
        "nytt_och_andrat": on_page(
            lambda c, p, s, antal=6: start_page.whats_new_markdown(c, build.changed, p, s, antal)
        ),
        "sokruta": start_page.search_box_html,
        # The region's name and the examples it gives authors (region.yml), for the pages every region shares.
        "regionen": lambda: md_text(REGION.name),
        "exempel": lambda nyckel: md_text(REGION.example_text(nyckel)),
        "exempel_lista": lambda nyckel: ", ".join(REGION.example_ids(nyckel)),  # ids: a–z, 0–9 and hyphens
        "exempel_filnamn": lambda: slugify(REGION.example_text("titel")),
        "synpunkter": lambda: feedback.feedback_markdown(repo_url or build.site.repo_url, build.site.feedback_email),
    }
