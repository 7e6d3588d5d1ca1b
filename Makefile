# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make site   build site/ and site/briefing.pdf from content/
#   make test   run the whole test suite (installs what the browser and PDF tests need)
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# Keyed on pyproject.toml's content, not its mtime: a fresh checkout (or CI restoring .venv
# from its cache) is newer than the stamp but needs no reinstall.
STAMP  := $(VENV)/.installed-$(shell sha256sum pyproject.toml | cut -c1-12)

# Debian packages: WeasyPrint needs Pango and fonts to write the PDF; the tests also need
# poppler-utils (pdftotext, pdffonts, pdfinfo) and Chromium (browser tests).
SITE_DEBS := libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-crosextra-carlito fonts-crosextra-caladea
TEST_DEBS := $(SITE_DEBS) poppler-utils chromium

.PHONY: site test eval bench lint format serve clean sysdeps-site sysdeps-test

site: $(STAMP) sysdeps-site
	$(VENV)/bin/dossier build

test: $(STAMP) sysdeps-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) -m pytest

eval: $(STAMP)
	$(PY) bench/eval.py

bench: $(STAMP) sysdeps-site
	$(PY) bench/run.py

serve: $(STAMP)
	$(VENV)/bin/dossier serve

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

# Debian's python3 ships without ensurepip: `venv` fails until python3-venv is installed.
$(STAMP):
	$(PYTHON) -m venv $(VENV) || { sh scripts/debs.sh python3-venv && rm -rf $(VENV) && $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[model,dev]'
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

sysdeps-site:
	@sh scripts/debs.sh $(SITE_DEBS)

sysdeps-test:
	@sh scripts/debs.sh $(TEST_DEBS)

clean:
	rm -rf build site
