"""The event editor offers venues, types, topics, organisations and people in its language."""

import json

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests import test_admin
from tests.builders import english_copy
from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.models import EventPage

pytestmark = pytest.mark.django_db


def content_locale(response):
    """The language the admin page's choosers ask for: Wagtail's script sends it to each one."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return json.loads(soup.find("script", id="wagtail-config").string).get("ACTIVE_CONTENT_LOCALE")


def topic_boxes(response):
    """The topic checkboxes of an event's editor, by their labels."""
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    boxes = soup.select("[name=topics]")
    return {box.find_parent("label").get_text(strip=True): box for box in boxes}


def chooser_html(admin_client, url, **params):
    response = admin_client.get(url, params)
    assert response.status_code == 200
    return response.json()["html"]


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def test_the_event_editor_opens_its_choosers_on_the_page_s_language(admin_client, series):
    assert content_locale(admin_client.get(test_admin.add_event_url(series))) == "nb"
    event = EventPageFactory(parent=series)
    assert content_locale(admin_client.get(edit_url(event))) == "nb"
    assert content_locale(admin_client.get(edit_url(english_copy(event)))) == "en"


@pytest.mark.parametrize(
    ("model_name", "factory"),
    [
        ("venue", VenueFactory),
        ("eventtype", EventTypeFactory),
        ("organisation", OrganisationFactory),
    ],
)
def test_a_snippet_chooser_lists_the_page_s_language_and_the_others_on_request(
    admin_client, locale_en, model_name, factory
):
    norwegian = factory(name="Arendal kulturhus")
    english_copy(norwegian, name="Arendal Culture House")
    url = reverse(f"wagtailsnippetchoosers_wagtail_events_{model_name}:choose")

    in_norwegian = chooser_html(admin_client, url, locale="nb")
    assert "Arendal kulturhus" in in_norwegian
    assert "Arendal Culture House" not in in_norwegian
    # The language filter says which language it shows, and "All" shows every language.
    soup = BeautifulSoup(in_norwegian, "html.parser")
    assert soup.select_one('select[name="locale"] option[selected]')["value"] == "nb"
    every_language = chooser_html(admin_client, url, locale="")
    assert "Arendal kulturhus" in every_language
    assert "Arendal Culture House" in every_language


def test_the_person_chooser_opens_on_the_page_s_language_tree(admin_client, people_index):
    person = PersonPageFactory(parent=people_index, given_name="Ingrid", family_name="Berg")
    english_copy(person)
    url = reverse("wagtailadmin_choose_page")
    page_type = "wagtail_events_pages.personpage"

    soup = BeautifulSoup(
        chooser_html(admin_client, url, page_type=page_type, locale="nb"), "html.parser"
    )
    listed = [link["title"] for link in soup.select(".page-results a.navigate-pages")]
    assert listed == [f"Explore subpages of '{people_index.get_parent().title}'"]
    # The way to the English tree.
    assert soup.select("[data-locale-selector-link]")


def test_topics_are_offered_in_the_page_s_language(admin_client, series, locale_en):
    climate = TopicFactory(name="Klima")
    english_copy(climate, name="Climate")
    event = EventPageFactory(parent=series, topics=[climate])

    assert list(topic_boxes(admin_client.get(edit_url(event)))) == ["Klima"]

    # The English copy links the Norwegian topic: still offered, and ticked, beside the English.
    english = english_copy(event)
    boxes = topic_boxes(admin_client.get(edit_url(english)))
    assert sorted(boxes) == ["Climate", "Klima"]
    assert boxes["Klima"].has_attr("checked")
    assert not boxes["Climate"].has_attr("checked")


def test_a_venue_chosen_in_another_language_is_linked_in_the_page_s(
    admin_client, series, people_index, locale_en
):
    snippets = {
        "venue": VenueFactory(name="Arendal kulturhus"),
        "event_type": EventTypeFactory(),
        "topics": [TopicFactory()],
        "organiser": OrganisationFactory(),
    }
    english_venue = english_copy(snippets["venue"], name="Arendal Culture House")
    english_type = english_copy(snippets["event_type"], name="Debate")
    moderator = PersonPageFactory(parent=people_index)
    data = test_admin.event_form_data(
        snippets, moderator, venue=english_venue.pk, event_type=english_type.pk
    )

    response = admin_client.post(test_admin.add_event_url(series), data)

    assert response.status_code == 302, response.context["form"].errors
    event = EventPage.objects.get()
    assert (event.venue, event.event_type) == (snippets["venue"], snippets["event_type"])


def test_a_venue_without_a_version_in_the_page_s_language_is_explained(
    admin_client, series, people_index, locale_en
):
    snippets = {
        "venue": VenueFactory(locale=locale_en, name="Conference centre"),
        "event_type": EventTypeFactory(),
        "topics": [TopicFactory()],
        "organiser": OrganisationFactory(),
    }
    moderator = PersonPageFactory(parent=people_index)

    response = admin_client.post(
        test_admin.add_event_url(series), test_admin.event_form_data(snippets, moderator)
    )

    assert response.status_code == 200
    assert response.context["form"].errors["venue"] == [
        "“Conference centre” has no version in Norsk bokmål yet. Translate it under Event "
        "settings, or choose another."
    ]
    assert not EventPage.objects.exists()
