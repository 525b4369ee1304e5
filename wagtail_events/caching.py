"""Responses cached under a content version, so a repeat or conditional request costs no query.

The version is a random token kept in Django's cache. Every change that can alter public
output (publish, unpublish, move, delete, a snippet or view restriction saved) replaces it, so
the ETags and cached bodies made under the old token are never served again. A token rather
than a counter: if the cache loses the key, the new token cannot collide with an old one.
"""

import hashlib
import time
import uuid
from functools import wraps

from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

from .conf import get_setting

VERSION_KEY = "wagtail_events:content-version"
RESPONSE_KEY = "wagtail_events:response:{}"
# Headers a cached response keeps besides its body.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Disposition",
    "Content-Language",
    "Content-Security-Policy",
)


def _cache():
    return caches[get_setting("CACHE_ALIAS")]


def _new_version():
    return (uuid.uuid4().hex, int(time.time()))


def content_version():
    """``(token, changed_at)``: the current version and when it was made (Unix seconds)."""
    cache = _cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _new_version(), timeout=None)
        version = cache.get(VERSION_KEY) or _new_version()
    return version


def bump_content_version():
    """Make every cached response stale, now and again once the transaction commits.

    The second bump drops anything a concurrent request cached from the database as it was
    before the commit, under the first bump's token.
    """
    _cache().set(VERSION_KEY, _new_version(), timeout=None)
    transaction.on_commit(lambda: _cache().set(VERSION_KEY, _new_version(), timeout=None))


def cached_response(view):
    """Serve ``view`` (a GET view returning HttpResponse) from the cache, with ETag and 304.

    The key is the content version plus the full URL (host, path and query), so the response
    must depend on nothing else: not the session, the user or Accept-Language.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        token, changed_at = content_version()
        # Time alone changes some answers (an event ends): a new period gives new keys too.
        timeout = get_setting("CACHE_TIMEOUT")
        period_start = int(time.time()) // timeout * timeout
        changed_at = max(changed_at, period_start)
        url = f"{request.get_host()}{request.get_full_path()}"
        key = hashlib.sha256(f"{token}\n{period_start}\n{url}".encode()).hexdigest()
        etag = f'"{key[:40]}"'
        not_modified = get_conditional_response(request, etag=etag, last_modified=changed_at)
        if not_modified is not None:
            return _with_cache_headers(not_modified, etag, changed_at)

        cache = _cache()
        stored = cache.get(RESPONSE_KEY.format(key))
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers.items():
                response[name] = value
        else:
            response = view(request, *args, **kwargs)
            if response.status_code != 200 or response.streaming:
                return response
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            cache.set(
                RESPONSE_KEY.format(key),
                (response.content, headers),
                timeout=timeout,
            )
        return _with_cache_headers(response, etag, changed_at)

    return wrapper


def _with_cache_headers(response, etag, changed_at):
    response["ETag"] = etag
    response["Last-Modified"] = http_date(changed_at)
    response["Cache-Control"] = get_setting("CACHE_CONTROL")
    return response
