"""Human-readable event times, in the active language and the event's own time zone."""

from django.utils.dateformat import format as format_date
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext


def _date(value):
    # Translators: a Django date format for event dates; Norwegian uses "d.m.Y" (12.08.2025).
    return format_date(value, pgettext("event date format", "j F Y"))


def format_event_date(value):
    """A date as event times show it, e.g. en "12 August 2025"."""
    return _date(value)


def format_day(value):
    """A day of a programme, e.g. nb "Tirsdag 12. august", en "Tuesday 12 August"."""
    # Translators: a Django date format for the day headings of an agenda over several days;
    # Norwegian uses "l j. F" (tirsdag 12. august).
    return capfirst(format_date(value, pgettext("agenda day format", "l j F")))


def _time(value, with_zone=False):
    time = format_date(value, "H:i")
    # Django's "T" leaves the zone out just where it is needed: at ambiguous times.
    return f"{time} {value.tzname()}" if with_zone else time


def _is_ambiguous(value):
    """Whether the wall-clock time happens twice, in the hour repeated when clocks go back."""
    return value.replace(fold=1 - value.fold).utcoffset() != value.utcoffset()


def format_event_when(start, end, all_day=False):
    """E.g. nb "12.08.2025 kl. 09:00–09:45", en "12 August 2025, 09:00–09:45".

    ``start`` and ``end`` are aware datetimes already in the event's time zone.
    """
    same_day = start.date() == end.date()
    if all_day:
        if same_day:
            return _date(start)
        return _("%(start_date)s–%(end_date)s") % {
            "start_date": _date(start),
            "end_date": _date(end),
        }
    # In the repeated hour, 02:30–02:10 may be a 40-minute event: name the zones (CEST, CET).
    with_zone = _is_ambiguous(start) or _is_ambiguous(end)
    if same_day:
        return _("%(date)s, %(start_time)s–%(end_time)s") % {
            "date": _date(start),
            "start_time": _time(start, with_zone),
            "end_time": _time(end, with_zone),
        }
    return _("%(start_date)s, %(start_time)s – %(end_date)s, %(end_time)s") % {
        "start_date": _date(start),
        "start_time": _time(start, with_zone),
        "end_date": _date(end),
        "end_time": _time(end, with_zone),
    }
