"""Calendar files (.ics) and RSS/Atom feeds for events, indexes and people.

Views only find their events (through ``listing``), fetch them (through ``queries``) and
respond; the bytes come from ``ical`` and from Django's syndication framework. The pages'
routes serve them through ``caching``, as every public output is served: cached, with an ETag,
and 304 Not Modified to a matching If-None-Match.
"""

import datetime
import uuid
from typing import NamedTuple

from django.contrib.syndication.views import Feed
from django.http import Http404, HttpResponse
from django.utils import feedgenerator, timezone
from django.utils.html import escape, strip_tags
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from .conf import get_setting
from .filters import EventFilterSet
from .ical import build_calendar, calendar_entry, event_categories
from .listing import ALL, UPCOMING, ending_from, listed_events, person_events
from .queries import is_public, load_events, public_events

ICS_CONTENT_TYPE = "text/calendar; charset=utf-8"
# How often subscribed calendar apps should fetch an index or person calendar again.
REFRESH_INTERVAL = datetime.timedelta(hours=1)


def public_or_404(page):
    """``page`` if the public may see it, as ``queries.public_pages`` decides; else a 404.

    Wagtail serves a page's calendar or feed to whoever its view restriction lets in, and a
    live page past its expiry date (or before its go-live date) to everyone. A calendar or feed
    is public, the same for everyone: it names no page the public may not see, not even in its
    title or file name. The restricted paths are read once per request, so this adds no query.
    """
    if not is_public(page):
        raise Http404
    return page


def calendar_response(request, entries, name, filename, refresh_interval=None):
    """``entries``: each event's ``CalendarEntry`` (see ``calendar_entries``)."""
    response = HttpResponse(
        build_calendar(entries, name, refresh_interval), content_type=ICS_CONTENT_TYPE
    )
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}.ics")
    return response


def calendar_entry_of(request, event):
    return calendar_entry(event, event.get_full_url(request))


def calendar_entries(request, events):
    return [calendar_entry_of(request, event) for event in events]


def recent_and_upcoming(queryset):
    """Events not yet over, and those that ended in the last ``CALENDAR_PAST_DAYS`` days.

    Subscribers keep the recent past instead of seeing events vanish once they are over.
    """
    since = timezone.now() - datetime.timedelta(days=get_setting("CALENDAR_PAST_DAYS"))
    return load_events(queryset.filter(ending_from(since)).order_by("start", "pk"))


def index_events(request, index, when):
    """The public events below ``index`` that match the index page's filters, soonest first.

    The filters come from the query string, as on the index page. ``when`` (``filters.ALL`` or
    ``filters.UPCOMING``) stands in for the page's choice between upcoming and past events:
    each calendar or feed has its own time span.
    """
    data = request.GET.copy()
    data.pop("when", None)
    return listed_events(EventFilterSet.for_index(index, data, request=request, when=when).listing)


def event_calendar(request, event):
    # Any public event, past ones included: a link to an old event's file keeps working.
    events = load_events(public_events().filter(pk=event.pk))
    if not events:
        raise Http404
    return calendar_response(request, calendar_entries(request, events), event.title, event.slug)


def index_calendar(request, index):
    public_or_404(index)
    entries = calendar_entries(request, recent_and_upcoming(index_events(request, index, ALL)))
    return calendar_response(request, entries, index.title, index.slug, REFRESH_INTERVAL)


def person_calendar(request, person):
    """The events the person takes part in, in any role, in the person page's language."""
    public_or_404(person)
    entries = calendar_entries(request, recent_and_upcoming(listed_events(person_events(person))))
    name = _("Events with %(name)s") % {"name": person.title}
    return calendar_response(request, entries, name, person.slug, REFRESH_INTERVAL)


class FeedEntry(NamedTuple):
    event: object
    url: str


class FeedContent(NamedTuple):
    index: object
    url: str
    feed_url: str
    entries: list


class UpcomingEventsFeed(Feed):
    """RSS 2.0 feed of the events below an index that are not over yet, soonest first.

    It honours the same filters as the index page. Each request gets its own instance.
    """

    feed_type = feedgenerator.Rss201rev2Feed
    route_name = "feed"
    description_template = "wagtail_events/feeds/event_description.html"

    def get_object(self, request, index):
        public_or_404(index)
        self.language = index.locale.language_code
        events = load_events(index_events(request, index, UPCOMING)[: get_setting("FEED_ITEMS")])
        url = index.get_full_url(request)
        query = f"?{request.GET.urlencode()}" if request.GET else ""
        return FeedContent(
            index=index,
            url=url,
            feed_url=f"{url}{index.reverse_subpage(self.route_name)}{query}",
            entries=[FeedEntry(event, event.get_full_url(request)) for event in events],
        )

    def title(self, content):
        return content.index.title

    def link(self, content):
        return content.url

    def feed_url(self, content):
        return content.feed_url

    def description(self, content):
        intro = strip_tags(content.index.intro).strip()
        return intro or _("Upcoming events: %(title)s") % {"title": content.index.title}

    def items(self, content):
        return content.entries

    def item_title(self, entry):
        # RSS readers may read titles as HTML, so escape them as Django's default does.
        return escape(entry.event.title)

    def item_link(self, entry):
        return entry.url

    def item_guid(self, entry):
        # Stable through edits and slug moves; each language version is its own entry.
        event = entry.event
        return uuid.uuid5(event.translation_key, event.locale.language_code).urn

    item_guid_is_permalink = False

    def item_pubdate(self, entry):
        return entry.event.first_published_at

    def item_updateddate(self, entry):
        return entry.event.last_published_at

    def item_categories(self, entry):
        return event_categories(entry.event)

    def get_context_data(self, **kwargs):
        return {"event": kwargs["item"].event, "url": kwargs["item"].url}


class UpcomingEventsAtomFeed(UpcomingEventsFeed):
    """The same as Atom 1.0."""

    feed_type = feedgenerator.Atom1Feed
    route_name = "atom_feed"

    def subtitle(self, content):
        return self.description(content)

    def item_title(self, entry):
        # Atom titles are plain text, which the feed generator escapes.
        return entry.event.title


def _feed_view(feed_class):
    """The view of an index page's feed. Served through ``caching``, which leaves out the
    Last-Modified header the syndication framework sets: the newest publication date says
    nothing of events removed or over since, so clients revalidate with the ETag instead."""

    def view(request, index):
        # A feed object per request: ``get_object`` keeps the request's language on it.
        return feed_class()(request, index)

    return view


index_rss_feed = _feed_view(UpcomingEventsFeed)
index_atom_feed = _feed_view(UpcomingEventsAtomFeed)
