"""factory_boy factories for the snippets and pages, with fictional Norwegian contact data.

Pages are created under the ``parent`` you pass, with ``add_child``, and published unless you
pass ``publish=False``::

    event = EventPageFactory(
        parent=series,
        people=[(moderator, Role.MODERATOR), {"person": contact, "role": Role.CONTACT}],
        organisers=[organisation],
        topics=[topic],
    )
    add_people(event, people=[speaker])  # later, as a new published revision

Code that needs many pages creates them inside ``with published_quickly():`` (from
:mod:`wagtail_events.testing.publishing`).
"""

import datetime
import zoneinfo
from decimal import Decimal

import factory
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale

from ..models import (
    EventOrganiser,
    EventPage,
    EventPerson,
    EventType,
    Organisation,
    PersonPage,
    Role,
    Topic,
    Venue,
)
from .publishing import add_page

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
# The first day of Arendalsuka 2025; generated events follow each other by the hour from here.
FIRST_DAY = datetime.datetime(2025, 8, 18, 9, 0, tzinfo=OSLO)


class SnippetFactory(DjangoModelFactory):
    class Meta:
        abstract = True

    locale = factory.LazyFunction(Locale.get_default)


class OrganisationFactory(SnippetFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"Eksempeletaten {n}")
    short_name = factory.Sequence(lambda n: f"EE{n}")
    url = factory.LazyAttribute(lambda o: f"https://{slugify(o.name)}.example.org/")


class VenueFactory(SnippetFactory):
    class Meta:
        model = Venue

    name = factory.Sequence(lambda n: f"Kulturhuset sal {n}")
    street_address = "Eksempelgata 1"
    postcode = "4836"
    city = "Arendal"
    latitude = Decimal("58.461000")
    longitude = Decimal("8.772000")
    wheelchair_accessible = True
    accessible_toilet = True
    hearing_loop = False
    accessibility_note = "Trinnfri inngang fra torget."


class EventTypeFactory(SnippetFactory):
    class Meta:
        model = EventType

    name = factory.Sequence(lambda n: f"Debatt {n}")


class TopicFactory(SnippetFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Tema {n}")


class PageFactory(DjangoModelFactory):
    """Creates the page as a child of ``parent`` and publishes it (``publish=False``: a draft)."""

    class Meta:
        abstract = True

    parent = None
    publish = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, publish=True, **kwargs):
        if parent is None:
            raise TypeError(f"{cls.__name__} needs parent=<the page to create it under>.")
        page = add_page(parent, cls._instantiate(model_class, *args, **kwargs), publish=publish)
        # Publishing saves a copy made from the revision; hand back what the database holds.
        return model_class.objects.get(pk=page.pk)

    @classmethod
    def _instantiate(cls, model_class, *args, **kwargs):
        return model_class(*args, **kwargs)


class PersonPageFactory(PageFactory):
    """A person page; its title and slug come from the name."""

    class Meta:
        model = PersonPage

    given_name = factory.Sequence(lambda n: f"Kari{n}")
    family_name = "Nordmann"
    job_title = "Seniorrådgiver"
    organisation = factory.SubFactory(OrganisationFactory)
    email = factory.LazyAttribute(
        lambda o: f"{slugify(o.given_name)}.{slugify(o.family_name)}@example.org"
    )
    phone = factory.Sequence(lambda n: f"+47 400 00 {n % 1000:03d}")


def _person_row(item):
    """An EventPerson from a PersonPage, a (person, role) pair or a dict of its fields."""
    if isinstance(item, EventPerson):
        return item
    if isinstance(item, PersonPage):
        return EventPerson(person=item, role=Role.PARTICIPANT)
    if isinstance(item, tuple):
        person, role = item
        return EventPerson(person=person, role=role)
    return EventPerson(**item)


def noon(days):
    """Noon on the day ``days`` from today in the site's zone, as an aware time.

    Events placed at noon never cross midnight, so tests about days pass whatever the hour
    they run at.
    """
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(12), tzinfo=timezone.get_current_timezone())


def attach(page, people=(), organisers=()):
    """Append people and organisers to an event in memory; saving the page stores them."""
    page.event_people.add(*(_person_row(item) for item in people))
    page.organisers.add(*(EventOrganiser(organisation=org) for org in organisers))


def add_people(event, people=(), organisers=(), publish=True):
    """Add people and organisers to an existing event, as a new (published) revision."""
    event = event.get_latest_revision_as_object()
    attach(event, people, organisers)
    revision = event.save_revision()
    if publish:
        revision.publish()
    return EventPage.objects.get(pk=event.pk)


class EventPageFactory(PageFactory):
    """An event in the series you pass as ``parent``; ``people``, ``organisers`` and ``topics``
    take lists (see :func:`_person_row` for the forms a person can take)."""

    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Debatt om digital helse {n}")
    lead = "Hva skal til for at gode piloter blir hverdag i kommunene?"
    start = factory.Sequence(lambda n: FIRST_DAY + datetime.timedelta(hours=n))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=1))
    venue = factory.SubFactory(VenueFactory)
    event_type = factory.SubFactory(EventTypeFactory)

    @classmethod
    def _instantiate(cls, model_class, *args, people=(), organisers=(), topics=(), **kwargs):
        page = model_class(*args, **kwargs)
        attach(page, people, organisers)
        page.topics.set(topics)
        return page


def reset_sequences(start=0):
    """Number every factory's generated names and times from ``start`` again, so that they
    depend on the test (or the shared data being built) alone."""
    for factory_class in (
        OrganisationFactory,
        VenueFactory,
        EventTypeFactory,
        TopicFactory,
        PersonPageFactory,
        EventPageFactory,
    ):
        factory_class.reset_sequence(start)
