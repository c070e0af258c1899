"""The content model, declared once: every content type, its folder and its fields.

The catalog, the validator, the scaffolder, the JSON Schemas and the contributor
guide's field tables are all generated from the declarations below, so none of
them can drift from the others.
"""

from dataclasses import dataclass, field

from . import vocabularies as v


@dataclass(frozen=True)
class Field:
    name: str
    kind: str  # text, texts, date, int, number, bool, choice, choices, ref, refs, record, records
    description: str
    required: bool = False
    vocabulary: dict | None = None  # for choice/choices
    ref_types: tuple[str, ...] = ()  # for ref/refs; empty = any content type
    fields: tuple["Field", ...] = ()  # for record/records
    example: object = None


@dataclass(frozen=True)
class ContentType:
    key: str  # English identifier used in code
    name: str  # Swedish name shown to authors
    folder: str  # repository folder the files live in
    url_prefix: str  # site path the pages are published under
    description: str
    fields: tuple[Field, ...] = field(default=())

    def field(self, name: str) -> Field | None:
        return next((f for f in self.all_fields if f.name == name), None)

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return COMMON_FIELDS + self.fields


SOURCE_FIELDS = (
    Field("dokument", "choice", "Ett av källdokumenten (se sidan Källor).", vocabulary=v.SOURCE_DOCUMENTS,
          example="kommunernas-plan"),
    Field("avsnitt", "text", "Avsnitt eller bild i dokumentet, till exempel \"Strategi 2\".", example="Strategi 2"),
    Field("url", "text", "Webbadress till en offentlig källa (används i stället för dokument).",
          example="https://rjl.se/qulturum/_in-english/esther"),
    Field("titel", "text", "Källans namn när du anger en webbadress."),
    Field("text", "text", "Annan källa i fri text, till exempel \"Intervju med enhetschef, mars 2026\"."),
)

COMMON_FIELDS = (
    Field("titel", "text", "Sidans rubrik, kort och tydlig.", required=True, example="Trygg hemgång för Esther"),
    Field("beskrivning", "text", "En eller två meningar om vad sidan handlar om. Visas i listor och sökträffar.",
          required=True),
    Field("status", "choice", "Var i arbetsflödet sidan är. Nya sidor börjar som utkast.", required=True,
          vocabulary=v.STATUSES, example="utkast"),
    Field("ansvarig", "text", "Vem som äger innehållet (organisation eller funktion, inte privatperson).",
          required=True, example="Kommunal utveckling"),
    Field("skapad", "date", "Datum då sidan skapades, skrivet ÅÅÅÅ-MM-DD.", required=True, example="2026-11-23"),
    Field("senast_granskad", "date", "Datum då innehållet senast granskades, ÅÅÅÅ-MM-DD."),
    Field("nasta_granskning", "date", "Datum då innehållet ska granskas nästa gång, ÅÅÅÅ-MM-DD."),
    Field("upphor", "date", "Datum då sidan slutar gälla och försvinner ur listor, kartor och sök."),
    Field("taggar", "choices", "Ämnesord från den fasta listan.", vocabulary=v.TAGS, example=["nara-vard"]),
    Field("sokord", "texts", "Ord som ska hitta sidan i sökningen: synonymer, vardagsord, förkortningar.",
          example=["SIP", "samordnad individuell plan"]),
    Field("tidslinje", "records", "Daterade händelser som sidan berättar om; de visas på sidan Tidslinje.",
          fields=(Field("ar", "int", "Årtal.", required=True, example=2016),
                  Field("handelse", "text", "Vad som hände, i en mening.", required=True))),
    Field("kallor", "records", "Var fakta på sidan kommer ifrån. Ange dokument och avsnitt, en webbadress "
          "med titel, eller en källa i fri text.", required=True, fields=SOURCE_FIELDS),
)

STORY = ContentType(
    "story", "berättelse", "stories", "berattelser",
    "En berättelse som visar hur omställningen märks för invånare och medarbetare.",
    (
        Field("slag", "choice", "Vilken sorts berättelse det är. En illustrativ berättelse är skriven för att "
              "visa något och säger det.", required=True, vocabulary=v.STORY_KINDS, example="illustrativ"),
        Field("personas", "refs", "Personas som berättelsen handlar om.", ref_types=("persona",),
              example=["esther"]),
        Field("strategier", "refs", "Strategier som berättelsen visar i praktiken.", ref_types=("strategy",),
              example=["k2", "r2"]),
        Field("principer", "refs", "Principer som berättelsen visar.", ref_types=("principle",)),
        Field("indikatorer", "refs", "Indikatorer som berättelsen belyser.", ref_types=("indicator",)),
        Field("strategigrupper", "choices", "Strategigrupper som berättelsen hör till.",
              vocabulary=v.STRATEGY_GROUPS, example=["aldre"]),
        Field("kommuner", "choices", "Kommun eller kommuner där berättelsen utspelar sig, eller hela-lanet.",
              required=True, vocabulary=v.MUNICIPALITIES, example=["hela-lanet"]),
        Field("forfattare", "text", "Vem som skrev berättelsen (funktion eller namn).", required=True,
              example="Kommunikatör, Region Jönköpings län"),
        Field("verkliga_personer", "bool", "Sätt true om verkliga, igenkännbara personer förekommer.",
              example=False),
        Field("samtycke", "text", "Hur samtycke har dokumenterats. Krävs när verkliga_personer är true."),
        Field("kontaktuppgifter", "texts", "Telefonnummer eller e-postadresser som får stå i texten, precis som de "
              "står där (till exempel en offentlig växel eller en funktionsbrevlåda). Lämna tomt annars."),
        Field("personuppgifter_tillatna", "text", "Skäl till att kontaktuppgifterna får publiceras. Krävs när "
              "kontaktuppgifter är ifyllt. Personnummer publiceras aldrig."),
    ),
)

STRATEGY = ContentType(
    "strategy", "strategi", "strategies", "strategier",
    "En strategi i kommunernas eller regionens plan.",
    (
        Field("kod", "text", "Strategins kod, till exempel K1 för kommunernas strategi 1 eller R3 för "
              "regionens strategi 3.", required=True, example="K1"),
        Field("kortnamn", "text", "Kort namn som visas efter koden i listor, kartor och ämnesord, till exempel "
              "\"Samverkan och kontinuitet\" (K2 · Samverkan och kontinuitet). Håll det under 40 tecken.",
              required=True, example="Samverkan och kontinuitet"),
        Field("plan", "choice", "Planen som strategin hör till. Ägare och period följer av planen.",
              required=True, vocabulary=v.PLANS, example="kommunernas-plan"),
        Field("ordning", "int", "Strategins nummer i planen.", required=True, example=1),
        Field("malbild", "texts", "Koppling till målbilden, punkt för punkt som i planen."),
        Field("utvecklingsomraden", "texts", "Exempel på utvecklingsområden som konkretiserar strategin."),
        Field("matomraden", "texts", "Mätområden som planen anger för strategin."),
        Field("indikatorer", "refs", "Indikatorer som mäter strategin.", ref_types=("indicator",)),
        Field("principer", "refs", "Principer som strategin vilar på.", ref_types=("principle",)),
        Field("motsvarighet", "refs", "Motsvarande strategi i den andra planen.", ref_types=("strategy",)),
        Field("strategigrupper", "choices", "Strategigrupper som arbetar med strategin.",
              vocabulary=v.STRATEGY_GROUPS),
    ),
)

PERSONA = ContentType(
    "persona", "persona", "docs/personas", "personas",
    "En symbolisk person som arbetet utgår från, som Esther och Britt-Marie.",
    (
        Field("fragan", "text", "Frågan personan påminner om, till exempel \"Vad är bäst för Esther?\"."),
    ),
)

PRINCIPLE = ContentType(
    "principle", "princip", "docs/principer", "principer",
    "En princip, regel eller värdering som arbetet vilar på.",
    (
        Field("samling", "choice", "Vilken uppsättning principer den hör till.", required=True,
              vocabulary=v.PRINCIPLE_SETS, example="vagledande-principer"),
        Field("ordning", "int", "Plats i uppsättningen (1, 2, 3 …).", required=True, example=1),
    ),
)

GOVERNANCE_BODY = ContentType(
    "body", "styrorgan", "docs/styrning", "styrning",
    "Ett organ i ledningssystemet för samverkan.",
    (
        Field("overordnad", "ref", "Organet som detta organ rapporterar till eller får uppdrag från.",
              ref_types=("body",), example="reko"),
        Field("niva", "choice", "Politisk nivå, tjänstepersonsnivå eller stöd.", required=True,
              vocabulary=v.GOVERNANCE_LEVELS, example="tjansteperson"),
        Field("sammansattning", "texts", "Vilka som ingår."),
        Field("motesfrekvens", "text", "Hur ofta organet möts, som källan anger det."),
        Field("ordforande", "text", "Hur ordförande utses eller vem som leder."),
        Field("uppdrag", "texts", "Vad organet ansvarar för, punkt för punkt."),
    ),
)

DATA_POINT_FIELDS = (
    Field("period", "text", "Tidpunkt eller period, till exempel 2019 eller 2023/2024.", required=True),
    Field("varde", "number", "Värdet som ett tal.", required=True),
    Field("omfattning", "text", "Vad värdet gäller, till exempel Hela länet eller Höglandet.", required=True),
    Field("kalla", "text", "Källa för just detta värde om den skiljer sig från sidans källor."),
)

INDICATOR = ContentType(
    "indicator", "indikator", "docs/indikatorer", "indikatorer",
    "Ett mätområde eller mått som följer omställningen.",
    (
        Field("definition", "text", "Vad som mäts.", required=True),
        Field("enhet", "text", "Enheten för värdena, till exempel antal, dagar eller procent.", required=True),
        Field("riktning", "choice", "Vilket håll som är bättre.", required=True, vocabulary=v.DIRECTIONS),
        Field("dataagare", "text", "Vem som tar fram måttet.", required=True),
        Field("strategier", "refs", "Strategier som indikatorn mäter.", ref_types=("strategy",)),
        Field("serie", "records", "Mätvärden. Lämna tomt om källan inte anger några värden.",
              fields=DATA_POINT_FIELDS),
        Field("mal", "text", "Målvärde eller mål i ord, om ett sådant finns i källan."),
    ),
)

STEP_FIELDS = (
    Field("titel", "text", "Stegets rubrik.", required=True),
    Field("varfor", "text", "Kort om varför steget är viktigt.", required=True),
    Field("sidor", "refs", "Sidor att läsa, med deras id.", required=True),
    Field("minuter", "int", "Ungefärlig tid i minuter.", required=True),
    Field("fragor", "texts", "En till tre reflektionsfrågor."),
    Field("kontroll", "records", "Kontrollfrågor med svar som visas på begäran.",
          fields=(Field("fraga", "text", "Frågan.", required=True),
                  Field("svar", "text", "Svaret.", required=True))),
)

JOURNEY = ContentType(
    "journey", "introduktionsspår", "docs/introduktion", "introduktion",
    "En steg-för-steg-introduktion för en roll.",
    (
        Field("roll", "choice", "Rollen spåret är till för.", required=True, vocabulary=v.ROLES),
        Field("steg", "records", "Stegen i ordning.", required=True, fields=STEP_FIELDS),
    ),
)

PAGE = ContentType(
    "page", "sida", "docs", "",
    "En vanlig sida, till exempel en översikt eller en vägledning.",
    (
        Field("hide", "texts", "Delar av sidlayouten som döljs (navigation, toc, footer)."),
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
