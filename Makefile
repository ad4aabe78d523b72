# Caravan: `make run` starts the demo shop, `make test` runs the whole suite. Both install what is missing
# (Debian packages as root, the .venv) through scripts/bootstrap.sh.
SHELL := /bin/bash
BIN := .venv/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint messages compilemessages bench bench-checkout worker clean

# The per-install secret key (git-ignored) that manage.py uses when DJANGO_SECRET_KEY is unset and DJANGO_DEBUG is off.
.secret_key:
	bash scripts/local_secrets.sh

compilemessages: .secret_key
	$(BIN)/python manage.py compilemessages -v0 --ignore=.venv

messages: .secret_key
	$(BIN)/python manage.py makemessages -l de -l fr -l es -l ja -l zh_Hans --ignore=.venv --ignore=tests --ignore=bench --ignore=staticfiles --no-obsolete

run:
	bash scripts/bootstrap.sh run
	bash scripts/local_secrets.sh
	$(MAKE) --no-print-directory compilemessages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py seed_demo
	bash scripts/run_server.sh $(HOST) $(PORT)

worker:
	$(BIN)/celery -A config worker -B -l info

lint:
	$(BIN)/ruff check .
	$(BIN)/lint-imports

test:
	bash scripts/bootstrap.sh test
	$(MAKE) --no-print-directory compilemessages lint
	$(BIN)/python manage.py makemigrations --check --dry-run
	$(BIN)/python -m pytest

bench:
	bash scripts/bootstrap.sh bench
	$(BIN)/python bench/storefront.py

bench-checkout:
	bash scripts/bootstrap.sh bench
	$(BIN)/python bench/checkout.py

clean:
	rm -rf .venv staticfiles db.sqlite3*
