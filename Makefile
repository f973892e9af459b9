# Every target sets itself up first: `make build` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every build; the README and the note say it once.
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed
# The engine: MkDocs 1.6 or ProperDocs, its maintained drop-in fork (`make build ENGINE=properdocs`).
# Both are installed; the output is the same but for the generator tag (tests/build/test_engines.py).
ENGINE ?= mkdocs

NODE_STAMP := node_modules/.installed
export BASE ?= main
export PREVIEW_URL ?=
export OUT ?=
export CHECKOUT ?=
export ARTIFACT_URL ?=

.PHONY: setup editor-setup browser axe build pages pull-request-data pull-request-number serve preview cms test check check-github schemas changes bench bench-check bench-search bench-peer clean

setup: $(STAMP)

editor-setup: $(NODE_STAMP)  ## npm ci: remark (VS Code), Decap CMS (the build copies it into site/admin/), decap-server (make cms)

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@

build: setup $(NODE_STAMP)  ## production build into site/
	$(BIN)/$(ENGINE) build

# GitHub Pages, deploying from a branch, runs Jekyll over it unless the root holds .nojekyll; MkDocs
# never writes a dot-file, so the target for the Pages branch adds it.
pages: build  ## production build for the Pages branch (deploy.yml)
	touch site/.nojekyll

pull-request-data:  ## the pull request's NUMBER in the file OUT, for preview-publish.yml (which checks it)
	@mkdir -p "$$(dirname "$$OUT")" && printf '%s\n' "$$NUMBER" > "$$OUT"

# preview-publish.yml, on the base branch's code: the number a pull request's run uploaded is data it chose,
# so it must be a whole number, and that pull request must be open with the very commit the run built
# (HEAD_SHA, from GitHub's event); else nothing is published or commented. Writes number= and current=.
pull-request-number:  ## check the pull request number in the file IN (gh api); outputs to $GITHUB_OUTPUT
	@number=$$(head -c 32 "$$IN"); \
	if [[ ! "$$number" =~ ^[1-9][0-9]{0,8}$$ ]]; then echo "::error::the uploaded pull request number is not a whole number"; exit 1; fi; \
	state=$$(gh api "repos/$$GITHUB_REPOSITORY/pulls/$$number" --jq '.state + " " + .head.sha') || exit 1; \
	if [ "$$state" = "open $$HEAD_SHA" ]; then current=true; else current=false; \
	  echo "::notice::pull request $$number is now '$$state', not open at $$HEAD_SHA: nothing to publish"; fi; \
	printf 'number=%s\ncurrent=%s\n' "$$number" "$$current" >> "$$GITHUB_OUTPUT"

preview: setup $(NODE_STAMP)  ## preview build: drafts included and marked
	TT_MODE=preview $(BIN)/$(ENGINE) build

serve: setup $(NODE_STAMP)  ## editors' live preview on http://127.0.0.1:8000/
	$(BIN)/$(ENGINE) serve

check: setup  ## validate every content file without building
	$(BIN)/tarkeissa check

cms: preview  ## the web editor on http://127.0.0.1:8000/admin/, saving into this working tree (no login)
	$(BIN)/tarkeissa cms --port $${CMS_PORT:-8000}

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

schemas: setup  ## regenerate schemas/ (editors' JSON Schema, the CMS config) from the schema and vocabularies
	$(BIN)/tarkeissa schema

changes: setup  ## content changes against BASE (default main) as Markdown; PREVIEW_URL for links, OUT for a file; CHECKOUT: another checkout, read as data; ARTIFACT_URL: a fork's run
	@$(BIN)/tarkeissa changes --base "$$BASE" $${PREVIEW_URL:+--preview-url "$$PREVIEW_URL"} $${ARTIFACT_URL:+--artifact-url "$$ARTIFACT_URL"} $${CHECKOUT:+--root "$$CHECKOUT"} > "$${OUT:-/dev/stdout}"

test: setup browser axe editor-setup  ## every test, browser and accessibility tests included
	$(BIN)/python -m pytest

bench: setup  ## build benchmark: the starter site and a generated 1,000-act corpus
	$(BIN)/python scripts/benchmark_build.py

bench-search: setup browser  ## search benchmark: index size, first-query bytes, indexing time (1,000 and 10,000 acts)
	$(BIN)/python scripts/benchmark_search.py

bench-check: setup  ## check benchmark: 1,000 and 10,000 generated acts
	$(BIN)/python scripts/benchmark_check.py

bench-peer: setup  ## peer benchmark: this build against Hugo + Pagefind, cold, in turn, at 1,000 and 10,000 acts
	$(BIN)/python scripts/benchmark_peer.py

clean:
	rm -rf site .venv .pytest_cache node_modules
