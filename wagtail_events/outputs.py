"""The public outputs the package caches: one list, so each is cached and purged by one rule.

``caching`` serves every one of them the same way (one ETag rule, one Cache-Control) and names
an output's cached fragments after it; ``purges`` works out from this list which of an output's
URLs a change makes stale. A new output added here is purged with the others; one left out is
caught by the tests, which compare this list with the URLs and page routes the package serves.
"""

from typing import NamedTuple

# Where an output is served: a URL of the events API or of the widget app (by their URL
# namespaces), or a route below a page (by the route's name).
API = "wagtail_events_api"
EMBED = "wagtail_events_embed"
PAGE_ROUTE = "page route"

# What one answer of an output is for. A list is asked for with a query string; a detail by
# the id of its event or person; a page route belongs to one event, index or person page.
LIST = "list"
EVENT = "event"
PERSON = "person"
EVENT_PAGE = "event page"
INDEX_PAGE = "index page"
PERSON_PAGE = "person page"

# The changes a CDN purge follows (see ``purges``): a change to an event, a person page or
# an organisation. A change to an event purges the pages' routes that list it: its own, the
# indexes above it and its people's.
EVENTS = "events"
PEOPLE = "people"
ORGANISATIONS = "organisations"

# Query parameters a list is purged with, one at a time, besides its plain URL. A CDN keeps
# each query string apart and cannot be told to purge them all; other ones expire.
LANG = "lang"
PROFILE = "profile"


class Output(NamedTuple):
    name: str  # also the kind of its cached fragments
    served_by: str  # API, EMBED or PAGE_ROUTE
    route: str  # the URL's name in its namespace, or the page route's name
    keyed_on: str  # LIST, EVENT, PERSON, EVENT_PAGE, INDEX_PAGE or PERSON_PAGE
    purged_on: frozenset = frozenset()  # EVENTS, PEOPLE, ORGANISATIONS
    purged_with: tuple = ()  # LANG, PROFILE: for a LIST


_LISTED_EVENTS = frozenset({EVENTS, PEOPLE, ORGANISATIONS})

API_EVENTS = Output("api-events", API, "events", LIST, _LISTED_EVENTS, (LANG, PROFILE))
API_EVENTS_CALENDAR = Output(
    "api-events-calendar", API, "events_calendar", LIST, _LISTED_EVENTS, (LANG, PROFILE)
)
API_EVENT = Output("api-event", API, "event", EVENT, frozenset({EVENTS}))
API_PEOPLE = Output("api-people", API, "people", LIST, frozenset({PEOPLE, ORGANISATIONS}), (LANG,))
API_PERSON = Output("api-person", API, "person", PERSON, frozenset({PEOPLE}))
API_ORGANISATIONS = Output(
    "api-organisations", API, "organisations", LIST, frozenset({ORGANISATIONS}), (LANG,)
)
# Lists of venues, types, topics and series are not purged: they expire with max-age.
API_VENUES = Output("api-venues", API, "venues", LIST)
API_TYPES = Output("api-types", API, "types", LIST)
API_TOPICS = Output("api-topics", API, "topics", LIST)
API_SERIES = Output("api-series", API, "series", LIST)
WIDGET = Output("widget", EMBED, "events", LIST, _LISTED_EVENTS, (LANG, PROFILE))
EVENT_CALENDAR = Output("event-calendar", PAGE_ROUTE, "calendar", EVENT_PAGE, frozenset({EVENTS}))
INDEX_CALENDAR = Output("index-calendar", PAGE_ROUTE, "calendar", INDEX_PAGE, frozenset({EVENTS}))
INDEX_RSS = Output("index-rss", PAGE_ROUTE, "feed", INDEX_PAGE, frozenset({EVENTS}))
INDEX_ATOM = Output("index-atom", PAGE_ROUTE, "atom_feed", INDEX_PAGE, frozenset({EVENTS}))
PERSON_CALENDAR = Output(
    "person-calendar", PAGE_ROUTE, "calendar", PERSON_PAGE, frozenset({EVENTS, PEOPLE})
)

OUTPUTS = (
    API_EVENTS,
    API_EVENTS_CALENDAR,
    API_EVENT,
    API_PEOPLE,
    API_PERSON,
    API_ORGANISATIONS,
    API_VENUES,
    API_TYPES,
    API_TOPICS,
    API_SERIES,
    WIDGET,
    EVENT_CALENDAR,
    INDEX_CALENDAR,
    INDEX_RSS,
    INDEX_ATOM,
    PERSON_CALENDAR,
)


def purged_on(change, keyed_on=None):
    """The outputs a ``change`` (EVENTS, PEOPLE, ORGANISATIONS) purges, of one key if given."""
    return [
        output
        for output in OUTPUTS
        if change in output.purged_on and keyed_on in (None, output.keyed_on)
    ]
