"""Wagtail search over the events and people the public may see, in one language.

The read layer's rules apply (live, not view-restricted, within the publication dates), so a
search page shows nothing that the event and person pages would not.
"""

from .page_models import person_page_model
from .queries import public_events, public_pages


def search_events(query, locale=None):
    """Events matching ``query`` in their title, lead, body, people or organisers, best first."""
    return public_events(locale).defer_streamfields().search(query)


def search_people(query, locale=None):
    """People matching ``query`` in their name, title, biography or organisation, best first."""
    return public_pages(person_page_model(), locale).search(query)
