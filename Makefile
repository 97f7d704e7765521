# Two entry points for a fresh machine: `make demo` and `make test`.
# Python 3.12 where the machine has one that runs (pyenv's shim may not): spaCy parses 1.46x faster on it
# than on 3.11 here (bench/python_versions.py). Any python3 of 3.11 or later works.
PYTHON ?= $(shell for p in $(HOME)/.pyenv/versions/3.12*/bin/python3.12 python3.12; do \
	"$$p" -c "" >/dev/null 2>&1 && { echo "$$p"; exit; }; done; echo python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint clean

$(STAMP): pyproject.toml $(wildcard scripts/vendor_js.sh)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test,bench,ray]'
	if [ -f scripts/vendor_js.sh ]; then bash scripts/vendor_js.sh; fi
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f newsledger.db
	$(BIN)/newsledger ingest samples/ --db newsledger.db --published 2025-03-10
	COLUMNS=$${COLUMNS:-160} $(BIN)/newsledger claims --db newsledger.db
	COLUMNS=$${COLUMNS:-160} $(BIN)/newsledger quotes --db newsledger.db
	COLUMNS=$${COLUMNS:-160} $(BIN)/newsledger figures --db newsledger.db
	@echo "Next: .venv/bin/newsledger serve --db newsledger.db, then open http://127.0.0.1:8000/"

# Lint, format and types first (seconds), then the suite. mypy-baseline fails on a new type error and on
# one fixed but still listed in mypy-baseline.txt, so the list of known errors can only shrink.
lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy | $(BIN)/mypy-baseline filter --no-colors --hide-stats

test: lint
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) newsledger.db
