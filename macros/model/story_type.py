"""The story, the content type communicators write, and where they meet its fields: which of them the
scaffolder, the form editor and the GitHub issue form ask."""

from macros.model import vocabularies as v
from macros.model.common_fields import first_id
from macros.model.content_type import ContentType
from macros.model.field_declaration import Field
from macros.model.kinds import (
    IS_TRUE,
    NON_EMPTY_LIST,
    Boolean,
    Choice,
    ListOf,
    MaxLength,
    Reference,
    RequiredWhen,
    Text,
)
from macros.model.names import MAX_NAME

R = v.REGION  # the region's examples (region.yml `exempel`); a field without one shows its list's first value

# A story's title and lead are shown in lists and search results, and its file name is made from the title
# (cut at names.MAX_NAME). The longest in the repository: 84 and 199 characters.
STORY_TITLE_MAX = 120
STORY_DESCRIPTION_MAX = 300

STORY = ContentType(
    "story",
    "berättelse",
    "stories",
    "berattelser",
    "En berättelse som visar hur omställningen märks för invånare och medarbetare.",
    (
        Field(
            "slag",
            Choice(v.STORY_KINDS),
            "Vilken sorts berättelse det är. En illustrativ berättelse är skriven för att visa något och säger det.",
            required=True,
            example="illustrativ",
            title="Slag av berättelse",
        ),
        Field(
            "personas",
            ListOf(Reference(("persona",))),
            "Personas som berättelsen handlar om.",
            example=R.example("personas"),
            title="Personas",
        ),
        Field(
            "strategier",
            ListOf(Reference(("strategy",))),
            "Strategier som berättelsen visar i praktiken.",
            example=R.example("strategier"),
            title="Strategier",
        ),
        Field(
            "principer",
            ListOf(Reference(("principle",))),
            "Principer som berättelsen visar.",
            example=R.example("principer"),
            title="Principer",
        ),
        Field(
            "indikatorer",
            ListOf(Reference(("indicator",))),
            "Indikatorer som berättelsen belyser.",
            example=R.example("indikatorer"),
            title="Indikatorer",
        ),
        Field(
            "strategigrupper",
            ListOf(Choice(v.STRATEGY_GROUPS)),
            "Strategigrupper som berättelsen hör till.",
            example=R.example("strategigrupper", [first_id(v.STRATEGY_GROUPS)]),
            title="Strategigrupper",
        ),
        Field(
            "kommuner",
            ListOf(Choice(v.MUNICIPALITIES)),
            f"Kommun eller kommuner där berättelsen utspelar sig, eller {v.label(v.MUNICIPALITIES, first_id(v.MUNICIPALITIES))}.",
            required=True,
            example=[first_id(v.MUNICIPALITIES)],
            title="Kommuner",
        ),
        Field(
            "forfattare",
            Text(),
            "Vem som skrev berättelsen (funktion eller namn).",
            required=True,
            example=R.example("forfattare"),
            title="Författare",
        ),
        Field(
            "verkliga_personer",
            Boolean(),
            "Om verkliga personer som går att känna igen förekommer i berättelsen.",
            example=False,
            title="Verkliga personer",
        ),
        Field(
            "samtycke",
            Text(),
            "Hur samtycket har dokumenterats. Krävs när verkliga personer förekommer.",
            example="Skriftligt samtycke, arkiverat hos kommunikationsavdelningen",
            title="Samtycke",
        ),
        Field(
            "kontaktuppgifter",
            ListOf(Text()),
            "Telefonnummer eller e-postadresser som får stå i texten, precis "
            "som de står där (till exempel en offentlig växel eller en funktionsbrevlåda). Utelämna fältet annars.",
            example=["info@example.org"],
            title="Kontaktuppgifter",
        ),
        Field(
            "personuppgifter_tillatna",
            Text(),
            "Skäl till att kontaktuppgifterna får publiceras. Krävs när "
            "Kontaktuppgifter är ifyllt. Personnummer publiceras aldrig.",
            example="Funktionsbrevlåda som kommunen själv publicerar",
            title="Skäl att publicera kontaktuppgifterna",
        ),
    ),
    rules=(
        RequiredWhen(
            "samtycke",
            "verkliga_personer",
            IS_TRUE,
            (
                "Berättelsen handlar om verkliga personer, men det står inte hur samtycket har dokumenterats. Skriv "
                "det i fältet Samtycke, eller avidentifiera berättelsen och svara nej på Verkliga personer."
            ),
            at="verkliga_personer",
        ),
        RequiredWhen(
            "personuppgifter_tillatna",
            "kontaktuppgifter",
            NON_EMPTY_LIST,
            (
                "Kontaktuppgifter är ifyllt men skälet saknas. Skriv i fältet Skäl att publicera kontaktuppgifterna "
                "varför uppgifterna får publiceras (till exempel: regionens offentliga växel)."
            ),
            at="kontaktuppgifter",
        ),
        MaxLength(
            "titel",
            STORY_TITLE_MAX,
            f"Titeln är för lång. Korta den till högst {STORY_TITLE_MAX} tecken; "
            f"filnamnet blir högst {MAX_NAME} tecken av titeln.",
        ),
        MaxLength(
            "beskrivning",
            STORY_DESCRIPTION_MAX,
            f"Beskrivningen är för lång. Korta den till högst {STORY_DESCRIPTION_MAX} tecken, en eller två meningar.",
        ),
    ),
)


# --- where a communicator meets a story's fields ---------------------------------------------------
# Each entry point asks a subset of the story's fields; the rest are filled in (status utkast, skapad
# today, ansvarig and kallor from the author) or left to the editor. Recorded here, once, so the
# scaffolder, the form editor and the GitHub issue form read the same lists (tests/test_issue_form.py
# and tests/test_cms_config.py hold each to its reasons).
SCAFFOLD_ASKS = ("titel", "beskrivning", "personas", "strategier", "strategigrupper", "kommuner", "slag", "forfattare")
# The form shows the scaffolder's questions and the other links a story makes, its keywords, whether real
# people appear and, when a story that is there is changed, what changed for the reader.
FORM_ASKS = SCAFFOLD_ASKS + (
    "ansvarig",
    "taggar",
    "sokord",
    "principer",
    "indikatorer",
    "verkliga_personer",
    "samtycke",
    "kontaktuppgifter",
    "personuppgifter_tillatna",
    "andring",
)
# The issue form is public the moment it is sent, with no check in between: no contact details.
ISSUE_FORM_ASKS = (
    "titel",
    "beskrivning",
    "slag",
    "strategier",
    "principer",
    "indikatorer",
    "personas",
    "strategigrupper",
    "kommuner",
    "taggar",
    "sokord",
    "forfattare",
    "verkliga_personer",
    "samtycke",
    "kallor",
)
