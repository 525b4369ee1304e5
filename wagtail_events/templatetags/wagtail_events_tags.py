from django import template

register = template.Library()


@register.simple_tag
def event_when(event):
    """The event's date and time, in the active language and the event's time zone."""
    return event.when
