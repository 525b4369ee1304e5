"""Chromium, axe-core, a live server and the content the browser tests start from."""

import io
import os
import re
import threading
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
BROWSER_DIR = Path(__file__).parent
# Installed by `make test` (npm ci, at the version package-lock.json pins).
AXE_SCRIPT = Path(
    os.environ.get("AXE_CORE_PATH", BROWSER_DIR.parents[1] / "node_modules/axe-core/axe.min.js")
)
# WCAG 2.0 and 2.1, levels A and AA: what public bodies in Norway are held to.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_failed_key = pytest.StashKey[bool]()


class _OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, answering one request at a time when it shares the tests' in-memory
    SQLite connection.

    Pages such as wagtail-localize's editor send several requests at once, and two threads
    using that one connection together fail at random ("bad parameter or other API misuse").
    Connections are still kept open in threads of their own; only the answering waits.
    """

    def set_app(self, application):
        if not self.connections_override:  # a server database: each thread has its own
            return super().set_app(application)
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):
            with lock:
                return application(environ, start_response)

        return super().set_app(one_at_a_time)


LiveServerThread.server_class = _OneRequestAtATimeServer

# The live server listens on the loopback interface only, unless the run says otherwise.
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if BROWSER_DIR in item.path.parents:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def _database(transactional_db_as_migrated):
    """The live server answers from other threads, so the tests' data is committed."""


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    # Lets the page fixture know, at teardown, whether the test itself failed.
    if report.when == "call":
        item.stash[_failed_key] = report.failed
    return report


def _unavailable(reason):
    """Skip on a developer's machine; fail under CI, where a skipped browser test proves nothing."""
    if os.environ.get("CI") == "true":
        pytest.fail(reason, pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("the playwright package is not installed: pip install -e '.[test]'")
    if not Path(CHROMIUM).is_file():
        _unavailable("Debian's chromium is not installed: apt-get install chromium")

    # Playwright's sync API keeps an asyncio loop running in the main thread for as long as it is
    # started, and Django then refuses every ORM call from that thread, the test database's
    # set-up and flush included. The tests' calls are ordinary blocking ones made between
    # browser steps, not coroutines, so the guard is lifted while Playwright runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def expect(chromium):
    """Playwright's web-first assertions, which wait for the page to catch up."""
    from playwright.sync_api import expect

    return expect


@pytest.fixture(scope="session")
def axe(chromium):
    """A function that runs axe-core's WCAG 2.1 A and AA rules on a tab's current page.

    It returns the violations as axe reports them: dicts with ``id``, ``impact``, ``help``,
    ``helpUrl`` and ``nodes`` (each with its CSS ``target`` and ``failureSummary``).
    """
    if not AXE_SCRIPT.is_file():
        _unavailable(f"axe-core is not installed ({AXE_SCRIPT} is missing): run `npm ci`")

    def run(tab):
        tab.add_script_tag(path=AXE_SCRIPT)
        results = tab.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        return results["violations"]

    return run


@pytest.fixture
def page(request, chromium, live_server):
    """A fresh browser tab on the live server; a screenshot is kept when the test fails."""
    context = chromium.new_context(base_url=live_server.url)
    context.set_default_timeout(10_000)
    # Nothing leaves the machine (avatars, Wagtail's update check): tests run offline and alike.
    outside = re.compile(rf"^(?!{re.escape(live_server.url)}/)")
    context.route(outside, lambda route: route.abort())
    tab = context.new_page()
    yield tab
    if request.node.stash.get(_failed_key, False):
        artifacts = request.config.rootpath / "test-artifacts"
        artifacts.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        tab.screenshot(path=artifacts / f"{name}.png", full_page=True)
    context.close()


@pytest.fixture
def demo_site(live_server):
    """The example site as `make demo` fills it: the programme in Bokmål and English."""
    from django.core.management import call_command

    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def short_pages(monkeypatch):
    """Three events a page, so the demo programme needs pagination."""
    from wagtail_events.models import EventIndexPage

    monkeypatch.setattr(EventIndexPage, "events_per_page", 3, raising=False)


@pytest.fixture
def programme(live_server):
    """A site with the Arendalsuka 2025 programme, two people and a venue, and an editor."""
    from django.contrib.auth import get_user_model
    from wagtail.models import Locale, Page, Site
    from wagtail.users.models import UserProfile

    from example_project.home.models import HomePage
    from wagtail_events.models import EventIndexPage, PersonIndexPage, PersonPage, Venue

    nb = Locale.get_default()
    Locale.objects.get_or_create(language_code="en")

    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Arrangementer", slug="arrangementer")
    )
    Site.objects.all().delete()
    # The live server's host and port, so links the admin shows lead back to it.
    host, port = live_server.url.removeprefix("http://").rsplit(":", 1)
    Site.objects.create(
        hostname=host, port=int(port), root_page=home, is_default_site=True, site_name="Arendal"
    )

    programme_index = home.add_child(
        instance=EventIndexPage(title="Arendalsuka 2025", slug="arendalsuka-2025")
    )
    people_index = home.add_child(instance=PersonIndexPage(title="Personer", slug="personer"))
    moderator = people_index.add_child(
        instance=PersonPage(
            given_name="Eiliv", family_name="Flakne", job_title="Journalist", slug="eiliv-flakne"
        )
    )
    participant = people_index.add_child(
        instance=PersonPage(
            given_name="Trond", family_name="Utne", job_title="Rådgiver", slug="trond-utne"
        )
    )
    for person in (moderator, participant):
        person.save_revision().publish()
    venue = Venue.objects.create(name="Arendal kulturhus", city="Arendal", locale=nb)

    editor = get_user_model().objects.create_superuser(
        username="redaktor", email="redaktor@example.org", password="riktig-hest-batteri"
    )
    # Wagtail's own English labels, whatever the state of the Bokmål catalogue.
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()

    return SimpleNamespace(
        index=programme_index,
        moderator=moderator,
        participant=participant,
        venue=venue,
        username="redaktor",
        password="riktig-hest-batteri",
    )
