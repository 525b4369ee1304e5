from django import template

from ..formatting import format_event_when

register = template.Library()


@register.simple_tag
def event_when(event):
    """The event's date and time, in the active language and the event's time zone."""
    return format_event_when(event.local_start, event.local_end, event.all_day)
