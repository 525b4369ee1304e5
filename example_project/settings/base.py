"""Settings shared by the example site and the test suite."""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "example_project.home",
    "wagtail_events",
    "wagtail_events.pages",
    # The optional parts: leave out what the site does not use (see docs/how-to/install.md).
    "wagtail_events.api",
    "wagtail_events.api_v2",
    "wagtail_events.embed",
    "wagtail_events.frontend_cache",
    "wagtail_events.personal_data",
    # Norwegian words Wagtail and wagtail-localize lack; before them, so Django finds these first.
    "wagtail_events.admin_locale",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.api.v2",
    "wagtail",
    "rest_framework",
    # Serves the API's interactive docs from static files instead of a CDN.
    "ninja",
    "corsheaders",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First, so that CORS headers are on every API response, errors and 304s included.
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]
INSTALLED_APPS.insert(INSTALLED_APPS.index("wagtail.embeds"), "wagtail.contrib.redirects")

ROOT_URLCONF = "example_project.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "example_project.wsgi.application"

# SQLite by default; DATABASE_URL (e.g. postgres://user:pass@127.0.0.1:5432/db) switches.
DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{PROJECT_DIR / 'db.sqlite3'}",
        conn_max_age=0,
    )
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
]

# Norwegian Bokmål first, English second. Django's locale for Bokmål is "nb" ("no" is not one).
# DEMO_NYNORSK=1 in the environment adds Norwegian Nynorsk as a third content language, at /nn/,
# as for a body that publishes in both written standards; load_demo then translates the
# reference event into it (see the demo tutorial).
DEMO_NYNORSK = os.environ.get("DEMO_NYNORSK", "").lower() in {"1", "true", "yes", "on"}
LANGUAGE_CODE = "nb"
LANGUAGES = WAGTAIL_CONTENT_LANGUAGES = [
    ("nb", "Norsk bokmål"),
    *([("nn", "Norsk nynorsk")] if DEMO_NYNORSK else []),
    ("en", "English"),
]
# The admin's languages, each editor's own choice: Nynorsk too, whatever the content languages.
WAGTAILADMIN_PERMITTED_LANGUAGES = [
    ("nb", "Norsk bokmål"),
    ("nn", "Norsk nynorsk"),
    ("en", "English"),
]
USE_I18N = True
LOCALE_PATHS = [PROJECT_DIR / "locale"]
WAGTAIL_I18N_ENABLED = True
TIME_ZONE = "Europe/Oslo"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = PROJECT_DIR / "static"
MEDIA_URL = "/media/"
MEDIA_ROOT = PROJECT_DIR / "media"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

WAGTAIL_SITE_NAME = _("Events")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILEMBEDS_FINDERS = [{"class": "wagtail.embeds.finders.oembed"}]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]

WAGTAIL_EVENTS = {
    "DEFAULT_TIMEZONE": "Europe/Oslo",
}

# Cached API responses and each event's cached part of a list or calendar (see the caching
# guide): room for thousands of entries, where the local-memory cache keeps 300 by default.
# A site with several processes uses Redis or Memcached instead, shared by them all.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 20000},
    }
}

# Host sites that may call the API and embed the widget from the browser. Embed profiles add
# their own origins (see the embedding guide). Never with credentials: the API is public.
CORS_ALLOWED_ORIGINS = ["https://www.hemit.no", "https://www.ntnu.no"]
CORS_URLS_REGEX = r"^/(api|embed)/"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_ALLOW_CREDENTIALS = False
CORS_EXPOSE_HEADERS = ["ETag"]
