# Every target sets itself up first: `make build` and `make test` work on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material prints an end-of-life notice on every build; the README and the note say it once.
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed
# The engine: MkDocs 1.6 or ProperDocs, its maintained drop-in fork (`make build ENGINE=properdocs`).
# Both are installed; the output is the same but for the generator tag (tests/engine/test_engines.py).
ENGINE ?= mkdocs

NODE_STAMP := node_modules/.installed
export BASE ?= main
export PREVIEW_URL ?=
export OUT ?=
export CHECKOUT ?=
export ARTIFACT_URL ?=

.PHONY: setup editor-setup browser axe build pages pull-request-data pull-request-number artifact-check serve-artifact serve preview cms test test-quick lint check check-github schemas changes bench bench-check bench-search bench-peer bench-lighthouse clean

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
# never writes a dot-file, so the target for the Pages branch adds it. Production starts from nothing:
# no earlier site/, search input or output cache is kept, so no page reaches it that this build did not render.
pages: setup $(NODE_STAMP)  ## production build for the Pages branch (deploy.yml), from nothing
	rm -rf site .site.search-input "$${TT_CACHE_DIR:-.cache/tarkeissa}"
	$(BIN)/$(ENGINE) build
	touch site/.nojekyll

pull-request-data:  ## the pull request's NUMBER in the file OUT, for preview-publish.yml (which checks it)
	@mkdir -p "$$(dirname "$$OUT")" && printf '%s\n' "$$NUMBER" > "$$OUT"

# preview-publish.yml, on the base branch's code: the number a pull request's run uploaded is data it chose,
# so it must be a whole number, and that pull request must be open with the very commit the run built, from
# the repository it came from, into the base branch (HEAD_SHA, HEAD_REPOSITORY from GitHub's event; BASE_BRANCH
# from the workflow); else nothing is published or commented. Writes number= and current=.
pull-request-number:  ## check the pull request number in the file IN (gh api); outputs to $GITHUB_OUTPUT
	@if [ -z "$$HEAD_SHA" ] || [ -z "$$HEAD_REPOSITORY" ] || [ -z "$$BASE_BRANCH" ]; then \
	  echo "::error::HEAD_SHA, HEAD_REPOSITORY and BASE_BRANCH are needed"; exit 1; fi; \
	if [ -L "$$IN" ] || [ ! -f "$$IN" ]; then echo "::error::the uploaded pull request number is not a file"; exit 1; fi; \
	number=$$(head -c 32 "$$IN"); \
	if [[ ! "$$number" =~ ^[1-9][0-9]{0,8}$$ ]]; then echo "::error::the uploaded pull request number is not a whole number"; exit 1; fi; \
	state=$$(gh api "repos/$$GITHUB_REPOSITORY/pulls/$$number" \
	  --jq '[.state, .head.sha, (.head.repo.full_name // "-"), .base.ref] | join(" ")') || exit 1; \
	if [ "$$state" = "open $$HEAD_SHA $$HEAD_REPOSITORY $$BASE_BRANCH" ]; then current=true; else current=false; \
	  echo "::notice::pull request $$number is not open at $$HEAD_SHA from $$HEAD_REPOSITORY into $$BASE_BRANCH: nothing to publish"; fi; \
	printf 'number=%s\ncurrent=%s\n' "$$number" "$$current" >> "$$GITHUB_OUTPUT"

# A downloaded artifact is files a pull request's workflow chose: before it is published or read, DIR (not a
# link itself) must hold only regular files and folders; a symbolic link, FIFO, device or socket stops it.
# Names are not printed: they are the pull request's, and a log line can be a workflow command.
artifact-check:  ## DIR holds only regular files and folders (before a downloaded artifact is published or served)
	@if [ -z "$$DIR" ] || [ -L "$$DIR" ] || [ ! -d "$$DIR" ]; then echo "::error::DIR is not a folder: $$DIR"; exit 1; fi; \
	other=$$(find "$$DIR" ! -type f ! -type d -printf x) || { echo "::error::$$DIR cannot be read whole"; exit 1; }; \
	if [ -n "$$other" ]; then \
	  echo "::error::$$DIR holds $${#other} entries that are not a regular file or folder (symbolic link, FIFO, device, socket)"; exit 1; fi

# A reviewer's way to open a preview artifact (a fork's, or a pull request that changes code): checked as above,
# then served on loopback by Python's own server. -I: nothing of DIR (the current folder, PYTHON* variables) is
# imported, and --directory serves it without entering it.
serve-artifact: artifact-check  ## serve an unzipped preview artifact DIR on http://localhost:8000/, running nothing of it
	$(PYTHON) -I -m http.server --directory "$$DIR" --bind 127.0.0.1 $${PORT:-8000}

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

# The checkers of the reader pages, from the npm registry, exactly as tests/js/package-lock.json pins
# them: axe-core and HTML_CodeSniffer (injected into pages in Chromium), the Nu Html Checker (vnu.jar, run
# with the machine's Java) and Lighthouse (make bench-lighthouse). No install script runs: vnu-jar's
# would download a Java runtime.
AXE := tests/js/node_modules/axe-core/axe.min.js
axe: $(AXE)
$(AXE): tests/js/package-lock.json
	npm ci --prefix tests/js --no-audit --no-fund --silent --ignore-scripts
	touch $@

check-github: setup  ## the same, as GitHub Actions annotations on the changed lines
	$(BIN)/tarkeissa check --format github

schemas: setup  ## regenerate schemas/ (editors' JSON Schema, the CMS config) from the schema and vocabularies
	$(BIN)/tarkeissa schema

changes: setup  ## content changes against BASE (default main) as Markdown; PREVIEW_URL for links, OUT for a file; CHECKOUT: another checkout, read as data; ARTIFACT_URL: the run holding the preview; with GITHUB_OUTPUT, code_changed= there
	@$(BIN)/tarkeissa changes --base "$$BASE" $${PREVIEW_URL:+--preview-url "$$PREVIEW_URL"} $${ARTIFACT_URL:+--artifact-url "$$ARTIFACT_URL"} $${CHECKOUT:+--root "$$CHECKOUT"} $${GITHUB_OUTPUT:+--verdict "$$GITHUB_OUTPUT"} > "$${OUT:-/dev/stdout}"

# Both cores (pytest-xdist): the browser tests go to one worker as a group (tests/conftest.py), the
# rest is shared out; the starter site is built once for all workers.
PYTEST_WORKERS ?= auto
test: setup browser axe editor-setup  ## every test, browser and accessibility tests included; lint, format and types too
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup

test-quick: setup editor-setup  ## the edit-test loop: every test needing no browser and no full build (under a minute)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadgroup -m "not browser and not build"

lint: setup  ## Ruff (lint and format check) and mypy, as tests/test_code_quality.py runs them
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/ruff check --isolated .
	$(BIN)/mypy && $(BIN)/mypy --config-file tests/mypy.ini

bench: setup  ## build benchmark: the starter site and a generated 1,000-act corpus
	$(BIN)/python scripts/benchmark_build.py

bench-search: setup browser  ## search benchmark: index size, first-query bytes, indexing time (1,000 and 10,000 acts)
	$(BIN)/python scripts/benchmark_search.py

bench-check: setup  ## check benchmark: 1,000 and 10,000 generated acts
	$(BIN)/python scripts/benchmark_check.py

bench-peer: setup  ## peer benchmark: this build against Hugo + Pagefind, cold, in turn, at 1,000 and 10,000 acts, two corpora; the targets (PEER_ARGS="--acts 100 --runs 1": a quick look)
	$(BIN)/python scripts/benchmark_peer.py $(PEER_ARGS)

bench-lighthouse: setup browser axe $(NODE_STAMP)  ## Lighthouse on home, an act, the act browser, search, a term page: fi and sv, mobile and desktop, median of 3
	$(BIN)/python scripts/benchmark_lighthouse.py

clean:
	rm -rf site .venv .pytest_cache .mypy_cache .ruff_cache node_modules
