# safehaven: set-up, demo and tests on a fresh Debian/Ubuntu machine.
#   make demo   serve the bundled demo platforms locally, audit them, write PDF scorecards
#   make test   run the test suite
#   make realworld  audit real open-source platform software on 127.0.0.1 against hand-verified truth
#   make independent  audit the independently built (blind-written) platforms against their truth
#   make hostile  audit 58 hostile pages, servers, definitions and stores on 127.0.0.1; each must end well
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SUDO   := $(shell [ "$$(id -u)" != 0 ] && command -v sudo)

.PHONY: setup demo test lint bench clean system-deps browser realworld independent hostile

setup: $(STAMP) browser

# System packages: Chromium (when Playwright's own cannot be downloaded), Pango for WeasyPrint,
# fonts for the scorecard, poppler-utils to look at PDFs as images.
system-deps:
	@if command -v apt-get >/dev/null 2>&1; then \
	  need=""; \
	  for p in libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core fonts-dejavu-extra fontconfig poppler-utils; do \
	    dpkg -s $$p >/dev/null 2>&1 || need="$$need $$p"; done; \
	  if [ -n "$$need" ]; then \
	    echo "installing:$$need"; \
	    $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$need; fi; \
	else echo "no apt-get: install Pango, DejaVu fonts and poppler-utils yourself"; fi

$(STAMP): pyproject.toml | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[test]"
	touch $(STAMP)

# Playwright's Chromium first; where its download is blocked, Debian's chromium package.
browser: $(STAMP)
	@if $(BIN)/python -c "from toolkit.collection.browser import find_browser; print(find_browser().path)" 2>/dev/null; then \
	  echo "browser found"; \
	elif timeout 300 $(BIN)/python -m playwright install chromium >/dev/null 2>&1 && \
	     $(BIN)/python -c "from toolkit.collection.browser import find_browser; find_browser()" 2>/dev/null; then \
	  echo "installed Playwright's Chromium"; \
	  $(SUDO) $(BIN)/python -m playwright install-deps chromium >/dev/null 2>&1 || true; \
	elif command -v apt-get >/dev/null 2>&1; then \
	  echo "Playwright's Chromium could not be downloaded; installing Debian's chromium"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium; \
	else echo "no Chromium: install one and set SAFEHAVEN_CHROMIUM" && exit 1; fi
	@# Headless audits cost about 40% less CPU in Chromium's headless shell; optional, installed where apt can.
	@if $(BIN)/python -c "from toolkit.collection.browser import find_browser; assert find_browser().source == 'system'" 2>/dev/null \
	    && command -v apt-get >/dev/null 2>&1; then \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium-headless-shell >/dev/null 2>&1 \
	    && echo "installed Debian's chromium-headless-shell" || true; fi

demo: setup
	$(BIN)/safehaven demo

test: setup
	$(BIN)/python -m pytest -q

lint: setup
	$(BIN)/ruff check .

# The demo world under 200 ms simulated latency: audits vs page-load floor, serial vs --parallel 4,
# memory, render times. Narrow it with e.g. BENCH_ARGS="--only amberlane ruilhoek".
bench: setup
	$(BIN)/python benchmarks/bench_audit.py $(BENCH_ARGS)

# Real-software benchmark (not in CI): install, seed and serve open-source platforms from PyPI on
# 127.0.0.1:18101.. (Misago needs postgresql) and NodeBB on :18501 (needs Node.js 20+ with npm, git,
# redis-server, and a git copy of NodeBB: see README) and Yclas on :18601 (needs php-cli with php-mysql and the
# other PHP modules the README lists, mariadb-server, npm, git and a git copy of Yclas), audit each with a minimal
# definition, print the
# verdict table against the hand-verified truth, and save trimmed bundles for tests/test_realworld.py.
# A platform whose tools are missing is skipped with a message; the others go on.
realworld: setup
	$(BIN)/python benchmarks/realworld/realworld.py build
	$(BIN)/python benchmarks/realworld/realworld.py serve
	$(BIN)/python benchmarks/realworld/realworld.py audit
	-$(BIN)/python benchmarks/realworld/realworld.py table
	$(BIN)/python benchmarks/realworld/realworld.py save

clean:
	rm -rf $(VENV) .pytest_cache .pytest-home

# Independently built platforms (written without reading the checks), served by the demo server,
# audited, judged against their truth, trimmed bundles saved for tests/test_independent.py.
independent: setup
	$(BIN)/python benchmarks/independent/independent.py audit
	-$(BIN)/python benchmarks/independent/independent.py table
	$(BIN)/python benchmarks/independent/independent.py save

# The hostile matrix (not in CI, about 25 minutes): a server of hostile cases on 127.0.0.1:18300-18305, each
# audited through the CLI in its own process with a hard timeout; one table, exit 1 when a case fails.
# Some cases: HOSTILE_ARGS="worker-ws iframes-1000".
hostile: setup
	$(BIN)/python benchmarks/hostile/matrix.py $(HOSTILE_ARGS)
