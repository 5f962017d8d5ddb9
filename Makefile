# Two commands on a fresh machine:  make demo  and  make test.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint bench clean system-deps

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

system-deps:
	@scripts/system-deps.sh

## make demo: set up, then build the example trust's pack into out/ and print the paths
demo: $(STAMP) system-deps
	$(BIN)/jdbuilder build examples/example-trust/radiography.yaml -o out/radiography
	$(BIN)/jdbuilder build examples/example-trust/radiography.yaml --trainee -o out/radiography-trainee
	$(BIN)/jdbuilder build examples/example-trust/stroke-rehabilitation.yaml -o out/stroke-rehabilitation
	$(BIN)/jdbuilder build examples/example-trust/theatres.yaml -o out/theatres

## make test: set up, then lint, type-check and run the whole test suite
test: $(STAMP) system-deps lint
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy jdbuilder

bench: $(STAMP) system-deps
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) out dist build
