# Foot & Leg Intake: set-up, run, test and benchmarks.
# `make run` and `make test` work on a machine that has nothing but Python 3.11+.

# The development set-up and the bundle use the newest Python 3.12+ on the machine (PATH, then pyenv's
# versions), else python3 (3.11 or newer).
PYTHON ?= $(shell sh packaging/find-python.sh)
BUNDLE_PYTHON ?= $(PYTHON)
VENV := .venv
BIN := $(VENV)/bin
STAMP_PY := $(VENV)/.stamp-python
STAMP_SYS := $(VENV)/.stamp-system
# Pinned versions with hashes (made by `make lock`): every install is the same install.
LOCK := packaging/requirements-dev.lock
BUNDLE_LOCK := packaging/requirements-bundle.lock
BUNDLE_VENV := .venv-bundle

# Debian packages Qt needs to start at all (offscreen platform, used by the tests).
QT_BASE_DEBS := libglib2.0-0 libegl1 libgl1 libdbus-1-3 libfontconfig1 libxkbcommon0 fonts-dejavu-core
# A real window on an X display adds the xcb plugin's libraries.
QT_X11_DEBS := libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
	libxcb-shape0 libxkbcommon-x11-0
# Tools the tests and the visual checks use: a virtual display, PDF to text and picture, a strict PDF check.
TOOL_DEBS := xvfb xauth poppler-utils qpdf
# PostgreSQL for the several-desks tests: the tests start their own server on a free local port, as the
# unprivileged system user below (initdb and postgres refuse to run as root).
PG_DEBS := postgresql libpq-dev
PG_TEST_USER := intake-pgtest
# TrueType fonts the reports embed for names in Chinese, Japanese and Korean, Thai and Devanagari
# (DejaVu Sans, shipped in resources/fonts, covers Latin, Greek, Cyrillic, Hebrew and Arabic).
FONT_DEBS := fonts-wqy-microhei fonts-tlwg-garuda-ttf fonts-lohit-deva
SYSTEM_DEBS := $(QT_BASE_DEBS) $(QT_X11_DEBS) $(TOOL_DEBS) $(FONT_DEBS) $(PG_DEBS)

# Patient mode's interface in Spanish: Qt translation sources in git, compiled files built here.
TS_FILES := $(wildcard resources/translations/*.ts)
QM_FILES := $(patsubst resources/translations/%.ts,build/translations/%.qm,$(TS_FILES))

.PHONY: setup run test lint typecheck pytest bench docs clean lock bundle

setup: $(STAMP_SYS) $(STAMP_PY) $(QM_FILES)

build/translations/%.qm: resources/translations/%.ts $(STAMP_PY)
	@mkdir -p $(@D)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

$(STAMP_SYS): Makefile
	@mkdir -p $(VENV)
	@missing=""; for p in $(SYSTEM_DEBS); do \
		dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
		if ! command -v apt-get >/dev/null 2>&1; then \
			echo "Cannot install system libraries automatically (no apt-get). Please install:$$missing"; exit 1; \
		elif [ "$$(id -u)" = "0" ]; then \
			echo "Installing system libraries:$$missing"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
		else \
			echo "Missing system libraries:$$missing"; \
			echo "Install them with: sudo apt-get install --no-install-recommends$$missing"; exit 1; \
		fi; \
	fi
	@if [ "$$(id -u)" = "0" ] && ! id -u $(PG_TEST_USER) >/dev/null 2>&1; then \
		echo "Creating the system user $(PG_TEST_USER) for the test database server"; \
		useradd --system --no-create-home --shell /usr/sbin/nologin $(PG_TEST_USER); \
	fi
	@touch $@

$(STAMP_PY): pyproject.toml $(LOCK)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	@if [ -x $(BIN)/python ] && [ "$$($(BIN)/python -c 'import sys; print(sys.version_info[:2])')" != \
		"$$($(PYTHON) -c 'import sys; print(sys.version_info[:2])')" ]; then \
		echo "Making $(VENV) again with $$($(PYTHON) --version)"; rm -rf $(VENV); fi
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --require-hashes -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps -e .
	@touch $@

# Re-pin every dependency (all Python versions and platforms) after a change to pyproject.toml.
lock:
	@test -x build/lock-venv/bin/uv || { $(PYTHON) -m venv build/lock-venv && build/lock-venv/bin/pip install --quiet uv; }
	build/lock-venv/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		--extra dev --extra postgres --extra demo -o $(LOCK) pyproject.toml
	build/lock-venv/bin/uv pip compile --quiet --universal --python-version 3.11 --generate-hashes \
		--extra bundle -o $(BUNDLE_LOCK) pyproject.toml

# A one-folder application bundle in dist/intake-app (PyInstaller, newest Python 3.12+ available).
bundle: $(STAMP_SYS)
	@test -x $(BUNDLE_VENV)/bin/python || $(BUNDLE_PYTHON) -m venv $(BUNDLE_VENV)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --require-hashes -r $(BUNDLE_LOCK)
	$(BUNDLE_VENV)/bin/python -m pip install --quiet --no-deps .
	@mkdir -p build/translations
	@for ts in $(TS_FILES); do \
		$(BUNDLE_VENV)/bin/pyside6-lrelease -silent $$ts -qm build/translations/$$(basename $${ts%.ts}).qm; done
	$(BUNDLE_VENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist --workpath build/pyinstaller \
		packaging/intake-app.spec
	@echo "Bundle: dist/intake-app/intake-app (smoke test: dist/intake-app/intake-app --smoke-test)"

run: setup
	$(BIN)/intake-app

lint: setup
	$(BIN)/ruff check .

typecheck: setup
	$(BIN)/mypy intake_app

pytest: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

test: setup
	$(BIN)/ruff check .
	$(BIN)/mypy intake_app
	$(BIN)/lint-imports --no-cache
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# One table of every speed and memory target (measure, ours, floor, ratio, target, verdict).
# `make bench QUICK=1` runs it at 100,000 patients only (under two minutes).
bench: setup
	QT_QPA_PLATFORM=offscreen $(BIN)/python bench/run.py $(if $(QUICK),--quick,)

docs: setup
	$(BIN)/python -m intake_app.screening.docs > docs/rules.md

clean:
	rm -rf $(VENV) $(BUNDLE_VENV) .pytest_cache .mypy_cache .ruff_cache build dist *.egg-info
