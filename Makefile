# Kunskapsbanken – every command a person or CI needs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# make bench's cold first search against Pagefind: stories per size (one size: make bench BENCH_SOK=1000).
BENCH_SOK ?= 0,1000,3000
.DEFAULT_GOAL := help
.PHONY: help serve build validate test test-snabb bench new-story clean chromium nginx screenshots preview lighthouse cms

help: ## Visa alla kommandon med en rad var
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "} {printf "  make %-12s %s\n", $$1, $$2}'

$(BIN)/.installed: requirements.txt pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 eller senare krävs (du har " + sys.version.split()[0] + ").")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet -r requirements.txt
	$(BIN)/pip install --quiet --no-deps -e .
	@touch $@

$(BIN)/.installed-test: requirements-test.txt $(BIN)/.installed
	$(BIN)/pip install --quiet -r requirements-test.txt
	@touch $@

# The Nu HTML Checker for tests/test_valid_html.py, from npm (it runs on Java).
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR):
	@for tool in java:default-jre-headless npm:npm; do \
		command -v $${tool%%:*} >/dev/null && continue; \
		if [ "$$(id -u)" = 0 ]; then echo "Installerar $${tool#*:} med apt-get …"; apt-get update -qq && \
			DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $${tool#*:} >/dev/null; \
		else echo "$${tool%%:*} saknas. Installera det med: sudo apt-get install $${tool#*:}"; exit 1; fi; done
	npm install --silent --no-audit --no-fund --prefix .cache/vnu vnu-jar@26.9.27

# The form editor at /redigera/ (macros/generate/cms_config.py): Decap CMS and the YAML reader its story format
# uses, self-hosted from npm, never from a CDN. The stamp names the versions, so a new pin installs again.
CMS_PACKAGES := decap-cms@3.16.3 js-yaml@5.5.0
CMS_BUNDLE := .cache/cms/.installed-decap-cms@3.16.3-js-yaml@5.5.0
# The local stand-in for GitHub that the editor's browser test saves through (tests/test_cms_browser.py).
CMS_SERVER := .cache/cms/.installed-decap-server@3.11.3
NPM_CHECK = command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then echo "Installerar npm med apt-get …"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	else echo "npm saknas. Installera det med: sudo apt-get install npm"; exit 1; fi; }
$(CMS_BUNDLE):
	@$(NPM_CHECK)
	npm install --silent --no-audit --no-fund --save-exact --prefix .cache/cms $(CMS_PACKAGES)
	@touch $@
$(CMS_SERVER): $(CMS_BUNDLE)
	npm install --silent --no-audit --no-fund --save-exact --prefix .cache/cms decap-server@3.11.3
	@touch $@

cms: $(CMS_BUNDLE) ## Installera formulärredigeraren (Decap CMS) från npm till .cache/cms/ (bygget gör det själv)

serve: $(BIN)/.installed $(CMS_BUNDLE) ## Visa webbplatsen på http://127.0.0.1:8000 med utkast och automatisk omladdning
	$(BIN)/python -m macros.adapters.properdocs visa --adress 127.0.0.1:$(PORT)

build: $(BIN)/.installed $(CMS_BUNDLE) ## Bygg webbplatsen strikt till site/ (utkast tas inte med, med .gz-filer för webbservern)
	$(BIN)/python -m macros.adapters.properdocs bygg --webbplats site
	$(BIN)/python scripts/precompress.py site

validate: $(BIN)/.installed ## Kontrollera allt innehåll och visa alla fel på en gång
	$(BIN)/python scripts/validate.py

new-story: $(BIN)/.installed ## Skapa en ny berättelse i stories/ med frågor på svenska
	$(BIN)/python scripts/new_story.py

chromium: ## Installera Chromium för webbläsartesterna om den saknas
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then echo "Installerar chromium med apt-get …"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	else echo "Chromium saknas. Installera det med: sudo apt-get install chromium"; exit 1; fi

# nginx runs the README's web-server example in tests/test_security_headers.py (nginx-light: no extra modules).
nginx: ## Installera nginx för testet av webbserverexemplet om det saknas
	@if command -v nginx >/dev/null || [ -x /usr/sbin/nginx ]; then :; \
	elif [ "$$(id -u)" = 0 ]; then echo "Installerar nginx-light med apt-get …"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null; \
	else echo "nginx saknas. Installera det med: sudo apt-get install nginx-light"; exit 1; fi

test-snabb: $(BIN)/.installed-test ## Kör de snabba testerna (ingen motor, ingen webbläsare): under en minut, efter varje ändring
	$(BIN)/python -m pytest -q -m "not langsam"

test: $(BIN)/.installed-test $(VNU_JAR) $(CMS_BUNDLE) $(CMS_SERVER) chromium nginx ## Kör alla tester (bygger webbplatsen och testar i Chromium)
	$(BIN)/python -m pytest

bench: $(BIN)/.installed-test $(CMS_BUNDLE) chromium ## Mät byggtid, storlek och sökning (skriver siffror, påstår inget)
	PYTHONPATH=. $(BIN)/python scripts/bench.py  # this checkout's macros, also in a git worktree
	PYTHONPATH=. $(BIN)/python scripts/bench.py --kall-sokning $(BENCH_SOK)

screenshots: $(BIN)/.installed-test $(CMS_BUNDLE) chromium ## Skärmbilder av nyckelsidorna i mobil och dator till skarmbilder/ (för granskare)
	$(BIN)/python scripts/screenshots.py --ut skarmbilder

preview: $(BIN)/.installed-test $(CMS_BUNDLE) chromium ## Förhandsvisning: webbplatsen med utkast i forhandsvisning/, skärmbilder av sidorna som ändras (KB_CHANGED_FILES) i skarmbilder/
	$(BIN)/python scripts/screenshots.py --forhandsvisning --webbplats forhandsvisning --andrade --ut skarmbilder

LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	npm install --silent --no-audit --no-fund --prefix .cache/lighthouse lighthouse@12.2.3

lighthouse: $(BIN)/.installed-test $(CMS_BUNDLE) chromium $(LIGHTHOUSE) ## Lighthouse-poäng (mobil) för nyckelsidorna, serverade komprimerade
	$(BIN)/python scripts/lighthouse.py --lighthouse $(LIGHTHOUSE)

clean: ## Ta bort byggd webbplats och cachefiler
	rm -rf site skarmbilder forhandsvisning .forhandsvisning-staging .pytest_cache
