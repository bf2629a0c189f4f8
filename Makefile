# Every maintainer task. Each target creates .venv and installs the pinned packages on first use.
PYTHON ?= python3.11
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: serve serve-nl build publish translations test readability bench screenshots clean

$(STAMP): requirements.txt requirements-test.txt constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-test.txt -c constraints.txt
	touch $(STAMP)

# The Node tools of the build (PurgeCSS, Lightning CSS) and of the tests, from tests/package-lock.json.
NODE_STAMP := tests/node_modules/.package-lock.json
$(NODE_STAMP): tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund --silent

## serve: build the site and serve it on http://127.0.0.1:8000 with live reload (no PDFs: they are for make build)
serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## serve-nl: the same for Dutch only, for the quickest rebuild while editing
serve-nl: $(STAMP) $(NODE_STAMP)
	HANDBOOK_ALL_LANGUAGES=false $(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

## build: the static site of all four languages in site/, with the checklist PDFs (strict: warnings are errors)
build: $(STAMP) $(NODE_STAMP)
	bash tests/system-packages.sh
	$(BIN)/mkdocs build --strict --clean

## publish: the build to put online; refuses a local address or placeholder contact:
##          make publish SITE_URL=https://... SECURITY_CONTACT=mailto:...
publish: $(STAMP) $(NODE_STAMP)
	bash tests/system-packages.sh
	HANDBOOK_PUBLISH=true $(BIN)/mkdocs build --strict --clean

## translations: the template from the Dutch data, merged into every PO file (changed Dutch becomes fuzzy)
translations: $(STAMP)
	$(BIN)/python -m macros.translation update

## test: every test, including the browser tests in Chromium
test: $(STAMP)
	bash tests/system-packages.sh
	cd tests && npm ci --no-audit --no-fund --silent
	$(BIN)/pytest

## readability: the reading level of every Dutch page, as a table
readability: build
	$(BIN)/python -c 'import sys; from macros.readability import report; sys.exit(report("site"))'

## bench: weight, speed and build figures against the budgets (prints a table; not a test)
bench: build
	cd bench && npm ci --no-audit --no-fund --silent
	$(BIN)/python bench/bench.py

## screenshots: the README's pictures of the home page and a card on a phone (412 px), in Dutch and Arabic
screenshots: site/index.html
	$(BIN)/python screenshots/screenshots.py

## linkcheck: check every external link of the built site (needs internet; polite, results kept a day) and list the broken and moved ones
.PHONY: linkcheck
LINKCHECK_SOURCES = mkdocs.yml $(shell find data docs overrides macros -type f -not -name '*.pyc' 2>/dev/null)
linkcheck: site/index.html
	$(BIN)/python -m macros.linkcheck $(LINKCHECK_ARGS)

# The site is built again only when a source is newer than the last build.
site/index.html: $(STAMP) $(LINKCHECK_SOURCES)
	$(MAKE) build

clean:
	rm -rf site $(VENV)
