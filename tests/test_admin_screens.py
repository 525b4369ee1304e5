"""The event settings' snippets and the event listing with its filters speak Norwegian.

Checked in the Bokmål and the Nynorsk admin from the HTML the admin renders, by the same check
as the browser walk of the editor's path (tests/admin_words.py): faster than a browser, and the
filters, the bulk-action bar and the pagination are in that HTML whether they are open or not.
"""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import get_snippet_models

from tests.admin_words import untranslated
from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from tests.test_rules import editor_speaking
from wagtail_events.choices import EventStatus

# The pages are the same on every database.
pytestmark = [pytest.mark.django_db, pytest.mark.database_independent]

LANGUAGES = ["nb", "nn"]

# How to make one of each of the package's snippets, by model name.
SNIPPETS = {
    "organisation": lambda model: OrganisationFactory(name="Eksempeletaten"),
    "venue": lambda model: VenueFactory(name="Kulturhuset"),
    "eventtype": lambda model: EventTypeFactory(name="Debatt"),
    "topic": lambda model: TopicFactory(name="Hav og fiskeri"),
    "embedprofile": lambda model: model.objects.create(
        name="Hemit", slug="hemit", language="nb", limit=5
    ),
}


def package_snippets():
    """The package's snippet models, by name."""
    # Wagtail registers the snippets as it loads the admin's addresses.
    reverse("wagtailadmin_home")
    return {
        model._meta.model_name: model
        for model in get_snippet_models()
        if model.__module__.startswith("wagtail_events.")
    }


def visible_texts(html):
    """The texts of the page an editor can come to see: its text, its buttons' values and its
    fields' placeholders. Hidden parts count (a closed filter drawer, the bulk-action bar), as
    they show on a click; scripts and templates do not."""
    soup = BeautifulSoup(html, "html.parser")
    for element in soup(["script", "style", "template", "noscript"]):
        element.decompose()
    # A listing's results, loaded as filters change, come without a body.
    texts = [" ".join(text.split()) for text in (soup.body or soup).find_all(string=True)]
    texts += [
        button.get("value", "") for button in soup.select("input[type=submit], input[type=button]")
    ]
    texts += [field["placeholder"] for field in soup.select("[placeholder]")]
    return [text.strip() for text in texts if text.strip()]


def english_on(client, urls, language):
    """The English (or, in Nynorsk, Bokmål) texts on each screen, by its address."""
    found = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        words = untranslated(visible_texts(response.content.decode()), language)
        if words:
            found[url] = words
    return found


def test_every_snippet_of_the_package_is_checked():
    assert set(package_snippets()) == set(SNIPPETS)


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("model_name", list(SNIPPETS))
def test_a_snippets_screens_speak_norwegian(home_page, language, model_name):
    # The event settings are a superuser's, as in the browser walk.
    client = editor_speaking(language, superuser=True)
    model = package_snippets()[model_name]
    snippet = SNIPPETS[model_name](model)
    viewset = model.snippet_viewset
    urls = [
        reverse(viewset.get_url_name("list")),
        reverse(viewset.get_url_name("add")),
        reverse(viewset.get_url_name("edit"), args=(snippet.pk,)),
        reverse(viewset.get_url_name("delete"), args=(snippet.pk,)),
    ]
    if isinstance(snippet, TranslatableMixin):
        urls.append(
            reverse(
                "wagtail_localize:submit_snippet_translation",
                args=(model._meta.app_label, model_name, snippet.pk),
            )
        )

    assert english_on(client, urls, language) == {}


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_event_and_people_listings_and_their_filters_speak_norwegian(
    series, people_index, language
):
    client = editor_speaking(language)
    debate = EventTypeFactory(name="Debatt")
    EventPageFactory(parent=series, title="Debatt om KI", event_type=debate)
    EventPageFactory(parent=series, title="Avlyst seminar", status=EventStatus.CANCELLED)
    PersonPageFactory(parent=people_index, given_name="Kari", family_name="Lie")
    events = reverse("wagtail_events_events:index")
    urls = [
        events,
        # Filters chosen: each shows as a button that removes it.
        f"{events}?status={EventStatus.CANCELLED}&event_type={debate.pk}"
        "&start_after=2025-01-01&start_before=2035-01-01",
        # What the listing loads as the editor changes a filter.
        reverse("wagtail_events_events:index_results") + f"?status={EventStatus.CANCELLED}",
        reverse("wagtail_events_people:index"),
    ]

    assert english_on(client, urls, language) == {}
