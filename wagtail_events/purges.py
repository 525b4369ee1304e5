"""Which public URLs a change makes stale, purged from a CDN through Wagtail's frontend cache.

Django's own cache needs no purge: the content version changes (see ``caching``). A CDN keeps
what it fetched until told, so on a publish, unpublish, move or delete of an event, person or
organisation the API lists and details, calendars, feeds and widget URLs that showed it are
purged. A CDN caches each query string apart: the lists are purged as plain URLs, per
language and per embed profile; other filtered URLs expire with ``CACHE_CONTROL``'s max-age.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

from .base_page import page_model
from .models.embeds import EmbedProfile
from .page_models import (
    event_index_page_model,
    event_page_model,
    event_person_model,
    person_page_model,
)

API = "wagtail_events_api"
EMBED = "wagtail_events_embed"


def _path(name, *args):
    try:
        return reverse(name, args=args)
    except NoReverseMatch:  # the project does not mount that part
        return None


def _with_variants(path):
    """The path alone and once per language, as lists are asked for."""
    if path is None:
        return []
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return [path, *(f"{path}?{urlencode({'lang': code})}" for code in languages)]


def _list_paths(*names):
    return [variant for name in names for variant in _with_variants(_path(f"{API}:{name}"))]


def _event_list_paths():
    paths = _list_paths("events", "events_calendar")
    embed = _path(f"{EMBED}:events")
    paths += _with_variants(embed)
    api_events = _path(f"{API}:events")
    for slug in EmbedProfile.objects.values_list("slug", flat=True):
        query = urlencode({"profile": slug})
        paths += [f"{base}?{query}" for base in (embed, api_events) if base]
    return paths


def _absolute(paths):
    roots = {site.root_url for site in Site.objects.all()}
    return {f"{root}{path}" for root in roots for path in paths}


def _page_route_urls(page, *routes):
    url = page.get_full_url()
    return [url + page.reverse_subpage(route) for route in routes] if url else []


def _translations(page):
    return page_model().objects.filter(translation_key=page.translation_key).specific()


def event_urls(event):
    urls = _absolute(_event_list_paths())
    for version in _translations(event):
        urls.update(_absolute(filter(None, [_path(f"{API}:event", version.pk)])))
        urls.update(_page_route_urls(version, "calendar"))
        for index in event_index_page_model().objects.ancestor_of(version):
            urls.update(_page_route_urls(index, "calendar", "feed", "atom_feed"))
    keys = (
        event_person_model()
        .objects.filter(page__translation_key=event.translation_key)
        .values("person__translation_key")
    )
    for person in person_page_model().objects.filter(translation_key__in=keys):
        urls.update(_page_route_urls(person, "calendar"))
    return urls


def person_urls(person):
    urls = _absolute(_event_list_paths() + _list_paths("people"))
    for version in _translations(person):
        urls.update(_absolute(filter(None, [_path(f"{API}:person", version.pk)])))
        urls.update(_page_route_urls(version, "calendar"))
    return urls


def organisation_urls(organisation):
    return _absolute(_event_list_paths() + _list_paths("organisations", "people"))


def purge_for(obj):
    """Purge what showed ``obj`` once the change is committed.

    The URLs are worked out now, while the object is still where it was (before a delete or
    a move), and purged after the commit, so the CDN cannot fetch the old version again.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return  # no CDN to tell
    if isinstance(obj, event_page_model()):
        urls = event_urls(obj)
    elif isinstance(obj, person_page_model()):
        urls = person_urls(obj)
    else:
        urls = organisation_urls(obj)

    def purge():
        batch = PurgeBatch()
        batch.add_urls(sorted(urls))
        batch.purge()

    transaction.on_commit(purge)
