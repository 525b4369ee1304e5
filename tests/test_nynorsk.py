"""The public pages in Norwegian Nynorsk: a host that adds nn gets its words and its dates."""

import pytest
from django.utils import translation
from wagtail.models import Locale

from tests.factories import EventPageFactory, PersonPageFactory
from tests.test_pages import oslo
from wagtail_events.formatting import format_day
from wagtail_events.models import Role

pytestmark = pytest.mark.django_db


def test_agenda_days_are_named_in_nynorsk():
    with translation.override("nn"):
        assert format_day(oslo(2025, 8, 12, 9)) == "Tysdag 12. august"
    with translation.override("nb"):
        assert format_day(oslo(2025, 8, 12, 9)) == "Tirsdag 12. august"


@pytest.fixture
def nynorsk_site(settings):
    """A host with Nynorsk as a third content language, and its Wagtail locale."""
    settings.LANGUAGES = settings.WAGTAIL_CONTENT_LANGUAGES = [
        ("nb", "Norsk bokmål"),
        ("nn", "Norsk nynorsk"),
        ("en", "English"),
    ]
    return Locale.objects.get_or_create(language_code="nn")[0]


def in_nynorsk(page, locale_nn):
    """The page's Nynorsk translation, published. The pages above it get Nynorsk aliases,
    live as their Bokmål pages are, as when an editor translates a page into a new language."""
    nn_page = page.copy_for_translation(locale_nn, copy_parents=True)
    nn_page.save_revision().publish()
    nn_page.refresh_from_db()
    return nn_page


def test_event_page_in_nynorsk(client, series, people_index, nynorsk_site):
    contact = PersonPageFactory(
        parent=people_index, phone="+47 400 00 000", email="kontakt@example.org"
    )
    moderator = PersonPageFactory(parent=people_index)
    event = EventPageFactory(
        parent=series,
        start=oslo(2025, 8, 12, 9),
        end=oslo(2025, 8, 12, 9, 45),
        people=[
            {"person": contact, "role": Role.CONTACT, "contact_public": True},
            (moderator, Role.MODERATOR),
        ],
    )
    nn_event = in_nynorsk(event, nynorsk_site)

    response = client.get(nn_event.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="nn">' in html
    assert "12. august 2025 kl. 09.00–09.45" in html
    # Words the two standards write differently, from the package and the example site.
    for nynorsk, bokmal in [
        ("Ordstyrar", "Ordstyrer"),
        ("Kvar", "Hvor"),
        ("Inngang", "Adgang"),
        ("Inga påmelding", "Ingen påmelding"),
        ("Tilgjenge", "Tilgjengelighet"),
        ("Hopp til innhaldet", "Hopp til innhold"),
    ]:
        assert nynorsk in html
        assert bokmal not in html
    # The Bokmål page beside it is unchanged.
    nb_html = client.get(event.url).content.decode()
    assert '<html lang="nb">' in nb_html
    assert "12.08.2025 kl. 09.00–09.45" in nb_html
    assert "Ordstyrer" in nb_html
    assert "Ordstyrar" not in nb_html


def test_event_index_in_nynorsk(client, series, nynorsk_site):
    event = EventPageFactory(parent=series, start=oslo(2025, 8, 18, 9), end=oslo(2025, 8, 18, 10))
    nn_series = in_nynorsk(series, nynorsk_site)
    nn_event = in_nynorsk(event, nynorsk_site)

    html = client.get(nn_series.url + "?when=past").content.decode()

    assert nn_event.url in html
    assert "18. august 2025 kl. 09.00–10.00" in html
    for nynorsk, bokmal in [
        ("Kommande arrangement", "Kommende arrangementer"),
        ("Tidlegare arrangement", "Tidligere arrangementer"),
        ("Frå dato", "Fra dato"),
        ("Alle arrangørar", "Alle arrangører"),
        ("Vis arrangement", "Vis arrangementer"),
    ]:
        assert nynorsk in html
        assert bokmal not in html


def test_an_empty_programme_says_so_in_nynorsk(client, series, nynorsk_site):
    nn_series = in_nynorsk(series, nynorsk_site)

    html = client.get(nn_series.url).content.decode()

    assert "Det er ingen kommande arrangement her." in html
    assert "Sjå tidlegare arrangement" in html
