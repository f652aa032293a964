# Two commands on a fresh machine: `make run` and `make test`.
# Both bootstrap .venv from pyproject.toml the first time (and again when it changes).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: run test lint typecheck unit unit-fast bench golden clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/i18n build
	$(BIN)/i18n status
	@echo "The site is in $(CURDIR)/_site/ (open _site/index.html, or run: $(BIN)/i18n serve)"

test: lint typecheck unit

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest

# The unit tests less those marked `slow` (the installed wheel, Chromium, interrupted
# builds and the serve soak, the reference-checked git histories, model loads, the
# full lunar sweeps): a quick loop while working. `make test` runs them all.
unit-fast: $(STAMP)
	$(BIN)/pytest -m "not slow"

# Rewrite what the golden tests compare against after an intended change (the built
# site in tests/golden/, `names discover` on tests/fixtures/names/news-site), check the
# rest of those files against it, then list what changed: read that diff before
# committing it with the change that caused it.
golden: $(STAMP)
	SASTRA_REGEN_GOLDEN=1 $(BIN)/pytest tests/test_build_golden.py tests/test_names_news.py
	@git status --short -- tests/golden tests/fixtures/names 2>/dev/null || true

bench: $(STAMP)
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) _site .sastra-cache
