"""The accessibility statement's feedback route (DOS-lagen): where a reader reports a shortcoming.

Both routes come from the site's configuration, never from the page's text: the repository's issue list
(repo_url) and the e-mail address the publishing organisation sets (extra.synpunkter_epost, or
KB_SYNPUNKTER_EPOST at build time). Without an address the statement says so rather than invent one.
"""

import urllib.parse

from macros.views.markdown import md_text


def feedback_markdown(repo_url: str, email: str) -> str:
    routes = []
    if email:
        routes.append(
            f"- skicka e-post till kunskapsbankens redaktion: "
            f"[{md_text(email)}](mailto:{urllib.parse.quote(email, safe='@.')})"
        )
    if repo_url:
        issues = repo_url.rstrip("/") + "/issues/new"
        routes.append(
            f"- skapa ett ärende i kunskapsbankens ärendelista på GitHub: [Rapportera en brist]({issues}) "
            f"(kräver ett GitHub-konto). Ärendelistan nås också från länken *Källkod och innehåll* längst ned "
            f"på varje sida."
        )
    lines = [
        "Om du upptäcker problem som inte beskrivs här, eller om du behöver innehåll i ett annat format, "
        "berätta det för oss:",
        "",
        *routes,
        "",
        "Beskriv vilken sida det gäller och vad som inte fungerar.",
    ]
    if not email:
        lines += ["", "Någon e-postadress för synpunkter är inte angiven i den här versionen av kunskapsbanken."]
    return "\n".join(lines)
