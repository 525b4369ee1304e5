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

Tests that need many pages create them inside ``with published_quickly():``.
"""

import datetime
import zoneinfo
from collections import defaultdict
from contextlib import contextmanager
from decimal import Decimal

import factory
from django.apps import apps
from django.conf import settings
from django.db import connection
from django.db.models.signals import post_save
from django.test import override_settings
from django.utils import timezone
from django.utils.text import slugify
from factory.django import DjangoModelFactory
from wagtail.models import Locale, Revision
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from wagtail_events.base_page import page_model
from wagtail_events.conf import get_setting
from wagtail_events.models import (
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

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
# The first day of Arendalsuka 2025; generated events follow each other by the hour from here.
FIRST_DAY = datetime.datetime(2025, 8, 18, 9, 0, tzinfo=OSLO)
# True inside a published_quickly() block.
_quickly = False


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


def base_page_swapped():
    """True under tests.settings_swapped: WAGTAIL_PAGE_MODEL names a base page of the site's."""
    return getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page") != "wagtailcore.Page"


def home_page_model():
    """The site's home page type: the example project's, or the swapped test site's own
    (tests/settings_swapped.py), since a HomePage(Page) has no table when the base page is swapped.
    """
    if base_page_swapped():
        return apps.get_model("swapped", "HomePage")
    return apps.get_model("home", "HomePage")


def page_type(setting):
    """The ``type`` Wagtail's API v2 takes for one of the site's page models, e.g.
    ``page_type("EVENT_PAGE_MODEL")``: "app_label.ModelName", as the setting names it."""
    return get_setting(setting)


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
        page = cls._instantiate(model_class, *args, **kwargs)
        page.live = publish
        if publish and _quickly:
            _mark_published(page)
            parent.add_child(instance=page)
            _make_live_revision(page)
        else:
            parent.add_child(instance=page)
            revision = page.save_revision()
            if publish:
                revision.publish()
        # Publishing saves a copy made from the revision; hand back what the database holds.
        return model_class.objects.get(pk=page.pk)

    @classmethod
    def _instantiate(cls, model_class, *args, **kwargs):
        return model_class(*args, **kwargs)


@contextmanager
def published_quickly():
    """Pages created in the block come out as publishing leaves them, in about a third of the time.

    For tests that need 50 events to count queries. Each page is saved once, live, with its
    publication dates, people, organisers and topics, and its revision as the live one; what
    publishing does besides (the log entry, the page_published signal, the CDN purge) is
    skipped. What the block saves is indexed for search at its end, in bulk as update_index
    does, and gets no reference index entries (the admin's).
    """
    global _quickly
    assert not _quickly, "published_quickly() blocks don't nest"
    saved = defaultdict(set)

    def collect(sender, instance, raw=False, **kwargs):
        if not raw and index.class_is_indexed(sender):
            saved[sender].add(instance.pk)

    no_auto_update = {
        name: {**params, "AUTO_UPDATE": False}
        for name, params in settings.WAGTAILSEARCH_BACKENDS.items()
    }
    _quickly = True
    post_save.connect(collect, weak=False, dispatch_uid="tests.published_quickly")
    try:
        with (
            disable_reference_index_auto_update(),
            override_settings(WAGTAILSEARCH_BACKENDS=no_auto_update),
        ):
            yield
    finally:
        _quickly = False
        post_save.disconnect(dispatch_uid="tests.published_quickly")
    for model, pks in saved.items():
        for backend in get_search_backends(with_auto_update=True):
            backend.add_bulk(model, model.get_indexed_objects().filter(pk__in=pks))
    if connection.vendor == "postgresql":
        # Statistics for the new rows, as autovacuum keeps them on a live site: the tables were
        # analysed nearly empty, and PostgreSQL then plans the filter choices as nested loops
        # that take seconds for 50 events. ANALYZE sees this transaction's own rows.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def publish(page):
    """Publish a page made some other way, e.g. a copy for translation (quickly in the block)."""
    if _quickly:
        _mark_published(page)
        page.save()
        _make_live_revision(page)
    else:
        page.save_revision().publish()


def _mark_published(page):
    now = timezone.now()
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = page.first_published_at or now
    page.last_published_at = now


def _make_live_revision(page):
    """The revision publishing would have made live, from the page as saved."""
    revision = Revision.objects.create(
        content_object=page,
        base_content_type=page.get_base_content_type(),
        content=page.serializable_data(),
        object_str=str(page),
        created_at=page.last_published_at,
    )
    page_model().objects.filter(pk=page.pk).update(
        latest_revision=revision,
        live_revision=revision,
        latest_revision_created_at=revision.created_at,
    )


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
