"""Test settings for a site that leaves out the package's optional apps (the embed, CDN purges,
personal data), django-cors-headers and Wagtail's frontend cache app.

``tests/test_optional_apps.py`` runs ``manage.py`` with them in a process of its own.
"""

import sys

# It cannot be imported in a process with these settings, so the core cannot lean on it. (Wagtail's
# frontend cache stays importable: wagtail.contrib.redirects imports it whether installed or not.)
sys.modules["corsheaders"] = None

from tests.settings import *  # noqa: E402, F403
from tests.settings import INSTALLED_APPS, MIDDLEWARE  # noqa: E402

OPTIONAL_APPS = {
    "wagtail_events.embed",
    "wagtail_events.frontend_cache",
    "wagtail_events.personal_data",
    "corsheaders",
    "wagtail.contrib.frontend_cache",
}
INSTALLED_APPS = [app for app in INSTALLED_APPS if app not in OPTIONAL_APPS]
MIDDLEWARE = [name for name in MIDDLEWARE if not name.startswith("corsheaders.")]
