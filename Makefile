# Every target sets itself up first: `make build` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every build; the README and the note say it once.
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed

NODE_STAMP := node_modules/.installed
export BASE ?= main
export PREVIEW_URL ?=
export OUT ?=

.PHONY: setup editor-setup browser axe build serve preview test check check-github schemas changes bench bench-check bench-search clean

setup: $(STAMP)

editor-setup: $(NODE_STAMP)  ## remark-cli and its front-matter schema plugin (VS Code's remark extension uses them)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

build: setup  ## production build into site/
	$(BIN)/mkdocs build

preview: setup  ## preview build: drafts included and marked
	TT_MODE=preview $(BIN)/mkdocs build

serve: setup  ## editors' live preview on http://127.0.0.1:8000/
	$(BIN)/mkdocs serve

check: setup  ## validate every content file without building
	$(BIN)/tarkeissa check

# Browser tests drive Debian's Chromium; Playwright's own browser download is not used.
CHROMIUM := /usr/bin/chromium
browser: $(CHROMIUM)
$(CHROMIUM):
	$$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get install -y -qq chromium >/dev/null

# axe-core for the accessibility tests, from the npm registry, exactly as package-lock.json pins it.
AXE := tests/js/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent
	touch $@

check-github: setup  ## the same, as GitHub Actions annotations on the changed lines
	$(BIN)/tarkeissa check --format github

schemas: setup  ## regenerate schemas/*.schema.json (editors' JSON Schema) from the schema and vocabularies
	$(BIN)/tarkeissa schema

changes: setup  ## content changes against BASE (default main) as Markdown; PREVIEW_URL for links, OUT for a file
	@$(BIN)/tarkeissa changes --base "$$BASE" $${PREVIEW_URL:+--preview-url "$$PREVIEW_URL"} > "$${OUT:-/dev/stdout}"

test: setup browser axe editor-setup  ## every test, browser and accessibility tests included
	$(BIN)/python -m pytest

bench: setup  ## build benchmark: the starter site and a generated 1,000-act corpus
	$(BIN)/python scripts/benchmark_build.py

bench-search: setup browser  ## search benchmark: index size, first-query bytes, indexing time (1,000 and 10,000 acts)
	$(BIN)/python scripts/benchmark_search.py

bench-check: setup  ## check benchmark: 1,000 and 10,000 generated acts
	$(BIN)/python scripts/benchmark_check.py

clean:
	rm -rf site .venv .pytest_cache node_modules
