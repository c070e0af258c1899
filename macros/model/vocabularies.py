"""Allow-lists: every closed set of values the content may use, id -> Swedish label.

Ids are what authors write in front matter; labels are what readers see.
Adding a value here is a deliberate, reviewed change (CODEOWNERS: developers).
"""

from macros.model.kinds import vocabulary_label

label = vocabulary_label  # the reader-facing label of an allow-listed id: one rule, kept with the kinds

STATUSES = {
    "utkast": "Utkast",
    "granskning": "Under granskning",
    "publicerad": "Publicerad",
    "arkiverad": "Arkiverad",
}

STRATEGY_GROUPS = {
    "barn-och-unga": "Barn och unga",
    "aldre": "Äldre",
    "psykiatri-och-missbruk": "Psykiatri och missbruk",
}

MUNICIPALITIES = {
    "hela-lanet": "Hela länet",
    "aneby": "Aneby",
    "eksjo": "Eksjö",
    "gislaved": "Gislaved",
    "gnosjo": "Gnosjö",
    "habo": "Habo",
    "jonkoping": "Jönköping",
    "mullsjo": "Mullsjö",
    "nassjo": "Nässjö",
    "savsjo": "Sävsjö",
    "tranas": "Tranås",
    "vaggeryd": "Vaggeryd",
    "vetlanda": "Vetlanda",
    "varnamo": "Värnamo",
}

PLAN_OWNERS = {
    "kommunerna": "Länets kommuner",
    "region": "Region Jönköpings län",
    "gemensam": "Region och kommuner gemensamt",
}

# A plan is a governing document that strategies belong to; its owner and period
# are facts of the plan, so strategies inherit them instead of repeating them.
PLANS = {
    "kommunernas-plan": {
        "label": "Tillsammans möter vi framtidens behov inom området främjande, hälsa, stöd, omsorg och vård 2021–2030",
        "owner": "kommunerna",
        "period": "2021–2030",
    },
    "regionens-plan": {
        "label": "Tillsammans möter vi framtidens behov av hälso- och sjukvård 2020–2030",
        "owner": "region",
        "period": "2020–2030",
    },
    "gemensam-plan-for-primarvard": {
        "label": "Gemensam plan för primärvård",
        "owner": "gemensam",
        "period": "",
    },
}

PRINCIPLE_SETS = {
    "vagledande-principer": "Vägledande principer (region och kommuner)",
    "styrande-enkla-regler": "Styrande enkla regler (kommunernas plan)",
    "gemensam-vardegrund": "Gemensam värdegrund (ledningssystemet för samverkan)",
    "skr-principer": "SKR:s grundläggande principer för en god och nära vård",
}

STORY_KINDS = {
    "framtidsberattelse": "Framtidsberättelse",
    "verklig": "Verklig berättelse",
    "illustrativ": "Illustrativ berättelse",
}

DIRECTIONS = {
    "hogre-ar-battre": "Högre värde är bättre",
    "lagre-ar-battre": "Lägre värde är bättre",
    "ingen-riktning": "Ingen given riktning",
}

GOVERNANCE_LEVELS = {
    "politisk": "Politisk nivå",
    "tjansteperson": "Tjänstepersonsnivå",
    "stod": "Stöd och samordning",
}

ROLES = {
    "socialchef": "Socialchef eller förvaltningschef i en kommun",
    "vardcentralschef": "Verksamhetschef på en vårdcentral",
    "skolchef": "Skolchef i strategigruppen Barn och unga",
    "reko-ledamot": "Ny ledamot i ReKo",
    "kommunikator": "Kommunikatör",
    "medarbetare": "Ny medarbetare",
}

TAGS = {
    "nara-vard": "Nära vård",
    "primarvard": "Primärvård",
    "samverkan": "Samverkan",
    "styrning": "Styrning och ledning",
    "personcentrering": "Personcentrering",
    "halsoframmande": "Hälsofrämjande och förebyggande",
    "psykisk-halsa": "Psykisk hälsa",
    "jamlik-halsa": "Jämlik hälsa",
    "digitalisering": "Digitalisering och e-hälsa",
    "kompetens": "Kompetens och lärande",
    "vard-i-hemmet": "Vård i hemmet",
    "samordning": "Samordning och SIP",
    "uppfoljning": "Uppföljning och mätning",
    "civilsamhalle": "Civilsamhälle",
    "barn-och-unga": "Barn och unga",
    "aldre": "Äldre",
    "psykiatri-och-missbruk": "Psykiatri och missbruk",
    "folkhalsa": "Folkhälsa",
    "funktionsnedsattning": "Funktionsnedsättning",
    "patientsakerhet": "Patientsäkerhet",
    "vardovergangar": "Vårdövergångar",
    "esther": "Esther",
    "tillsammansprogrammet": "Tillsammansprogrammet",
    "historik": "Historik",
}

# The documents in shared/sources, cited as `kallor: - dokument: <id>`.
SOURCE_DOCUMENTS = {
    "samverkan-bilder": {
        "label": "Samverkan mellan region och kommuner i omställningsarbetet i Jönköpings län",
        "detail": "Bildspel, Nära vård Jönköping (Anette Nilsson, Anneli Forsgren), cirka 2021",
    },
    "basta-platsen": {
        "label": "Bästa platsen att leva på",
        "detail": "Webbsida om den länsgemensamma plattformen, cirka 2022",
    },
    "kommunernas-plan": {
        "label": "Tillsammans möter vi framtidens behov inom området främjande, hälsa, stöd, omsorg och vård 2021–2030",
        "detail": "Rapport, Kommunal utveckling Jönköpings län, 2021",
    },
    "ledningssystemet": {
        "label": "Ledningssystem för samverkan inom regionens och kommunernas hälsa, vård och omsorg",
        "detail": "ReKo, Jönköping 4 februari 2016",
    },
    "nilsson-bilder": {
        "label": "Anette Nilssons bildspel, cirka 2024–2025",
        "detail": "Bildspel, Anette Nilsson, cirka 2024–2025",
    },
}
