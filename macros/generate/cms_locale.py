"""The form editor's Swedish: what Decap CMS 3.16.3's own sv locale lacks or says in words a
communicator would not use. cms_editor.js merges LOCALE over Decap's sv locale (CMS.registerLocale)."""

# Swedish for what Decap's own sv locale lacks (48 of its 248 English texts in 3.16.3), and our
# wording for a pattern error: Decap's says "Titel matchar inte mönstret: …", ours says what to do.
LOCALE = {
    "auth": {"loginWithForgejo": "Logga in med Forgejo"},
    "workflow": {
        "workflow": {
            "workflowHeading": "Berättelser på väg",
            "newPost": "Ny berättelse",
            "description": "%{smart_count} berättelse är under granskning. |||| %{smart_count} berättelser "
            "är under granskning.",
            "dateFormat": "YYYY-MM-DD",
        },  # Decap's "MMMM D" writes English month names
        "workflowList": {
            "draftHeader": "Utkast",
            "inReviewHeader": "Under granskning",
            "readyHeader": "Granskad (väljs av granskaren)",
            "currentEntries": "%{smart_count} berättelse |||| %{smart_count} berättelser",
        },
        "workflowCard": {"deleteNewEntry": "Ta bort utkastet"},
    },
    "collection": {
        "collectionTop": {"viewAsList": "Visa som lista", "viewAsGrid": "Visa som rutnät"},
        "entries": {"unpublishedHeader": "Opublicerade inlägg"},
    },
    "editor": {
        "editorControl": {"field": {"widgetLabel": "Formulärfält"}},  # Decap names the widget ("kb-text")
        "editorControlPane": {
            "widget": {"regexPattern": "%{pattern}"},
            "i18n": {
                "copyFromLocale": "Fyll i från ett annat språk",
                "copyFromLocaleConfirm": "Vill du fylla i från språket %{locale}?\nAllt befintligt innehåll "
                "skrivs över.",
            },
        },
        "editorInterface": {"toggleNotes": "Visa eller dölj anteckningar"},
        "editorNotesPane": {
            "title": "Anteckningar",
            "emptyState": "Inga anteckningar ännu. Skriv den första nedan.",
            "addNote": "Lägg till anteckning",
            "addPlaceholder": "Skriv en anteckning …",
            "editPlaceholder": "Ändra anteckningen …",
            "save": "Spara",
            "cancel": "Avbryt",
            "edit": "Ändra",
            "delete": "Ta bort",
            "resolve": "Markera som klar",
            "unresolve": "Öppna igen",
            "confirmDelete": "Vill du ta bort anteckningen?",
            "shortcut": "Tips: Ctrl+Enter lägger till anteckningen direkt",
        },
        "editorToolbar": {
            "draft": "Utkast",
            "inReview": "Under granskning",
            "ready": "Granskad (väljs av granskaren)",
            "deleteUnpublishedEntry": "Ta bort utkastet",
            "deleteUnpublishedChanges": "Ta bort ändringarna",
            "statusInfoTooltipDraft": "Inlägget är ett utkast. När det är klart: sätt statusen till "
            "”Under granskning” så granskar en redaktör det.",
            "statusInfoTooltipInReview": "Inlägget granskas; du behöver inte göra något mer. Du kan fortfarande "
            "ändra i det under granskningen.",
        },
        "editorWidgets": {
            "markdown": {
                "strikethrough": "Genomstruken",
                "richText": "Formaterad text",
                "toggleMode": {"rich": "Byt till formaterad text", "markdown": "Byt till Markdown"},
            },
            "image": {
                "chooseMultiple": "Välj bilder",
                "addMore": "Lägg till fler bilder",
                "removeAll": "Ta bort alla bilder",
            },
            "file": {
                "chooseMultiple": "Välj filer",
                "addMore": "Lägg till fler filer",
                "removeAll": "Ta bort alla filer",
            },
            "datetime": {"setToNow": "Sätt %{fieldLabel} till nu"},
            "list": {"add": "Lägg till %{item}", "addType": "Lägg till %{item}"},
            "object": {"expand": "Visa", "collapse": "Dölj"},
        },
    },
    "mediaLibrary": {"mediaLibraryModal": {"close": "Stäng"}},
    "ui": {
        "settingsDropdown": {"account": "Kontoinställningar"},
        "toast": {
            "entrySaved": "Sparat",
            "missingRequiredField": "Något i formuläret behöver ändras innan det kan sparas. Det står i "
            "rött vid fälten.",
            "noteAdded": "Anteckningen är tillagd",
            "onFailToAddNote": "Kunde inte lägga till anteckningen: %{details}",
            "noteUpdated": "Anteckningen är ändrad",
            "onFailToUpdateNote": "Kunde inte ändra anteckningen: %{details}",
            "noteDeleted": "Anteckningen är borttagen",
            "onFailToDeleteNote": "Kunde inte ta bort anteckningen: %{details}",
            "noteResolved": "Anteckningen är markerad som klar",
            "noteReopened": "Anteckningen är öppen igen",
            "onFailToToggleNote": "Kunde inte ändra anteckningen: %{details}",
        },
    },
}


# Texts Decap does not translate at all: react-select's, in the select lists. cms_editor.js replaces a text
# node that is exactly one of these.
UNTRANSLATED = {"No options": "Inga val passar", "Loading...": "Hämtar …"}

# What react-select tells screen readers (its live region, read aloud and never shown), in English in Decap
# 3.16.3: (JavaScript pattern, replacement), applied in order to the live region's texts only.
SCREEN_READER = [
    (
        r"Use Up and Down to choose options, press Enter to select the currently focused option, press Escape to exit "
        r"the menu(?:, press Tab to select the option and exit the menu)?\.",
        "Välj med pil upp och pil ned, Retur väljer och Esc stänger listan.",
    ),
    (
        r"^(?:Select|(.+?)) is focused ?(?:,type to refine list)?, press Down to open the menu, ?(?: press left to focus "
        r"selected values)?",
        "$1: skriv för att söka, pil ned öppnar listan. ",
    ),
    (
        r"Use left and right to toggle between focused values, press Backspace to remove the currently focused value",
        "Pil vänster och höger går mellan valen, Backsteg tar bort ett val.",
    ),
    (r"All selected options have been cleared\.", "Alla val är borttagna."),
    (r"option (.*), deselected\.", "$1 är borttaget."),
    (r"option (.*) is disabled\. Select another option\.", "$1 går inte att välja. Välj ett annat."),
    (r"options? (.*), selected\.", "$1 är valt."),
    (r"value (.*) focused, ", "Valt värde $1, "),
    (r"option (.*) focused, ", "$1, "),
    (r"(\d+) of (\d+)", "$1 av $2"),
    (r"(\d+) results? available", "$1 val i listan"),
    (r" for search term ", " för sökningen "),
    (r" selected", " valt"),
    (r" disabled", " går inte att välja"),
]
