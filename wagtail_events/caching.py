"""One caching policy for every public output (see ``outputs``): the events API, the widget,
and the calendars and feeds below pages.

Each answer is cached under a content version, so a repeat or conditional request costs no
query, and carries the same headers: an ETag made from the version and the request, and the
``CACHE_CONTROL`` setting. No Last-Modified: the version is shared by every URL and a change
can fall in the second an answer was made, so a date could say "not modified" of a changed
answer; the ETag cannot.

The version is a random token kept in Django's cache. Every change that can alter public
output (publish, unpublish, move, delete, a snippet or view restriction saved) replaces it, so
the ETags and cached bodies made under the old token are never served again. A token rather
than a counter: if the cache loses the key, the new token cannot collide with an old one.

Lists also keep each event's part of the answer (its API data, its calendar entry) as a
fragment, so a list asked for after one event was published rebuilds that event only. A
fragment's key holds two more tokens: one for the event's translation group, replaced when any
language version of the event changes (it lists the others), and one replaced by every other
change, since an event shows people, snippets, images and pages around it.
"""

import hashlib
import time
import uuid
from functools import wraps

from django.core.cache import caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import get_conditional_response

from .conf import get_setting

VERSION_KEY = "wagtail_events:content-token"
RESPONSE_KEY = "wagtail_events:response:{}"
SURROUNDINGS_KEY = "wagtail_events:surroundings-token"
EVENT_KEY = "wagtail_events:event-token:{}"
FRAGMENT_KEY = "wagtail_events:fragment:{}"
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
    return uuid.uuid4().hex


def content_version():
    """The current version's token."""
    return _tokens([VERSION_KEY])[VERSION_KEY]


def bump_content_version():
    """Make every cached response and fragment stale, now and again once the transaction commits.

    The second bump drops anything a concurrent request cached from the database as it was
    before the commit, under the first bump's token.
    """
    _replace_tokens(VERSION_KEY, SURROUNDINGS_KEY)


def bump_event_version(translation_key):
    """After a change to one event alone: every response, and that event's fragments, stale.

    The fragments of every language version go: each lists the others.
    """
    _replace_tokens(VERSION_KEY, EVENT_KEY.format(translation_key))


def _replace_tokens(*keys):
    def replace():
        _cache().set_many({key: _new_version() for key in keys}, timeout=None)

    replace()
    transaction.on_commit(replace)


def _tokens(keys):
    """The current token under each key, made where the cache has none."""
    cache = _cache()
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, _new_version(), timeout=None)
            found[key] = cache.get(key) or _new_version()
    return found


def _period_start():
    # Time alone changes some answers (an event ends): a new period gives new keys too.
    timeout = get_setting("CACHE_TIMEOUT")
    return int(time.time()) // timeout * timeout


def cached_fragments(output, request, events, build):
    """Each event's fragment of ``output`` (one of ``outputs.OUTPUTS``), from the cache or from
    ``build``, in ``events``' order.

    ``events`` need only ``pk`` and ``translation_key``; ``build(missing)`` gets those whose
    fragment is not cached, and returns their fragments in the same order (in one go, so its
    queries do not grow with the events), None for an event it no longer finds: that one is
    None here too. Fragments hold absolute URLs, so the host is part of the key.
    """
    if not events:
        return []
    event_keys = [EVENT_KEY.format(event.translation_key) for event in events]
    tokens = _tokens([SURROUNDINGS_KEY, *event_keys])
    context = (
        f"{output.name}\n{tokens[SURROUNDINGS_KEY]}\n{_period_start()}\n"
        f"{request.scheme}://{request.get_host()}"
    )
    keys = [
        FRAGMENT_KEY.format(_digest(f"{context}\n{event.pk}\n{tokens[event_key]}"))
        for event, event_key in zip(events, event_keys, strict=True)
    ]
    cache = _cache()
    found = cache.get_many(keys)
    missing = [(event, key) for event, key in zip(events, keys, strict=True) if key not in found]
    if missing:
        built = build([event for event, _key in missing])
        made = {
            key: fragment
            for (_event, key), fragment in zip(missing, built, strict=True)
            if fragment is not None
        }
        cache.set_many(made, timeout=get_setting("CACHE_TIMEOUT"))
        found.update(made)
    return [found.get(key) for key in keys]


def _digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def cached_response(view):
    """Serve ``view`` (a GET view returning HttpResponse) from the cache, with ETag and 304.

    The key is the content version plus the full URL (host, path and query) and the active
    language, so the response must depend on nothing else: not the session or the user. Where
    the language is not in the URL, Django's LocaleMiddleware says so with ``Vary:
    Accept-Language``, and where CORS applies django-cors-headers adds ``Vary: Origin``; both
    reach a 304 as well. Other methods than GET and HEAD are passed to the view.
    """

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD"):
            return view(request, *args, **kwargs)
        url = f"{request.get_host()}{request.get_full_path()}"
        language = translation.get_language()
        key = _digest(f"{content_version()}\n{_period_start()}\n{language}\n{url}")
        etag = f'"{key[:40]}"'
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return _with_cache_headers(not_modified, etag)

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
                timeout=get_setting("CACHE_TIMEOUT"),
            )
        return _with_cache_headers(response, etag)

    return wrapper


def _with_cache_headers(response, etag):
    response["ETag"] = etag
    # Whatever the view set (Django's syndication feeds give their newest item's date): a
    # first answer and its cached repeats carry the same headers.
    del response["Last-Modified"]
    response["Cache-Control"] = get_setting("CACHE_CONTROL")
    return response
