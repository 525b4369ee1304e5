"""Property tests (Hypothesis): filter parsing, event times across DST changes, and .ics text.

Each property holds for every value Hypothesis tries, not only for the examples written out
elsewhere. Runs are derandomised (the same examples every time) and bounded, so the file takes
a few seconds. Most tests need no database: the events are EventPage instances kept in memory.
"""

import datetime
import re
import uuid
import zoneinfo
from dataclasses import replace

import pytest
from django.conf import settings as django_settings
from django.contrib.contenttypes.models import ContentType
from django.http import QueryDict
from django.utils import timezone, translation
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from pydantic import ValidationError
from wagtail.models import Locale

from tests.factories import EventPageFactory, noon
from wagtail_events import ical
from wagtail_events.api.filters import EventQuery, ListParameters, PersonQuery
from wagtail_events.filters import EventFilterSet
from wagtail_events.listing import ALL, PAST, UPCOMING, day_start, listed_events, moment
from wagtail_events.models import (
    EventPage,
    EventPerson,
    EventStatus,
    EventType,
    Organisation,
    Role,
    Topic,
    Venue,
)
from wagtail_events.models.embeds import MAX_LIMIT

UTC = datetime.UTC
OSLO = zoneinfo.ZoneInfo("Europe/Oslo")  # the test site's TIME_ZONE
HOUR = datetime.timedelta(hours=1)


def bounded(max_examples, **kwargs):
    """The same examples on every run, no time limit per example, and no example database."""
    return settings(
        max_examples=max_examples, derandomize=True, deadline=None, database=None, **kwargs
    )


def in_memory_event(**fields):
    """An EventPage that is never saved. The content type is a stand-in, so that creating the
    page does not look it up in the database."""
    stand_in = ContentType(id=1, app_label="wagtail_events_pages", model="eventpage")
    return EventPage(content_type=stand_in, **fields)


# --- filter parsing: the events API ----------------------------------------------------------

# Days and moments away from the ends of the calendar, where this file's own arithmetic cannot
# overflow; the ends come as examples of their own (EDGES).
SAFE_DATES = st.dates(min_value=datetime.date(2, 1, 1), max_value=datetime.date(9998, 12, 31))
NAIVE_MOMENTS = st.datetimes(
    min_value=datetime.datetime(2, 1, 1), max_value=datetime.datetime(9998, 12, 31)
)
# Days whose midnights, or the midnights after them, are beyond the calendar's ends in UTC
# (midnight on 0001-01-01 in Oslo is still year 0 in UTC), and moments that are.
FIRST_DAY = datetime.date.min + datetime.timedelta(days=1)
LAST_DAY = datetime.date.max - datetime.timedelta(days=1)
EDGES = [
    *(day.isoformat() for day in (datetime.date.min, FIRST_DAY, LAST_DAY, datetime.date.max)),
    "0001-01-01T00:00",  # before year 1 in UTC: Oslo's offset was +00:43 then
    "0001-01-01T00:30+01:00",
    "0001-01-01T00:30-01:00",
    "9999-12-31T23:30",
    "9999-12-31T23:30-01:00",
]
# UTC offsets a date-time may carry: whole minutes, less than a day.
OFFSETS = st.integers(min_value=-(24 * 60 - 1), max_value=24 * 60 - 1).map(
    lambda minutes: datetime.timezone(datetime.timedelta(minutes=minutes))
)
TIMESPECS = st.sampled_from(["minutes", "seconds", "microseconds"])


def moment_text(moment, timespec, separator="T"):
    text = moment.isoformat(sep=separator, timespec=timespec)
    return text.replace("+00:00", "Z") if text.endswith("+00:00") else text


NAIVE_TEXTS = st.builds(moment_text, NAIVE_MOMENTS, TIMESPECS, st.sampled_from(["T", " "]))
AWARE_TEXTS = st.builds(
    moment_text,
    st.builds(lambda moment, tz: moment.replace(tzinfo=tz), NAIVE_MOMENTS, OFFSETS),
    TIMESPECS,
)
# Well-formed values and near misses ("2025-02-30", "2025-08-12T24:00", "+25:00") and junk.
NEAR_MISSES = st.sampled_from(
    [
        "2025-02-30",
        "2025-13-01",
        "2025-00-10",
        "2025-08-12T24:00",
        "2025-08-12T09:60",
        "2025-08-12T09:00+25:00",
        "2025-08-12T09:00+24:00",
        "12.08.2025",
        "2025/08/12",
        "0000-01-01",
        "-2025-08-12",
        "2025-8-1",
        "",
        " ",
        "now",
        "\x00",
        *EDGES,
    ]
)
DATE_PARAMETER = st.one_of(
    SAFE_DATES.map(datetime.date.isoformat), NAIVE_TEXTS, AWARE_TEXTS, NEAR_MISSES, st.text()
)
NUMBER_PARAMETER = st.one_of(
    st.integers(min_value=-10, max_value=200_000).map(str),
    st.sampled_from(["", "1.5", "1e2", "ten", " 5", "0x10", "٣"]),
    st.text(max_size=5),
)
API_PARAMETERS = st.fixed_dictionaries(
    {},
    optional={
        "from": DATE_PARAMETER,
        "to": DATE_PARAMETER,
        "limit": NUMBER_PARAMETER,
        "offset": NUMBER_PARAMETER,
        "series": NUMBER_PARAMETER,
        "lang": st.one_of(st.sampled_from(["nb", "en", "nn", "EN", ""]), st.text(max_size=3)),
        "when": st.one_of(st.sampled_from([UPCOMING, PAST, ALL, "Past", ""]), st.text(max_size=8)),
        "order": st.one_of(st.sampled_from(["start", "-start", "end", ""]), st.text(max_size=8)),
        "status": st.one_of(st.sampled_from(EventStatus.values), st.text(max_size=12)),
        "profile": st.one_of(st.from_regex(r"\A[-a-z0-9_]{1,70}\Z"), st.text(max_size=70)),
        "q": st.text(max_size=210),
        "organiser": st.lists(st.text(max_size=20), max_size=22),
        "topic": st.lists(st.text(max_size=20), max_size=3),
    },
)


def expected_moment(text):
    """What a date or date-time parameter means: a day or an aware moment; None if it is not
    one, OUT_OF_RANGE if it is at the ends of the calendar, where the API may refuse it."""
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        day = None
    if day is not None and re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
        return day if FIRST_DAY <= day <= LAST_DAY else OUT_OF_RANGE
    match = re.fullmatch(
        r"(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2}(\.\d{6})?)?)(Z|[+-].*)?", text, re.ASCII
    )
    if not match:
        return None
    try:
        moment = datetime.datetime.fromisoformat(text.replace(" ", "T"))
    except ValueError:  # 24:00, 09:60, +25:00, ...
        return None
    moment = moment if moment.tzinfo else moment.replace(tzinfo=OSLO)
    try:
        moment.astimezone(UTC)
    except OverflowError:
        return OUT_OF_RANGE
    return moment


OUT_OF_RANGE = object()


def integer_in(text, low, high):
    """The integer a parameter gives, if it is one within [low, high]; otherwise None."""
    if not re.fullmatch(r"\s*[-+]?[0-9]+\s*", text):
        return None
    number = int(text)
    return number if low <= number <= high else None


CHOICES = {
    # The site's content languages, however many: the test settings have three.
    "lang": tuple(code for code, _name in django_settings.WAGTAIL_CONTENT_LANGUAGES),
    "when": (UPCOMING, PAST, ALL),
    "order": ("start", "-start"),
    "status": tuple(EventStatus.values),
}


def surely_invalid(params):
    """The parameters the documentation rules out, whatever the others are."""
    return [
        *(name for name, allowed in CHOICES.items() if params.get(name, allowed[0]) not in allowed),
        *(["q"] if len(params.get("q", "")) > 200 else []),
        *(["organiser"] if len(params.get("organiser", [])) > 20 else []),
        *(
            ["profile"]
            if not re.fullmatch(r"[-a-zA-Z0-9_]{1,64}", params.get("profile", "x"), re.ASCII)
            else []
        ),
    ]


@bounded(300)
@given(API_PARAMETERS)
def test_event_query_parses_to_valid_parameters_or_a_validation_error(params):
    """Whatever the query string holds, the API's parameters are valid or cleanly refused."""
    try:
        query = EventQuery.model_validate(params)
    except ValidationError:
        return
    assert not surely_invalid(params)
    for name in CHOICES:
        if name in params:
            assert getattr(query, name) == params[name]
    assert query.q == params.get("q")
    assert query.profile == params.get("profile")
    assert 1 <= query.limit <= MAX_LIMIT
    assert 0 <= query.offset <= 100_000
    assert query.series is None or query.series >= 1
    listing = query.listing()
    assert listing.effective_when in (UPCOMING, PAST, ALL)
    assert listing.ordering in (("start", "pk"), ("-start", "-pk"))
    for name in ("from", "to"):
        value = getattr(query, f"date_{name}")
        if value is not None and isinstance(value, datetime.datetime):
            assert timezone.is_aware(value), name
    # The conditions are built without touching the database (the search and the series
    # ask it, for their words and paths).
    replace(listing, q=None, series=None).conditions()


@bounded(200)
@given(
    limit=NUMBER_PARAMETER,
    offset=NUMBER_PARAMETER,
    which=st.sampled_from([EventQuery, ListParameters, PersonQuery]),
)
def test_limit_and_offset_are_accepted_exactly_within_their_bounds(limit, offset, which):
    high = 500 if which is ListParameters else MAX_LIMIT
    expected = (integer_in(limit, 1, high), integer_in(offset, 0, 100_000))
    try:
        query = which.model_validate({"limit": limit, "offset": offset})
    except ValidationError as error:
        assert None in expected, error
        return
    assert (query.limit, query.offset) == expected


@bounded(200)
@given(DATE_PARAMETER)
@example("2025-03-30T02:30")  # a time the clocks skip in Oslo
@example("2025-10-26T02:30")  # a time that happens twice in Oslo
@example("2025-08-12T09:00:00.123456+05:45")
def test_from_is_a_day_or_a_moment_as_documented(text):
    """A day stays a day; a date-time without an offset is in the site's zone, and with one is
    that very moment."""
    expected = expected_moment(text.strip())
    try:
        query = EventQuery.model_validate({"from": text})
    except ValidationError:
        assert expected is None or expected is OUT_OF_RANGE, f"{text!r} is valid"
        return
    if expected is OUT_OF_RANGE:
        # Taken, it filters (from the calendar's first or to its last instant).
        assert moment_from(query) is not None
        query.listing().conditions()
        return
    if expected is None:
        # Django also reads a few other ISO 8601 forms (20250812, 2025-W33); they must still
        # be a plain day or an aware moment.
        assert type(query.date_from) is datetime.date or timezone.is_aware(query.date_from)
        return
    assert query.date_from == expected
    assert type(query.date_from) is type(expected)
    if isinstance(expected, datetime.datetime):
        # The same wall-clock time and the same offset, not only the same instant.
        assert query.date_from.replace(tzinfo=None) == expected.replace(tzinfo=None)
        assert query.date_from.utcoffset() == expected.utcoffset()
        # In UTC: a time the clocks skip equals no time in another zone.
        assert moment_from(query).astimezone(UTC) == query.date_from.astimezone(UTC)


def moment_from(query):
    return moment(query.date_from, end_of_day=False)


def local_midnight_instant(day, zone):
    """The first instant whose local date in ``zone`` is ``day``, found by stepping in UTC."""
    guess = datetime.datetime.combine(day, datetime.time.min, tzinfo=UTC) - datetime.timedelta(
        hours=15
    )
    while guess.astimezone(zone).date() < day:
        guess += datetime.timedelta(minutes=15)
    # Transitions fall on quarter hours; step back by seconds to be exact.
    while (guess - datetime.timedelta(seconds=1)).astimezone(zone).date() == day:
        guess -= datetime.timedelta(seconds=1)
    return guess


# Days around DST changes, where a day is 23 or 25 hours long, and any other days.
DST_DAYS = st.sampled_from(
    [
        datetime.date(2025, 3, 30),
        datetime.date(2025, 10, 26),
        datetime.date(2024, 3, 31),
        datetime.date(2024, 10, 27),
        datetime.date(2025, 9, 6),  # Santiago: midnight is skipped
        datetime.date(2025, 4, 5),  # Santiago: 23:00–24:00 happens twice
    ]
)
ZONES = st.sampled_from(
    ["Europe/Oslo", "America/New_York", "America/Santiago", "Australia/Lord_Howe", "Asia/Tokyo"]
)


@bounded(150)
@given(
    day=st.one_of(DST_DAYS, st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31))),
    zone_name=ZONES,
)
def test_a_day_runs_from_midnight_to_midnight_in_the_site_zone(day, zone_name):
    """``from=<day>`` starts at the day's first instant in the site's zone, ``to=<day>`` ends
    at the next day's; the day is 23, 24 or 25 hours long across DST changes."""
    zone = zoneinfo.ZoneInfo(zone_name)
    with timezone.override(zone):
        assert day_start(day).astimezone(UTC) == local_midnight_instant(day, zone)
        query = EventQuery.model_validate({"from": day.isoformat(), "to": day.isoformat()})
        start, end = moment_from(query), moment(query.date_to, end_of_day=True)
    assert query.date_from == query.date_to == day
    assert start.astimezone(UTC) == local_midnight_instant(day, zone)
    next_day = day + datetime.timedelta(days=1)
    assert end.astimezone(UTC) == local_midnight_instant(next_day, zone)
    length = end.astimezone(UTC) - start.astimezone(UTC)
    assert datetime.timedelta(hours=22) <= length <= datetime.timedelta(hours=26)


def as_bound(value, *, upper):
    """A parameter's value as an instant; a day as its first (or, as ``to``, last) moment."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(UTC)
    instant = local_midnight_instant(value + datetime.timedelta(days=upper), OSLO)
    return instant - datetime.timedelta(microseconds=1) if upper else instant


@bounded(200)
@given(
    start=st.one_of(SAFE_DATES.map(datetime.date.isoformat), NAIVE_TEXTS, AWARE_TEXTS),
    end=st.one_of(SAFE_DATES.map(datetime.date.isoformat), NAIVE_TEXTS, AWARE_TEXTS),
)
@example("2025-08-12", "2025-08-12")
@example("2025-08-12T10:00", "2025-08-12T10:00")
@example("2025-10-26T02:30+02:00", "2025-10-26T02:10+01:00")
def test_to_may_not_be_before_from(start, end):
    """'to' before 'from' is refused; 'to' on or after 'from' is accepted."""
    start_value, end_value = expected_moment(start), expected_moment(end)
    params = {"from": start, "to": end}
    in_order = as_bound(end_value, upper=True) >= as_bound(start_value, upper=False)
    try:
        EventQuery.model_validate(params)
    except ValidationError as error:
        assert not in_order, error
        assert [e["loc"] for e in error.errors()] == [("to",)]
        return
    assert in_order


@pytest.mark.django_db
def test_to_as_a_day_takes_a_from_time_on_that_day(series):
    # Events from 10:00 to the end of that day: 'to' is not before 'from'.
    for title, hour in (("Morning", 8), ("Noon", 12), ("Evening", 21)):
        start = datetime.datetime(2025, 8, 12, hour, tzinfo=OSLO)
        EventPageFactory(parent=series, title=title, start=start, end=start + HOUR)
    EventPageFactory(
        parent=series,
        title="Next day",
        start=datetime.datetime(2025, 8, 13, 0, 30, tzinfo=OSLO),
        end=datetime.datetime(2025, 8, 13, 1, 30, tzinfo=OSLO),
    )

    query = EventQuery.model_validate({"from": "2025-08-12T10:00", "to": "2025-08-12"})

    # The morning event ended before 10:00; the one after midnight is on the next day.
    assert matching_titles(query) == ["Noon", "Evening"]


# At either end of the calendar a bound takes in every event, or none of them.
EARLY_EDGES = [value for value in EDGES if value.startswith("0001")]
LATE_EDGES = [value for value in EDGES if value.startswith("9999")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        *(("from", value, ["Today"]) for value in EARLY_EDGES),
        *(("from", value, []) for value in LATE_EDGES),
        *(("to", value, []) for value in EARLY_EDGES),
        *(("to", value, ["Today"]) for value in LATE_EDGES),
    ],
)
def test_the_ends_of_the_calendar_take_every_event_or_none(series, name, value, expected):
    EventPageFactory(parent=series, title="Today", start=noon(0), end=noon(0) + HOUR)

    query = EventQuery.model_validate({name: value})

    assert matching_titles(query) == expected


def test_every_end_of_the_calendar_is_an_early_or_a_late_one():
    # The parametrisation above must cover each edge value.
    assert sorted(EARLY_EDGES + LATE_EDGES) == sorted(EDGES)


def matching_titles(query):
    events = listed_events(query.listing())
    return list(events.values_list("title", flat=True))


# --- filter parsing: the index pages' filter form --------------------------------------------

INDEX_DATE_PARAMETER = st.one_of(
    st.dates().map(datetime.date.isoformat),
    st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)).map(
        lambda day: day.strftime("%d.%m.%Y")
    ),
    NEAR_MISSES,
    st.text(max_size=12),
)
INDEX_PARAMETERS = st.fixed_dictionaries(
    {},
    optional={
        "from": INDEX_DATE_PARAMETER,
        "to": INDEX_DATE_PARAMETER,
        "q": st.one_of(st.text(max_size=30), st.text(min_size=195, max_size=205)),
        "when": st.one_of(st.sampled_from([UPCOMING, PAST, ALL, ""]), st.text(max_size=8)),
        "status": st.one_of(st.sampled_from(EventStatus.values), st.text(max_size=12)),
        "type": st.text(max_size=10),
        "topic": st.text(max_size=10),
        "organiser": st.text(max_size=10),
        "person": st.text(max_size=10),
    },
)


@pytest.mark.django_db
@bounded(50, suppress_health_check=[HealthCheck.too_slow])
@given(params=INDEX_PARAMETERS, language=st.sampled_from(["nb", "en"]))
@example(params={"from": "0001-01-01"}, language="nb")
@example(params={"to": "9999-12-31"}, language="en")
@example(params={"from": "2025-08-12", "to": "2025-08-11"}, language="nb")
def test_index_filters_give_events_or_form_errors(params, language):
    """The index page's filters list events (maybe none) and name each unusable value."""
    data = QueryDict(mutable=True)
    data.update(params)
    with translation.override(language):
        filterset = EventFilterSet(data, EventPage.objects.all())
        valid = filterset.is_valid()
        errors = filterset.form.errors
        list(filterset.qs)
        assert filterset.selected_when in (UPCOMING, PAST, ALL)
    assert valid == (not errors)
    cleaned = filterset.form.cleaned_data
    for name in ("from", "to"):
        text = params.get(name, "").strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
            try:
                day = datetime.date.fromisoformat(text)
            except ValueError:
                assert name in errors
                continue
            # The date widget's own format reads the same in every language, to the ends of
            # the calendar.
            assert cleaned.get(name) == day or (name == "to" and "to" in errors)
    start, end = cleaned.get("from"), cleaned.get("to")
    if start and end is None and "to" in params and "to" not in errors:
        assert not params["to"].strip()
    if start and end:
        assert end >= start
    if params.get("when", "") not in (UPCOMING, PAST, ALL, ""):
        assert "when" in errors
    if params.get("status", "") not in [*EventStatus.values, ""]:
        assert "status" in errors
    if len(params.get("q", "")) > 200:
        assert "q" in errors


@pytest.mark.django_db
@bounded(60, suppress_health_check=[HealthCheck.too_slow])
@given(
    start=st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)),
    days=st.integers(-400, 400),
)
def test_index_to_before_from_is_refused(start, days):
    end = start + datetime.timedelta(days=days)
    filterset = EventFilterSet(
        QueryDict(f"from={start.isoformat()}&to={end.isoformat()}"), EventPage.objects.all()
    )
    assert filterset.is_valid() == (days >= 0)
    if days < 0:
        assert list(filterset.form.errors) == ["to"]
    else:
        assert filterset.form.cleaned_data["from"] == start
        assert filterset.form.cleaned_data["to"] == end


# --- event times across DST changes ----------------------------------------------------------

FORMAT_ZONES = ["Europe/Oslo", "America/New_York", "America/Santiago", "Australia/Lord_Howe"]
MONTHS = "January February March April May June July August September October November December"
# The same in both written standards.
MONTHS_NORWEGIAN = (
    "januar februar mars april mai juni juli august september oktober november desember"
)


def transitions(zone_name, first_year=2023, last_year=2027):
    """The instants (UTC) at which the zone's offset changes, to the second."""
    zone = zoneinfo.ZoneInfo(zone_name)
    found = []
    step = datetime.timedelta(hours=6)
    moment = datetime.datetime(first_year, 1, 1, tzinfo=UTC)
    while moment.year <= last_year:
        after = moment + step
        if moment.astimezone(zone).utcoffset() != after.astimezone(zone).utcoffset():
            low, high = moment, after
            while high - low > datetime.timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == low.astimezone(zone).utcoffset():
                    low = middle
                else:
                    high = middle
            found.append(high.replace(microsecond=0))
        moment = after
    return found


TRANSITIONS = {name: transitions(name) for name in FORMAT_ZONES}


@st.composite
def event_times(draw):
    """(zone name, start, end): instants near one of the zone's DST changes, or anywhere."""
    zone_name = draw(st.sampled_from(FORMAT_ZONES))
    if draw(st.booleans()):
        near = draw(st.sampled_from(TRANSITIONS[zone_name]))
        start = near + datetime.timedelta(minutes=draw(st.integers(-36 * 60, 36 * 60)))
    else:
        start = draw(
            st.datetimes(
                datetime.datetime(1950, 1, 1), datetime.datetime(2090, 1, 1), timezones=st.just(UTC)
            )
        ).replace(second=0, microsecond=0)
    length = datetime.timedelta(
        minutes=draw(st.one_of(st.integers(0, 180), st.integers(0, 5 * 24 * 60)))
    )
    return zone_name, start, start + length


def is_ambiguous(local):
    """Whether the wall-clock time happens twice (in the hour repeated when clocks go back)."""
    other = local.replace(fold=1 - local.fold)
    return other.utcoffset() != local.utcoffset()


# A time of day as the texts write it, 09:00 or 09.00, never a part of a date such as 12.08.2025.
TIME_OF_DAY = re.compile(r"(?<![\d.])\d{2}[:.]\d{2}(?![\d.])")


def expected_when(start, end, all_day, language):
    """The documented text, built from zoneinfo's local times: nb "12.08.2025 kl. 09.00–09.45",
    nn "12. august 2025 kl. 09.00–09.45", en "12 August 2025, 09:00–09:45"."""

    def day(value):
        if language == "nb":
            return f"{value.day:02}.{value.month:02}.{value.year}"
        if language == "nn":
            return f"{value.day}. {MONTHS_NORWEGIAN.split()[value.month - 1]} {value.year}"
        return f"{value.day} {MONTHS.split()[value.month - 1]} {value.year}"

    # A time that happens twice is told apart by the zone's abbreviation (CEST, CET).
    with_zone = is_ambiguous(start) or is_ambiguous(end)

    def time(value):
        # Hours and minutes: a full stop in Norwegian, as Språkrådet writes them; a colon in
        # English.
        clock = f"{value:%H:%M}" if language == "en" else f"{value:%H.%M}"
        return f"{clock} {value.tzname()}" if with_zone else clock

    at = ", " if language == "en" else " kl. "
    if all_day:
        if start.date() == end.date():
            return day(start)
        return f"{day(start)}–{day(end)}"
    if start.date() == end.date():
        return f"{day(start)}{at}{time(start)}–{time(end)}"
    return f"{day(start)}{at}{time(start)} – {day(end)}{at}{time(end)}"


@bounded(300)
@given(times=event_times(), all_day=st.booleans(), language=st.sampled_from(["nb", "nn", "en"]))
@example(  # Oslo, clocks back: 02:30 CEST, then 40 minutes later 02:10 CET
    times=(
        "Europe/Oslo",
        datetime.datetime(2025, 10, 26, 0, 30, tzinfo=UTC),
        datetime.datetime(2025, 10, 26, 1, 10, tzinfo=UTC),
    ),
    all_day=False,
    language="nb",
)
@example(  # New York, clocks forward: 01:30 EST to 03:30 EDT is one hour
    times=(
        "America/New_York",
        datetime.datetime(2025, 3, 9, 6, 30, tzinfo=UTC),
        datetime.datetime(2025, 3, 9, 7, 30, tzinfo=UTC),
    ),
    all_day=False,
    language="en",
)
def test_event_times_are_wall_clock_times_in_the_event_zone(times, all_day, language):
    zone_name, start, end = times
    zone = zoneinfo.ZoneInfo(zone_name)
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    # An all-day event ends on or after the day it starts (EventPage.clean).
    assume(not all_day or local_end.date() >= local_start.date())
    event = in_memory_event(start=start, end=end, timezone=zone_name, all_day=all_day)
    with translation.override(language):
        when = event.when
    assert when == expected_when(local_start, local_end, all_day, language)
    if all_day:
        assert not TIME_OF_DAY.search(when)
    elif not is_ambiguous(local_start) and not is_ambiguous(local_end):
        # Without zone names, the text never shows the end before the start.
        times_shown = TIME_OF_DAY.findall(when)
        assert (local_end.date(), times_shown[-1]) >= (local_start.date(), times_shown[0])


@bounded(50)
@given(day=st.dates(datetime.date(1900, 1, 1), datetime.date(2100, 12, 31)))
def test_norwegian_dates_use_the_norwegian_format(day):
    start = datetime.datetime.combine(day, datetime.time(9), tzinfo=OSLO)
    event = in_memory_event(
        start=start, end=start + datetime.timedelta(minutes=45), timezone="Europe/Oslo"
    )
    with translation.override("nb"):
        assert event.when == f"{day:%d.%m.%Y} kl. 09.00–09.45"


# --- the .ics builder: text round-trips -------------------------------------------------------

# RFC 5545 text may not hold control characters other than tab; line breaks are escaped.
CONTROL = {chr(code) for code in [*range(0x20), 0x7F]} - {"\t"}
# Characters that iCalendar escapes, folds around, or may not carry, and others that often
# break text handling: line and paragraph separators, zero-width and direction marks, a byte
# order mark, multi-byte letters and emoji. Any other character may come too.
TRICKY = (
    "\n\r\t,;:\\\"'^<>& \x00\x01\x0b\x0c\x1b\x1f\x7f\x85\u2028\u2029\u200b\u200d\u200e"
    "\u200f\u202e\ufeffæøåÆØÅשمﷺ🎉👩🇳🇴"
)
SHORT_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(TRICKY), st.characters(exclude_categories=["Cs"])),
    max_size=30,
)
TEXT = st.one_of(
    SHORT_TEXT,
    st.sampled_from(["\r\n", "a\\nb", "\\,", "👩\u200d👩\u200d👧", "שלום, עולם", "مرحبا"]),
    # Long lines, with multi-byte characters wherever the lines are folded.
    st.builds(lambda part, times: part * times, SHORT_TEXT.filter(bool), st.integers(5, 60)),
)
NAME = TEXT.filter(lambda text: text.strip())


def as_sent(text):
    """What a calendar app reads back: line breaks as LF; control characters other than tab
    and line breaks are left out (vertical tab and form feed, from pasted text, are breaks)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\x0b", "\n").replace("\x0c", "\n")
    return "".join(char for char in text if char not in CONTROL or char == "\n")


@st.composite
def events_with_text(draw):
    status = draw(st.sampled_from(EventStatus.values))
    language = draw(st.sampled_from(["nb", "en"]))
    start = datetime.datetime(2025, 8, 12, 9, tzinfo=OSLO)
    questions = st.lists(NAME, min_size=1, max_size=3)
    body = [
        ("questions", {"heading": draw(TEXT), "questions": draw(questions)})
        for _ in range(draw(st.integers(0, 2)))
    ]
    event = in_memory_event(
        title=draw(NAME),
        lead=draw(NAME),
        start=start,
        end=start + datetime.timedelta(minutes=45),
        timezone="Europe/Oslo",
        translation_key=uuid.UUID(int=draw(st.integers(0, 2**128 - 1))),
        status=status,
        status_note=draw(TEXT),
        locale=Locale(language_code=language),
        body=body,
    )
    event.localized_venue = Venue(
        name=draw(NAME), street_address=draw(TEXT), postcode="4836", city=draw(TEXT), country=""
    )
    # The organiser's name is a parameter, which icalendar reads differently from RFC 5545,
    # though the file itself is right: it takes a backslash for an escape
    # (icalendar/icalendar#1497) and drops tabs around an unquoted value.
    organiser = draw(NAME.map(lambda text: text.replace("\\", "/").strip("\t")).filter(bool))
    event.localized_organisers = [Organisation(name=organiser, url="https://example.org/")]
    event.people_in_event = [
        EventPerson(role=Role.CONTACT, email="kontakt@example.org", contact_public=True)
    ]
    event.localized_event_type = EventType(name=draw(NAME))
    event.localized_topics = [Topic(name=name) for name in draw(st.lists(NAME, max_size=3))]
    return event


def expected_description(event):
    parts = []
    if event.status != EventStatus.SCHEDULED:
        with translation.override(event.locale.language_code):
            status = str(event.get_status_display())
        parts.append(f"{status}: {event.status_note.strip()}" if event.status_note else status)
    parts.append(event.lead.strip())
    for block in event.body.raw_data:
        value = block["value"]
        lines = [value["heading"]] if value["heading"] else []
        questions = [
            item["value"] if isinstance(item, dict) else item for item in value["questions"]
        ]
        lines += [f"{n}. {question}" for n, question in enumerate(questions, start=1)]
        parts.append("\n".join(lines))
    return "\n\n".join(part for part in parts)


def raw_text(prop):
    # icalendar reads X- properties raw, without undoing the text escapes.
    raw = prop.to_ical().decode()
    return re.sub(r"\\([\\;,nN])", lambda m: {"n": "\n", "N": "\n"}.get(m[1], m[1]), raw)


@bounded(120, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(event=events_with_text(), calendar_name=TEXT.map(lambda text: re.sub("[<>]", "", text)))
def test_any_text_round_trips_through_the_calendar_file(event, calendar_name):
    url = "https://example.org/arrangementer/debatt/"
    data = ical.build_calendar([ical.calendar_entry(event, url)], calendar_name)

    # Lines end in CRLF and are folded at 75 octets, never inside a character; no control
    # characters but the tab are left in them.
    assert data.endswith(b"\r\n")
    text = data.decode("utf-8")
    for line in data.split(b"\r\n"):
        assert len(line) <= 75, line
        assert not (set(line.decode("utf-8")) & CONTROL), line

    calendar = Calendar.from_ical(data)
    (vevent,) = calendar.walk("VEVENT")
    assert not calendar.errors and not vevent.errors
    assert str(vevent["SUMMARY"]) == as_sent(event.title)
    description = as_sent(expected_description(event))
    assert str(vevent.get("DESCRIPTION", "")) == description
    venue = event.localized_venue
    postcode_city = " ".join(part for part in ("4836", venue.city) if part)
    address = [line for line in (venue.street_address, postcode_city) if line]
    assert str(vevent["LOCATION"]) == as_sent(", ".join([venue.name, *address]))
    categories = [event.localized_event_type.name, *(t.name for t in event.localized_topics)]
    assert [str(name) for name in vevent["CATEGORIES"].cats] == [as_sent(c) for c in categories]
    organiser = vevent["ORGANIZER"]
    assert str(organiser) == "mailto:kontakt@example.org"
    assert str(organiser.params["CN"]) == as_sent(event.localized_organisers[0].name)
    assert raw_text(calendar["X-WR-CALNAME"]) == as_sent(calendar_name)
    assert str(vevent["URL"]) == url
    assert vevent.decoded("DTSTART") == datetime.datetime(2025, 8, 12, 9, tzinfo=OSLO)
    assert text.count("BEGIN:VEVENT") == 1
