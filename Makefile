# The two set-up commands of the README: both create .venv from the requirements when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501
ADDRESS ?= localhost

.PHONY: run test test-slow browser bench screenshots clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.run-deps: requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.dev-deps: requirements.txt requirements-dev.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	touch $@ $(VENV)/.run-deps

run: $(VENV)/.run-deps
	PYTHONPATH=. $(BIN)/python -m workbench.app.access $(ADDRESS)
	PYTHONPATH=. $(BIN)/python -m workbench.app.seed
	@echo "Fact-check workbench: http://$(ADDRESS):$(PORT)  (Ctrl-C stops it)"
	PYTHONPATH=. $(BIN)/python -m streamlit run workbench/app/main.py --server.port $(PORT) --server.address $(ADDRESS)

# The browser test drives Debian's Chromium; installed here so a fresh machine and CI have it.
browser:
	@command -v chromium >/dev/null || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing: apt-get install chromium (the browser test will be skipped)"; fi; }

test: $(VENV)/.dev-deps browser
	$(BIN)/ruff check .
	$(BIN)/python -m pytest

# The slow lane: the whole suite again from a fresh clone of the last commit in a private (0700) folder.
test-slow: $(VENV)/.dev-deps browser
	WORKBENCH_SLOW=1 $(BIN)/python -m pytest tests/test_fresh_clone.py

bench: $(VENV)/.dev-deps
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python -W ignore benchmarks/accuracy.py
	$(BIN)/python benchmarks/recognizers_text.py
	$(BIN)/python -W ignore benchmarks/check_speed.py
	$(BIN)/python -W ignore benchmarks/check_accuracy.py
	$(BIN)/python -W ignore benchmarks/export_speed.py
	$(BIN)/python -W ignore benchmarks/app_startup.py
	$(BIN)/python -W ignore benchmarks/review_desk.py
	$(BIN)/python -W ignore benchmarks/queue_noise.py
	$(BIN)/python -W ignore benchmarks/batch.py
	$(BIN)/python benchmarks/regex_worst_case.py
	$(BIN)/python -W ignore benchmarks/worst_case_calls.py

screenshots: $(VENV)/.dev-deps browser
	$(BIN)/python scripts/screenshots.py

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache .hypothesis
