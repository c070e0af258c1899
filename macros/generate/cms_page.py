"""The form editor's page (/redigera/index.html) and its Content-Security-Policy."""

import html
from urllib.parse import urlparse

GITHUB_API = "https://api.github.com"


def content_security_policy(local_backend: str = "") -> str:
    """Own host and the GitHub API only. No inline script. Decap's React styles are inline styles, and
    Decap checks its configuration with ajv, which compiles JSON Schemas into functions: 'unsafe-eval'."""
    connect = ["'self'", GITHUB_API] + ([local_backend_origin(local_backend)] if local_backend else [])
    return "; ".join(
        [
            "default-src 'none'",
            "script-src 'self' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            f"connect-src {' '.join(connect)}",
            "frame-src 'self' blob:",
            "child-src 'self' blob:",
            "worker-src 'self' blob:",
            "manifest-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "object-src 'none'",
        ]
    )


def local_backend_origin(url: str) -> str:
    parsed = urlparse(url)
    return f"{parsed.scheme}://{parsed.netloc}"


def index_html(csp: str) -> str:
    """The editor's page: no inline script (the policy allows none), a Swedish note without JavaScript."""
    return "\n".join(
        [
            "<!doctype html>",
            '<html lang="sv">',
            "<head>",
            '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{html.escape(csp)}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            '<meta name="robots" content="noindex">',
            '<meta name="referrer" content="no-referrer">',
            "<title>Redigera – Kunskapsbanken för God och nära vård</title>",
            '<link rel="stylesheet" href="redigera.css">',
            "</head>",
            "<body>",
            "<noscript><p>Formuläret för nya berättelser behöver JavaScript. Du kan också skriva berättelsen i "
            "GitHubs webbredigerare; guiden Bidra med en berättelse visar hur.</p></noscript>",
            '<script src="js-yaml.min.js"></script>',
            '<script src="cms_story.js"></script>',
            '<script src="cms_editor.js"></script>',
            '<script src="decap-cms.js"></script>',
            "</body>",
            "</html>",
            "",
        ]
    )


def form_address(site_url: str) -> str:
    """The form's address on the published site (KB_SITE_URL), or "" when the site's address is not known."""
    return site_url.strip().rstrip("/") + "/redigera/" if site_url.strip() else ""


GUIDE = "../bidra/"
ADMIN_GUIDE = "../bidra/administrator/"


def not_set_up(issue_form: str, web_editor: str) -> dict:
    """The page instead of the form when no sign-in service is set up (the GitHub backend would otherwise
    send people to Netlify's): the two other ways to propose a story, and one sentence for the administrator."""
    return {
        "title": "Formuläret för nya berättelser",
        "lines": [
            {
                "text": "Formuläret är inte påslaget ännu, men du kan redan nu föreslå en berättelse på ett av de andra "
                "sätten: fyll i frågorna på GitHub, så gör en redaktör om dem till en sida, eller skriv sidan själv "
                "med en färdig mall.",
                "links": [
                    {"href": issue_form, "text": "Föreslå en berättelse i ett formulär på GitHub"},
                    {"href": web_editor, "text": "Skriv berättelsen med mallen på GitHub"},
                ],
            },
            {
                "text": "Guiden visar båda sätten steg för steg:",
                "links": [{"href": GUIDE, "text": "Bidra med en berättelse"}],
            },
            {
                "text": "För administratören: formuläret slås på med en inloggningstjänst för GitHub, steg för steg på sidan",
                "links": [{"href": ADMIN_GUIDE, "text": "Slå på formuläret"}],
            },
        ],
    }


def too_narrow(issue_form: str) -> dict:
    """The page a phone shows instead of the form: the form needs a wider screen; the issue form does not."""
    return {
        "title": "Formuläret behöver en större skärm",
        "lines": [
            {
                "text": "Formuläret för nya berättelser har för många fält för en mobil. Öppna sidan på en dator eller "
                "en surfplatta, eller föreslå berättelsen direkt från mobilen:",
                "links": [{"href": issue_form, "text": "Föreslå en berättelse i ett formulär på GitHub"}],
            },
            {"text": "Guiden visar hur det går till:", "links": [{"href": GUIDE, "text": "Bidra med en berättelse"}]},
        ],
    }
