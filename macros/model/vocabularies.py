"""Allow-lists: every closed set of values the content may use, id -> Swedish label.

Ids are what authors write in front matter; labels are what readers see. The sets the code relies on
(a page's status, a story's kind, an indicator's direction, a governance level) are declared here; the
sets that belong to one region (its municipalities, plans, tags …) come from region.yml
(macros/model/region.py). Adding a value to either is a deliberate, reviewed change (CODEOWNERS: developers).
"""

from macros.model.kinds import vocabulary_label
from macros.model.region import RegionError
from macros.model.region_file import repository_region

label = vocabulary_label  # the reader-facing label of an allow-listed id: one rule, kept with the kinds

try:
    REGION = repository_region()
except RegionError as error:  # nothing can be checked or built without the region: say why, once, in Swedish
    raise SystemExit(f"Regionens inställningar (region.yml) har fel som måste rättas först:\n{error}") from None

STATUSES = {
    "utkast": "Utkast",
    "granskning": "Under granskning",
    "publicerad": "Publicerad",
    "arkiverad": "Arkiverad",
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

# The region's own allow-lists (region.yml).
STRATEGY_GROUPS = REGION.strategy_groups
MUNICIPALITIES = REGION.municipalities
PLAN_OWNERS = REGION.plan_owners
# A plan is a governing document that strategies belong to; its owner and period
# are facts of the plan, so strategies inherit them instead of repeating them.
PLANS = REGION.plans
PRINCIPLE_SETS = REGION.principle_sets
ROLES = REGION.roles
TAGS = REGION.tags
# The source documents, cited as `kallor: - dokument: <id>`.
SOURCE_DOCUMENTS = REGION.source_documents
