"""The fields every content type has (COMMON_FIELDS), with the records they are built from (a source,
a dated event), and the helpers that end a description or an example with the region's own."""

from collections.abc import Mapping

from macros.model import vocabularies as v
from macros.model.field_declaration import Field
from macros.model.kinds import (
    IS_GIVEN,
    Choice,
    Date,
    ExactlyOne,
    Integer,
    ListOf,
    Record,
    RequiredWhen,
    Text,
    WebAddress,
)

R = v.REGION  # the region's examples (region.yml `exempel`); a field without one shows its list's first value


def first_id(vocabulary: Mapping[str, object]) -> str:
    """The first id of an allow-list: the example of a field the region gives none for."""
    return next(iter(vocabulary), "")


def with_example(text: str, key: str, quoted: bool = False) -> str:
    """A description ending in the region's example of `key`, when it gives one: "…, till exempel X."."""
    example = R.example(key)
    if not example:
        return text + "."
    return f'{text}, till exempel "{example}".' if quoted else f"{text}, till exempel {example}."


SOURCE_FIELDS = (
    Field(
        "dokument",
        Choice(v.SOURCE_DOCUMENTS),
        "Ett av källdokumenten (se sidan Källor).",
        example=R.example("dokument", first_id(v.SOURCE_DOCUMENTS)),
        title="Dokument",
    ),
    Field(
        "avsnitt",
        Text(),
        with_example("Avsnitt eller bild i dokumentet", "avsnitt", quoted=True),
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
        "taggar",
        ListOf(Choice(v.TAGS)),
        "Ämnesord från den fasta listan.",
        example=[first_id(v.TAGS)],
        title="Ämnesord",
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
        example=[
            {"dokument": R.example("dokument", first_id(v.SOURCE_DOCUMENTS)), "avsnitt": R.example("avsnitt", "1")}
        ],
        title="Källor",
    ),
)
