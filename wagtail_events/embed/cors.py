"""Which host sites may call the API and embed the widget from the browser.

django-cors-headers answers for the origins in ``CORS_ALLOWED_ORIGINS``; this adds the origins
editors give in embed profiles, so a new host site needs no deployment. Both lists are read in
the browser's form of an origin (see ``wagtail_events.origins``), which the request's ``Origin``
header is compared with exactly; an entry that is not an origin is left out.
"""

import re

from django.conf import settings
from django.core.cache import caches

from ..caching import content_version
from ..conf import get_setting
from ..models.embeds import parse_origins
from ..origins import split_origins
from .models import EmbedProfile


def allowed_origins():
    """The settings' origins and every embed profile's, cached under the content version."""
    cache = caches[get_setting("CACHE_ALIAS")]
    key = f"wagtail_events:origins:{content_version()}"
    origins = cache.get(key)
    if origins is None:
        origins = set(_settings_origins())
        for text in EmbedProfile.objects.values_list("allowed_origins", flat=True):
            origins.update(parse_origins(text))
        cache.set(key, origins, timeout=get_setting("CACHE_TIMEOUT"))
    return origins


def _settings_origins():
    listed = getattr(settings, "CORS_ALLOWED_ORIGINS", None)
    # Trusted, but a typo (a bare string, a path, a wildcard) must not reach a header either.
    if not isinstance(listed, list | tuple | set | frozenset):
        return []
    return split_origins(listed)[0]


def allow_profile_origins(sender, request, **kwargs):
    """django-cors-headers' ``check_request_enabled``: an embed profile's origin is allowed.

    Only on the URLs CORS applies to (``CORS_URLS_REGEX``), never site-wide.
    """
    origin = request.headers.get("origin")
    urls = getattr(settings, "CORS_URLS_REGEX", r"^.*$")
    return (
        bool(origin) and bool(re.match(urls, request.path_info)) and (origin in allowed_origins())
    )
