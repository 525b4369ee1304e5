"""The rules an editor runs into when saving events, people and snippets, with what they read."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from tests import builders
from tests.factories import (
    OSLO,
    EventPageFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
    add_people,
)
from wagtail_events.blocks import AgendaItemBlock
from wagtail_events.models import (
    EventPage,
    EventPerson,
    EventStatus,
    Organisation,
    PersonPage,
    Role,
    Topic,
    Venue,
)

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

HOUR = datetime.timedelta(hours=1)
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def english():
    """Messages are checked in English; the last test reads them in Norwegian."""
    with translation.override("en"):
        yield


def errors_of(obj, method="full_clean"):
    """The messages per field that saving ``obj`` would show, or {} when it is valid."""
    try:
        getattr(obj, method)()
    except ValidationError as error:
        return {field: [str(message) for message in messages] for field, messages in error}
    return {}


# Time


def test_event_must_end_after_it_starts(series):
    event = EventPageFactory(parent=series)
    event.end = event.start
    assert errors_of(event)["end"] == ["The event must end after it starts."]
    event.end = event.start - HOUR
    assert errors_of(event)["end"] == ["The event must end after it starts."]


def test_all_day_event_may_end_on_the_day_it_starts(series):
    start = datetime.datetime(2025, 8, 19, tzinfo=OSLO)
    event = EventPageFactory(parent=series, all_day=True, start=start, end=start)
    assert event.live
    event.end = start - DAY
    assert errors_of(event)["end"] == ["The event must end on or after the day it starts."]


def test_all_day_dates_are_the_days_in_the_events_time_zone(series):
    # 02:30 and 01:00 on 19 August in Oslo: the same day there, but 19 and 18 August in UTC,
    # which is how the times come back from a saved revision.
    start = datetime.datetime(2025, 8, 19, 2, 30, tzinfo=OSLO).astimezone(datetime.UTC)
    end = datetime.datetime(2025, 8, 19, 1, 0, tzinfo=OSLO).astimezone(datetime.UTC)
    event = EventPageFactory(parent=series, all_day=True, start=start, end=end)
    assert event.live
    assert event.local_start.date() == event.local_end.date() == datetime.date(2025, 8, 19)


# Agenda


def agenda_item_errors(**item):
    """The messages per sub-field that AgendaItemBlock.clean gives ``item``, or {}."""
    block = AgendaItemBlock()
    value = block.to_python({"start_time": "09:00", "title": "Velkommen", "people": [], **item})
    try:
        block.clean(value)
    except StructBlockValidationError as error:
        return {name: [str(e) for e in errors] for name, errors in error.block_errors.items()}
    return {}


def test_agenda_item_must_end_after_it_starts():
    assert agenda_item_errors(end_time="08:45") == {
        "end_time": ["The item must end after it starts."]
    }
    assert agenda_item_errors(end_time="09:00") == {
        "end_time": ["The item must end after it starts."]
    }
    assert agenda_item_errors(end_time="09:30") == {}
    assert agenda_item_errors(end_time=None) == {}


def test_agenda_item_day_is_optional_and_any_date_as_a_block():
    # The block alone cannot see the event's dates: the event page checks the day.
    assert agenda_item_errors(day="2025-08-19") == {}
    assert agenda_item_errors(day=None) == {}


def agenda(*days):
    """A body with one agenda whose items are on ``days`` (None: no day given)."""
    items = [
        {"day": day, "start_time": "09:00", "title": f"Punkt {n}", "people": []}
        for n, day in enumerate(days)
    ]
    return [
        ("rich_text", "<p>Program:</p>"),
        ("agenda", {"heading": "Program", "items": items}),
    ]


def day_errors(event):
    """{(stream position, item index): message} for the agenda days the event refuses."""
    try:
        event.full_clean()
    except ValidationError as error:
        (body_error,) = error.error_dict["body"]
        assert isinstance(body_error, StreamBlockValidationError)
        found = {}
        for position, block_error in body_error.block_errors.items():
            for index, item_error in block_error.block_errors["items"].block_errors.items():
                found[position, index] = [str(e) for e in item_error.block_errors["day"]]
        return found
    return {}


def test_agenda_days_lie_within_the_event(series):
    # Tuesday 19 to Thursday 21 August, in Oslo.
    start = datetime.datetime(2025, 8, 19, 9, 0, tzinfo=OSLO)
    event = EventPageFactory(parent=series, start=start, end=start + 2 * DAY + 8 * HOUR)
    event.body = agenda(
        datetime.date(2025, 8, 19), None, datetime.date(2025, 8, 21), datetime.date(2025, 8, 22)
    )
    message = "Choose a day within the event: 19 August 2025–21 August 2025."
    assert day_errors(event) == {(1, 3): [message]}

    event.body = agenda(datetime.date(2025, 8, 18))
    assert day_errors(event) == {(1, 0): [message]}
    event.body = agenda(datetime.date(2025, 8, 19), datetime.date(2025, 8, 21), None)
    assert day_errors(event) == {}


def test_agenda_days_are_the_events_own_days(series):
    # 23:30 to 01:00 in Oslo is 21:30 to 23:00 in UTC, on one day; in Oslo it spans two.
    start = datetime.datetime(2025, 8, 19, 23, 30, tzinfo=OSLO).astimezone(datetime.UTC)
    event = EventPageFactory(
        parent=series, start=start, end=start + 90 * datetime.timedelta(minutes=1)
    )
    event.body = agenda(datetime.date(2025, 8, 19), datetime.date(2025, 8, 20))
    assert day_errors(event) == {}
    event.body = agenda(datetime.date(2025, 8, 18))
    assert list(day_errors(event)) == [(1, 0)]


# Status


def test_cancelled_event_keeps_its_date(series):
    event = EventPageFactory(parent=series)
    event.status = EventStatus.CANCELLED
    event.status_note = "Avlyst på grunn av sykdom."
    event.save_revision().publish()

    event = EventPage.objects.get(pk=event.pk)
    event.start += DAY
    event.end += DAY
    message = errors_of(event)["start"][0]
    assert "cancelled event keeps its original date" in message
    assert "“Rescheduled” or “Postponed”" in message


@pytest.mark.parametrize("status", [EventStatus.RESCHEDULED, EventStatus.POSTPONED])
def test_moved_event_remembers_its_previous_start(series, status):
    event = EventPageFactory(parent=series)
    original_start = event.start

    event.status = status
    event.start += DAY
    event.end += DAY
    event.save_revision().publish()

    event = EventPage.objects.get(pk=event.pk)
    assert event.start == original_start + DAY
    assert event.previous_start == original_start


def test_scheduled_event_moves_without_a_previous_start(series):
    event = EventPageFactory(parent=series)
    event.start += DAY
    event.end += DAY
    event.save_revision().publish()
    assert EventPage.objects.get(pk=event.pk).previous_start is None


# Admission


def test_price_is_required_unless_admission_is_free(series):
    event = EventPageFactory(parent=series)
    event.is_free = False
    assert errors_of(event)["price"] == ["Give the price, or tick “free admission”."]
    event.price = "200 kr, studenter gratis"
    assert errors_of(event) == {}


def test_registration_link_is_required_when_registration_is(series):
    event = EventPageFactory(parent=series)
    event.registration_required = True
    assert errors_of(event)["registration_url"] == ["Give the address where people register."]
    event.registration_url = "https://påmelding.example.org/debatt"
    assert errors_of(event) == {}


# People in an event


@pytest.mark.parametrize(
    ("role", "label"),
    [
        (Role.MODERATOR, "moderator"),
        (Role.PARTICIPANT, "participant"),
        (Role.SPEAKER, "speaker"),
        (Role.HOST, "host"),
    ],
)
def test_people_on_stage_need_a_person_page(role, label):
    row = EventPerson(role=role, name="Ola Nordmann")
    assert errors_of(row, "clean") == {
        "person": [f"Choose the person: a {label} needs a person page."]
    }


def test_contact_person_needs_a_phone_number_or_an_email_address():
    row = EventPerson(role=Role.CONTACT, name="Ola Nordmann")
    assert errors_of(row, "clean") == {
        "phone": ["A contact person needs a phone number or an email address."]
    }
    row.email = "ola.nordmann@example.org"
    assert errors_of(row, "clean") == {}


def test_contact_person_needs_a_name():
    row = EventPerson(role=Role.CONTACT, phone="+47 400 00 000")
    assert errors_of(row, "clean") == {"name": ["Choose the contact person or give their name."]}


def test_contact_person_page_supplies_phone_and_email(people_index):
    person = PersonPageFactory(parent=people_index, phone="+47 400 00 123", email="")
    row = EventPerson(role=Role.CONTACT, person=person)
    assert errors_of(row, "clean") == {}
    assert (row.name, row.phone) == (person.full_name, "+47 400 00 123")


def test_event_keeps_the_title_and_organisation_a_person_had_then(series, people_index):
    then_employer = OrganisationFactory(name="Helsedirektoratet")
    person = PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Seniorrådgiver",
        organisation=then_employer,
        phone="+47 400 00 001",
        email="ingrid.berg@example.org",
    )
    event = EventPageFactory(
        parent=series, people=[(person, Role.CONTACT), (person, Role.MODERATOR)]
    )
    contact, moderator = event.people_in_event
    assert (contact.name, contact.title, contact.organisation) == (
        "Ingrid Berg",
        "Seniorrådgiver",
        then_employer,
    )
    assert (contact.phone, contact.email) == ("+47 400 00 001", "ingrid.berg@example.org")
    # Only a contact person's phone and email are copied into the event.
    assert (moderator.phone, moderator.email) == ("", "")

    person.job_title = "Direktør"
    person.organisation = OrganisationFactory(name="Kommunenes interesseorganisasjon")
    person.phone = "+47 400 00 999"
    person.save_revision().publish()
    add_people(event, people=[PersonPageFactory(parent=people_index)])  # the event is saved again

    contact = EventPage.objects.get(pk=event.pk).people_in_event[0]
    assert (contact.title, contact.organisation, contact.phone) == (
        "Seniorrådgiver",
        then_employer,
        "+47 400 00 001",
    )


def test_title_typed_for_the_event_wins_over_the_persons(series, people_index):
    person = PersonPageFactory(parent=people_index, job_title="Seniorrådgiver")
    event = EventPageFactory(
        parent=series,
        people=[{"person": person, "role": Role.SPEAKER, "title": "Leder av utvalget"}],
    )
    assert event.people_in_event[0].title == "Leder av utvalget"


# Person pages


def test_person_page_title_and_slug_come_from_the_name(people_index):
    person = PersonPageFactory(parent=people_index, given_name="Åse", family_name="Ødegård")
    assert (person.title, person.slug) == ("Åse Ødegård", "ase-odegard")
    assert person.url == "/personer/ase-odegard/"

    person.family_name = "Ødegård Lie"
    person.save_revision().publish()
    person = PersonPage.objects.get(pk=person.pk)
    assert person.title == "Åse Ødegård Lie"
    # The address stays, so links to the page keep working.
    assert person.slug == "ase-odegard"


def test_people_with_the_same_name_get_addresses_of_their_own(people_index):
    first = PersonPageFactory(parent=people_index, given_name="Bjørn", family_name="Sæther")
    second = PersonPageFactory(parent=people_index, given_name="Bjørn", family_name="Sæther")
    assert (first.slug, second.slug) == ("bjorn-saether", "bjorn-saether-2")


def test_draft_person_page_is_named_too(people_index):
    person = PersonPageFactory(
        parent=people_index, given_name="Kari", family_name="Holm", publish=False
    )
    assert (person.title, person.slug, person.live) == ("Kari Holm", "kari-holm", False)


# Accessibility


def test_accessibility_falls_back_to_the_venue(series):
    venue = VenueFactory(
        wheelchair_accessible=True,
        accessible_toilet=False,
        hearing_loop=True,
        accessibility_note="Heis fra bakgården.",
    )
    event = EventPageFactory(parent=series, venue=venue)
    assert event.accessibility == {
        "wheelchair_accessible": True,
        "accessible_toilet": False,
        "hearing_loop": True,
        "sign_language_interpreting": False,
        "note": "Heis fra bakgården.",
    }


def test_accessibility_set_on_the_event_wins(series):
    venue = VenueFactory(wheelchair_accessible=True, accessible_toilet=False, hearing_loop=True)
    event = EventPageFactory(
        parent=series,
        venue=venue,
        wheelchair_accessible=False,
        accessible_toilet=True,
        sign_language_interpreting=True,
        accessibility_note="Scenen flyttes til foajeen.",
    )
    assert event.accessibility == {
        "wheelchair_accessible": False,
        "accessible_toilet": True,
        "hearing_loop": True,
        "sign_language_interpreting": True,
        "note": "Scenen flyttes til foajeen.",
    }


def test_accessibility_without_venue_claims_nothing(series):
    event = EventPageFactory(parent=series, venue=None)
    assert event.accessibility == {
        "wheelchair_accessible": False,
        "accessible_toilet": False,
        "hearing_loop": False,
        "sign_language_interpreting": False,
        "note": "",
    }


# Venues


def test_coordinates_out_of_range_name_the_field(locale_nb):
    venue = Venue(name="Langt nord", locale=locale_nb, latitude=Decimal("91"), longitude=181)
    errors = errors_of(venue)
    assert errors["latitude"] == ["Latitude must be between -90 and 90."]
    assert errors["longitude"] == ["Longitude must be between -180 and 180."]


def test_latitude_needs_a_longitude(locale_nb):
    venue = Venue(name="Halvveis", locale=locale_nb, latitude=Decimal("58.46"))
    assert errors_of(venue) == {"longitude": ["Give both latitude and longitude, or neither."]}
    venue.longitude = Decimal("8.77")
    assert errors_of(venue) == {}


# Snippet slugs


@pytest.mark.parametrize(
    ("name", "slug"),
    [
        ("Helse og omsorg", "helse-og-omsorg"),
        ("Grønn omstilling", "gronn-omstilling"),
        ("Sjømat, næring og kyst", "sjomat-naering-og-kyst"),
        ("Å", "a"),
        ("Čáhcegáddi og Ŋuorra", "cahcegaddi-og-nguorra"),
    ],
)
def test_snippet_slug_is_made_from_the_name(locale_nb, name, slug):
    assert TopicFactory(name=name).slug == slug
    topic = Topic(name=name, locale=locale_nb, slug="")
    assert errors_of(topic) == {"slug": ["Another entry in this language uses this slug."]}


def test_snippet_slug_given_by_the_editor_is_kept():
    OrganisationFactory(name="Norges teknisk-naturvitenskapelige universitet", slug="ntnu")
    assert Organisation.objects.get().slug == "ntnu"


def test_snippet_name_without_letters_is_refused(locale_nb):
    topic = Topic(name="—", locale=locale_nb)
    assert errors_of(topic) == {"name": ["The name needs at least one letter or digit."]}


def test_snippet_slug_is_unique_per_language(locale_nb, locale_en):
    health = TopicFactory(name="Helse")
    # Another language may use the slug for a different topic...
    assert errors_of(Topic(name="Helse", locale=locale_en)) == {}
    # ...a translation keeps its source's slug, so filters work in both languages...
    translation = health.copy_for_translation(locale_en)
    translation.name = "Health"
    assert errors_of(translation) == {}
    assert translation.slug == "helse"
    # ...but another topic in the same language may not have it.
    clash = Topic(name="Helse", locale=locale_nb)
    assert errors_of(clash) == {"slug": ["Another entry in this language uses this slug."]}


# In Norwegian


def test_messages_in_norwegian_bokmal(series, locale_nb):
    """What an editor with the admin in Norwegian reads.

    The expected texts are the nb catalogue's (wagtail_events/locale/nb); check them against it
    when the catalogue changes.
    """
    event = EventPageFactory(parent=series)
    event.end = event.start
    event.is_free = False
    event.registration_required = True
    venue = Venue(name="Langt nord", locale=locale_nb, latitude=Decimal("91"))
    with translation.override("nb"):
        event_errors = errors_of(event)
        venue_errors = errors_of(venue)
        moderator_errors = errors_of(EventPerson(role=Role.MODERATOR, name="Ola"), "clean")
        contact_errors = errors_of(EventPerson(role=Role.CONTACT, name="Ola"), "clean")
    assert event_errors == {
        "end": ["Arrangementet må slutte etter at det starter."],
        "price": ["Oppgi prisen, eller kryss av for «gratis adgang»."],
        "registration_url": ["Oppgi adressen der folk melder seg på."],
    }
    assert venue_errors == {
        "latitude": ["Breddegraden må være mellom -90 og 90."],
        "longitude": ["Oppgi både breddegrad og lengdegrad, eller ingen av dem."],
    }
    assert moderator_errors == {"person": ["Velg personen: en ordstyrer må ha en personside."]}
    assert contact_errors == {
        "phone": ["En kontaktperson må ha telefonnummer eller e-postadresse."]
    }

    event = EventPage.objects.get(pk=event.pk)
    event.status = EventStatus.CANCELLED
    event.save_revision().publish()
    event = EventPage.objects.get(pk=event.pk)
    event.start += DAY
    with translation.override("nb"):
        assert errors_of(event)["start"] == [
            "Et avlyst arrangement beholder den opprinnelige datoen. For å flytte det, "
            "velg statusen «Flyttet» eller «Utsatt»."
        ]
