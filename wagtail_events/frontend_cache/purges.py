"""Which public URLs a change makes stale, purged from a CDN through Wagtail's frontend cache.

Django's own cache needs no purge: the content version changes (see ``caching``). A CDN keeps
what it fetched until told, so on a publish, unpublish, move or delete of an event, person or
organisation the URLs of the outputs that showed it (``outputs.purged_on``) are purged: lists
as plain URLs, per language and per embed profile where they take one; details and page routes
for the object, its translations and the pages around it. A CDN caches each query string apart:
other filtered URLs expire with ``CACHE_CONTROL``'s max-age.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Site

from .. import outputs
from ..base_page import page_model
from ..models.events import EventPageMixin
from ..models.people import PersonPageMixin
from ..outputs import EVENT, EVENT_PAGE, INDEX_PAGE, LIST, PERSON, PERSON_PAGE
from ..page_models import (
    embed_profile_model,
    event_index_page_model,
    event_person_model,
    person_page_model,
)


def _path(output, *args):
    try:
        return reverse(f"{output.served_by}:{output.route}", args=args)
    except NoReverseMatch:  # the project does not mount that part
        return None


def _list_paths(change):
    """Each list's plain path, then once per language and per embed profile where it takes one."""
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    profiles = None
    paths = []
    for output in outputs.purged_on(change, LIST):
        path = _path(output)
        if path is None:
            continue
        values = []
        if outputs.LANG in output.purged_with:
            values += [(outputs.LANG, code) for code in languages]
        if outputs.PROFILE in output.purged_with:
            if profiles is None:
                model = embed_profile_model()  # None: the site has no embed app
                profiles = list(model.objects.values_list("slug", flat=True)) if model else []
            values += [(outputs.PROFILE, slug) for slug in profiles]
        paths += [path, *(f"{path}?{urlencode({name: value})}" for name, value in values)]
    return paths


def _detail_paths(change, keyed_on, pk):
    return filter(None, (_path(output, pk) for output in outputs.purged_on(change, keyed_on)))


def _absolute(paths):
    roots = {site.root_url for site in Site.objects.all()}
    return {f"{root}{path}" for root in roots for path in paths}


def _page_route_urls(page, change, keyed_on):
    url = page.get_full_url()
    if not url:
        return []
    return [
        url + page.reverse_subpage(output.route) for output in outputs.purged_on(change, keyed_on)
    ]


def _translations(page):
    return page_model().objects.filter(translation_key=page.translation_key).specific()


def event_urls(event):
    change = outputs.EVENTS
    urls = _absolute(_list_paths(change))
    for version in _translations(event):
        urls.update(_absolute(_detail_paths(change, EVENT, version.pk)))
        urls.update(_page_route_urls(version, change, EVENT_PAGE))
        for index in event_index_page_model().objects.ancestor_of(version):
            urls.update(_page_route_urls(index, change, INDEX_PAGE))
    keys = (
        event_person_model()
        .objects.filter(page__translation_key=event.translation_key)
        .values("person__translation_key")
    )
    for person in person_page_model().objects.filter(translation_key__in=keys):
        urls.update(_page_route_urls(person, change, PERSON_PAGE))
    return urls


def person_urls(person):
    change = outputs.PEOPLE
    urls = _absolute(_list_paths(change))
    for version in _translations(person):
        urls.update(_absolute(_detail_paths(change, PERSON, version.pk)))
        urls.update(_page_route_urls(version, change, PERSON_PAGE))
    return urls


def organisation_urls(organisation):
    return _absolute(_list_paths(outputs.ORGANISATIONS))


def purge_for(obj):
    """Purge what showed ``obj`` once the change is committed.

    The URLs are worked out now, while the object is still where it was (before a delete or
    a move), and purged after the commit, so the CDN cannot fetch the old version again.
    """
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return  # no CDN to tell
    if isinstance(obj, EventPageMixin):
        urls = event_urls(obj)
    elif isinstance(obj, PersonPageMixin):
        urls = person_urls(obj)
    else:
        urls = organisation_urls(obj)

    def purge():
        batch = PurgeBatch()
        batch.add_urls(sorted(urls))
        batch.purge()

    transaction.on_commit(purge)
