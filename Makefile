# Caravan: `make run` starts the demo shop, `make test` runs the whole suite. Both install what is missing.
SHELL := /bin/bash
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
STAMP := $(VENV)/.installed
DEBIAN_PACKAGES := gettext chromium fonts-noto-cjk fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 wrk

.PHONY: run test venv system-deps lint messages compilemessages bench clean worker

# Debian packages (as root, only those missing): gettext for .po files, Chromium for browser tests,
# CJK fonts for Japanese/Chinese pages and PDFs, pango for WeasyPrint, wrk for benchmarks.
system-deps:
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = "0" ]; then echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "Missing Debian packages (run as root to install):$$missing"; fi; \
	fi

$(STAMP): requirements.txt
	@command -v $(PY) >/dev/null 2>&1 || PY=python3; \
	test -x $(BIN)/python || $$( command -v $(PY) || command -v python3 ) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -r requirements.txt
	touch $(STAMP)

venv: $(STAMP)

compilemessages: venv system-deps
	$(BIN)/python manage.py compilemessages -v0 --ignore=.venv

messages: venv
	$(BIN)/python manage.py makemessages -a --ignore=.venv --ignore=tests --ignore=bench --no-obsolete

run: venv system-deps compilemessages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py seed_demo
	@echo ""
	@echo "  Shop:  http://$(HOST):$(PORT)/"
	@echo "  Admin: http://$(HOST):$(PORT)/admin/  (login printed above by seed_demo)"
	@echo ""
	bash scripts/run_server.sh $(HOST) $(PORT)

worker: venv
	$(BIN)/celery -A config worker -B -l info

lint: venv
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test: venv system-deps compilemessages lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

bench: venv system-deps
	$(BIN)/python bench/storefront.py

clean:
	rm -rf $(VENV) staticfiles db.sqlite3*
