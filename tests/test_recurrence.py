"""Repeating events' dates: the rule, the summer-time changes, changed dates and what is wrong.

The rule's RRULE parts are also checked against a calendar client's own expansion
(recurring-ical-events), so what a subscriber's calendar shows is what the site lists.
"""

import datetime
import zoneinfo

import icalendar
import pytest
import recurring_ical_events
from django.utils import translation

from wagtail_events.choices import ChangeKind, EventStatus, Frequency, MonthlyBy
from wagtail_events.recurrence import Change, Repetition, ical_rule, occurrences, problems

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
UTC = datetime.UTC
TUESDAY, WEDNESDAY, THURSDAY = 1, 2, 3


def oslo(*args):
    return datetime.datetime(*args, tzinfo=OSLO)


def local_starts(found):
    return [occurrence.start.astimezone(OSLO).replace(tzinfo=None) for occurrence in found]


def weekly(**options):
    return Repetition(Frequency.WEEKLY, **options)


def test_an_event_that_does_not_repeat_has_its_one_date():
    start, end = oslo(2025, 8, 12, 9), oslo(2025, 8, 12, 9, 45)

    (only,) = occurrences(None, start, end, OSLO)

    assert (only.key, only.start, only.end, only.status) == (
        "2025-08-12",
        start,
        end,
        EventStatus.SCHEDULED,
    )


def test_a_weekly_seminar_stays_at_nine_across_the_spring_change():
    # Summer time begins in Oslo on Sunday 30 March 2025.
    found = occurrences(weekly(count=3), oslo(2025, 3, 25, 9), oslo(2025, 3, 25, 10), OSLO)

    assert local_starts(found) == [
        datetime.datetime(2025, 3, 25, 9),
        datetime.datetime(2025, 4, 1, 9),
        datetime.datetime(2025, 4, 8, 9),
    ]
    assert [o.start.astimezone(UTC).hour for o in found] == [8, 7, 7]
    assert [o.end.astimezone(OSLO).hour for o in found] == [10, 10, 10]
    assert [o.key for o in found] == ["2025-03-25", "2025-04-01", "2025-04-08"]


def test_a_weekly_seminar_stays_at_nine_across_the_autumn_change():
    # Summer time ends in Oslo on Sunday 26 October 2025.
    found = occurrences(
        weekly(until=datetime.date(2025, 11, 4)),
        oslo(2025, 10, 21, 9),
        oslo(2025, 10, 21, 10),
        OSLO,
    )

    assert local_starts(found) == [
        datetime.datetime(2025, 10, 21, 9),
        datetime.datetime(2025, 10, 28, 9),
        datetime.datetime(2025, 11, 4, 9),
    ]
    assert [o.start.astimezone(UTC).hour for o in found] == [7, 8, 8]


def test_a_time_the_spring_change_skips_moves_on_by_the_gap():
    # 02:30 does not exist in Oslo on 30 March 2025: clocks go from 02:00 to 03:00.
    found = occurrences(
        Repetition(Frequency.DAILY, count=3), oslo(2025, 3, 29, 2, 30), oslo(2025, 3, 29, 3), OSLO
    )

    assert local_starts(found) == [
        datetime.datetime(2025, 3, 29, 2, 30),
        datetime.datetime(2025, 3, 30, 3, 30),
        datetime.datetime(2025, 3, 31, 2, 30),
    ]


def test_a_time_the_autumn_change_repeats_is_the_first_of_the_two():
    # 02:30 comes twice in Oslo on 26 October 2025: first in summer time (00:30 UTC).
    found = occurrences(
        Repetition(Frequency.DAILY, count=2), oslo(2025, 10, 25, 2, 30), oslo(2025, 10, 25, 3), OSLO
    )

    assert found[1].start.astimezone(UTC) == datetime.datetime(2025, 10, 26, 0, 30, tzinfo=UTC)


def test_weekly_on_chosen_weekdays_every_other_week():
    found = occurrences(
        weekly(weekdays=(TUESDAY, THURSDAY), interval=2, count=4),
        oslo(2025, 9, 2, 12),
        oslo(2025, 9, 2, 13),
        OSLO,
    )

    assert [o.key for o in found] == ["2025-09-02", "2025-09-04", "2025-09-16", "2025-09-18"]


@pytest.mark.parametrize(
    ("monthly_by", "start_day", "expected"),
    [
        # The 31st: months without one have no date, as RFC 5545 has it.
        (MonthlyBy.DATE, datetime.date(2025, 1, 31), ["2025-01-31", "2025-03-31", "2025-05-31"]),
        # The second Tuesday of each month.
        (MonthlyBy.WEEKDAY, datetime.date(2025, 9, 9), ["2025-09-09", "2025-10-14", "2025-11-11"]),
        # The last Thursday of each month.
        (
            MonthlyBy.LAST_WEEKDAY,
            datetime.date(2025, 9, 25),
            ["2025-09-25", "2025-10-30", "2025-11-27"],
        ),
    ],
)
def test_monthly(monthly_by, start_day, expected):
    start = datetime.datetime.combine(start_day, datetime.time(18), OSLO)
    repetition = Repetition(Frequency.MONTHLY, monthly_by=monthly_by, count=3)

    found = occurrences(repetition, start, start + datetime.timedelta(hours=2), OSLO)

    assert [o.key for o in found] == expected


def test_until_includes_its_own_day():
    found = occurrences(
        Repetition(Frequency.DAILY, until=datetime.date(2025, 8, 14)),
        oslo(2025, 8, 12, 23),
        oslo(2025, 8, 12, 23, 30),
        OSLO,
    )

    assert [o.key for o in found] == ["2025-08-12", "2025-08-13", "2025-08-14"]


def test_an_event_over_midnight_keeps_its_local_length():
    found = occurrences(
        Repetition(Frequency.DAILY, count=2), oslo(2025, 10, 25, 22), oslo(2025, 10, 26, 6), OSLO
    )

    # The first night is an hour longer in real time: the clocks go back in it.
    assert [o.end.astimezone(OSLO).hour for o in found] == [6, 6]
    assert [o.end.astimezone(UTC) - o.start.astimezone(UTC) for o in found] == [
        datetime.timedelta(hours=9),
        datetime.timedelta(hours=8),
    ]


def test_changed_dates():
    rule = weekly(count=4)
    start, end = oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13)
    changes = [
        Change(ChangeKind.CANCELLED, datetime.date(2025, 9, 9), note="Sykdom"),
        # Moved to the Thursday, with no end given: it keeps its hour.
        Change(ChangeKind.MOVED, datetime.date(2025, 9, 16), start=oslo(2025, 9, 18, 14)),
        Change(ChangeKind.ADDED, start=oslo(2025, 10, 1, 12), end=oslo(2025, 10, 1, 15)),
    ]

    found = occurrences(rule, start, end, OSLO, changes)

    assert [(o.key, o.status) for o in found] == [
        ("2025-09-02", EventStatus.SCHEDULED),
        ("2025-09-09", EventStatus.CANCELLED),
        ("2025-09-16", EventStatus.RESCHEDULED),
        ("2025-09-23", EventStatus.SCHEDULED),
        ("2025-10-01", EventStatus.SCHEDULED),
    ]
    cancelled, moved, added = found[1], found[2], found[4]
    assert cancelled.start == oslo(2025, 9, 9, 12) and cancelled.change.note == "Sykdom"
    assert (moved.start, moved.end, moved.previous_start) == (
        oslo(2025, 9, 18, 14),
        oslo(2025, 9, 18, 15),
        oslo(2025, 9, 16, 12),
    )
    assert (added.start, added.end) == (oslo(2025, 10, 1, 12), oslo(2025, 10, 1, 15))


def test_a_date_moved_past_later_ones_is_listed_where_it_now_falls():
    changes = [Change(ChangeKind.MOVED, datetime.date(2025, 9, 2), start=oslo(2025, 9, 20, 12))]

    found = occurrences(weekly(count=3), oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13), OSLO, changes)

    assert [o.key for o in found] == ["2025-09-09", "2025-09-16", "2025-09-02"]


def messages(found):
    return [(problem.field, str(problem.message), problem.index) for problem in found]


@pytest.mark.parametrize(
    ("repetition", "field", "english", "norwegian"),
    [
        (
            weekly(),
            "until",
            "Say when the repetition ends: on a date or after a number of times.",
            "Si når gjentakelsen slutter: på en dato eller etter et antall ganger.",
        ),
        (
            weekly(count=3, until=datetime.date(2025, 12, 1)),
            "count",
            "Give an end date or a number of times, not both.",
            "Oppgi en sluttdato eller et antall ganger, ikke begge.",
        ),
        (
            weekly(count=0),
            "count",
            "The number of times must be at least 1.",
            "Antall ganger må være minst 1.",
        ),
        (
            weekly(interval=0, count=3),
            "interval",
            "Repeat at least every 1 day, week or month.",
            "Intervallet må være minst 1: hver dag, uke eller måned.",
        ),
        (
            weekly(until=datetime.date(2025, 9, 1)),
            "until",
            "The repetition ends before the event's first date, 2 September 2025.",
            "Gjentakelsen slutter før arrangementets første dato, 02.09.2025.",
        ),
        (
            weekly(weekdays=(WEDNESDAY,), count=3),
            "weekdays",
            "The event's first date is a Tuesday: choose that day too.",
            "Arrangementets første dato er en tirsdag: velg den dagen også.",
        ),
    ],
)
def test_what_is_wrong_with_a_rule(repetition, field, english, norwegian):
    start, end = oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13)

    with translation.override("en"):
        assert messages(problems(repetition, start, end, OSLO)) == [(field, english, None)]
    with translation.override("nb"):
        assert messages(problems(repetition, start, end, OSLO)) == [(field, norwegian, None)]


def test_a_good_rule_has_no_problems():
    assert problems(weekly(count=52), oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13), OSLO) == []


@pytest.mark.parametrize(
    ("repetition", "field"),
    [
        (Repetition(Frequency.DAILY, count=6), "count"),
        (Repetition(Frequency.DAILY, until=datetime.date(2025, 9, 7)), "until"),
    ],
)
@pytest.mark.django_db
def test_too_many_dates(settings, repetition, field):
    settings.WAGTAIL_EVENTS = {"MAX_OCCURRENCES": 5}
    start, end = oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13)

    with translation.override("en"):
        assert messages(problems(repetition, start, end, OSLO)) == [
            (field, "The repetition gives more than 5 dates. End it sooner.", None)
        ]
    settings.WAGTAIL_EVENTS = {"MAX_OCCURRENCES": 6}
    assert problems(repetition, start, end, OSLO) == []


def test_what_is_wrong_with_changed_dates():
    start, end = oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13)
    changes = [
        Change(ChangeKind.CANCELLED, datetime.date(2025, 9, 3)),
        Change(ChangeKind.CANCELLED, datetime.date(2025, 9, 9)),
        Change(ChangeKind.MOVED, datetime.date(2025, 9, 9), start=oslo(2025, 9, 10, 12)),
        Change(ChangeKind.ADDED),
        Change(ChangeKind.ADDED, start=oslo(2025, 9, 23, 18), end=oslo(2025, 9, 23, 19)),
        Change(
            ChangeKind.MOVED,
            datetime.date(2025, 9, 30),
            start=oslo(2025, 10, 1, 12),
            end=oslo(2025, 10, 1, 11),
        ),
        Change(ChangeKind.CANCELLED),
    ]

    with translation.override("en"):
        found = messages(problems(weekly(count=5), start, end, OSLO, changes))

    assert found == [
        ("changes", "3 September 2025 is not one of the event's dates.", 0),
        ("changes", "9 September 2025 is changed twice.", 2),
        ("changes", "Give the date to add.", 3),
        ("changes", "23 September 2025 is already one of the event's dates.", 4),
        ("changes", "The date must end after it starts.", 5),
        ("changes", "Choose the date to change.", 6),
    ]


def client_expansion(repetition, start, end, changes=()):
    """The starts a calendar client finds in a VEVENT with our RRULE, EXDATE and RDATE."""
    event = icalendar.Event()
    event.add("uid", "series@example.org")
    event.add("dtstart", start)
    event.add("dtend", end)
    event.add("rrule", ical_rule(repetition, start, OSLO))
    for change in changes:
        if change.kind == ChangeKind.CANCELLED:
            event.add("exdate", datetime.datetime.combine(change.date, start.timetz()))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//test//")
    calendar.add("version", "2.0")
    calendar.add_component(event)
    calendar.add_missing_timezones()
    parsed = icalendar.Calendar.from_ical(calendar.to_ical())
    found = recurring_ical_events.of(parsed).all()
    return sorted(component.decoded("dtstart") for component in found)


@pytest.mark.parametrize(
    "repetition",
    [
        weekly(count=20),
        weekly(weekdays=(TUESDAY, THURSDAY), interval=2, until=datetime.date(2026, 3, 31)),
        Repetition(Frequency.DAILY, interval=3, until=datetime.date(2025, 11, 30)),
        Repetition(Frequency.MONTHLY, count=14),
        Repetition(Frequency.MONTHLY, monthly_by=MonthlyBy.WEEKDAY, count=14),
        Repetition(
            Frequency.MONTHLY, monthly_by=MonthlyBy.LAST_WEEKDAY, until=datetime.date(2026, 12, 31)
        ),
    ],
)
def test_a_calendar_client_finds_the_same_dates(repetition):
    # From before the autumn change to past the next spring one.
    start, end = oslo(2025, 9, 30, 9), oslo(2025, 9, 30, 10)

    ours = [o.start for o in occurrences(repetition, start, end, OSLO)]

    assert client_expansion(repetition, start, end) == ours
    assert len(ours) > 5


def test_a_calendar_client_leaves_out_cancelled_dates():
    start, end = oslo(2025, 9, 30, 9), oslo(2025, 9, 30, 10)
    changes = [Change(ChangeKind.CANCELLED, datetime.date(2025, 11, 4))]

    ours = [
        o.start
        for o in occurrences(weekly(count=8), start, end, OSLO, changes)
        if o.status != EventStatus.CANCELLED
    ]

    assert client_expansion(weekly(count=8), start, end, changes) == ours
    assert oslo(2025, 11, 4, 9) not in ours
