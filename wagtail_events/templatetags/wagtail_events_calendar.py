"""Where a page's calendar and feeds are: for the page head and the “Add to calendar” control."""

from django import template

from ..calendar_links import OUTLOOK_OFFICE, google_calendar_link, outlook_link
from ..choices import EventStatus
from ..models.events import EventIndexPageMixin, EventPageMixin

register = template.Library()

# Every page of a listing, upcoming or past, has the same calendar and feeds: they keep the
# filters but choose their own time span.
NOT_FILTERS = ("page", "when")


@register.simple_tag(takes_context=True)
def calendar_links(context, page):
    """A dict of the page's calendar links, or an empty one when the page has no address yet.

    ``ics`` (the .ics file) is always there. Event pages add ``google``, ``outlook`` and
    ``office`` (Microsoft 365), unless the event is cancelled. Index and person pages, whose
    calendars are feeds, add ``webcal`` (subscribe); indexes also ``rss`` and ``atom``. An
    index's links keep the filters in the address, so they give what the visitor sees.
    """
    request = context.get("request")
    page_url = page.get_url(request=request)
    full_url = page.get_full_url(request=request)
    if not page_url or not full_url:
        return {}
    query = ""
    if isinstance(page, EventIndexPageMixin) and request is not None:
        filters = request.GET.copy()
        for name in NOT_FILTERS:
            filters.pop(name, None)
        query = f"?{filters.urlencode()}" if filters else ""

    def route(name, base=page_url):
        return f"{base}{page.reverse_subpage(name)}{query}"

    links = {"ics": route("calendar")}
    if isinstance(page, EventPageMixin):
        if page.status != EventStatus.CANCELLED:
            links["google"] = google_calendar_link(page, full_url)
            links["outlook"] = outlook_link(page, full_url)
            links["office"] = outlook_link(page, full_url, base=OUTLOOK_OFFICE)
        return links
    # Calendar apps subscribe to webcal:// addresses; the scheme stands for http(s).
    links["webcal"] = "webcal://" + route("calendar", full_url).split("://", 1)[1]
    if isinstance(page, EventIndexPageMixin):
        links["rss"] = route("feed")
        links["atom"] = route("atom_feed")
    return links
