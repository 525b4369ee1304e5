"""Wagtail search over the events and people the public may see: the one meaning of ``q``.

The search page, the event and person indexes' ``q`` filter and the API's ``q`` all ask the
site's Wagtail search backend, with the same words and the same rule (every word must match),
so the same words find the same events everywhere: in the title, lead and body, the people
taking part and the organisations, with the backend's stemming.

The read layer's rules apply (live, not view-restricted, within the publication dates), so a
search finds nothing that the event and person pages would not.
"""

import re
import unicodedata

from django.db.models import Q

from .page_models import event_page_model, person_page_model
from .queries import public_events, public_pages

# A query is read as plain words, each of which must match; more words than this are ignored.
MAX_SEARCH_WORDS = 8

# Search engines (Elasticsearch, OpenSearch) answer with ids, not a subquery: at most this many
# best matches narrow a filtered list.
MAX_ENGINE_MATCHES = 10_000

# Runs of letters and digits. Quotes, minus signs and other query syntax are not operators
# here: a visitor's "-" or '"' never changes what the words mean.
_WORD = re.compile(r"[^\W_]+")


def search_words(text):
    """The words of a visitor's query, at most ``MAX_SEARCH_WORDS``.

    NFKC folds compatibility forms (full-width letters, ligatures), so they match the text.
    """
    return _WORD.findall(unicodedata.normalize("NFKC", text or ""))[:MAX_SEARCH_WORDS]


def _search(queryset, words, **options):
    return queryset.search(" ".join(words), operator="and", **options)


def search_events(query, locale=None):
    """Events matching every word of ``query`` in their title, lead, body, people or
    organisers, best first."""
    words = search_words(query)
    if not words:
        return event_page_model().objects.none()
    return _search(public_events(locale).defer_streamfields(), words)


def search_people(query, locale=None):
    """People matching every word of ``query`` in their name, title, biography or
    organisation, best first."""
    words = search_words(query)
    if not words:
        return person_page_model().objects.none()
    return _search(public_pages(person_page_model(), locale), words)


def events_matching(text):
    """A condition on events: those the search page finds for ``text``.

    Blank text is no condition; text without a word matches nothing. On the database
    backends the condition is one subquery, so a filtered list costs the same number of
    queries however many events match.
    """
    return _matching(event_page_model(), text)


def people_matching(text):
    """A condition on person pages: those the search page finds for ``text``."""
    return _matching(person_page_model(), text)


def _matching(model, text):
    if not text or not text.strip():
        return Q()
    words = search_words(text)
    if not words:
        return Q(pk__in=[])
    # The list the condition narrows is already public and in one language, and orders
    # itself, so the search needs neither those filters nor a score.
    results = _search(model.objects.order_by("id"), words, order_by_relevance=False)
    if hasattr(results, "get_queryset"):  # the database backends
        return Q(pk__in=results.get_queryset().values("pk"))
    return Q(pk__in=[match.pk for match in results[:MAX_ENGINE_MATCHES]])
