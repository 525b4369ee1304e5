"""Settings for ``make bench``: the example site's, with the benchmark's own routes.

The database is the example site's (``DATABASE_URL``, else SQLite), but the benchmark only
ever uses a throwaway copy that it creates and drops (see ``bench.py``).
"""

from example_project.settings.base import *  # noqa: F403
from example_project.settings.base import INSTALLED_APPS

# generate_events, which fills the throwaway database.
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks.generator"]

SECRET_KEY = "benchmark-only"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["testserver"]
ROOT_URLCONF = "benchmarks.urls"
# Uploaded and resized images stay in memory: nothing is written to the disk or left behind.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Wagtail's API v2 allows 20 items a page by default; the comparison asks both APIs for 50.
WAGTAILAPI_LIMIT_MAX = 100
