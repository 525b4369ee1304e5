"""Settings for ``make loadtest``: the benchmark's, served by gunicorn, with a shared cache.

Two gunicorn workers and the editing process each keep their own local-memory cache, so a
publish in one would never reach the others' cached answers. The cache is a table in the
load test's own throwaway database instead, which ``create_test_db`` creates. Uploaded images
are files for the same reason.
"""

import os

from benchmarks.settings import *  # noqa: F403
from benchmarks.settings import DATABASES

ALLOWED_HOSTS = ["127.0.0.1"]
# Images are made by the load test and read by the workers: files in the directory it gives.
MEDIA_ROOT = os.environ.get("WAGTAIL_EVENTS_LOADTEST_MEDIA", MEDIA_ROOT)  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
}
# The workers are told the throwaway database's name; the load test itself creates it.
DATABASES["default"]["NAME"] = os.environ.get(
    "WAGTAIL_EVENTS_LOADTEST_DATABASE", DATABASES["default"]["NAME"]
)
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "wagtail_events_cache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}
# Tracebacks of server errors on the workers' stderr, which the load test prints on failure.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"stderr": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["stderr"], "level": "ERROR"}},
}
