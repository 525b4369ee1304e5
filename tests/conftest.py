"""Fixtures shared by the test suite: locales, a small site tree and a logged-in administrator."""

import json
from pathlib import Path

import pytest
import time_machine
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connections
from django.db.utils import load_backend
from django.utils import timezone, translation

from tests import builders, factories

# What puts the database back after a transactional test (see transactional_db_as_migrated).
_restore_key = pytest.StashKey[object]()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection_modifyitems(items):
    # Registered after pytest-randomly, this wrapper is outside it: what follows the yield runs
    # once the tests are shuffled and every conftest has marked its own.
    yield
    # The long tests (browser walks, the query-count check, the schema fuzzing) first: xdist
    # then hands the short ones out last, and the two workers finish together instead of one
    # waiting on a long test drawn at the end. The shuffled order stays within each group.
    items.sort(
        key=lambda item: (
            not any(item.iter_markers("slow")) and not any(item.iter_markers("browser"))
        )
    )
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
    """Each test database's connection, with what the migrations put in it serialized as for
    Django's serialized rollback.

    The settings are kept too: Django's connection objects are per context, and in some
    (Playwright's event loop, pytest's teardown hooks under xdist) the one there names the real
    database, not the test database. The content types come first: loading some rows looks a
    content type up, and one not loaded yet would be created under a new key, which the row
    loaded later then clashes with.
    """
    with django_db_blocker.unblock():
        serialized = {}
        for connection in connections.all():
            rows = json.loads(connection.creation.serialize_db_to_string())
            rows.sort(key=lambda row: row["model"] != "contenttypes.contenttype")
            # A copy of the settings as they are now, naming the test database just read.
            serialized[connection.alias] = (dict(connection.settings_dict), json.dumps(rows))
        return serialized


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
            for alias, (settings_dict, rows) in _migrated_rows.items():
                previous = connections[alias]
                # Flush and load through a connection to the test database read above, never
                # through one this context may have made from settings naming the real one.
                connection = load_backend(settings_dict["ENGINE"]).DatabaseWrapper(
                    dict(settings_dict), alias
                )
                connections[alias] = connection
                try:
                    # The flush at the test's end recreated content types and permissions under
                    # new keys; empty the tables again so the migrated ones come back with
                    # theirs. The sequences stay where they are, above the keys loaded back.
                    call_command(
                        "flush",
                        database=alias,
                        interactive=False,
                        inhibit_post_migrate=True,
                        reset_sequences=False,
                        verbosity=0,
                    )
                    # Content types cached from the flush's would be handed out with new keys.
                    ContentType.objects.clear_cache()
                    connection.creation.deserialize_db_from_string(rows)
                finally:
                    connection.close()
                    connections[alias] = previous
        ContentType.objects.clear_cache()

    request.node.stash[_restore_key] = restore


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    try:
        return (yield)
    finally:
        # Only now has the test's database fixture emptied the tables. After the last test the
        # test databases are gone, and nothing needs them.
        restore = item.stash.get(_restore_key, None)
        if restore is not None and nextitem is not None:
            restore()


TESTS_DIR = Path(__file__).resolve().parent
# Under tests.settings_swapped (a site that swaps Wagtail's base page and builds its own event
# pages) these modules run against its pages. Between them they render every output (event,
# index and person pages with their JSON-LD and meta tags, the events and people APIs, Wagtail's
# API v2, calendars, feeds, the widget, the sitemap and search), check the leak and escaping
# rules, the personal-data commands and generate_events. Left out: the admin's (wagtail-localize
# 1.14's page hooks query wagtail.models.Page, so the page editor fails on a swapped base page),
# the demo and upgrade tests (the example project's home page is a Page), the browser tests and
# the package-wide checks that don't depend on the pages, and the query-count check (the same
# read layer's queries, checked on both stacks and databases with the package's own pages).
# tests/swapped_tests runs only here.
SWAPPED_MODULES = {
    "test_api.py",
    "test_api_v2.py",
    "test_caching.py",
    "test_calendar.py",
    "test_embed.py",
    "test_feeds.py",
    "test_generate.py",
    "test_index.py",
    "test_jsonld.py",
    "test_leaks.py",
    "test_listing.py",
    "test_pages.py",
    "test_person_pages.py",
    "test_personal_data.py",
    "test_queries.py",
    "test_search.py",
    "test_seo.py",
    "test_xss.py",
}


def pytest_ignore_collect(collection_path, config):
    path = Path(collection_path).resolve()
    if path == TESTS_DIR or TESTS_DIR not in path.parents:
        return None
    in_swapped_tests = path.relative_to(TESTS_DIR).parts[0] == "swapped_tests"
    if not factories.base_page_swapped():
        return True if in_swapped_tests else None
    if in_swapped_tests or path.name in SWAPPED_MODULES:
        return None
    # Other helper modules are imported, never collected; the test app's folder holds none.
    return True


def pytest_runtest_setup(item):
    if (
        item.get_closest_marker("database_independent")
        and connections["default"].vendor != "sqlite"
    ):
        pytest.skip("checks what no database changes: it runs with the SQLite suite of the stack")


@pytest.fixture(autouse=True)
def _factory_sequences_start_at_zero():
    """Generated names and times depend on the test alone, not on the tests run before it."""
    factories.reset_sequences()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in the site's default language. A request through the test client runs
    in the test's own thread, and the locale middleware leaves its language active after it."""
    translation.deactivate()


@pytest.fixture(autouse=True)
def _empty_cache():
    """Cached API, feed and widget responses and the content version don't outlive a test."""
    cache.clear()


@pytest.fixture
def locale_nb(db):
    """Norwegian Bokmål, the default locale (created by Wagtail's migrations from LANGUAGE_CODE)."""
    return builders.locales()[0]


@pytest.fixture
def locale_en(db):
    return builders.locales()[1]


@pytest.fixture
def home_page(locale_nb, locale_en):
    return builders.home_page()


@pytest.fixture
def events_index(home_page):
    return builders.events_index(home_page)


@pytest.fixture
def series(events_index):
    return builders.series(events_index)


@pytest.fixture
def people_index(home_page):
    return builders.people_index(home_page)


@pytest.fixture
def admin_user(db):
    return builders.admin_user()


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def translate_into_english(admin_client, locale_en):
    """A function that translates a page or snippet into English as an editor would (see
    :func:`tests.builders.translate_into_english`). Returns the English object."""

    def translate(obj, english):
        return builders.translate_into_english(admin_client, obj, english)

    return translate


@pytest.fixture
def purged(settings):
    """The URLs purged from a CDN, recorded instead of sent (see tests/frontend_cache.py)."""
    from tests.frontend_cache import PURGED

    settings.WAGTAILFRONTENDCACHE = {
        "recorder": {"BACKEND": "tests.frontend_cache.RecordingBackend"}
    }
    PURGED.clear()
    yield PURGED
    PURGED.clear()


@pytest.fixture
def one_cache_period():
    """The clock stopped for the test. A cached answer's ETag names the ``CACHE_TIMEOUT``
    period it was made in, so a test that compares ETags across requests would see new ones
    whenever it ran over the end of a period."""
    with time_machine.travel(timezone.now(), tick=False):
        yield
