# Two commands work on a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: demo test lint venv clean model samples

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

# data/samples holds a scanned and a broken file on purpose: the CLI exits 1
# when some files could not be read, which is the expected outcome here.
demo: $(STAMP)
	$(VENV)/bin/screener screen data/samples --format table; rc=$$?; [ $$rc -le 1 ] || exit $$rc

# pytest exits 5 when it collected no test: treat that as a failure, not a pass.
test: $(STAMP)
	$(VENV)/bin/ruff check screener tests benchmarks scripts
	$(VENV)/bin/ruff format --check screener tests benchmarks scripts
	$(PY) -m pytest; rc=$$?; if [ $$rc -eq 5 ]; then echo "pytest collected no tests" >&2; exit 1; fi; exit $$rc

lint: $(STAMP)
	$(VENV)/bin/ruff check screener tests benchmarks scripts
	$(VENV)/bin/ruff format --check screener tests benchmarks scripts

model: $(STAMP)
	$(PY) scripts/train_model.py

samples: $(STAMP)
	$(PY) scripts/make_samples.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
