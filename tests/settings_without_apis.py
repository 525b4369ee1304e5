"""The test site without the optional API apps: no events API (django-ninja), no Wagtail API v2
(Django REST framework), and so no embed, whose widget lists through the events API.
tests/test_api_optional.py runs a site on it in a process of its own."""

import os

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS

LEFT_OUT = {
    "wagtail_events.embed",
    "wagtail_events.api",
    "wagtail_events.api_v2",
    "wagtail.api.v2",
    "rest_framework",
    "ninja",
}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in LEFT_OUT]
ROOT_URLCONF = "tests.urls_without_apis"
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("WAGTAIL_EVENTS_TEST_DB", ":memory:"),
    }
}
