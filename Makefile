# Two commands matter: `make site` builds site/, `make test` runs every test.
# Both create what they need: .venv with pinned packages, and Debian's chromium (and gettext's
# msgfmt, which checks the exported PO files) for tests.

VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
NODE_DIR   := .cache/node
NODE_STAMP := $(NODE_DIR)/.installed
export NO_MKDOCS_2_WARNING := 1
# Compiled modules go to .cache/pycache, not next to the sources: every command starts without
# compiling the generator again (0.5-1 s of `kits check`), and the source folders stay clean.
export PYTHONDONTWRITEBYTECODE :=
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache

.PHONY: site serve preview test check lint unit browser clean offline audit bench

site: $(STAMP) /usr/bin/chromium
	@# kits check, then (one build at a time) MkDocs and the PDF handouts into a folder of
	@# its own, swapped in for site/ in one step; a failure leaves site/ as it was
	@$(BIN)/python scripts/build_site.py
	@echo "Built site/ — look at it with 'make preview' on http://127.0.0.1:8000/"

# A preview built from the sources, rebuilt on every save (not site/).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

# The built site/ exactly as it will be published, served on 127.0.0.1:8000 (PREVIEW_PORT).
PREVIEW_PORT ?= 8000
preview: $(STAMP)
	@test -d site || { echo "No site/ yet: run 'make site' first"; exit 1; }
	@echo "Serving site/ on http://127.0.0.1:$(PREVIEW_PORT)/ — stop with Ctrl+C"
	@$(BIN)/python -m http.server $(PREVIEW_PORT) --bind 127.0.0.1 --directory site

check: $(STAMP)
	$(BIN)/kits check

test: $(STAMP) /usr/bin/chromium /usr/bin/pdftoppm /usr/bin/msgfmt
	$(BIN)/ruff check kitsite scripts tests
	$(BIN)/mypy
	$(BIN)/pytest -q

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

/usr/bin/chromium /usr/bin/pdftoppm /usr/bin/msgfmt:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils gettext >/dev/null

# For workshops: dist/kits-offline.zip opens from file:// with search and no network.
offline: $(STAMP) /usr/bin/chromium
	$(BIN)/python scripts/offline.py --out dist/kits-offline.zip

# axe on every page and Lighthouse 12 on the key pages of site/, served gzipped on 127.0.0.1.
audit: site $(NODE_STAMP)
	$(BIN)/python scripts/audit.py site

# Build time and memory at 10 to 2000 videos per language, against the same pages written by
# hand; `kits check` time; how long `make serve` takes to show a saved YAML edit (~5 minutes).
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

# Node tools (Lighthouse), pinned by scripts/node/package-lock.json, installed into .cache/node.
$(NODE_STAMP): scripts/node/package.json scripts/node/package-lock.json
	command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	mkdir -p $(NODE_DIR) && cp scripts/node/package.json scripts/node/package-lock.json $(NODE_DIR)/
	cd $(NODE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site site.new* site.old* .cache dist
