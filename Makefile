# Enlace: `make demo` to try it, `make test` to check it. See README.md.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
# Development: links in e-mails and calendar addresses name the port the demo serves on.
DEV_ENV := DEBUG=true SITE_URL=$${SITE_URL:-http://127.0.0.1:$(PORT)}
# Production targets never fall back on a development .env: DEBUG is off unless the environment says otherwise.
PROD_ENV := DEBUG=$${DEBUG:-false}

.PHONY: install translations migrate demo-data demo serve worker test test-sqlite test-postgres test-browser bench drill lint messages totp module clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): $(PY) requirements.lock
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	rm -f $(VENV)/.installed-*
	touch $(STAMP)

install: $(STAMP) translations

translations: $(STAMP)
	$(PY) scripts/compile_translations.py

# The development settings of this checkout, written once (git-ignored): its own SECRET_KEY, so signed addresses
# such as calendar feeds cannot be forged from the published code. Production ignores it (see README).
.env:
	@umask 077 && printf 'DEBUG=true\nSECRET_KEY=%s\n' "$$($(PYTHON) -c 'import secrets; print(secrets.token_urlsafe(50))')" > $@
	@echo "Wrote .env with a new development SECRET_KEY."

migrate: install .env
	mkdir -p var
	$(DEV_ENV) $(PY) manage.py migrate --no-input -v0
	$(DEV_ENV) $(PY) manage.py createcachetable

demo-data: migrate
	$(DEV_ENV) $(PY) manage.py load_demo

demo: demo-data
	@$(DEV_ENV) $(PY) manage.py demo_logins --port $(PORT)
	@echo "The worker (imports, reminders) runs beside the server; its log is var/demo-worker.log."
	@$(DEV_ENV) $(PY) manage.py run_worker >var/demo-worker.log 2>&1 & worker=$$!; \
	  trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	  $(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:$(PORT)

# Production: gunicorn on PostgreSQL (set DATABASE_URL, SECRET_KEY, ALLOWED_HOSTS; see README).
serve: install
	$(PROD_ENV) $(PY) manage.py collectstatic --no-input -v0
	$(PROD_ENV) $(PY) manage.py migrate --no-input
	$(PROD_ENV) $(PY) manage.py createcachetable
	$(PROD_ENV) $(VENV)/bin/gunicorn config.wsgi --bind $${BIND:-127.0.0.1:$(PORT)} --workers $${WEB_CONCURRENCY:-4} --access-logfile -

# The worker rides out database outages and reclaims tasks of dead workers; run it supervised (deploy/).
worker: install
	$(PROD_ENV) $(PY) manage.py run_worker

# A new module from the skeleton (scaffold/module/README.md), wired into settings, URLs, API and bench.
module: install .env
	@test -n "$(APP)" -a -n "$(MODEL)" || { echo 'usage: make module APP=practices MODEL=Practice VERBOSE="good practice" VERBOSE_PLURAL="good practices"'; exit 2; }
	$(DEV_ENV) $(PY) manage.py start_module $(APP) --model $(MODEL) --verbose "$(VERBOSE)" --verbose-plural "$(VERBOSE_PLURAL)"
	$(DEV_ENV) $(PY) manage.py makemigrations $(APP)

test: install
	$(MAKE) lint
	$(MAKE) test-sqlite
	$(MAKE) test-postgres
	$(MAKE) test-browser

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	mkdir -p var
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run -v1

test-sqlite: install
	$(PY) -m pytest -m "not browser" -q -n 2 --dist loadfile

test-postgres: install
	scripts/with-postgres.sh $(PY) -m pytest -m "not browser" -q -n 2 --dist loadfile

test-browser: install
	$(PY) -m pytest -m browser -q -p no:xdist

bench: install
	$(PY) bench/run.py

# Fault drill on a throwaway PostgreSQL: database restart, killed web and task workers under load (~2 min).
drill: install
	$(PY) bench/drill.py

messages: install
	$(DEV_ENV) $(PY) manage.py makemessages -l es -l en --no-obsolete --no-location --ignore=.venv --ignore=var --ignore=tests --ignore=bench --ignore=scaffold
	$(PY) scripts/compile_translations.py

totp: install .env
	@$(DEV_ENV) $(PY) manage.py demo_totp $(USER_NAME)

clean:
	rm -rf $(VENV) staticfiles
