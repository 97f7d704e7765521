# Two entry points for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test clean

$(STAMP): pyproject.toml $(wildcard scripts/vendor_js.sh)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -e '.[test]'
	if [ -f scripts/vendor_js.sh ]; then bash scripts/vendor_js.sh; fi
	touch $(STAMP)

install: $(STAMP)

demo: install
	rm -f newsledger.db
	$(BIN)/newsledger ingest samples/ --db newsledger.db
	$(BIN)/newsledger claims --db newsledger.db
	$(BIN)/newsledger quotes --db newsledger.db

test: install
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) newsledger.db
