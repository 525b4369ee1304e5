"""Fixtures shared by the test suite: locales, a small site tree and a logged-in administrator."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from wagtail.models import AbstractPage, Locale, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests import factories
from wagtail_events.base_page import page_model
from wagtail_events.models import EventIndexPage, PersonIndexPage

TESTS_DIR = Path(__file__).resolve().parent
# Under tests.settings_swapped (a site that swaps Wagtail's base page and builds its own event
# pages) these modules run against its pages. Between them they render every output (event,
# index and person pages with their JSON-LD and meta tags, the events and people APIs, Wagtail's
# API v2, calendars, feeds, the widget, the sitemap and search), check the leak and escaping
# rules, the personal-data commands and generate_events. Left out: the admin's (wagtail-localize
# 1.14's page hooks query wagtail.models.Page, so the page editor fails on a swapped base page),
# the demo and upgrade tests (the example project's home page is a Page), the browser tests and
# the package-wide checks that don't depend on the pages. tests/swapped_tests runs only here.
SWAPPED_MODULES = {
    "test_api.py",
    "test_api_v2.py",
    "test_calendar.py",
    "test_embed.py",
    "test_feeds.py",
    "test_generate.py",
    "test_index.py",
    "test_jsonld.py",
    "test_leaks.py",
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
    root = page_model().get_first_root_node()
    home_page = factories.home_page_model()(title="Forside", slug="forside", locale=locale_nb)
    home = root.add_child(instance=home_page)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    page_model().objects.filter(depth=2).exclude(pk=home.pk).delete()
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
