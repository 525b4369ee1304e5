"""The API apps are optional: a site without them keeps its pages, calendars and feeds.

``wagtail_events.api`` (the events API, on django-ninja) and ``wagtail_events.api_v2``
(Wagtail's API v2, on Django REST framework) are apps of their own, and the import contracts
keep the rest of the package from importing them. Here a site left without both (and without
``ninja``, ``rest_framework`` and ``wagtail.api.v2`` in INSTALLED_APPS) runs in a process of
its own, where no module of the package may import django-ninja or Django REST framework:
``manage.py check`` passes and an event page, its index, their calendars and feed are served.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Its own SQLite database, whatever the suite's; it migrates one, so it takes a while.
pytestmark = [pytest.mark.database_independent, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent


def run_site_without_apis(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings_without_apis",
        "WAGTAIL_EVENTS_TEST_DB": str(tmp_path / "site.sqlite3"),
    }
    env.pop("DATABASE_URL", None)
    return subprocess.run(  # noqa: S603 (this interpreter, a module of the tests)
        [sys.executable, "-m", "tests.site_without_apis"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_a_site_without_the_api_apps_serves_its_pages(tmp_path):
    result = run_site_without_apis(tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "without the API apps: ok" in result.stdout


def test_the_guard_refuses_a_module_of_the_package_importing_ninja(tmp_path):
    """The check above can fail: with the events API's app put back, the package imports ninja."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings_without_apis"}
    code = (
        "import tests.site_without_apis as site, builtins\n"
        "builtins.__import__ = site._guarded_import\n"
        "import wagtail_events.api.filters\n"
    )
    result = subprocess.run(  # noqa: S603 (this interpreter, a fixed snippet)
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode != 0
    assert "wagtail_events.api.filters imports ninja" in result.stderr
