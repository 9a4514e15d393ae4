# Two commands matter: `make site` builds site/, `make test` runs every test.
# Both create what they need: .venv with pinned packages, Debian's chromium; for tests also
# poppler-utils, gettext's msgfmt, nginx, Java, zbar-tools and the pinned node checkers.

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
# The public address, for `make site SITE_URL=https://…/` (kitsite/render/site_address.py)
export SITE_URL

.PHONY: site serve preview test check lint unit browser snapshots golden clean offline audit bench

site: $(STAMP) /usr/bin/chromium
	@# kits check, then (one build at a time) MkDocs and the PDF handouts into a folder of
	@# its own, swapped in for site/ in one step; a failure leaves site/ as it was
	@$(BIN)/python scripts/build/build_site.py
	@echo "Built site/$(if $(SITE_URL), for $(SITE_URL),) — look at it with 'make preview' on http://127.0.0.1:8000/"

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

# Every test: lint, types, then the whole suite (what .ci/run calls). Java and the node tools
# are for the Nu HTML Checker (tests/test_valid_html.py); nginx for
# tests/test_nginx.py.
test: $(STAMP) /usr/bin/chromium /usr/bin/pdftoppm /usr/bin/msgfmt /usr/sbin/nginx /usr/bin/java /usr/bin/zbarimg $(NODE_STAMP)
	$(BIN)/ruff check kitsite scripts tests
	$(BIN)/mypy
	$(BIN)/pytest -q -n auto --dist loadfile

# The fast tier for your own loop: the model, the checks and their golden cases, translation,
# edits and the generated Markdown's snapshots; no build, no browser (under 30 s).
unit: $(STAMP) /usr/bin/msgfmt
	$(BIN)/pytest -q -n auto tests/unit

lint: $(STAMP)
	$(BIN)/ruff check kitsite scripts tests
	$(BIN)/mypy

# The built site in headless Chromium (axe, keyboard, search, video, the offline edition).
browser: $(STAMP) /usr/bin/chromium
	$(BIN)/pytest -q tests/browser

# After changing generated pages on purpose: rewrite tests/snapshots, then read its git diff.
snapshots: $(STAMP)
	KITS_UPDATE_SNAPSHOTS=1 $(BIN)/pytest -q tests/unit/test_snapshots.py
	@git status --short tests/snapshots

# After changing a message on purpose: rewrite the golden cases' expected.txt, then read the diff.
golden: $(STAMP)
	KITS_UPDATE_GOLDEN=1 $(BIN)/pytest -q tests/unit/test_validate_golden.py tests/unit/test_po_golden.py
	@git status --short tests/golden tests/golden-po

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

/usr/bin/chromium /usr/bin/pdftoppm /usr/bin/msgfmt:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils gettext >/dev/null

# Debian's nginx, for the test that serves the site with deploy/nginx/kits.conf on 127.0.0.1
# (tests/test_nginx.py; it runs its own nginx with a temporary prefix, never the service).
/usr/sbin/nginx:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null

# zbar's QR decoder, which reads the printed question cards' codes (tests/scenarios/test_qr_codes.py).
/usr/bin/zbarimg:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq zbar-tools >/dev/null

# Java for the W3C Nu HTML Checker (its jar comes from npm's vnu-jar, in $(NODE_STAMP)).
/usr/bin/java:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null

# For workshops: dist/kits-offline.zip opens from file:// with search and no network.
offline: $(STAMP) /usr/bin/chromium
	$(BIN)/python scripts/build/offline.py --out dist/kits-offline.zip

# The W3C Nu HTML Checker, axe on every page and Lighthouse 12 on the key pages of site/,
# served gzipped on 127.0.0.1.
audit: site $(NODE_STAMP) /usr/bin/java
	$(BIN)/python scripts/dev/audit.py site

# Build time and memory at 10 to 2000 videos per language, against the same pages written by
# hand; `kits check` time; how long `make serve` takes to show a saved YAML edit (~5 minutes).
bench: $(STAMP)
	$(BIN)/python scripts/dev/bench.py

# Node tools (Lighthouse, the Nu HTML Checker's jar), pinned by scripts/dev/node/package-lock.json,
# installed into .cache/node. No install scripts: vnu-jar's would download a Java of its own.
$(NODE_STAMP): scripts/dev/node/package.json scripts/dev/node/package-lock.json
	command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }
	mkdir -p $(NODE_DIR) && cp scripts/dev/node/package.json scripts/dev/node/package-lock.json $(NODE_DIR)/
	cd $(NODE_DIR) && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site site.new* site.old* .cache dist
