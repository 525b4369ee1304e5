"""Fixtures shared by the test suite: locales, a small site tree and a logged-in administrator."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.urls import reverse
from wagtail.models import Locale, Page, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from example_project.home.models import HomePage
from tests import factories
from wagtail_events.models import EventIndexPage, PersonIndexPage

# What puts the database back after a transactional test (see transactional_db_as_migrated).
_restore_key = pytest.StashKey[object]()


def pytest_collection_modifyitems(items):
    for item in items:
        names = item.fixturenames
        if ("live_server" in names or "transactional_db" in names) and (
            "transactional_db_as_migrated" not in names
        ):
            raise pytest.UsageError(
                f"{item.nodeid} commits to the database: give it the transactional_db_as_migrated"
                " fixture, or the tests after it lose the locales and pages migrations made"
            )


@pytest.fixture(scope="session")
def _migrated_rows(django_db_setup, django_db_blocker):
    """What the migrations put in each test database, as Django's serialized rollback keeps it.

    Kept here rather than read from the connection, whose object differs by context: inside
    Playwright's event loop the tests see other connection objects than the ones set up.
    """
    with django_db_blocker.unblock():
        return {c.alias: c.creation.serialize_db_to_string() for c in connections.all()}


@pytest.fixture
def transactional_db_as_migrated(request, transactional_db, _migrated_rows, django_db_blocker):
    """A database committed to for real, for code in other threads (the live server), which
    the tests after it still find as the migrations left it.

    A transactional test ends by emptying every table, the rows Wagtail's migrations made
    included: the default locale, the root page, the root collection, the editors' groups.
    After such a test (pytest_runtest_teardown below) they are loaded back, so that no test
    depends on whether one of these ran before it on the same worker.
    """

    def restore():
        with django_db_blocker.unblock():
            for alias, rows in _migrated_rows.items():
                # The flush at the test's end recreated content types and permissions under new
                # keys; empty the tables again so the migrated ones come back with theirs.
                call_command(
                    "flush",
                    database=alias,
                    interactive=False,
                    inhibit_post_migrate=True,
                    verbosity=0,
                )
                connections[alias].creation.deserialize_db_from_string(rows)
        ContentType.objects.clear_cache()

    request.node.stash[_restore_key] = restore


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # Only now has the test's database fixture emptied the tables.
        restore = item.stash.get(_restore_key, None)
        if restore is not None:
            restore()


@pytest.fixture(autouse=True)
def _factory_sequences_start_at_zero():
    """Generated names and times depend on the test alone, not on the tests run before it."""
    for factory in (
        factories.OrganisationFactory,
        factories.VenueFactory,
        factories.EventTypeFactory,
        factories.TopicFactory,
        factories.PersonPageFactory,
        factories.EventPageFactory,
    ):
        factory.reset_sequence()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached API, feed and widget responses and the content version don't outlive a test."""
    cache.clear()


@pytest.fixture
def locale_nb(db):
    """Norwegian Bokmål, the default locale (created by Wagtail's migrations from LANGUAGE_CODE)."""
    return Locale.get_default()


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def home_page(locale_nb, locale_en):
    """The Norwegian home page, root of the default site (it replaces Wagtail's welcome page)."""
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Forside", slug="forside", locale=locale_nb))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    Page.objects.filter(depth=2).exclude(pk=home.pk).delete()
    return home


@pytest.fixture
def events_index(home_page):
    return home_page.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))


@pytest.fixture
def series(events_index):
    return events_index.add_child(
        instance=EventIndexPage(title="Arendalsuka 2025", slug="arendalsuka-2025")
    )


@pytest.fixture
def people_index(home_page):
    return home_page.add_child(instance=PersonIndexPage(title="Personer", slug="personer"))


@pytest.fixture
def admin_user(db):
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


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def translate_into_english(admin_client, locale_en, django_capture_on_commit_callbacks):
    """A function that translates a page or snippet into English as an editor would.

    It submits the object for translation in the admin, translates each of its texts with the
    ``english`` dict (source text -> English; a text missing from it fails the test, so new
    translatable fields get noticed) and publishes the translation. Returns the English object.
    """

    def translate(obj, english):
        if isinstance(obj, Page):
            url = reverse("wagtail_localize:submit_page_translation", args=(obj.pk,))
        else:
            opts = obj._meta
            url = reverse(
                "wagtail_localize:submit_snippet_translation",
                args=(opts.app_label, opts.model_name, obj.pk),
            )
        response = admin_client.post(url, {"locales": [locale_en.pk]})
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
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return obj.get_translation(locale_en)

    return translate
