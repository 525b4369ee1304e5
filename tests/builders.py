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
from contextlib import contextmanager
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from wagtail.models import AbstractPage, Locale, Site
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from tests import factories
from wagtail_events.base_page import page_model
from wagtail_events.models import EventIndexPage, PersonIndexPage

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
