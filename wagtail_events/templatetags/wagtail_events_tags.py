from django import template

from ..formatting import format_day, format_time
from ..weblinks import web_url as web_url_of

register = template.Library()


@register.simple_tag
def event_when(event):
    """The event's date and time, in the active language and the event's time zone."""
    return event.when


@register.filter
def web_url(value):
    """The address if pages may link it (see ``wagtail_events.weblinks``), else empty."""
    return web_url_of(value) or ""


@register.filter
def pages_found(pages):
    """The pages a block chose that still exist: a deleted one comes back as None."""
    return [page for page in pages or () if page is not None]


@register.filter
def agenda_day(value):
    """A day of an agenda, as its heading reads in the active language."""
    return format_day(value)


@register.filter
def event_time(value):
    """A time of day as the active language writes it (nb and nn 09.00, en 09:00); empty for
    none, as Django's ``time`` filter."""
    return "" if value in (None, "") else format_time(value)
