"""A repeating event on its page: its dates, its changed dates, its rules, its translations."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import EventPageFactory
from tests.test_pages import oslo
from tests.test_rules import ENGLISH, sync
from wagtail_events.choices import ChangeKind, EventStatus, Frequency
from wagtail_events.models import EventDateChange, EventPage

pytestmark = pytest.mark.django_db

NOTE = "Avlyst på grunn av sykdom"


@pytest.fixture(autouse=True)
def _in_english():
    """What the rules say, in English: the words checked below."""
    with translation.override("en"):
        yield


def weekly_seminar(series, **fields):
    """Four Tuesdays from 2 September 2025, 12:00–13:00 in Oslo."""
    return EventPageFactory(
        parent=series,
        start=oslo(2025, 9, 2, 12),
        end=oslo(2025, 9, 2, 13),
        repeat=Frequency.WEEKLY,
        repeat_count=4,
        **fields,
    )


def dates(event):
    return [
        (occurrence.key, occurrence.status, occurrence.start, occurrence.end)
        for occurrence in event.occurrences()
    ]


def test_an_event_on_one_date_has_that_date(series):
    event = EventPageFactory(parent=series, start=oslo(2025, 9, 2, 12), end=oslo(2025, 9, 2, 13))

    assert dates(event) == [
        ("2025-09-02", EventStatus.SCHEDULED, oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13))
    ]


def test_changed_dates_are_rows_of_the_page(series):
    event = weekly_seminar(series)
    event.date_changes.add(
        EventDateChange(kind=ChangeKind.CANCELLED, date=datetime.date(2025, 9, 9), note=NOTE)
    )
    # To the Thursday at 14:00: the hour's length stays.
    event.date_changes.add(
        EventDateChange(
            kind=ChangeKind.MOVED,
            date=datetime.date(2025, 9, 16),
            new_date=datetime.date(2025, 9, 18),
            new_start_time=datetime.time(14),
        )
    )
    # An extra date, at the event's own times.
    event.date_changes.add(
        EventDateChange(kind=ChangeKind.ADDED, new_date=datetime.date(2025, 10, 1))
    )
    event.save_revision().publish()

    event = EventPage.objects.get(pk=event.pk)

    assert dates(event) == [
        ("2025-09-02", EventStatus.SCHEDULED, oslo(2025, 9, 2, 12), oslo(2025, 9, 2, 13)),
        ("2025-09-09", EventStatus.CANCELLED, oslo(2025, 9, 9, 12), oslo(2025, 9, 9, 13)),
        ("2025-09-16", EventStatus.RESCHEDULED, oslo(2025, 9, 18, 14), oslo(2025, 9, 18, 15)),
        ("2025-09-23", EventStatus.SCHEDULED, oslo(2025, 9, 23, 12), oslo(2025, 9, 23, 13)),
        ("2025-10-01", EventStatus.SCHEDULED, oslo(2025, 10, 1, 12), oslo(2025, 10, 1, 13)),
    ]
    cancelled = event.occurrences()[1]
    assert cancelled.change.note == NOTE


def test_a_date_moved_only_to_another_venue_keeps_its_times(series):
    event = weekly_seminar(series)
    other_venue = EventPageFactory.venue.get_factory()()
    event.date_changes.add(
        EventDateChange(kind=ChangeKind.MOVED, date=datetime.date(2025, 9, 9), venue=other_venue)
    )
    event.save_revision().publish()

    moved = EventPage.objects.get(pk=event.pk).occurrences()[1]

    assert (moved.start, moved.change.venue) == (oslo(2025, 9, 9, 12), other_venue)


def test_a_rule_that_ends_before_the_first_date_cannot_be_saved_in_code(series):
    event = weekly_seminar(series)
    event.repeat_count = None
    event.repeat_until = datetime.date(2025, 9, 1)

    with pytest.raises(ValidationError) as error:
        event.save_revision()

    assert error.value.message_dict == {
        "repeat_until": ["The repetition ends before the event's first date, 2 September 2025."]
    }


def test_a_rule_with_too_many_dates_cannot_be_saved_in_code(settings, series):
    settings.WAGTAIL_EVENTS = {"MAX_OCCURRENCES": 10}
    event = weekly_seminar(series)
    event.repeat_count = 11

    with pytest.raises(ValidationError) as error:
        event.full_clean()

    assert error.value.message_dict == {
        "repeat_count": ["The repetition gives more than 10 dates. End it sooner."]
    }


def test_a_changed_date_the_rule_does_not_give_cannot_be_saved_in_code(series):
    event = weekly_seminar(series)
    event.date_changes.add(
        EventDateChange(kind=ChangeKind.CANCELLED, date=datetime.date(2025, 9, 9))
    )
    event.date_changes.add(
        EventDateChange(kind=ChangeKind.CANCELLED, date=datetime.date(2025, 9, 3))
    )

    with pytest.raises(ValidationError) as error:
        event.save_revision()

    assert error.value.message_dict == {
        "date_changes": ["Changed date 2: 3 September 2025 is not one of the event's dates."]
    }
    assert EventPage.objects.get(pk=event.pk).date_changes.count() == 0


def test_a_translation_shares_the_rule_and_translates_the_notes(
    series, translate_into_english, admin_client, django_capture_on_commit_callbacks
):
    event = weekly_seminar(series)
    event.date_changes.add(
        EventDateChange(kind=ChangeKind.CANCELLED, date=datetime.date(2025, 9, 9), note=NOTE)
    )
    event.save_revision().publish()

    english = translate_into_english(event, ENGLISH | {NOTE: "Cancelled due to illness"})

    assert (english.repeat, english.repeat_count) == (Frequency.WEEKLY, 4)
    (row,) = english.date_changes.all()
    assert (row.kind, row.date, row.note) == (
        ChangeKind.CANCELLED,
        datetime.date(2025, 9, 9),
        "Cancelled due to illness",
    )

    # The series runs longer: a sync gives the English page the new dates.
    event = event.get_latest_revision_as_object()
    event.repeat_count = 6
    event.save_revision().publish()
    sync(admin_client, event, django_capture_on_commit_callbacks)

    english = EventPage.objects.get(pk=english.pk)
    assert english.repeat_count == 6
    assert dates(english) == dates(EventPage.objects.get(pk=event.pk))
    assert len(dates(english)) == 6
