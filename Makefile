# Two commands on a fresh machine: `make run` and `make test`. Everything else is built on demand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := .make
export FLASK_APP := wsgi

.PHONY: run test test-fast test-browser chromium lint format translations translations-extract db assets install clean bench

# `make run PORT=8080`: links in mail point at BASE_URL, by default the address served here.
PORT ?= 5000
BASE_URL ?= http://127.0.0.1:$(PORT)

run: install assets translations db
	BASE_URL=$(BASE_URL) $(BIN)/flask run --host 127.0.0.1 --port $(PORT)

test: install assets translations chromium
	$(BIN)/pytest

test-browser: install assets translations chromium
	$(BIN)/pytest -m browser

test-fast: install assets translations
	$(BIN)/pytest -m "not browser"

install: $(STAMP)/install
$(STAMP)/install: pyproject.toml
	@mkdir -p $(STAMP)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	@touch $@

# The browser tests drive Debian's Chromium (Playwright cannot download its own browsers).
# Without root or apt the tests themselves try once more and then skip with the reason.
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
		{ DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || \
		  { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }; }; } || \
		echo "chromium is missing and could not be installed: the browser tests will skip"

# NL Design System CSS from npm (exact pins in package-lock.json), copied into static/vendor;
# then every CSS/JS file copied to static/dist/ under a content-hashed name (production).
assets: install $(STAMP)/assets
	$(BIN)/flask assets build
$(STAMP)/assets: package.json package-lock.json
	@mkdir -p $(STAMP)
	npm ci --ignore-scripts --no-audit --no-fund
	rm -rf static/vendor
	mkdir -p static/vendor/utrecht static/vendor/theme static/vendor/swagger-ui
	cp node_modules/@utrecht/component-library-css/dist/index.css static/vendor/utrecht/index.css
	cp node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css static/vendor/theme/theme.css
	cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css static/vendor/swagger-ui/
	@touch $@

translations: install
	$(BIN)/pybabel compile --use-fuzzy -d participation/translations --statistics 2>&1 | tail -n 2

# Collect msgids into messages.pot and merge them into the catalogues (review the diff).
# --ignore-dirs replaces Babel's default, which skips folders starting with _ (templates/_macros).
translations-extract: install
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --ignore-dirs '.* __pycache__ node_modules' -o participation/translations/messages.pot --no-location --sort-output .
	$(BIN)/pybabel update -i participation/translations/messages.pot -d participation/translations --no-wrap --ignore-obsolete --no-fuzzy-matching

# The development database under instance/, with the demo municipality when it is empty.
db: install translations
	$(BIN)/flask db upgrade
	$(BIN)/flask seed demo --if-empty

# Load test in production mode against a trivial route (docs/PERFORMANCE.md). QUICK=1: ~1 minute.
# PostgreSQL and Redis come from BENCH_DATABASE_URL and BENCH_REDIS_URL (the bench empties both).
bench: install assets translations
	$(BIN)/python -m bench.run $(if $(QUICK),--quick) $(if $(DATABASES),--databases $(DATABASES)) \
		$(if $(SIZES),--sizes $(SIZES)) $(if $(ONLY),--only "$(ONLY)")

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

clean:
	rm -rf $(VENV) $(STAMP) node_modules static/vendor
