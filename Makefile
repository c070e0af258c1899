# Kunskapsbanken – every command a person or CI needs. `make help` lists them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

# make bench's cold first search against Pagefind: stories per size (one size: make bench BENCH_SOK=1000).
BENCH_SOK ?= 0,1000,3000
# make bench's edit loop in make serve: stories per size (one size: make bench BENCH_REDIGERING=0).
BENCH_REDIGERING ?= 0,1000,3000
# make bench's page sizes (HTML and a first visit's bytes): stories per size.
BENCH_SIDOR ?= 0 1000 3000
.DEFAULT_GOAL := help
.PHONY: help serve build validate test test-snabb bench new-story ny-region clean chromium nginx screenshots preview lighthouse cms

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

# npm packages: each install folder's exact versions are in npm/<folder>/package.json with a committed
# package-lock.json; npm ci installs exactly those into .cache/<folder>/, again whenever the lockfile changes.
NPM_CHECK = command -v npm >/dev/null || { if [ "$$(id -u)" = 0 ]; then echo "Installerar npm med apt-get …"; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; \
	else echo "npm saknas. Installera det med: sudo apt-get install npm"; exit 1; fi; }
define NPM_CI
	@$(NPM_CHECK)
	mkdir -p .cache/$(1) && cp npm/$(1)/package.json npm/$(1)/package-lock.json .cache/$(1)/
	npm ci --silent --no-audit --no-fund --prefix .cache/$(1)
	@touch $@
endef

# The Nu HTML Checker for tests/test_valid_html.py (npm/vnu/; it runs on Java).
VNU_JAR := .cache/vnu/node_modules/vnu-jar/build/dist/vnu.jar
$(VNU_JAR): npm/vnu/package.json npm/vnu/package-lock.json
	@command -v java >/dev/null || { if [ "$$(id -u)" = 0 ]; then echo "Installerar default-jre-headless med apt-get …"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null; \
		else echo "java saknas. Installera det med: sudo apt-get install default-jre-headless"; exit 1; fi; }
	$(call NPM_CI,vnu)

# The form editor at /redigera/ (macros/generate/cms_bundle.py): Decap CMS and the YAML reader its story
# format uses (npm/cms/), self-hosted, never from a CDN.
CMS_BUNDLE := .cache/cms/node_modules/.package-lock.json
$(CMS_BUNDLE): npm/cms/package.json npm/cms/package-lock.json
	$(call NPM_CI,cms)
# The local stand-in for GitHub that the editor's browser test saves through (tests/test_cms_browser.py).
CMS_SERVER := .cache/decap-server/node_modules/.package-lock.json
$(CMS_SERVER): npm/decap-server/package.json npm/decap-server/package-lock.json
	$(call NPM_CI,decap-server)

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

ny-region: $(BIN)/.installed ## Starta en kunskapsbank för en annan region: ett nytt förråd med koden och ett innehåll att börja från
	$(BIN)/python scripts/new_region.py

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

# Two sessions: the code on the fixtures with the tests' region, then this repository's own content with its
# region (region.yml), which may be another region's (make ny-region). Exit code 5 is "no test selected".
CONTENT_TESTS = KB_REGION=region.yml $(BIN)/python -m pytest
test-snabb: $(BIN)/.installed-test ## Kör de snabba testerna (ingen motor, ingen webbläsare): under en minut, efter varje ändring
	$(BIN)/python -m pytest -q -m "not langsam and not innehall"
	$(CONTENT_TESTS) -q -m "not langsam and innehall" || [ $$? = 5 ]

# In parallel, one worker per core; a test file stays on one worker, so its shared builds are made once.
test: $(BIN)/.installed-test $(VNU_JAR) $(CMS_BUNDLE) $(CMS_SERVER) chromium nginx ## Kör alla tester (bygger webbplatsen och testar i Chromium)
	$(BIN)/python -m pytest -n auto --dist loadfile -m "not innehall"
	$(CONTENT_TESTS) -n auto --dist loadfile -m innehall || [ $$? = 5 ]

bench: $(BIN)/.installed-test $(CMS_BUNDLE) chromium ## Mät byggtid, storlek och sökning (skriver siffror, påstår inget)
	PYTHONPATH=. $(BIN)/python scripts/bench.py  # this checkout's macros, also in a git worktree
	PYTHONPATH=. $(BIN)/python scripts/bench.py --kall-sokning $(BENCH_SOK)
	PYTHONPATH=. $(BIN)/python scripts/bench.py --redigering $(BENCH_REDIGERING)
	for n in $(BENCH_SIDOR); do PYTHONPATH=. $(BIN)/python scripts/bench.py --sidstorlek --berattelser $$n || exit 1; done

screenshots: $(BIN)/.installed-test $(CMS_BUNDLE) chromium ## Skärmbilder av nyckelsidorna i mobil och dator till skarmbilder/ (för granskare)
	$(BIN)/python scripts/screenshots.py --ut skarmbilder

preview: $(BIN)/.installed-test $(CMS_BUNDLE) chromium ## Förhandsvisning: webbplatsen med utkast i forhandsvisning/, skärmbilder av sidorna som ändras (KB_CHANGED_FILES) i skarmbilder/
	$(BIN)/python scripts/screenshots.py --forhandsvisning --webbplats forhandsvisning --andrade --ut skarmbilder

LIGHTHOUSE := .cache/lighthouse/node_modules/.bin/lighthouse
$(LIGHTHOUSE): npm/lighthouse/package.json npm/lighthouse/package-lock.json
	$(call NPM_CI,lighthouse)

lighthouse: $(BIN)/.installed-test $(CMS_BUNDLE) chromium $(LIGHTHOUSE) ## Lighthouse-poäng (mobil) för nyckelsidorna, serverade komprimerade
	$(BIN)/python scripts/lighthouse.py --lighthouse $(LIGHTHOUSE)

clean: ## Ta bort byggd webbplats och cachefiler
	rm -rf site skarmbilder forhandsvisning .forhandsvisning-staging .pytest_cache
