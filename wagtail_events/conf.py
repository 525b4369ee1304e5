"""The package's settings: one ``WAGTAIL_EVENTS`` dict, read lazily so tests can override it."""

from django.conf import settings
from django.utils.translation import gettext_lazy as _

DEFAULTS = {
    # Zone used for new events and for showing times when an event names none.
    "DEFAULT_TIMEZONE": "Europe/Oslo",
    # The right-hand side of calendar UIDs ("<translation key>@<this>"); set it to your domain.
    "ICAL_UID_DOMAIN": "wagtail-events",
    # Index and person calendars keep events that ended up to this many days ago, so
    # subscribers don't lose the history in their calendar app.
    "CALENDAR_PAST_DAYS": 90,
    # RSS and Atom feeds list at most this many of the soonest events: readers show the latest
    # few, and a feed must not grow with the programme.
    "FEED_ITEMS": 50,
    # The index page's filters by type, topic, organiser and person list at most this many
    # options. Past it, a filter is offered only once chosen (from a link, say), and the
    # search finds the names: nobody picks from thousands, and pages cost the same at any size.
    "FILTER_OPTIONS": 100,
    # A repeating event may have at most this many dates: its occurrences are stored, and an
    # editor who types a rule that runs for years gets an error instead of a table that size.
    "MAX_OCCURRENCES": 1000,
    # Roles a person can have in an event, beyond the built-in ones: [("code", "Label"), ...].
    "EXTRA_ROLES": [],
    # Languages an event can be held in (BCP 47 code, label).
    "SPOKEN_LANGUAGES": [
        ("nb", _("Norwegian")),
        ("en", _("English")),
        ("se", _("Northern Sami")),
        ("nsl", _("Norwegian Sign Language")),
    ],
    # The Django cache that holds the content version and cached API, feed and widget responses.
    # Use one every process shares (Redis, Memcached, files) when you run more than one.
    "CACHE_ALIAS": "default",
    # Seconds a cached response is kept. Publishing makes new ones at once; this only bounds
    # how long changes that come with time alone (an event ending) take to show.
    "CACHE_TIMEOUT": 300,
    # The Cache-Control header of every public output (API, widget, calendars, feeds), for
    # browsers and CDNs.
    "CACHE_CONTROL": "public, max-age=60",
    # The page models the package lists, feeds and serves: the wagtail_events.pages app's, or a
    # site's own built from the mixins (for a swapped base page), as "app_label.ModelName".
    "EVENT_INDEX_PAGE_MODEL": "wagtail_events_pages.EventIndexPage",
    "EVENT_PAGE_MODEL": "wagtail_events_pages.EventPage",
    "PERSON_INDEX_PAGE_MODEL": "wagtail_events_pages.PersonIndexPage",
    "PERSON_PAGE_MODEL": "wagtail_events_pages.PersonPage",
}


def get_setting(name):
    return getattr(settings, "WAGTAIL_EVENTS", {}).get(name, DEFAULTS[name])
