# Runway: every command a developer or CI runs. `make serve` and `make test` set up everything first.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SETUP := $(VENV)/.installed
OFFLINE_BUILD ?= build
DIST ?= dist
NODE := node_modules/.installed
# The PDF of the whole library is printed by chromium after the build; RUNWAY_PDF=false skips it.
RUNWAY_PDF ?= true
PDF_NEEDS := $(if $(filter true,$(RUNWAY_PDF)),browser)
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build offline test bench schemas pins browser java epubcheck clean

## serve: install, then serve the site with live reload at http://127.0.0.1:8000 (no PDF)
serve: $(SETUP)
	$(PY) -m mkdocs serve --strict -a 127.0.0.1:8000

## build: a strict build into site/, with cards.json, the Anki deck, the EPUB and the PDF under site/downloads/
build: $(SETUP) $(PDF_NEEDS)
	RUNWAY_PDF=$(RUNWAY_PDF) $(PY) -m mkdocs build --strict -d site

## offline: the site for file://, packed as dist/runway-offline.zip, and its deck, EPUB and PDF copied to dist/
offline: $(SETUP) $(PDF_NEEDS)
	RUNWAY_OFFLINE=true RUNWAY_PDF=$(RUNWAY_PDF) $(PY) -m mkdocs build --strict -d $(abspath $(OFFLINE_BUILD))/runway
	mkdir -p $(DIST)
	$(PY) -c "import shutil, sys; shutil.make_archive(sys.argv[1], 'zip', sys.argv[2], 'runway')" \
	  $(abspath $(DIST))/runway-offline $(abspath $(OFFLINE_BUILD))
	cp $(abspath $(OFFLINE_BUILD))/runway/downloads/* $(DIST)/
	@echo "Wrote $(DIST)/runway-offline.zip (unzip it and open runway/index.html), with the deck and the books beside it."

## test: install everything (Python, npm, chromium, Java), then run every test with the network cut
test: $(SETUP) $(NODE) browser java epubcheck
	bash tests/run.sh $(PYTEST_ARGS)

## bench: build-scaling, page-weight and Lighthouse figures, written to BENCHMARKS.md
bench: $(SETUP) $(NODE) browser
	$(PY) bench/bench.py

## schemas: regenerate the JSON Schemas from the models
schemas: $(SETUP)
	$(PY) -m macros.schemas

## pins: after changing a version in requirements.txt, write the sha256 of every file pip may install for it
pins:
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) .ci/hash_pins.py

# Every package is checked against the sha256 pinned in requirements.txt; the project itself is installed
# from this folder, without dependencies.
$(SETUP): requirements.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install --disable-pip-version-check -q --require-hashes -r requirements.txt
	$(PY) -m pip install --disable-pip-version-check -q --no-deps -e .
	touch $@

$(NODE): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is missing (axe-core, vnu-jar, Lighthouse): install Node.js 20 with npm (for example 'sudo apt-get install -y nodejs npm')"; exit 1; }
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; \
	  else echo "Chromium is missing: run 'sudo apt-get install -y --no-install-recommends chromium'"; exit 1; fi; }

java:
	@command -v java >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends default-jre-headless; \
	  else echo "Java is missing (for the HTML validator): run 'sudo apt-get install -y default-jre-headless'"; exit 1; fi; }

epubcheck:
	@command -v epubcheck >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq --no-install-recommends epubcheck; \
	  else echo "epubcheck is missing (validates the EPUB): run 'sudo apt-get install -y epubcheck'"; exit 1; fi; }

clean:
	rm -rf site build dist .pytest_cache
