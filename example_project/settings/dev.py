"""Settings for running the demo on this machine: never for production."""

import os

from .base import *  # noqa: F403

DEBUG = True
# Only for the local demo; production reads its key from the environment.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "demo-only-not-secret")  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
