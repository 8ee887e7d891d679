# cryo_qgis_plugin: the targets a QGIS plugin author expects. `make test` and `make demo` do all set-up.
PYTHON ?= /usr/bin/python3
PLUGIN := cryo_qgis_plugin
QGIS_PLUGINPATH ?= $(HOME)/.local/share/QGIS/QGIS3/profiles/default/python/plugins
DEMO_PLUGINPATH := $(CURDIR)/build/demo-plugins
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT_PACKAGES := qgis python3-qgis qgis-providers gdal-bin python3-gdal python3-h5py python3-pyqtgraph \
	python3-dask python3-distributed python3-xarray python3-zarr python3-netcdf4 python3-venv python3-setuptools \
	python3-numpy python3-scipy python3-pytest python3-matplotlib python3-pyflakes xvfb xauth \
	pyqt5-dev-tools qttools5-dev-tools fonts-open-sans flake8 python3-pep8-naming python3-pyqt6 python3-openpyxl \
	python3-pyproj
export QT_QPA_PLATFORM ?= offscreen
# translations: the .ts sources are committed, the .qm files the plugin loads are built (`make translations`)
LOCALES := zh_CN
TS_FILES := $(foreach locale,$(LOCALES),$(PLUGIN)/i18n/$(PLUGIN)_$(locale).ts)
QM_FILES := $(TS_FILES:.ts=.qm)
LRELEASE ?= lrelease
PYLUPDATE ?= pylupdate5
# Set these before publishing: the QGIS plugin repository (plugins.qgis.org) refuses an upload whose repository or
# tracker is missing or cannot be reached, and shows the homepage. The example.com addresses are placeholders
# (RFC 2606, reserved for documentation). `make zip` and `make deploy` write them into the metadata.txt they ship
# (one-off: `make zip HOMEPAGE=... TRACKER=... REPOSITORY=...`); the committed metadata.txt carries the same
# keys and values (tests/test_packaging.py checks that they agree with these lines).
HOMEPAGE := https://example.com/cryo_qgis_plugin
TRACKER := https://example.com/cryo_qgis_plugin/issues
REPOSITORY := https://example.com/cryo_qgis_plugin/source
STAGE_PLUGIN = CRYO_HOMEPAGE='$(HOMEPAGE)' CRYO_TRACKER='$(TRACKER)' CRYO_REPOSITORY='$(REPOSITORY)' scripts/stage-plugin

.PHONY: deps translations translations-update test test-qgis-lts screenshots demo bench xdem-venv deploy zip lint clean

deps:  ## install QGIS 3.22 and the Python packages from Debian (only what is missing)
	@missing=$$(for p in $(APT_PACKAGES); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed$$' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "deps: installing" $$missing; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq \
			--no-install-recommends $$missing; \
	else echo "deps: all installed"; fi

translations: $(QM_FILES)  ## compile the .ts translations into the .qm files the plugin loads (not committed)

$(PLUGIN)/i18n/%.qm: $(PLUGIN)/i18n/%.ts
	QT_SELECT=qt5 $(LRELEASE) -silent $< -qm $@

translations-update:  ## re-extract the texts of every .py of the plugin into the .ts files, keeping their translations
	$(PYLUPDATE) -noobsolete $$(find $(PLUGIN) -name '*.py' ! -name resources.py | LC_ALL=C sort) -ts $(TS_FILES)
	@echo "now translate the entries marked unfinished in $(TS_FILES) (e.g. with linguist), then make translations"

test: deps translations  ## the whole test suite, headless
	$(PYTHON) -m pytest -q tests

test-qgis-lts:  ## the test suite on QGIS 3.40 LTR (Debian 13) in a debootstrap chroot under build/ (root needed)
	scripts/test-qgis-lts

screenshots: deps translations  ## redo docs/screenshots/ (the real QGIS desktop under Xvfb, tests/test_desktop.py)
	CRYO_UPDATE_SCREENSHOTS=1 $(PYTHON) -m pytest -q tests/test_desktop.py
	$(PYTHON) scripts/screenshot_import_dialog.py
	xvfb-run -a $(PYTHON) scripts/screenshot_dock_insar_model.py

demo: deps translations  ## sample data -> every algorithm through qgis_process -> demo_out/
	$(MAKE) --no-print-directory deploy QGIS_PLUGINPATH=$(DEMO_PLUGINPATH)
	QGIS_PLUGINPATH=$(DEMO_PLUGINPATH) $(PYTHON) scripts/demo.py demo_out

bench: deps  ## benchmark figures (printed, not asserted); with build/xdem-venv, against xdem too
	$(PYTHON) scripts/bench.py

xdem-venv:  ## xdem 0.2.3 in its own virtual environment, only for the DEM benchmark comparison (not a dependency)
	python3 -m venv build/xdem-venv
	build/xdem-venv/bin/pip install -q xdem==0.2.3 scikit-gstat

deploy: translations  ## copy the plugin into $(QGIS_PLUGINPATH) and enable it for qgis_process
	$(STAGE_PLUGIN) "$(QGIS_PLUGINPATH)"
	@QGIS_PLUGINPATH="$(QGIS_PLUGINPATH)" scripts/qgis-process plugins enable $(PLUGIN) >/dev/null 2>&1 || \
		QGIS_PLUGINPATH="$(QGIS_PLUGINPATH)" scripts/qgis-process plugins 2>/dev/null | grep -q '^\* $(PLUGIN)$$' || \
		{ echo "qgis_process could not enable $(PLUGIN)" >&2; exit 1; }
	@echo "deployed to $(QGIS_PLUGINPATH)/$(PLUGIN) and enabled"

zip: translations  ## dist/cryo_qgis_plugin.zip, installable with "Install from ZIP" and accepted by plugins.qgis.org
	rm -rf build/zip dist/$(PLUGIN).zip && mkdir -p dist
	$(STAGE_PLUGIN) build/zip
	cd build/zip && $(PYTHON) -m zipfile -c ../../dist/$(PLUGIN).zip $(PLUGIN)
	@echo "wrote dist/$(PLUGIN).zip"
	@case "$(HOMEPAGE) $(TRACKER) $(REPOSITORY)" in *example.com*) \
		echo "note: HOMEPAGE, TRACKER or REPOSITORY is still a placeholder; set them in the Makefile before publishing";; esac

lint:  ## flake8 (pyflakes, pycodestyle, pep8-naming; settings in setup.cfg)
	$(PYTHON) -m flake8 $(PLUGIN) tests scripts samples

clean:
	rm -rf build dist demo_out $(PLUGIN)/resources.py $(QM_FILES)
	find . -name __pycache__ -prune -exec rm -rf {} +
