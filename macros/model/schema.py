"""The content model, declared once: every content type, its folder and its fields.

The catalog, the validator, the scaffolder, the JSON Schemas and the contributor
guide's field tables are all generated from the declarations below, so none of
them can drift from the others. What a field accepts is its kind (macros/model/kinds.py):
one object that checks a value, describes it in JSON Schema and names it in Swedish.
Rules between fields are declared with the fields they relate.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field

from macros.model import vocabularies as v
from macros.model.kinds import (
    IS_GIVEN,
    IS_TRUE,
    NON_EMPTY_LIST,
    Boolean,
    Choice,
    Date,
    ExactlyOne,
    Integer,
    Kind,
    ListOf,
    MaxLength,
    Number,
    Record,
    Reference,
    RequiredWhen,
    Rule,
    Text,
    Vocabulary,
    WebAddress,
)
from macros.model.names import MAX_NAME

R = v.REGION  # the region's examples (region.yml `exempel`); a field without one shows its list's first value


def _first(vocabulary: Mapping[str, object]) -> str:
    """The first id of an allow-list: the example of a field the region gives none for."""
    return next(iter(vocabulary), "")


def _for_example(text: str, key: str, quoted: bool = False) -> str:
    """A description ending in the region's example of `key`, when it gives one: "…, till exempel X."."""
    example = R.example(key)
    if not example:
        return text + "."
    return f'{text}, till exempel "{example}".' if quoted else f"{text}, till exempel {example}."


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    example: object = None
    title: str = ""  # Swedish, short: the name forms and the field reference show for the field

    @property
    def vocabulary(self) -> Vocabulary | None:
        """The allow-list of a choice or a list of choices; None for other kinds."""
        return self.kind.vocabulary

    @property
    def ref_types(self) -> tuple[str, ...]:
        """The content types a reference may name; empty for any type (and for other kinds)."""
        return self.kind.types

    @property
    def fields(self) -> tuple["Field", ...]:
        """The subfields of a record or a list of records."""
        return self.kind.fields


@dataclass(frozen=True)
class ContentType:
    key: str  # English identifier used in code
    name: str  # Swedish name shown to authors
    folder: str  # repository folder the files live in
    url_prefix: str  # site path the pages are published under
    description: str
    fields: tuple[Field, ...] = field(default=())
    rules: tuple[
        Rule, ...
    ] = ()  # rules between fields (kinds.RequiredWhen, kinds.ExactlyOne), checked after the fields

    def field(self, name: str) -> Field | None:
        return next((f for f in self.all_fields if f.name == name), None)

    def field_named(self, name: str) -> Field:
        """The field `name`, which the caller knows the type has (a KeyError naming both if not)."""
        found = self.field(name)
        if found is None:
            raise KeyError(f"{self.key} has no field {name!r}")
        return found

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return COMMON_FIELDS + self.fields

    @property
    def front_matter(self) -> Record:
        """The whole front matter as one record: every field and the type's rules."""
        return Record(self.all_fields, self.rules)


SOURCE_FIELDS = (
    Field(
        "dokument",
        Choice(v.SOURCE_DOCUMENTS),
        "Ett av källdokumenten (se sidan Källor).",
        example=R.example("dokument", _first(v.SOURCE_DOCUMENTS)),
        title="Dokument",
    ),
    Field(
        "avsnitt",
        Text(),
        _for_example("Avsnitt eller bild i dokumentet", "avsnitt", quoted=True),
        example=R.example("avsnitt"),
        title="Avsnitt",
    ),
    Field(
        "url",
        WebAddress(),
        "Webbadress till en offentlig källa (används i stället för dokument).",
        example=R.example("url"),
        title="Webbadress",
    ),
    Field("titel", Text(), "Källans namn när du anger en webbadress.", title="Källans namn"),
    Field(
        "text",
        Text(),
        'Annan källa i fri text, till exempel "Intervju med enhetschef, mars 2026".',
        title="Annan källa",
    ),
)
SOURCE_RULES = (
    ExactlyOne(
        ("dokument", "url", "text"),
        "Varje källa anger precis ett av 'dokument' (med 'avsnitt'), 'url' (med 'titel') eller 'text'.",
    ),
    RequiredWhen("titel", "url", IS_GIVEN, "En källa med 'url' behöver också 'titel', källans namn.", at="url"),
)

TIMELINE_FIELDS = (
    Field("ar", Integer(), "Årtal.", required=True, example=2016, title="År"),
    Field("handelse", Text(), "Vad som hände, i en mening.", required=True, title="Händelse"),
)

COMMON_FIELDS = (
    Field(
        "titel",
        Text(),
        "Sidans rubrik, kort och tydlig.",
        required=True,
        example=R.example("titel"),
        title="Titel",
    ),
    Field(
        "beskrivning",
        Text(),
        "En eller två meningar om vad sidan handlar om. Visas i listor och sökträffar.",
        required=True,
        example=R.example("beskrivning"),
        title="Beskrivning",
    ),
    Field(
        "status",
        Choice(v.STATUSES),
        "Var i arbetsflödet sidan är. Nya sidor börjar som utkast.",
        required=True,
        example="utkast",
        title="Status",
    ),
    Field(
        "ansvarig",
        Text(),
        "Vem som äger innehållet (organisation eller funktion, inte privatperson).",
        required=True,
        example=R.example("ansvarig"),
        title="Ansvarig",
    ),
    Field(
        "skapad",
        Date(),
        "Datum då sidan skapades, skrivet ÅÅÅÅ-MM-DD.",
        required=True,
        example="2026-11-23",
        title="Skapad",
    ),
    Field(
        "senast_granskad",
        Date(),
        "Datum då innehållet senast granskades, ÅÅÅÅ-MM-DD.",
        example="2026-11-23",
        title="Senast granskad",
    ),
    Field(
        "nasta_granskning",
        Date(),
        "Datum då innehållet ska granskas nästa gång, ÅÅÅÅ-MM-DD.",
        example="2027-11-23",
        title="Nästa granskning",
    ),
    Field(
        "upphor",
        Date(),
        "Datum då sidan slutar gälla och försvinner ur listor, kartor och sök.",
        example="2027-12-31",
        title="Upphör",
    ),
    Field(
        "andring",
        Text(),
        'En mening till läsaren om vad du har ändrat, till exempel "Siffrorna för 2025 lades '
        'till." Den visas i sidans historik. Skriv en ny mening varje gång du ändrar något som läsaren ser; en '
        "ändring utan ny mening (till exempel ett rättat stavfel) syns inte i historiken.",
        example="Siffrorna för 2025 lades till.",
        title="Vad har ändrats?",
    ),
    Field(
        "taggar", ListOf(Choice(v.TAGS)), "Ämnesord från den fasta listan.", example=[_first(v.TAGS)], title="Ämnesord"
    ),
    Field(
        "sokord",
        ListOf(Text()),
        "Ord som ska hitta sidan i sökningen: synonymer, vardagsord, förkortningar.",
        example=["SIP", "samordnad individuell plan"],
        title="Sökord",
    ),
    Field(
        "tidslinje",
        ListOf(Record(TIMELINE_FIELDS, noun="händelse")),
        "Daterade händelser som sidan berättar om; de visas på sidan Tidslinje.",
        example=[{"ar": 2026, "handelse": "Vad som hände, i en mening."}],
        title="Tidslinje",
    ),
    Field(
        "kallor",
        ListOf(Record(SOURCE_FIELDS, SOURCE_RULES, noun="källa")),
        "Var fakta på sidan kommer ifrån. Ange dokument och "
        "avsnitt, en webbadress med titel, eller en källa i fri text.",
        required=True,
        example=[{"dokument": R.example("dokument", _first(v.SOURCE_DOCUMENTS)), "avsnitt": R.example("avsnitt", "1")}],
        title="Källor",
    ),
)

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
            example=R.example("strategigrupper", [_first(v.STRATEGY_GROUPS)]),
            title="Strategigrupper",
        ),
        Field(
            "kommuner",
            ListOf(Choice(v.MUNICIPALITIES)),
            f"Kommun eller kommuner där berättelsen utspelar sig, eller {v.label(v.MUNICIPALITIES, _first(v.MUNICIPALITIES))}.",
            required=True,
            example=[_first(v.MUNICIPALITIES)],
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

STRATEGY = ContentType(
    "strategy",
    "strategi",
    "strategies",
    "strategier",
    "En strategi i en av de styrande planerna.",
    (
        Field(
            "kod",
            Text(),
            "Strategins kod: några tecken, unik bland strategierna, som visas före kortnamnet.",
            required=True,
            example=R.example("kod"),
            title="Kod",
        ),
        Field(
            "kortnamn",
            Text(),
            "Kort namn som visas efter koden i listor, kartor och ämnesord"
            + (
                f', till exempel "{R.example("kortnamn")}" ({R.example("kod")} · {R.example("kortnamn")})'
                if R.example("kod") and R.example("kortnamn")
                else ""
            )
            + ". Håll det under 40 tecken.",
            required=True,
            example=R.example("kortnamn"),
            title="Kortnamn",
        ),
        Field(
            "plan",
            Choice(v.PLANS),
            "Planen som strategin hör till. Ägare och period följer av planen.",
            required=True,
            example=_first(v.PLANS),
            title="Plan",
        ),
        Field("ordning", Integer(), "Strategins nummer i planen.", required=True, example=1, title="Ordning"),
        Field("malbild", ListOf(Text()), "Koppling till målbilden, punkt för punkt som i planen.", title="Målbild"),
        Field(
            "utvecklingsomraden",
            ListOf(Text()),
            "Exempel på utvecklingsområden som konkretiserar strategin.",
            title="Utvecklingsområden",
        ),
        Field("matomraden", ListOf(Text()), "Mätområden som planen anger för strategin.", title="Mätområden"),
        Field(
            "indikatorer", ListOf(Reference(("indicator",))), "Indikatorer som mäter strategin.", title="Indikatorer"
        ),
        Field("principer", ListOf(Reference(("principle",))), "Principer som strategin vilar på.", title="Principer"),
        Field(
            "motsvarighet",
            ListOf(Reference(("strategy",))),
            "Motsvarande strategi i den andra planen.",
            title="Motsvarighet",
        ),
        Field(
            "strategigrupper",
            ListOf(Choice(v.STRATEGY_GROUPS)),
            "Strategigrupper som arbetar med strategin.",
            title="Strategigrupper",
        ),
    ),
)

PERSONA = ContentType(
    "persona",
    "persona",
    "docs/personas",
    "personas",
    "En person som arbetet utgår från, verklig eller symbolisk.",
    (Field("fragan", Text(), _for_example("Frågan personan påminner om", "fragan", quoted=True), title="Frågan"),),
)

PRINCIPLE = ContentType(
    "principle",
    "princip",
    "docs/principer",
    "principer",
    "En princip, regel eller värdering som arbetet vilar på.",
    (
        Field(
            "samling",
            Choice(v.PRINCIPLE_SETS),
            "Vilken uppsättning principer den hör till.",
            required=True,
            example=_first(v.PRINCIPLE_SETS),
            title="Samling",
        ),
        Field("ordning", Integer(), "Plats i uppsättningen (1, 2, 3 …).", required=True, example=1, title="Ordning"),
    ),
)

GOVERNANCE_BODY = ContentType(
    "body",
    "styrorgan",
    "docs/styrning",
    "styrning",
    "Ett organ i ledningssystemet för samverkan.",
    (
        Field(
            "overordnad",
            Reference(("body",)),
            "Organet som detta organ rapporterar till eller får uppdrag från.",
            example=R.example("overordnad"),
            title="Överordnat organ",
        ),
        Field(
            "niva",
            Choice(v.GOVERNANCE_LEVELS),
            "Politisk nivå, tjänstepersonsnivå eller stöd.",
            required=True,
            example="tjansteperson",
            title="Nivå",
        ),
        Field("sammansattning", ListOf(Text()), "Vilka som ingår.", title="Sammansättning"),
        Field("motesfrekvens", Text(), "Hur ofta organet möts, som källan anger det.", title="Mötesfrekvens"),
        Field("ordforande", Text(), "Hur ordförande utses eller vem som leder.", title="Ordförande"),
        Field("uppdrag", ListOf(Text()), "Vad organet ansvarar för, punkt för punkt.", title="Uppdrag"),
    ),
)

DATA_POINT_FIELDS = (
    Field("period", Text(), "Tidpunkt eller period, till exempel 2019 eller 2023/2024.", required=True, title="Period"),
    Field("varde", Number(), "Värdet som ett tal.", required=True, title="Värde"),
    Field(
        "omfattning",
        Text(),
        _for_example("Vad värdet gäller", "omfattning"),
        required=True,
        title="Omfattning",
    ),
    Field("kalla", Text(), "Källa för just detta värde om den skiljer sig från sidans källor.", title="Källa"),
)

INDICATOR = ContentType(
    "indicator",
    "indikator",
    "docs/indikatorer",
    "indikatorer",
    "Ett mätområde eller mått som följer omställningen.",
    (
        Field("definition", Text(), "Vad som mäts.", required=True, title="Definition"),
        Field(
            "enhet",
            Text(),
            "Enheten för värdena, till exempel antal, dagar eller procent.",
            required=True,
            title="Enhet",
        ),
        Field("riktning", Choice(v.DIRECTIONS), "Vilket håll som är bättre.", required=True, title="Riktning"),
        Field("dataagare", Text(), "Vem som tar fram måttet.", required=True, title="Dataägare"),
        Field("strategier", ListOf(Reference(("strategy",))), "Strategier som indikatorn mäter.", title="Strategier"),
        Field(
            "serie",
            ListOf(Record(DATA_POINT_FIELDS)),
            "Mätvärden. Utelämna fältet om källan inte anger några värden.",
            title="Mätvärden",
        ),
        Field("mal", Text(), "Målvärde eller mål i ord, om ett sådant finns i källan.", title="Mål"),
    ),
)

CHECK_QUESTION_FIELDS = (
    Field("fraga", Text(), "Frågan.", required=True, title="Fråga"),
    Field("svar", Text(), "Svaret.", required=True, title="Svar"),
)

STEP_FIELDS = (
    Field("titel", Text(), "Stegets rubrik.", required=True, title="Rubrik"),
    Field("varfor", Text(), "Kort om varför steget är viktigt.", required=True, title="Varför"),
    Field("sidor", ListOf(Reference()), "Sidor att läsa, med deras id.", required=True, title="Sidor"),
    Field("minuter", Integer(), "Ungefärlig tid i minuter.", required=True, title="Minuter"),
    Field("fragor", ListOf(Text()), "En till tre reflektionsfrågor.", title="Reflektionsfrågor"),
    Field(
        "kontroll",
        ListOf(Record(CHECK_QUESTION_FIELDS)),
        "Kontrollfrågor med svar som visas på begäran.",
        title="Kontrollfrågor",
    ),
)

JOURNEY = ContentType(
    "journey",
    "introduktionsspår",
    "docs/introduktion",
    "introduktion",
    "En steg-för-steg-introduktion för en roll.",
    (
        Field("roll", Choice(v.ROLES), "Rollen spåret är till för.", required=True, title="Roll"),
        Field("steg", ListOf(Record(STEP_FIELDS)), "Stegen i ordning.", required=True, title="Steg"),
    ),
)

PAGE = ContentType(
    "page",
    "sida",
    "docs",
    "",
    "En vanlig sida, till exempel en översikt eller en vägledning.",
    (
        Field(
            "hide",
            ListOf(Text()),
            "Delar av sidlayouten som döljs (navigation, toc, footer).",
            title="Dölj i sidlayouten",
        ),
    ),
)

# Order matters: the first type whose folder contains a file owns it; PAGE is the fallback.
CONTENT_TYPES = (STORY, STRATEGY, PERSONA, PRINCIPLE, GOVERNANCE_BODY, INDICATOR, JOURNEY, PAGE)
TYPES_BY_KEY = {t.key: t for t in CONTENT_TYPES}

# Fields a plain page may leave out: start pages and guides have no owner or sources.
PAGE_OPTIONAL = {"ansvarig", "skapad", "kallor", "status"}


def is_required(content_type: ContentType, f: Field) -> bool:
    return f.required and not (content_type is PAGE and f.name in PAGE_OPTIONAL)


def type_for_path(rel_path: str) -> ContentType:
    """The content type that owns a repository-relative path (posix separators)."""
    folder, _, name = rel_path.rpartition("/")
    for content_type in CONTENT_TYPES[:-1]:
        if folder == content_type.folder and name != "index.md":
            return content_type
    return PAGE


# A content type by its Swedish name ("berättelse", as macros and commands say it) or its key.
TYPE_BY_NAME = {t.name: t for t in CONTENT_TYPES} | {t.key: t for t in CONTENT_TYPES}


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


def site_path(rel_path: str) -> str:
    """Where a repository file is published in the site's file set, by the folder and address each
    content type declares: stories/x.md -> berattelser/x.md, docs/personas/esther.md -> personas/esther.md."""
    top, _, rest = rel_path.partition("/")
    for content_type in CONTENT_TYPES:
        if top == content_type.folder:  # a top-level folder of its own (stories/, strategies/)
            return f"{content_type.url_prefix}/{rest}" if content_type.url_prefix else rest
    if top == PAGE.folder:
        return rest
    raise ValueError(f"{rel_path} is not in a content folder")
