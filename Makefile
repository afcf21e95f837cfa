# netinsight: `make demo` and `make test` create .venv when it is missing and install what they need.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
BIN    := $(VENV)/bin
OUT    ?= out
# an editable install leaves netinsight's bytecode to the first import, which a PYTHONDONTWRITEBYTECODE
# environment never writes: compileall writes it as a regular install does (0.2-0.3 s off every import)
COMPILE = $(PY) -m compileall -q netinsight

.PHONY: demo test lint unit lab data bench clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e .
	$(COMPILE)
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[test]"
	$(COMPILE)
	$(PY) -m ipykernel install --sys-prefix --name python3 --display-name "Python 3 (netinsight)" >/dev/null
	touch $@ $(VENV)/.installed

$(VENV)/.installed-lab: pyproject.toml | $(PY)
	$(PY) -m pip install --quiet -e ".[lab]"
	touch $@

## demo: run the main analyses on the bundled samples and write tables and charts into out/
demo: $(VENV)/.installed
	mkdir -p $(OUT)
	$(BIN)/netinsight validate data/sample_log.csv --today 2026-11-01 > $(OUT)/sample_log.problems.txt
	$(BIN)/netinsight summary data/sample_log.csv --format json > $(OUT)/sample_log.summary.json
	$(BIN)/netinsight summary data/cohort_log.csv --by program --format csv > $(OUT)/cohort_by_program.csv
	$(BIN)/netinsight validate data/cohort_log.csv --today 2026-11-01 --format csv > $(OUT)/cohort_log.problems.csv
	$(BIN)/netinsight chains data/sample_log.csv --format csv > $(OUT)/sample_chains.csv
	$(BIN)/netinsight connectors data/sample_log.csv --format csv > $(OUT)/sample_connectors.csv
	$(BIN)/netinsight warm-paths data/sample_log.csv --targets data/sample_targets.csv --connections data/sample_connections.csv --format csv > $(OUT)/sample_warm_paths.csv
	$(BIN)/netinsight plot chains data/sample_log.csv --highlight "Usha Wong" --size 11x12 -o $(OUT)/sample_chains.png
	$(BIN)/netinsight plot path data/sample_log.csv "Usha Wong" --size 12x2.4 -o $(OUT)/sample_path.png
	$(BIN)/netinsight export data/sample_log.csv --graphml $(OUT)/sample_network.graphml --gexf $(OUT)/sample_network.gexf
	$(BIN)/netinsight coverage data/sample_log.csv --targets data/sample_targets.csv --connections data/sample_connections.csv --format csv > $(OUT)/sample_coverage.csv
	$(BIN)/netinsight coverage data/sample_log.csv --targets data/sample_targets.csv --connections data/sample_connections.csv --view employers --format csv > $(OUT)/sample_target_status.csv
	$(BIN)/netinsight followup data/sample_log.csv --by channel --format csv > $(OUT)/sample_followup_by_channel.csv
	$(BIN)/netinsight todo data/sample_log.csv --today 2026-06-17 > $(OUT)/sample_todo.txt
	$(BIN)/netinsight outcomes data/sample_log.csv --by source --format csv > $(OUT)/sample_outcomes_by_source.csv
	$(BIN)/netinsight followup data/cohort_log.csv --by program --format csv > $(OUT)/cohort_followup_by_program.csv
	$(BIN)/netinsight plot coverage data/sample_log.csv --targets data/sample_targets.csv --connections data/sample_connections.csv -o $(OUT)/sample_coverage.png
	$(BIN)/netinsight plot followup data/sample_log.csv -o $(OUT)/sample_thank_you_lag.png
	$(BIN)/netinsight plot funnel data/sample_log.csv --by source -o $(OUT)/sample_funnel.png
	$(BIN)/netinsight plot activity data/sample_log.csv --goal 2 -o $(OUT)/sample_activity.png
	$(BIN)/netinsight report data/cohort_log.csv --by program,class_year --today 2026-11-01 -o $(OUT)/report.html --xlsx $(OUT)/report.xlsx
	$(BIN)/netinsight report data/sample_log.csv --personal --targets data/sample_targets.csv --connections data/sample_connections.csv --today 2026-06-17 -o $(OUT)/me.html --xlsx $(OUT)/me.xlsx
	@echo "demo outputs written to $(OUT)/:" && ls -1 $(OUT)

## test: lint, type-check, unit + CLI + doctests + notebooks (nbval)
test: $(VENV)/.installed-test lint
	$(BIN)/pytest

lint: $(VENV)/.installed-test
	$(BIN)/ruff check netinsight tests benchmarks
	$(BIN)/ruff format --check netinsight tests benchmarks
	$(BIN)/mypy

## lab: JupyterLab on notebooks/ with the project's kernel
lab: $(VENV)/.installed-lab $(VENV)/.installed-test
	$(BIN)/jupyter lab notebooks/

## bench: time the pipeline at 10k, 100k and 1M interviews against the targets (several minutes; not part of test)
bench: $(VENV)/.installed
	$(COMPILE)
	$(PY) benchmarks/run.py --dir .bench --json $(OUT)/bench.json

## data: regenerate the committed samples in data/
data: $(VENV)/.installed
	$(PY) -m netinsight.datasets data

clean:
	rm -rf $(OUT) .pytest_cache .mypy_cache .ruff_cache
