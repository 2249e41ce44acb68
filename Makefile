# Perhekeskus — the everyday commands. Each installs what it needs first.
#   make demo        start the demo at http://127.0.0.1:8000
#   make test        run all the tests (PostgreSQL when DATABASE_URL is set)
#   make lint        ruff, the layers (import-linter), migrations and translations checks
#                    (scripts/check-messages: no new, untranslated or fuzzy fi/sv message)
#   make bench-search [N=100000]
#   make bench-import [N=20000]
#   make bench-access [READS=300] [LOG=200000]
#   make bench-desk [N=100000]
#   make bench-insight [N=1000000]

SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo "$(HOME)/.local/bin/uv")
RUN := $(UV) run --frozen
N ?= 100000

.PHONY: install demo test test-fast lint messages bench-search bench-import bench-access bench-desk bench-insight

install:
	@./scripts/bootstrap

demo: install
	$(RUN) perhekeskus demo

test: install
	$(RUN) perhekeskus compilemessages --ignore=.venv -v0
	$(RUN) pytest -n 2 --dist loadgroup

test-fast: install
	$(RUN) pytest -n 2 -m "not browser"

lint: install
	$(RUN) ruff check .
	$(RUN) ruff format --check .
	$(RUN) lint-imports
	$(RUN) perhekeskus makemigrations --check --dry-run
	$(RUN) perhekeskus compilemessages --ignore=.venv -v0
	$(RUN) python scripts/check-messages

messages: install
	$(RUN) perhekeskus makemessages -l fi -l sv -l en --ignore=.venv --ignore=var --ignore=bench
	$(RUN) perhekeskus makemessages -d djangojs -l fi -l sv -l en --ignore=.venv --ignore=var

bench-search: install
	$(RUN) python bench/search.py --n $(N)

bench-import: install
	$(RUN) python bench/import_ptv.py --n $(if $(filter command line,$(origin N)),$(N),20000)

bench-access: install
	$(RUN) python bench/access.py --reads $(or $(READS),300) --log $(or $(LOG),200000)

bench-desk: install
	$(RUN) python bench/desk.py --n $(N)

bench-insight: install
	$(RUN) python bench/insight.py --n $(if $(filter command line,$(origin N)),$(N),1000000)
