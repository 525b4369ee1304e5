"""Test settings: the example site's, made fast and self-contained."""

import os

from example_project.settings.base import *  # noqa: F403
from example_project.settings.base import INSTALLED_APPS

# The test site's home page first (tests.testapp); the benchmarks' generate_events, which
# tests/test_generate.py checks, last. The example's home app stays for the demo's tests.
INSTALLED_APPS = ["tests.testapp", *INSTALLED_APPS, "benchmarks.generator"]

SECRET_KEY = "tests-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = os.environ.get("TEST_MEDIA_ROOT", "/tmp/wagtail_events_test_media")  # noqa: S108
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"

# Wagtail 7.4 autosaves a new page in the background half a second after typing stops; a test
# that publishes right away can race it and post the same slug twice. The browser tests drive
# the editor's own steps, so autosave is off for them.
WAGTAIL_AUTOSAVE_INTERVAL = 0

# Three content languages, so nothing in the package can assume two: Bokmål (the default),
# Nynorsk and English. Nynorsk's Wagtail locale is made by the tests that publish in it.
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nb", "Norsk bokmål"),
    ("nn", "Norsk nynorsk"),
    ("en", "English"),
]
