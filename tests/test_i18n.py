"""The one resolver that shows linked objects in a language, and the read objects it fills."""

import pytest
from django.utils.functional import cached_property
from wagtail.models import Locale

from tests.builders import english_copy
from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.i18n import one_version_each, versions_of
from wagtail_events.models import EventPage, Organisation, PersonPage, Role
from wagtail_events.queries import load_events, load_person_pages, public_events, public_pages

pytestmark = pytest.mark.django_db


def test_each_object_in_the_locale_where_translated_else_itself(
    locale_nb, locale_en, django_assert_num_queries
):
    translated = OrganisationFactory(name="Helse Midt-Norge RHF")
    english = english_copy(translated, name="Central Norway Health Trust")
    untranslated = OrganisationFactory(name="Agderposten")
    venue = VenueFactory(name="Arendal kulturhus")
    english_venue = english_copy(venue, name="Arendal Culture House")

    # One query per model and locale; objects already in the locale cost none.
    wanted = [(translated, locale_en), (untranslated, locale_en), (venue, locale_en.pk)]
    with django_assert_num_queries(2):
        versions = versions_of([*wanted, (english, locale_en), (None, locale_en)])

    with django_assert_num_queries(0):
        assert versions.of(translated, locale_en) == english
        assert versions.of(translated, locale_en.pk) == english
        assert versions.of(untranslated, locale_en) == untranslated
        assert versions.of(venue, locale_en) == english_venue
        assert versions.of(english, locale_en) == english
        # Not asked for in Norwegian: shown as it is.
        assert versions.of(english, locale_nb) == english
        assert versions.of(None, locale_en) is None


def test_lists_show_each_group_once_in_the_language_asked_else_the_default(locale_nb, locale_en):
    translated = OrganisationFactory(name="Helse Midt-Norge RHF")
    english = english_copy(translated, name="Central Norway Health Trust")
    norwegian_only = OrganisationFactory(name="Agderposten")
    english_only = OrganisationFactory(name="Oslo Science City", locale=locale_en)
    Locale.objects.create(language_code="nn")

    def listed(language_code):
        return sorted(one_version_each(Organisation.objects.all(), language_code), key=str)

    assert listed("en") == sorted([english, norwegian_only, english_only], key=str)
    assert listed("nb") == sorted([translated, norwegian_only, english_only], key=str)
    # Where the language has no version, the default language's comes before any other.
    assert listed("nn") == sorted([translated, norwegian_only, english_only], key=str)


@pytest.fixture
def english_event(series, people_index, locale_en):
    moderator = PersonPageFactory(parent=people_index, given_name="Ingrid", family_name="Berg")
    english_copy(moderator)
    employer = OrganisationFactory(name="Kommunesektorens organisasjon")
    english_copy(employer, name="Norwegian Association of Local and Regional Authorities")
    venue, event_type = VenueFactory(name="Arendal kulturhus"), EventTypeFactory(name="Debatt")
    english_copy(venue, name="Arendal Culture House")
    english_copy(event_type, name="Debate")
    topic = TopicFactory(name="Klima")
    english_copy(topic, name="Climate")
    event = EventPageFactory(
        parent=series,
        title="Debatt",
        venue=venue,
        event_type=event_type,
        topics=[topic, TopicFactory(name="Kommuneøkonomi")],
        organisers=[employer, OrganisationFactory(name="Agderposten")],
        people=[{"person": moderator, "role": Role.MODERATOR, "organisation": employer}],
    )
    return english_copy(event, title="Debate")


def test_events_come_with_their_links_in_their_language(english_event, locale_en):
    (event,) = load_events(public_events(locale_en))
    assert event.localized_venue.name == "Arendal Culture House"
    assert event.localized_event_type.name == "Debate"
    assert [topic.name for topic in event.localized_topics] == ["Climate", "Kommuneøkonomi"]
    assert [organisation.name for organisation in event.localized_organisers] == [
        "Norwegian Association of Local and Regional Authorities",
        "Agderposten",
    ]
    (row,) = event.people_in_event
    assert row.display_organisation.name == event.localized_organisers[0].name
    assert row.display_person.locale == locale_en
    assert event.series.locale == locale_en
    assert [page.locale.language_code for page in event.translations] == ["nb"]


def _read_properties(model):
    """The package's own properties of a model: what templates and renderers read."""
    return sorted(
        {
            name
            for klass in model.__mro__
            if klass.__module__.startswith("wagtail_events")
            for name, value in vars(klass).items()
            if isinstance(value, property | cached_property)
        }
    )


def test_what_the_read_layer_loads_is_read_without_another_query(
    english_event, locale_en, django_assert_num_queries
):
    # Every read property, whatever it is called, finds what it shows in what the read layer
    # gave: one that looked on its own would cost queries here, and per event in a list.
    (event,) = load_events(public_events(locale_en))
    (person,) = load_person_pages(public_pages(PersonPage, locale_en))
    row_model = type(event).event_people.rel.related_model
    assert "localized_venue" in _read_properties(EventPage)
    assert "display_person" in _read_properties(row_model)
    assert "localized_organisation" in _read_properties(PersonPage)
    with django_assert_num_queries(0):
        for name in _read_properties(EventPage):
            getattr(event, name)
        assert event.people_in_event
        for row in event.people_in_event:
            for name in _read_properties(row_model):
                getattr(row, name)
        for name in _read_properties(PersonPage):
            getattr(person, name)


def test_an_object_loaded_otherwise_is_resolved_alone_by_the_same_resolver(
    english_event, locale_en
):
    (loaded,) = load_events(public_events(locale_en))
    alone = EventPage.objects.get(pk=english_event.pk)
    assert alone.in_language == loaded.in_language
    assert [row.in_language for row in alone.people_in_event] == [
        row.in_language for row in loaded.people_in_event
    ]
    # A row read on its own too (its person page as the person's own model, not as a Page).
    (row,) = alone.event_people.all()
    shown = loaded.people_in_event[0].in_language
    assert row.in_language.organisation == shown.organisation
    assert row.in_language.person.pk == shown.person.pk

    (person,) = load_person_pages(public_pages(PersonPage, locale_en))
    assert PersonPage.objects.get(pk=person.pk).localized_organisation == (
        person.localized_organisation
    )
