"""What the read layer loads for a list, and when an event's calendar sequence rises."""

import datetime

import pytest

from tests.factories import (
    EventPageFactory,
    OrganisationFactory,
)
from wagtail_events.models import EventPage, EventStatus
from wagtail_events.queries import load_events, public_events

pytestmark = pytest.mark.django_db


def test_english_lists_show_translated_names_in_fixed_queries(
    series, people_index, translate_into_english, locale_en, django_assert_max_num_queries
):
    organisation = OrganisationFactory(name="Helse Midt-Norge RHF", short_name="HMN")
    translate_into_english(
        organisation, {"Helse Midt-Norge RHF": "Central Norway Health Trust", "HMN": "HMN"}
    )
    event = EventPageFactory(parent=series, title="Debatt", organisers=[organisation])
    translate_into_english(event, {"Debatt": "Debate", "debatt": "debate", event.lead: "A lead"})

    with django_assert_max_num_queries(12):
        events = load_events(public_events(locale_en))

    assert [e.title for e in events] == ["Debate"]
    assert [o.name for o in events[0].localized_organisers] == ["Central Norway Health Trust"]


def test_calendar_sequence_rises_only_when_time_place_or_status_change(series):
    event = EventPageFactory(parent=series)
    assert event.sequence == 0

    def publish(**changes):
        page = EventPage.objects.get(pk=event.pk).get_latest_revision_as_object()
        for name, value in changes.items():
            setattr(page, name, value)
        page.save_revision().publish()
        return EventPage.objects.get(pk=event.pk).sequence

    assert publish(lead="Ny ingress") == 0
    later = datetime.timedelta(hours=1)
    assert publish(start=event.start + later, end=event.end + later) == 1
    assert publish(lead="Enda en ingress") == 1
    assert publish(status=EventStatus.CANCELLED) == 2
