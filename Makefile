# policy-trace: the front door. `make help` lists the targets.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
NODE_STAMP := node_modules/.package-lock.json
BUILD  := _build
SPHINXOPTS ?=

.DEFAULT_GOAL := help
.PHONY: help venv html check pdf publish test clean live bench bench-koppelingen bench-woorddiff serve wheel

help: ## List every target with one line each
	@grep -E '^[a-z][a-z-]*:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## (.*)/  make \1\t\2/' | expand -t 20

venv: $(STAMP) ## Create .venv with the pinned dependencies (done by html and test)

$(STAMP): pyproject.toml requirements.lock $(NODE_STAMP)
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "policy-trace needs Python 3.11 or newer")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test]'
	@touch $@

# Mermaid, served by the site itself, and pa11y for the browser tests: npm ci installs exactly
# package-lock.json's versions and checks each against its integrity hash (it writes NODE_STAMP
# last). No install scripts run: pa11y's Puppeteer drives Debian's Chromium, never a download.
$(NODE_STAMP): package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm ontbreekt: installeer Node.js en npm (apt-get install -y nodejs npm)" >&2; exit 1; }
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

html: $(STAMP) ## Build the site into _build/html (warnings fail the build)
	$(BIN)/policy-trace build . --uitvoer $(BUILD)/html -- $(SPHINXOPTS)
	@echo "Bekijk de site met: make serve"

check: $(STAMP) ## Run every check without writing the site (fast); reports in _build/check
	$(BIN)/policy-trace check . --uitvoer $(BUILD)/check -- $(SPHINXOPTS)

pdf: $(STAMP) ## Print the programme as one PDF for a board meeting: _build/pdf/programma.pdf
	@mkdir -p $(BUILD)/pdf
	$(BIN)/policy-trace pdf . --uitvoer $(BUILD)/pdf/programma.pdf -- $(SPHINXOPTS)

# Every git tag versie-X is published as adopted version X (built from that tag, dated by its commit),
# then this checkout as the working version; each compares with the adopted version before it.
PUBLIC := $(BUILD)/public
publish: $(STAMP) ## Publish every tag versie-X and this checkout (werkversie) into _build/public, with versions.json
	rm -rf $(PUBLIC)
	@set -e; for tag in $$(git tag --list 'versie-*' --sort=version:refname); do \
	  src=$$(mktemp -d)/src; git worktree add -q --detach "$$src" "$$tag"; \
	  ln -s "$(CURDIR)/node_modules" "$$src/node_modules"; \
	  $(BIN)/policy-trace publish --version "$${tag#versie-}" --status vastgesteld \
	    --datum "$$(git log -1 --format=%cs "$$tag")" $(PUBLIC) "$$src"; \
	  git worktree remove --force "$$src"; \
	done
	$(BIN)/policy-trace publish $(PUBLIC) . -- $(SPHINXOPTS)

serve: ## Preview the built site (make html first) on http://127.0.0.1:8000
	@test -f $(BUILD)/html/index.html || { echo "Er is nog geen site: bouw hem eerst met 'make html'" >&2; exit 1; }
	$(PYTHON) -m http.server --bind 127.0.0.1 --directory $(BUILD)/html $(or $(PORT),8000)

test: $(STAMP) ## Run the whole test suite
	$(BIN)/python -m pytest

DEV_STAMP := $(VENV)/.installed-dev
$(DEV_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -c requirements.lock -e '.[test,dev]'
	@touch $@

# html, check and live call the same front doors as any other programme (policy-trace build/check/live);
# live is sphinx-autobuild whose rebuilds skip Python's start-up (see extensions/policy_trace/live.py).
live: $(DEV_STAMP) ## Preview the site on http://127.0.0.1:8000 and rebuild on every save
	$(BIN)/policy-trace live . --uitvoer $(BUILD)/live --host 127.0.0.1 --port $(or $(PORT),8000) -- \
		--ignore '*/benchmarks/*' --ignore '*/tests/*' $(SPHINXOPTS)

BENCH_SIZES ?= 500 2000 5000
BENCH_RUNS  ?= 3
bench: $(STAMP) bench-koppelingen bench-woorddiff ## Benchmark build times and memory (BENCH_SIZES, BENCH_RUNS); writes benchmarks/resultaten.md
	$(BIN)/python -m benchmarks.run --sizes $(BENCH_SIZES) --runs $(BENCH_RUNS) --output benchmarks/resultaten.md

bench-woorddiff: $(STAMP) ## Only the word diff of Wat is er veranderd on 8,000- and 20,000-word items
	$(BIN)/python -m benchmarks.worddiff --output benchmarks/woorddiff.md

bench-koppelingen: $(STAMP) ## Benchmark a national programme reading 25 regional copies; writes benchmarks/koppelingen.md
	$(BIN)/python -m benchmarks.koppelingen --national 2000 --regions 25 --runs $(BENCH_RUNS) --output benchmarks/koppelingen.md

# The wheel carries Mermaid from package-lock.json, checked against its integrity hash
# (setup.py, tools/vendor_assets.py): building it needs npm, installing it does not.
wheel: $(STAMP) ## Build the installable package into dist/ (Mermaid included; no Node.js for its users)
	$(BIN)/python -m pip wheel --no-deps --wheel-dir dist .
	@echo "Het wiel staat in dist/; installeer het met: pip install dist/policy_trace-*.whl"

clean: ## Remove the built site
	rm -rf $(BUILD)
