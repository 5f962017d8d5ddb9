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

## make demo: set up, then build the example trust's posts (band 4 and trainee band 3) into out/
demo: $(STAMP) system-deps
	$(BIN)/jdbuilder build examples/example-trust -o out/band4 -f docx,pdf,json,advert
	$(BIN)/jdbuilder build examples/example-trust --trainee -o out/trainee -f docx,pdf,json,advert
	@echo
	@echo "Open out/band4/index.html and out/trainee/index.html: every post, its documents and"
	@echo "the core standards it evidences. Each post's files are in its own folder."

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
