# netinsight: `make demo` and `make test` create .venv when it is missing and install what they need.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
OUT    ?= out

.PHONY: demo test lint unit lab data bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (netinsight)" >/dev/null
	touch $@ $(VENV)/.installed

$(VENV)/.installed-lab: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[lab]"
	touch $@

## demo: validate and summarise the bundled samples into out/
demo: $(VENV)/.installed
	mkdir -p $(OUT)
	$(BIN)/netinsight validate data/sample_log.csv --today 2026-11-01 > $(OUT)/sample_log.problems.txt
	$(BIN)/netinsight summary data/sample_log.csv --format json > $(OUT)/sample_log.summary.json
	$(BIN)/netinsight summary data/cohort_log.csv --by program --format csv > $(OUT)/cohort_by_program.csv
	$(BIN)/netinsight validate data/cohort_log.csv --today 2026-11-01 --format csv > $(OUT)/cohort_log.problems.csv
	@echo "demo outputs written to $(OUT)/:" && ls -1 $(OUT)

## test: lint, type-check, unit + CLI + doctests + notebooks (nbval)
test: $(VENV)/.installed-test lint
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check netinsight tests benchmarks
	$(BIN)/mypy

## lab: JupyterLab on notebooks/ with the project's kernel
lab: $(VENV)/.installed-lab $(VENV)/.installed-test
	$(BIN)/jupyter lab notebooks/

## data: regenerate the committed samples in data/
data: $(VENV)/.installed
	$(PY) -m netinsight.datasets data

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
