"""Data several tests start from, built by plain functions so that fixtures of any scope share them.

A function-scoped fixture calls a builder inside the test's own transaction. Data that a group
of tests only reads is built once for the group instead, by a class- or module-scoped fixture::

    @pytest.fixture(scope="class")
    def site(django_db_setup, django_db_blocker):
        with shared_data(django_db_blocker):
            yield build_something()

Each test then runs in a savepoint inside that transaction, as with Django's
``setUpTestData``: what a test changes is undone after it, and the data after the group. Scope
the fixture to a class whose tests all use it: a test of the module that does not would find
the data too, and pass or fail depending on whether it ran before or after the group.
"""

import copy
import datetime
import io
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import AbstractPage, Locale, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests import factories
from wagtail_events.base_page import page_model
from wagtail_events.images import IMAGE_RENDITIONS
from wagtail_events.models import EventIndexPage, PersonIndexPage, Role

# Shared data numbers what factories generate from here, the tests' own objects from 0, so
# that their names and slugs never clash.
SHARED_SEQUENCE_START = 1000


@contextmanager
def shared_data(django_db_blocker):
    """A transaction for data built once for several tests, rolled back after the last of them."""
    with django_db_blocker.unblock(), transaction.atomic():
        factories.reset_sequences(SHARED_SEQUENCE_START)
        yield
        transaction.set_rollback(True)


def fresh(data):
    """A copy of shared data for one test: what a test changes on the objects in memory ends
    with it, as its changes in the database do (Django's setUpTestData copies them alike)."""
    return copy.deepcopy(data)


def locales():
    """Norwegian Bokmål (the default, made by Wagtail's migrations) and English."""
    return Locale.get_default(), Locale.objects.get_or_create(language_code="en")[0]


def home_page():
    """The Norwegian home page, root of the default site (it replaces Wagtail's welcome page)."""
    nb, _en = locales()
    root = page_model().get_first_root_node()
    home_page = factories.home_page_model()(title="Forside", slug="forside", locale=nb)
    home = root.add_child(instance=home_page)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    page_model().objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


def events_index(home):
    return home.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))


def series(index):
    return index.add_child(
        instance=EventIndexPage(title="Arendalsuka 2025", slug="arendalsuka-2025")
    )


def people_index(home):
    return home.add_child(instance=PersonIndexPage(title="Personer", slug="personer"))


def site_tree():
    """The tree the fixtures of the same names give: home, events index, series, people index."""
    home = home_page()
    index = events_index(home)
    return SimpleNamespace(
        home=home, events_index=index, series=series(index), people_index=people_index(home)
    )


def tree_fixtures():
    """The site tree built once for a module, given by fixtures of the conftest's names.

    A module whose tests start from the tree but add what they need to it takes them with::

        shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

    ``shared_tree`` is used by every test of the module, whether it asks for the pages or
    not, so that each finds the same database whatever ran before it. What a test adds is
    undone after it (see :func:`shared_data`); data shared by a class of the module is built
    on this tree.
    """

    @pytest.fixture(scope="module", autouse=True)
    def shared_tree(django_db_setup, django_db_blocker):
        with shared_data(django_db_blocker):
            yield site_tree()

    @pytest.fixture
    def home_page(shared_tree, db):
        return fresh(shared_tree.home)

    @pytest.fixture
    def events_index(shared_tree, db):
        return fresh(shared_tree.events_index)

    @pytest.fixture
    def series(shared_tree, db):
        return fresh(shared_tree.series)

    @pytest.fixture
    def people_index(shared_tree, db):
        return fresh(shared_tree.people_index)

    return shared_tree, home_page, events_index, series, people_index


def admin_user():
    """A superuser whose admin speaks English, so admin assertions don't depend on catalogues.

    Same username and password as pytest-django's fixture of that name.
    """
    user = get_user_model().objects.create_superuser(
        username="admin",
        email="admin@example.org",
        password="password",
        first_name="Kari",
        last_name="Nordmann",
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def admin_client(user):
    client = Client()
    client.force_login(user)
    return client


def translate_into_english(client, obj, english):
    """Translate a page or snippet into English as an editor would, and publish it.

    ``client`` is logged in to the admin. Each text of ``obj`` is translated with the
    ``english`` dict (source text -> English); a text missing from it fails the test, so new
    translatable fields get noticed. Returns the English object.
    """
    _nb, locale_en = locales()
    if isinstance(obj, AbstractPage) and factories.base_page_swapped():
        # Its views and models look pages up as wagtail.models.Page and tell them from
        # snippets with isinstance(..., Page), which a swapped base page is not.
        pytest.skip("wagtail-localize 1.14 cannot translate pages on a swapped base page")
    if isinstance(obj, AbstractPage):
        url = reverse("wagtail_localize:submit_page_translation", args=(obj.pk,))
    else:
        opts = obj._meta
        url = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=(opts.app_label, opts.model_name, obj.pk),
        )
    response = client.post(url, {"locales": [locale_en.pk]})
    assert response.status_code == 302

    translation = Translation.objects.get(
        source__object_id=obj.translation_key, target_locale=locale_en
    )
    segments = StringSegment.objects.filter(source=translation.source).select_related(
        "string", "context"
    )
    untranslated = [s.string.data for s in segments if s.string.data not in english]
    assert untranslated == [], "Give these texts in English too"
    for segment in segments:
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale_en,
            context=segment.context,
            defaults={"data": english[segment.string.data]},
        )
    # wagtail-localize publishes pages once the database transaction commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=True)
    return obj.get_translation(locale_en)


# The questions of translated_event()'s body, and how the translator put them.
QUESTIONS = {
    "Hvem skal betale for å klimatilpasse kommunene?": (
        "Who should pay to prepare municipalities for a changing climate?"
    ),
    "Hva må staten gjøre annerledes?": "What must the state do differently?",
}

# Every Norwegian text of translated_event() that an editor can translate, with the English a
# translator typed in.
IN_ENGLISH = {
    # The event
    "Hvem tar regningen for klimatilpasningen?": "Who pays for climate adaptation?",
    "hvem-tar-regningen": "who-pays",
    "Kommunene må ruste seg for mer ekstremvær. Men hvem skal betale?": (
        "Municipalities must prepare for more extreme weather. But who should pay?"
    ),
    "I debatten spør vi:": "In this debate we ask:",
    **QUESTIONS,
    "Tegnspråktolk på scenen.": "Sign-language interpreter on stage.",
    # Titles the people had at this event
    "Nyhetsredaktør": "News editor",
    "Seniorrådgiver": "Senior adviser",
    "Kommunikasjonsrådgiver": "Communications adviser",
    # The moderator's page
    "Ingrid Berg": "Ingrid Berg",
    "ingrid-berg": "ingrid-berg",
    "Ingrid har ledet debatter i tjue år.": "Ingrid has chaired debates for 20 years.",
    # Snippets
    "Folkehelseinstituttet": "Norwegian Institute of Public Health",
    "FHI": "NIPH",
    "Helse Midt-Norge RHF": "Central Norway Health Trust",
    "HMN": "HMN",
    "Agderposten": "The Agder Post",
    "Arendal kulturhus": "Arendal Culture House",
    "Arendal": "Arendal",
    "Norge": "Norway",
    "Trinnfri inngang fra torget.": "Step-free entrance from the square.",
    "Debatt": "Debate",
    "Klima": "Climate",
    "Kommuneøkonomi": "Local government finance",
}


def translated_event(tree=None):
    """A Norwegian event with people, translated into English as an editor would.

    On the site ``tree`` (a new one by default, see :func:`site_tree`; pass a fresh copy of a
    shared one), by the editor ``editor`` (:func:`admin_user`): the debate ``event`` in the
    series, with questions in its body, an accessibility note, a venue, an event type, two
    topics and two organisers (Folkehelseinstituttet and Helse Midt-Norge RHF), and three
    people: the ``moderator`` Ingrid Berg (news editor at Agderposten, with a biography and a
    public phone number), the ``speaker`` Trond Utne (senior adviser at Helse Midt-Norge RHF)
    and the public contact Siri Dahl, who has no person page and came from Arendal kommune.
    The event, its snippets, the moderator's page and Agderposten are translated with
    :data:`IN_ENGLISH` (``english_event``, ``english_moderator``); the speaker's page and
    Arendal kommune are not.
    """
    tree = tree or site_tree()
    editor = admin_user()
    client = admin_client(editor)
    health_trust = factories.OrganisationFactory(
        name="Helse Midt-Norge RHF", short_name="HMN", url=""
    )
    moderator = factories.PersonPageFactory(
        parent=tree.people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Nyhetsredaktør",
        organisation=factories.OrganisationFactory(name="Agderposten", short_name=""),
        bio="<p>Ingrid har ledet debatter i tjue år.</p>",
        phone="+47 400 00 321",
        phone_public=True,
        email="ingrid.berg@example.org",
        email_public=False,
    )
    speaker = factories.PersonPageFactory(
        parent=tree.people_index,
        given_name="Trond",
        family_name="Utne",
        job_title="Seniorrådgiver",
        organisation=health_trust,
    )
    start = factories.noon(10)
    event = factories.EventPageFactory(
        parent=tree.series,
        title="Hvem tar regningen for klimatilpasningen?",
        slug="hvem-tar-regningen",
        lead="Kommunene må ruste seg for mer ekstremvær. Men hvem skal betale?",
        start=start,
        end=start + datetime.timedelta(hours=1, minutes=30),
        body=[("questions", {"heading": "I debatten spør vi:", "questions": list(QUESTIONS)})],
        venue=factories.VenueFactory(name="Arendal kulturhus"),
        event_type=factories.EventTypeFactory(name="Debatt"),
        topics=[
            factories.TopicFactory(name="Klima"),
            factories.TopicFactory(name="Kommuneøkonomi"),
        ],
        organisers=[
            factories.OrganisationFactory(name="Folkehelseinstituttet", short_name="FHI"),
            health_trust,
        ],
        people=[
            (moderator, Role.MODERATOR),
            (speaker, Role.SPEAKER),
            {
                "role": Role.CONTACT,
                "name": "Siri Dahl",
                "title": "Kommunikasjonsrådgiver",
                "organisation": factories.OrganisationFactory(
                    name="Arendal kommune", short_name=""
                ),
                "email": "siri.dahl@example.org",
                "contact_public": True,
            },
        ],
        accessibility_note="Tegnspråktolk på scenen.",
    )

    def translate(obj):
        return translate_into_english(client, obj, IN_ENGLISH)

    english_event = translate(event)
    for snippet in (
        event.venue,
        event.event_type,
        *event.topics.all(),
        *(organiser.organisation for organiser in event.organisers.all()),
        moderator.organisation,
    ):
        translate(snippet)
    english_moderator = translate(moderator)
    return SimpleNamespace(
        **vars(tree),
        editor=editor,
        event=event,
        english_event=type(event).objects.get(pk=english_event.pk),
        moderator=moderator,
        english_moderator=english_moderator,
        speaker=speaker,
    )


class SharesTranslatedEvent:
    """A base for a test class whose tests read :func:`translated_event` (or change it inside
    their own savepoint): it is built once for the class on the module's shared tree (see
    :func:`tree_fixtures`), and each test gets ``data``, a fresh copy of it."""

    @pytest.fixture(scope="class")
    @classmethod
    def shared(cls, shared_tree, django_db_blocker):
        with shared_data(django_db_blocker):
            yield translated_event(fresh(shared_tree))

    @pytest.fixture
    def data(self, shared, db):
        return fresh(shared)


def small_image(n):
    """A small picture of its own, with the renditions the APIs offer already made."""
    buffer = io.BytesIO()
    PILImage.new("RGB", (64, 36), (n * 5 % 256, 90, 150)).save(buffer, "PNG")
    image = get_image_model().objects.create(
        title=f"Bilde {n}", file=ImageFile(buffer, name=f"bilde-{n}.png")
    )
    image.get_renditions(*IMAGE_RENDITIONS.values())
    return image


def english_copy(obj, **changes):
    """A published English copy of a page or snippet, as a translation leaves it: its links
    still point at the Norwegian objects. ``changes`` are set on the copy before it is saved."""
    _nb, en = locales()
    return translated_copy(obj, en, **changes)


def translated_copy(obj, locale, **changes):
    """:func:`english_copy` into any ``locale``. The pages above a page without a version in
    ``locale`` get one: an alias of theirs, live as they are, as when an editor translates a
    page into a new language."""
    if isinstance(obj, AbstractPage):
        copy = obj.copy_for_translation(locale, copy_parents=True)
        for name, value in changes.items():
            setattr(copy, name, value)
        factories.publish(copy)
        return type(obj).objects.get(pk=copy.pk)
    copy = obj.copy_for_translation(locale)
    for name, value in changes.items():
        setattr(copy, name, value)
    copy.save()
    return copy


# How many events the two programmes of sized_programmes() hold.
FEW, MANY = 5, 50


def sized_programmes():
    """Two programmes alike in everything but their size, for checking that an output costs
    the same queries at 5 events as at 50 (``tests/test_query_counts.py``).

    The series "liten" holds 5 upcoming events and "stor" 50. Every event has its picture, an
    agenda and questions, a venue and event type translated into English, a shared topic and
    one of its own, three organisers (one shared and translated, one per programme, one of its
    own) and five people: the programme's moderator (also its public contact), a shared
    speaker, a participant of its own with a portrait, and a contact without a person page.
    Each event, the shared speaker and the moderators have English versions. Each moderator
    also led events long over (2 and 20), in a third series with two more events, one with 2
    people and one with 20. Every person has a portrait, and an embed profile shows the shared
    organiser's events.
    """
    tree = site_tree()
    with factories.published_quickly():
        organisation = factories.OrganisationFactory(
            name="Helse Midt-Norge RHF", slug="helse-midt-norge"
        )
        english_copy(organisation, name="Central Norway Regional Health Authority")
        topic = factories.TopicFactory(name="Felles tema", slug="felles-tema")
        venue = factories.VenueFactory()
        event_type = factories.EventTypeFactory()
        for snippet in (topic, venue, event_type):
            english_copy(snippet)
        images = iter(small_image(n) for n in range(1000))

        def person(**fields):
            return factories.PersonPageFactory(
                parent=tree.people_index, portrait=next(images), **fields
            )

        speaker = person(given_name="Felles", family_name="Person", organisation=organisation)
        english_copy(speaker)
        # Looked up here: a site without the embed app builds its trees with this module too.
        from wagtail_events.embed.models import EmbedProfile

        profile = EmbedProfile(
            name="Helse Midt-Norge", slug="hmn", language="nb", organisers=[organisation]
        )
        profile.full_clean()
        profile.save()

        others = tree.events_index.add_child(instance=EventIndexPage(title="Andre", slug="andre"))
        programmes = {}
        for name, size in (("liten", FEW), ("stor", MANY)):
            index = tree.events_index.add_child(
                instance=EventIndexPage(title=name.capitalize(), slug=name)
            )
            moderator = person(given_name="Ordstyrer", family_name=name.capitalize())
            english_copy(moderator)
            organiser = factories.OrganisationFactory(slug=f"arrangor-{name}")
            events = []
            for n in range(size):
                start = factories.noon(1) + datetime.timedelta(hours=n)
                event = factories.EventPageFactory(
                    parent=index,
                    title=f"Seminar {name} {n}",
                    start=start,
                    end=start + datetime.timedelta(hours=1),
                    body=_agenda_naming(moderator),
                    image=next(images),
                    venue=venue,
                    event_type=event_type,
                    topics=[topic, factories.TopicFactory()],
                    organisers=[organisation, organiser, factories.OrganisationFactory()],
                    people=[
                        (moderator, Role.MODERATOR),
                        {"person": moderator, "role": Role.CONTACT, "contact_public": True},
                        (speaker, Role.SPEAKER),
                        person(organisation=factories.OrganisationFactory()),
                        {"role": Role.CONTACT, "name": "Siri Dahl", "email": "siri@example.org"},
                    ],
                )
                english_copy(event, title=f"Seminar {name} {n} (English)")
                events.append(event)
            for n in range(size * 2 // 5):
                factories.EventPageFactory(
                    parent=others,
                    title=f"Tidligere møte {name} {n}",
                    image=next(images),
                    people=[(moderator, Role.MODERATOR)],
                    organisers=[organisation],
                    start=factories.noon(-200 - n),
                    end=factories.noon(-200 - n) + datetime.timedelta(hours=1),
                )
            programmes[name] = SimpleNamespace(
                index=index, moderator=moderator, organiser=organiser, events=events
            )

        def event_with_people(how_many):
            half = how_many // 2
            start = factories.noon(60)
            event = factories.EventPageFactory(
                parent=others,
                title=f"Med {how_many} personer",
                image=next(images),
                start=start,
                end=start + datetime.timedelta(hours=1),
                body=_agenda_naming(speaker),
                venue=venue,
                event_type=event_type,
                # Shown in the same lists as the programmes' events, and alike but for people.
                topics=[topic, factories.TopicFactory()],
                organisers=[organisation, factories.OrganisationFactory()],
                people=[
                    (speaker, Role.SPEAKER),
                    *(person(organisation=organisation) for _ in range(half - 1)),
                    *(
                        {
                            "role": Role.CONTACT,
                            "name": f"Kontakt {n}",
                            "email": f"kontakt{n}@example.org",
                            "organisation": organisation,
                        }
                        for n in range(how_many - half)
                    ),
                ],
            )
            return event, english_copy(event, title=f"With {how_many} people")

        with_few_people, with_many_people = event_with_people(2), event_with_people(20)
    return SimpleNamespace(
        **vars(tree),
        organisation=organisation,
        topic=topic,
        speaker=speaker,
        profile=profile,
        others=others,
        few=programmes["liten"],
        many=programmes["stor"],
        with_few_people=with_few_people,
        with_many_people=with_many_people,
    )


def _agenda_naming(person):
    """An event body with questions, and an agenda and a call to action choosing the person."""
    return [
        {"type": "questions", "value": {"heading": "", "questions": ["Hvorfor?"]}},
        {
            "type": "agenda",
            "value": {
                "heading": "Program",
                "items": [
                    {
                        "type": "item",
                        "value": {
                            "start_time": "09:00:00",
                            "end_time": "09:30:00",
                            "title": "Velkommen",
                            "description": "",
                            "people": [{"type": "item", "value": person.pk}],
                        },
                    }
                ],
            },
        },
        {"type": "call_to_action", "value": {"text": "Møt oss", "page": person.pk, "url": ""}},
    ]
