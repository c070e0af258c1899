"""The content model, declared once: every content type, its folder and its fields.

The catalog, the validator, the scaffolder, the JSON Schemas and the contributor
guide's field tables are all generated from the declarations below, so none of
them can drift from the others. What a field accepts is its kind (macros/model/kinds.py):
one object that checks a value, describes it in JSON Schema and names it in Swedish.
Rules between fields are declared with the fields they relate.
"""

from dataclasses import dataclass, field

from macros.model import vocabularies as v
from macros.model.kinds import IS_GIVEN, IS_TRUE, NON_EMPTY_LIST, Boolean, Choice, Date, ExactlyOne, Integer, Kind, ListOf, Number, Record, Reference, RequiredWhen, Text, WebAddress


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    description: str
    required: bool = False
    example: object = None
    label: str = ""  # Swedish, short: the form's and the field reference's name for the field

    @property
    def vocabulary(self) -> dict | None:
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
    rules: tuple = ()  # rules between fields (kinds.RequiredWhen, kinds.ExactlyOne), checked after the fields

    def field(self, name: str) -> Field | None:
        return next((f for f in self.all_fields if f.name == name), None)

    @property
    def all_fields(self) -> tuple[Field, ...]:
        return COMMON_FIELDS + self.fields

    @property
    def front_matter(self) -> Record:
        """The whole front matter as one record: every field and the type's rules."""
        return Record(self.all_fields, self.rules)


SOURCE_FIELDS = (
    Field("dokument", Choice(v.SOURCE_DOCUMENTS), "Ett av källdokumenten (se sidan Källor).",
          example="kommunernas-plan", label="Dokument"),
    Field("avsnitt", Text(), "Avsnitt eller bild i dokumentet, till exempel \"Strategi 2\".", example="Strategi 2",
          label="Avsnitt"),
    Field("url", WebAddress(), "Webbadress till en offentlig källa (används i stället för dokument).",
          example="https://rjl.se/qulturum/_in-english/esther", label="Webbadress"),
    Field("titel", Text(), "Källans namn när du anger en webbadress.", label="Källans namn"),
    Field("text", Text(), "Annan källa i fri text, till exempel \"Intervju med enhetschef, mars 2026\".",
          label="Annan källa"),
)
SOURCE_RULES = (
    ExactlyOne(("dokument", "url", "text"), "Varje källa anger precis ett av 'dokument' (med 'avsnitt'), 'url' "
                                            "(med 'titel') eller 'text'."),
    RequiredWhen("titel", "url", IS_GIVEN, "En källa med 'url' behöver också 'titel', källans namn.", at="url"),
)

TIMELINE_FIELDS = (
    Field("ar", Integer(), "Årtal.", required=True, example=2016, label="År"),
    Field("handelse", Text(), "Vad som hände, i en mening.", required=True, label="Händelse"),
)

COMMON_FIELDS = (
    Field("titel", Text(), "Sidans rubrik, kort och tydlig.", required=True, example="Trygg hemgång för Esther",
          label="Titel"),
    Field("beskrivning", Text(), "En eller två meningar om vad sidan handlar om. Visas i listor och sökträffar.",
          required=True, example="Esther kommer hem från sjukhuset och vet vem hon ska ringa.", label="Beskrivning"),
    Field("status", Choice(v.STATUSES), "Var i arbetsflödet sidan är. Nya sidor börjar som utkast.", required=True,
          example="utkast", label="Status"),
    Field("ansvarig", Text(), "Vem som äger innehållet (organisation eller funktion, inte privatperson).",
          required=True, example="Kommunal utveckling", label="Ansvarig"),
    Field("skapad", Date(), "Datum då sidan skapades, skrivet ÅÅÅÅ-MM-DD.", required=True, example="2026-11-23",
          label="Skapad"),
    Field("senast_granskad", Date(), "Datum då innehållet senast granskades, ÅÅÅÅ-MM-DD.",
          example="2026-11-23", label="Senast granskad"),
    Field("nasta_granskning", Date(), "Datum då innehållet ska granskas nästa gång, ÅÅÅÅ-MM-DD.",
          example="2027-11-23", label="Nästa granskning"),
    Field("upphor", Date(), "Datum då sidan slutar gälla och försvinner ur listor, kartor och sök.",
          example="2027-12-31", label="Upphör"),
    Field("taggar", ListOf(Choice(v.TAGS)), "Ämnesord från den fasta listan.", example=["nara-vard"],
          label="Ämnesord"),
    Field("sokord", ListOf(Text()), "Ord som ska hitta sidan i sökningen: synonymer, vardagsord, förkortningar.",
          example=["SIP", "samordnad individuell plan"], label="Sökord"),
    Field("tidslinje", ListOf(Record(TIMELINE_FIELDS)), "Daterade händelser som sidan berättar om; de visas på "
          "sidan Tidslinje.", example=[{"ar": 2026, "handelse": "Vad som hände, i en mening."}], label="Tidslinje"),
    Field("kallor", ListOf(Record(SOURCE_FIELDS, SOURCE_RULES)), "Var fakta på sidan kommer ifrån. Ange dokument och "
          "avsnitt, en webbadress med titel, eller en källa i fri text.", required=True,
          example=[{"dokument": "kommunernas-plan", "avsnitt": "Strategi 2"}], label="Källor"),
)

STORY = ContentType(
    "story", "berättelse", "stories", "berattelser",
    "En berättelse som visar hur omställningen märks för invånare och medarbetare.",
    (
        Field("slag", Choice(v.STORY_KINDS), "Vilken sorts berättelse det är. En illustrativ berättelse är skriven "
              "för att visa något och säger det.", required=True, example="illustrativ",
              label="Slag av berättelse"),
        Field("personas", ListOf(Reference(("persona",))), "Personas som berättelsen handlar om.",
              example=["esther"], label="Personas"),
        Field("strategier", ListOf(Reference(("strategy",))), "Strategier som berättelsen visar i praktiken.",
              example=["k2", "r2"], label="Strategier"),
        Field("principer", ListOf(Reference(("principle",))), "Principer som berättelsen visar.",
              example=["bast-for-esther"], label="Principer"),
        Field("indikatorer", ListOf(Reference(("indicator",))), "Indikatorer som berättelsen belyser.",
              example=["utskrivningsklara"], label="Indikatorer"),
        Field("strategigrupper", ListOf(Choice(v.STRATEGY_GROUPS)), "Strategigrupper som berättelsen hör till.",
              example=["aldre"], label="Strategigrupper"),
        Field("kommuner", ListOf(Choice(v.MUNICIPALITIES)), "Kommun eller kommuner där berättelsen utspelar sig, "
              "eller hela-lanet.", required=True, example=["hela-lanet"], label="Kommuner"),
        Field("forfattare", Text(), "Vem som skrev berättelsen (funktion eller namn).", required=True,
              example="Kommunikatör, Region Jönköpings län", label="Författare"),
        Field("verkliga_personer", Boolean(), "Sätt true om verkliga, igenkännbara personer förekommer.",
              example=False, label="Verkliga personer"),
        Field("samtycke", Text(), "Hur samtycke har dokumenterats. Krävs när verkliga_personer är true.",
              example="Skriftligt samtycke, arkiverat hos kommunikationsavdelningen", label="Samtycke"),
        Field("kontaktuppgifter", ListOf(Text()), "Telefonnummer eller e-postadresser som får stå i texten, precis "
              "som de står där (till exempel en offentlig växel eller en funktionsbrevlåda). Utelämna fältet annars.",
              example=["info@example.org"], label="Kontaktuppgifter"),
        Field("personuppgifter_tillatna", Text(), "Skäl till att kontaktuppgifterna får publiceras. Krävs när "
              "kontaktuppgifter är ifyllt. Personnummer publiceras aldrig.",
              example="Funktionsbrevlåda som kommunen själv publicerar",
              label="Skäl att publicera kontaktuppgifterna"),
    ),
    rules=(
        RequiredWhen("samtycke", "verkliga_personer", IS_TRUE, (
            "Berättelsen handlar om verkliga personer men fältet 'samtycke' saknas. Beskriv hur samtycket "
            "dokumenterats, eller avidentifiera och sätt verkliga_personer: false."), at="verkliga_personer"),
        RequiredWhen("personuppgifter_tillatna", "kontaktuppgifter", NON_EMPTY_LIST, (
            "Fältet 'kontaktuppgifter' är ifyllt men skälet saknas. Skriv i personuppgifter_tillatna varför "
            "uppgifterna får publiceras (till exempel: regionens offentliga växel)."), at="kontaktuppgifter"),
    ),
)

STRATEGY = ContentType(
    "strategy", "strategi", "strategies", "strategier",
    "En strategi i kommunernas eller regionens plan.",
    (
        Field("kod", Text(), "Strategins kod, till exempel K1 för kommunernas strategi 1 eller R3 för "
              "regionens strategi 3.", required=True, example="K1", label="Kod"),
        Field("kortnamn", Text(), "Kort namn som visas efter koden i listor, kartor och ämnesord, till exempel "
              "\"Samverkan och kontinuitet\" (K2 · Samverkan och kontinuitet). Håll det under 40 tecken.",
              required=True, example="Samverkan och kontinuitet", label="Kortnamn"),
        Field("plan", Choice(v.PLANS), "Planen som strategin hör till. Ägare och period följer av planen.",
              required=True, example="kommunernas-plan", label="Plan"),
        Field("ordning", Integer(), "Strategins nummer i planen.", required=True, example=1, label="Ordning"),
        Field("malbild", ListOf(Text()), "Koppling till målbilden, punkt för punkt som i planen.", label="Målbild"),
        Field("utvecklingsomraden", ListOf(Text()), "Exempel på utvecklingsområden som konkretiserar strategin.",
              label="Utvecklingsområden"),
        Field("matomraden", ListOf(Text()), "Mätområden som planen anger för strategin.", label="Mätområden"),
        Field("indikatorer", ListOf(Reference(("indicator",))), "Indikatorer som mäter strategin.",
              label="Indikatorer"),
        Field("principer", ListOf(Reference(("principle",))), "Principer som strategin vilar på.", label="Principer"),
        Field("motsvarighet", ListOf(Reference(("strategy",))), "Motsvarande strategi i den andra planen.",
              label="Motsvarighet"),
        Field("strategigrupper", ListOf(Choice(v.STRATEGY_GROUPS)), "Strategigrupper som arbetar med strategin.",
              label="Strategigrupper"),
    ),
)

PERSONA = ContentType(
    "persona", "persona", "docs/personas", "personas",
    "En symbolisk person som arbetet utgår från, som Esther och Britt-Marie.",
    (
        Field("fragan", Text(), "Frågan personan påminner om, till exempel \"Vad är bäst för Esther?\".",
              label="Frågan"),
    ),
)

PRINCIPLE = ContentType(
    "principle", "princip", "docs/principer", "principer",
    "En princip, regel eller värdering som arbetet vilar på.",
    (
        Field("samling", Choice(v.PRINCIPLE_SETS), "Vilken uppsättning principer den hör till.", required=True,
              example="vagledande-principer", label="Samling"),
        Field("ordning", Integer(), "Plats i uppsättningen (1, 2, 3 …).", required=True, example=1, label="Ordning"),
    ),
)

GOVERNANCE_BODY = ContentType(
    "body", "styrorgan", "docs/styrning", "styrning",
    "Ett organ i ledningssystemet för samverkan.",
    (
        Field("overordnad", Reference(("body",)), "Organet som detta organ rapporterar till eller får uppdrag från.",
              example="reko", label="Överordnat organ"),
        Field("niva", Choice(v.GOVERNANCE_LEVELS), "Politisk nivå, tjänstepersonsnivå eller stöd.", required=True,
              example="tjansteperson", label="Nivå"),
        Field("sammansattning", ListOf(Text()), "Vilka som ingår.", label="Sammansättning"),
        Field("motesfrekvens", Text(), "Hur ofta organet möts, som källan anger det.", label="Mötesfrekvens"),
        Field("ordforande", Text(), "Hur ordförande utses eller vem som leder.", label="Ordförande"),
        Field("uppdrag", ListOf(Text()), "Vad organet ansvarar för, punkt för punkt.", label="Uppdrag"),
    ),
)

DATA_POINT_FIELDS = (
    Field("period", Text(), "Tidpunkt eller period, till exempel 2019 eller 2023/2024.", required=True, label="Period"),
    Field("varde", Number(), "Värdet som ett tal.", required=True, label="Värde"),
    Field("omfattning", Text(), "Vad värdet gäller, till exempel Hela länet eller Höglandet.", required=True,
          label="Omfattning"),
    Field("kalla", Text(), "Källa för just detta värde om den skiljer sig från sidans källor.", label="Källa"),
)

INDICATOR = ContentType(
    "indicator", "indikator", "docs/indikatorer", "indikatorer",
    "Ett mätområde eller mått som följer omställningen.",
    (
        Field("definition", Text(), "Vad som mäts.", required=True, label="Definition"),
        Field("enhet", Text(), "Enheten för värdena, till exempel antal, dagar eller procent.", required=True,
              label="Enhet"),
        Field("riktning", Choice(v.DIRECTIONS), "Vilket håll som är bättre.", required=True, label="Riktning"),
        Field("dataagare", Text(), "Vem som tar fram måttet.", required=True, label="Dataägare"),
        Field("strategier", ListOf(Reference(("strategy",))), "Strategier som indikatorn mäter.", label="Strategier"),
        Field("serie", ListOf(Record(DATA_POINT_FIELDS)), "Mätvärden. Utelämna fältet om källan inte anger "
              "några värden.", label="Mätvärden"),
        Field("mal", Text(), "Målvärde eller mål i ord, om ett sådant finns i källan.", label="Mål"),
    ),
)

CHECK_QUESTION_FIELDS = (
    Field("fraga", Text(), "Frågan.", required=True, label="Fråga"),
    Field("svar", Text(), "Svaret.", required=True, label="Svar"),
)

STEP_FIELDS = (
    Field("titel", Text(), "Stegets rubrik.", required=True, label="Rubrik"),
    Field("varfor", Text(), "Kort om varför steget är viktigt.", required=True, label="Varför"),
    Field("sidor", ListOf(Reference()), "Sidor att läsa, med deras id.", required=True, label="Sidor"),
    Field("minuter", Integer(), "Ungefärlig tid i minuter.", required=True, label="Minuter"),
    Field("fragor", ListOf(Text()), "En till tre reflektionsfrågor.", label="Reflektionsfrågor"),
    Field("kontroll", ListOf(Record(CHECK_QUESTION_FIELDS)), "Kontrollfrågor med svar som visas på begäran.",
          label="Kontrollfrågor"),
)

JOURNEY = ContentType(
    "journey", "introduktionsspår", "docs/introduktion", "introduktion",
    "En steg-för-steg-introduktion för en roll.",
    (
        Field("roll", Choice(v.ROLES), "Rollen spåret är till för.", required=True, label="Roll"),
        Field("steg", ListOf(Record(STEP_FIELDS)), "Stegen i ordning.", required=True, label="Steg"),
    ),
)

PAGE = ContentType(
    "page", "sida", "docs", "",
    "En vanlig sida, till exempel en översikt eller en vägledning.",
    (
        Field("hide", ListOf(Text()), "Delar av sidlayouten som döljs (navigation, toc, footer).",
              label="Dölj i sidlayouten"),
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
