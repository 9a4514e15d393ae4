# Two commands matter: `make site` builds site/, `make test` runs every test.
# Both create what they need: .venv with pinned packages, and Debian's chromium for tests.

VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: site serve test check lint unit browser clean offline audit bench

site: $(STAMP)
	@$(BIN)/kits check
	@rm -rf site.new
	@# not --quiet: it hides warnings from --strict too (MkDocs 1.6); keep the log, show problems
	@mkdir -p .cache && $(BIN)/mkdocs build --strict --site-dir site.new > .cache/site-build.log 2>&1 \
	  || { grep -v '^INFO\|^DEBUG\|^  - ' .cache/site-build.log; rm -rf site.new; exit 1; }
	@rm -rf site.old && if [ -d site ]; then mv site site.old; fi && mv site.new site && rm -rf site.old
	@echo "Built site/ — open it with 'make serve' on http://127.0.0.1:8000/"

serve: $(STAMP)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/kits check

test: $(STAMP) /usr/bin/chromium /usr/bin/pdftoppm
	$(BIN)/ruff check kitsite scripts tests
	$(BIN)/mypy
	$(BIN)/pytest -q

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

/usr/bin/chromium /usr/bin/pdftoppm:
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null

clean:
	rm -rf site site.new site.old .cache
