"""One caching policy over every public output (``wagtail_events.outputs``): the same headers,
304 to a repeat, a new answer after a change, and CDN purges derived from the one list."""

import datetime
import re
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse
from django.utils import timezone

from tests.factories import EventPageFactory, OrganisationFactory, PersonPageFactory
from wagtail_events import outputs
from wagtail_events.api.views import api
from wagtail_events.embed import urls as embed_urls
from wagtail_events.models import EmbedProfile
from wagtail_events.outputs import (
    EVENT,
    EVENT_PAGE,
    INDEX_PAGE,
    OUTPUTS,
    PAGE_ROUTE,
    PERSON,
    PERSON_PAGE,
)
from wagtail_events.page_models import (
    event_index_page_model,
    event_page_model,
    person_page_model,
)

# The ETags compared across requests name the cache period: one period for each test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_cache_period")]

ROOT = "http://localhost"
# The API's own description of itself is no output of the programme.
NOT_OUTPUTS = {"api-root", "openapi-json", "openapi-view"}


@pytest.fixture
def site(series, people_index):
    """An upcoming event below a series, with a person and an organiser; an embed profile."""
    organiser = OrganisationFactory(name="Hemit", slug="hemit")
    person = PersonPageFactory(parent=people_index, given_name="Ingrid", family_name="Berg")
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)
    event = EventPageFactory(
        parent=series,
        title="Debatt",
        slug="debatt",
        lead="Ingress",
        start=start,
        end=start + datetime.timedelta(hours=1),
        organisers=[organiser],
        people=[person],
    )
    EmbedProfile.objects.create(
        name="Hemit", slug="hemit", language="nb", allowed_origins="https://www.hemit.no"
    )
    return SimpleNamespace(event=event, index=series, person=person, organiser=organiser)


def url_of(output, site):
    """The plain URL of ``output`` for the site's event, series and person."""
    if output.served_by == PAGE_ROUTE:
        page = {EVENT_PAGE: site.event, INDEX_PAGE: site.index, PERSON_PAGE: site.person}[
            output.keyed_on
        ]
        return page.url + page.reverse_subpage(output.route)
    args = {EVENT: [site.event.pk], PERSON: [site.person.pk]}.get(output.keyed_on, [])
    return reverse(f"{output.served_by}:{output.route}", args=args)


def events_settings(**changes):
    return override_settings(WAGTAIL_EVENTS={**getattr(settings, "WAGTAIL_EVENTS", {}), **changes})


def vary(response):
    return {name.strip().lower() for name in response.get("Vary", "").split(",")}


def test_the_list_names_every_output_the_package_serves():
    patterns, _app, namespace = api.urls
    served = {(namespace, pattern.name) for pattern in patterns} - {
        (namespace, name) for name in NOT_OUTPUTS
    }
    served |= {(embed_urls.app_name, pattern.name) for pattern in embed_urls.urlpatterns}
    listed = {(output.served_by, output.route) for output in OUTPUTS if output.served_by}
    assert {item for item in listed if item[0] != PAGE_ROUTE} == served

    page_keys = {
        event_page_model(): EVENT_PAGE,
        event_index_page_model(): INDEX_PAGE,
        person_page_model(): PERSON_PAGE,
    }
    routes = {
        (page_keys[model], pattern.name)
        for model in page_keys
        for pattern in model.get_subpage_urls()
        if pattern.name != "index_route"
    }
    assert {(o.keyed_on, o.route) for o in OUTPUTS if o.served_by == PAGE_ROUTE} == routes
    assert len({output.name for output in OUTPUTS}) == len(OUTPUTS)


def test_every_output_has_the_same_headers_and_answers_a_repeat_from_the_cache(client, site):
    for output in OUTPUTS:
        url = url_of(output, site)
        first = client.get(url)
        assert first.status_code == 200, output.name
        etag = first["ETag"]
        assert re.fullmatch(r'"[0-9a-f]{40}"', etag), output.name
        assert first["Cache-Control"] == "public, max-age=60", output.name
        assert "Last-Modified" not in first, output.name
        # No language prefix: the language could come from the browser, as LocaleMiddleware
        # says; only the API and widget are fetched across origins.
        cross_origin = output.served_by != PAGE_ROUTE
        assert vary(first) >= {"accept-language", *(["origin"] if cross_origin else [])}
        if not cross_origin:
            assert "origin" not in vary(first), output.name

        with CaptureQueriesContext(connection) as made:
            client.get(f"{url}?x=1")  # a new URL: built, not cached
        with CaptureQueriesContext(connection) as repeated:
            repeat = client.get(url)
        with CaptureQueriesContext(connection) as revalidated:
            not_modified = client.get(url, headers={"If-None-Match": etag})
        assert repeat.content == first.content, output.name
        assert repeat["ETag"] == etag, output.name
        assert repeat.get("Content-Type") == first.get("Content-Type"), output.name
        assert not_modified.status_code == 304, output.name
        assert not_modified.content == b""
        assert not_modified["ETag"] == etag
        assert vary(not_modified) == vary(first), output.name
        for queries in (repeated, revalidated):
            if cross_origin:
                assert len(queries) == 0, output.name
            else:
                # Wagtail finds the page; the calendar or feed is neither fetched nor built.
                assert len(queries) < len(made), output.name
        assert client.get(url, headers={"If-None-Match": '"stale"'}).status_code == 200

        with events_settings(CACHE_CONTROL="public, max-age=5"):
            assert client.get(url)["Cache-Control"] == "public, max-age=5", output.name


def _etags(client, site):
    return {output: client.get(url_of(output, site))["ETag"] for output in OUTPUTS}


def _shows(output):
    # The outputs a change to an event is purged from are those that show it.
    return outputs.EVENTS in output.purged_on


def test_publishing_and_unpublishing_an_event_change_every_answer(client, site):
    before = _etags(client, site)

    event = site.event.get_latest_revision_as_object()
    event.title = "Ny debatt"
    event.save_revision().publish()
    published = {}
    for output, etag in before.items():
        response = client.get(url_of(output, site), headers={"If-None-Match": etag})
        assert response.status_code == 200, output.name
        assert response["ETag"] != etag, output.name
        if _shows(output):
            assert "Ny debatt" in response.content.decode(), output.name
        published[output] = response["ETag"]

    site.event.refresh_from_db()
    site.event.unpublish()
    for output, etag in published.items():
        response = client.get(url_of(output, site), headers={"If-None-Match": etag})
        assert response.status_code in (200, 404), output.name
        assert response.get("ETag") != etag, output.name
        if _shows(output):
            assert "Ny debatt" not in response.content.decode(), output.name


def test_a_translation_changes_every_answer_and_shows_in_its_language(
    client, site, translate_into_english, locale_en
):
    before = _etags(client, site)

    translate_into_english(
        site.event,
        {"Debatt": "Debate", "debatt": "debate", "Ingress": "Lead", "Seniorrådgiver": "Adviser"},
    )

    for output, etag in before.items():
        response = client.get(url_of(output, site), headers={"If-None-Match": etag})
        assert response.status_code == 200, output.name
        assert response["ETag"] != etag, output.name
    english_series = site.index.get_translation(locale_en)
    for url in (
        reverse("wagtail_events_api:events") + "?lang=en",
        reverse("wagtail_events_api:events_calendar") + "?lang=en",
        reverse("wagtail_events_embed:events") + "?lang=en",
        english_series.url + "calendar/",
        english_series.url + "feed/",
    ):
        assert "Debate" in client.get(url).content.decode(), url
    assert "Debate" not in client.get(site.index.url + "feed/").content.decode()
    # Below /en/ the URL says the language: the answer does not vary with the browser's.
    assert "accept-language" not in vary(client.get(english_series.url + "calendar/"))


def test_saving_what_no_output_shows_keeps_every_answer(client, site):
    before = _etags(client, site)

    get_user_model().objects.create_user(username="redaktor", password="hemmelig")

    for output, etag in before.items():
        response = client.get(url_of(output, site), headers={"If-None-Match": etag})
        assert response.status_code == 304, output.name


def test_a_setting_the_outputs_are_made_from_makes_them_new(client, site):
    calendar = reverse("wagtail_events_api:events_calendar")
    feed = site.index.url + "feed/"
    assert "@wagtail-events" in client.get(calendar).content.decode()
    later = site.event.end
    EventPageFactory(
        parent=site.index, title="Senere", start=later, end=later + datetime.timedelta(hours=1)
    )
    assert client.get(feed).content.decode().count("<item>") == 2

    with events_settings(ICAL_UID_DOMAIN="example.org", FEED_ITEMS=1):
        assert "@example.org" in client.get(calendar).content.decode()
        assert client.get(feed).content.decode().count("<item>") == 1
    assert "@wagtail-events" in client.get(calendar).content.decode()
    assert client.get(feed).content.decode().count("<item>") == 2


def _purged_by(change, site, purged, capture):
    """What ``change`` to the site's event, person or organiser purges."""
    purged.clear()
    with capture(execute=True):
        if change == outputs.EVENTS:
            site.event.save_revision().publish()
        elif change == outputs.PEOPLE:
            site.person.save_revision().publish()
        else:
            site.organiser.save()
    return set(purged)


@pytest.mark.parametrize("change", [outputs.EVENTS, outputs.PEOPLE, outputs.ORGANISATIONS])
def test_a_change_purges_every_output_that_shows_it_and_no_other(
    change, site, purged, django_capture_on_commit_callbacks
):
    urls = _purged_by(change, site, purged, django_capture_on_commit_callbacks)

    for output in OUTPUTS:
        url = ROOT + url_of(output, site)
        if change in output.purged_on:
            assert url in urls, output.name
            for name in output.purged_with:
                value = "hemit" if name == outputs.PROFILE else "en"
                assert f"{url}?{name}={value}" in urls, output.name
        else:
            assert url not in urls, output.name
    # The API's calendar is cached per profile, as the list and the widget are.
    assert f"{ROOT}/api/events.ics?profile=hemit" in urls
