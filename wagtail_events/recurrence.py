"""Repeating events: the rule an editor sets on an event, and the dates it gives.

An event repeats daily, weekly (on chosen weekdays) or monthly (on its date, or on the Nth or
last such weekday), every ``interval`` days, weeks or months, until a date or for a number of
times. Single dates can then be cancelled, moved to another time or venue, or added. This
module turns those facts into occurrences. It stands on the ground floor, a pure function of
plain values: the models validate with it, the read floor stores what it gives, and the
renderers (an iCalendar RRULE) name the same rule without importing a model.

The rule is expanded by dateutil's ``rrule`` over the event's *local* wall-clock time, and
each date is then placed in the event's time zone. A seminar at 09:00 Europe/Oslo stays at
09:00 across the summer-time changes, as a calendar client expands an RRULE with a TZID. A
time the spring change skips moves on by the gap (02:30 becomes 03:30), and a time the autumn
change repeats is the first of the two, as RFC 5545 (3.3.5) has it.

An occurrence is known by its *key*, the local date the rule gives it (an added date: its own
date). No rule gives two dates on one day, so the key names one occurrence, and it stays the
same when an editor moves that occurrence to another day.
"""

import datetime
import itertools
from dataclasses import dataclass
from typing import NamedTuple

from dateutil import rrule
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext_lazy as _

from .choices import ChangeKind, EventStatus, Frequency, MonthlyBy
from .conf import get_setting
from .formatting import format_event_date

FREQUENCIES = {
    Frequency.DAILY: rrule.DAILY,
    Frequency.WEEKLY: rrule.WEEKLY,
    Frequency.MONTHLY: rrule.MONTHLY,
}
# RFC 5545's weekday names, Monday first as Python counts them.
ICAL_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Repetition:
    """How an event repeats. ``weekdays`` (Monday is 0) only for weekly repetition; without
    them, the weekday of the first date."""

    frequency: str
    interval: int = 1
    weekdays: tuple = ()
    monthly_by: str = MonthlyBy.DATE
    until: datetime.date | None = None
    count: int | None = None


@dataclass(frozen=True)
class Change:
    """One date of a repeating event changed. ``date`` is the date a cancelled or moved
    occurrence had by the rule; ``start`` and ``end`` (aware) are a moved or added date's new
    times. ``venue`` and ``note`` pass through to the occurrence untouched."""

    kind: str
    date: datetime.date | None = None
    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    venue: object = None
    note: str = ""

    def key_date(self, tz):
        """The date that names the occurrence: an added date's own (local) day."""
        if self.kind == ChangeKind.ADDED:
            return _local(self.start, tz).date() if self.start else None
        return self.date


@dataclass(frozen=True)
class Occurrence:
    """One date of an event. ``status`` is an ``EventStatus``: a moved date is rescheduled,
    with the start the rule gave it as ``previous_start``."""

    key: str
    start: datetime.datetime
    end: datetime.datetime
    status: str = EventStatus.SCHEDULED
    previous_start: datetime.datetime | None = None
    change: Change | None = None


class Problem(NamedTuple):
    """What is wrong with a repetition: ``field`` is a ``Repetition`` attribute or
    ``"changes"``, with ``index`` the change's place in the list."""

    field: str
    message: str
    index: int | None = None


def _local(moment, tz):
    return moment.astimezone(tz).replace(tzinfo=None)


def placed(local, tz):
    """The naive local time ``local`` in the zone ``tz``, aware. Through UTC, so that a time
    the spring change skips comes out as a real one."""
    return local.replace(tzinfo=tz).astimezone(datetime.UTC).astimezone(tz)


def _week_number(day):
    return (day - 1) // 7 + 1


def _by_day(repetition, local_start):
    """The rule's BYDAY as (weekday, n) pairs (n None for every week), and its BYMONTHDAY."""
    if repetition.frequency == Frequency.WEEKLY:
        days = sorted(set(repetition.weekdays)) or [local_start.weekday()]
        return [(day, None) for day in days], None
    if repetition.frequency == Frequency.MONTHLY:
        if repetition.monthly_by == MonthlyBy.WEEKDAY:
            return [(local_start.weekday(), _week_number(local_start.day))], None
        if repetition.monthly_by == MonthlyBy.LAST_WEEKDAY:
            return [(local_start.weekday(), -1)], None
        return None, local_start.day
    return None, None


def rule(repetition, start, tz):
    """The dateutil rule, over naive local times, for an event that first starts at ``start``."""
    local_start = _local(start, tz)
    by_day, by_month_day = _by_day(repetition, local_start)
    options = {"dtstart": local_start, "interval": repetition.interval}
    if by_day is not None:
        options["byweekday"] = [rrule.weekday(day, n) for day, n in by_day]
    if by_month_day is not None:
        options["bymonthday"] = by_month_day
    if repetition.until is not None:
        options["until"] = datetime.datetime.combine(repetition.until, datetime.time.max)
    if repetition.count is not None:
        options["count"] = repetition.count
    return rrule.rrule(FREQUENCIES[repetition.frequency], **options)


def ical_rule(repetition, start, tz):
    """The rule as RFC 5545 RRULE parts (for icalendar's ``vRecur``). UNTIL is in UTC, as the
    RFC asks when the start has a TZID: the end of the last day, in the event's zone."""
    by_day, by_month_day = _by_day(repetition, _local(start, tz))
    parts = {"FREQ": repetition.frequency.upper(), "INTERVAL": repetition.interval}
    if by_day is not None:
        parts["BYDAY"] = [f"{n or ''}{ICAL_WEEKDAYS[day]}" for day, n in by_day]
    if by_month_day is not None:
        parts["BYMONTHDAY"] = by_month_day
    if repetition.until is not None:
        last = datetime.datetime.combine(repetition.until, datetime.time(23, 59, 59))
        parts["UNTIL"] = placed(last, tz).astimezone(datetime.UTC)
    if repetition.count is not None:
        parts["COUNT"] = repetition.count
    return parts


def rule_starts(repetition, start, tz, limit=None):
    """The local starts the rule gives, at most ``limit`` (default: one past MAX_OCCURRENCES,
    so that a rule giving too many is seen without expanding it all)."""
    limit = limit or get_setting("MAX_OCCURRENCES") + 1
    return list(itertools.islice(rule(repetition, start, tz), limit))


def occurrences(repetition, start, end, tz, changes=()):
    """Every occurrence of an event from ``start`` to ``end``, soonest first.

    Without a repetition, the event's one date. With one, each date the rule gives, at the
    event's local times, with the changes applied: a cancelled date stays, marked cancelled;
    a moved one is rescheduled to its new times; added dates join the list.
    """
    local_start = _local(start, tz)
    duration = _local(end, tz) - local_start
    if repetition is None:
        return [Occurrence(local_start.date().isoformat(), start, end)]
    changed = {change.date: change for change in changes if change.kind != ChangeKind.ADDED}
    found = []
    for local in rule_starts(repetition, start, tz):
        key = local.date()
        first, last = placed(local, tz), placed(local + duration, tz)
        change = changed.get(key)
        if change is None:
            found.append(Occurrence(key.isoformat(), first, last))
        elif change.kind == ChangeKind.CANCELLED:
            found.append(
                Occurrence(key.isoformat(), first, last, EventStatus.CANCELLED, None, change)
            )
        else:
            moved_start = change.start or first
            moved_end = change.end or moved_start + (last - first)
            found.append(
                Occurrence(
                    key.isoformat(), moved_start, moved_end, EventStatus.RESCHEDULED, first, change
                )
            )
    for change in changes:
        if change.kind == ChangeKind.ADDED:
            found.append(
                Occurrence(change.key_date(tz).isoformat(), change.start, change.end, change=change)
            )
    return sorted(found, key=lambda occurrence: (occurrence.start, occurrence.key))


def problems(repetition, start, end, tz, changes=()):
    """What keeps the repetition and its changes from making sense, as a list of ``Problem``.

    Empty when they are fine. Checked: an end, an interval of at least one, the first date on
    a chosen weekday, an end date or a number of times that gives at least the first date and
    no more than MAX_OCCURRENCES, and each change naming a date of the rule (or, added, a day
    the rule leaves free), once, with an end after its start.
    """
    found = []
    if repetition.interval is None or repetition.interval < 1:
        found.append(Problem("interval", _("Repeat at least every 1 day, week or month.")))
    if repetition.until is None and repetition.count is None:
        found.append(
            Problem(
                "until", _("Say when the repetition ends: on a date or after a number of times.")
            )
        )
    if repetition.until is not None and repetition.count is not None:
        found.append(Problem("count", _("Give an end date or a number of times, not both.")))
    if repetition.count is not None and repetition.count < 1:
        found.append(Problem("count", _("The number of times must be at least 1.")))
    local_start = _local(start, tz)
    if repetition.until is not None and repetition.until < local_start.date():
        found.append(
            Problem(
                "until",
                _("The repetition ends before the event's first date, %(date)s.")
                % {"date": format_event_date(local_start.date())},
            )
        )
    weekdays = set(repetition.weekdays)
    if (
        repetition.frequency == Frequency.WEEKLY
        and weekdays
        and local_start.weekday() not in weekdays
    ):
        found.append(
            Problem(
                "weekdays",
                _("The event's first date is a %(weekday)s: choose that day too.")
                % {"weekday": WEEKDAYS[local_start.weekday()]},
            )
        )
    if found:
        return found
    starts = rule_starts(repetition, start, tz)
    maximum = get_setting("MAX_OCCURRENCES")
    if len(starts) > maximum:
        field = "count" if repetition.count is not None else "until"
        found.append(
            Problem(
                field,
                _("The repetition gives more than %(maximum)s dates. End it sooner.")
                % {"maximum": maximum},
            )
        )
        return found
    return found + _change_problems(changes, {local.date() for local in starts}, tz)


def _change_problems(changes, rule_dates, tz):
    found, seen = [], set()
    for index, change in enumerate(changes):

        def problem(message, date=None, index=index):
            text = message % {"date": format_event_date(date)} if date else message
            found.append(Problem("changes", text, index))

        if change.kind == ChangeKind.ADDED and change.start is None:
            problem(_("Give the date to add."))
            continue
        if change.start is not None and change.end is not None and change.end <= change.start:
            problem(_("The date must end after it starts."))
        date = change.key_date(tz)
        if change.kind == ChangeKind.ADDED:
            if date in rule_dates:
                problem(_("%(date)s is already one of the event's dates."), date)
        elif date is None:
            problem(_("Choose the date to change."))
            continue
        elif date not in rule_dates:
            problem(_("%(date)s is not one of the event's dates."), date)
        if date in seen:
            problem(_("%(date)s is changed twice."), date)
        seen.add(date)
    return found
