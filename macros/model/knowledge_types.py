"""The content types besides the story: the knowledge a story links to (strategies, personas,
principles, governance bodies, indicators and introduction journeys) and the plain page."""

from macros.model import vocabularies as v
from macros.model.common_fields import first_id, with_example
from macros.model.content_type import ContentType
from macros.model.field_declaration import Field
from macros.model.kinds import Choice, Integer, ListOf, Number, Record, Reference, Text

R = v.REGION  # the region's examples (region.yml `exempel`); a field without one shows its list's first value

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
            example=first_id(v.PLANS),
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
    (Field("fragan", Text(), with_example("Frågan personan påminner om", "fragan", quoted=True), title="Frågan"),),
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
            example=first_id(v.PRINCIPLE_SETS),
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
        with_example("Vad värdet gäller", "omfattning"),
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
