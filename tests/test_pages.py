"""What a visitor reads on the public event, index and person pages, in nb and en."""

import datetime
import zoneinfo

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.formatting import format_event_when
from wagtail_events.models import EventStatus, Role

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")

pytestmark = pytest.mark.django_db


def oslo(*args):
    return datetime.datetime(*args, tzinfo=OSLO)


@pytest.mark.parametrize(
    ("language", "start", "end", "all_day", "expected"),
    [
        ("nb", oslo(2025, 8, 12, 9), oslo(2025, 8, 12, 9, 45), 0, "12.08.2025 kl. 09.00–09.45"),
        ("en", oslo(2025, 8, 12, 9), oslo(2025, 8, 12, 9, 45), 0, "12 August 2025, 09:00–09:45"),
        (
            "nb",
            oslo(2025, 8, 12, 18),
            oslo(2025, 8, 13, 2),
            0,
            "12.08.2025 kl. 18.00 – 13.08.2025 kl. 02.00",
        ),
        ("en", oslo(2025, 8, 11), oslo(2025, 8, 15), 1, "11 August 2025–15 August 2025"),
        ("nb", oslo(2025, 8, 11), oslo(2025, 8, 11, 23), 1, "11.08.2025"),
        # Nynorsk writes the month out, as Språkrådet does; the Bokmål catalogue chose 12.08.2025.
        (
            "nn",
            oslo(2025, 8, 12, 9),
            oslo(2025, 8, 12, 9, 45),
            0,
            "12. august 2025 kl. 09.00–09.45",
        ),
        (
            "nn",
            oslo(2025, 8, 12, 18),
            oslo(2025, 8, 13, 2),
            0,
            "12. august 2025 kl. 18.00 – 13. august 2025 kl. 02.00",
        ),
        ("nn", oslo(2025, 8, 11), oslo(2025, 8, 15), 1, "11. august 2025–15. august 2025"),
    ],
)
def test_event_times_read_naturally_in_each_language(language, start, end, all_day, expected):
    with translation.override(language):
        assert format_event_when(start, end, all_day) == expected


@pytest.fixture
def reference_like_event(series, people_index):
    hemit = OrganisationFactory(name="Hemit HF", url="https://hemit.example.org/")
    norwai = OrganisationFactory(name="NTNU NorwAI", url="")
    contact = PersonPageFactory(
        parent=people_index,
        given_name="Nina",
        family_name="Kotte",
        job_title="Kommunikasjonssjef",
        organisation=hemit,
        phone="+47 400 00 000",
        email="nina.kotte@example.org",
    )
    moderator = PersonPageFactory(
        parent=people_index,
        given_name="Eiliv",
        family_name="Flakne",
        job_title="Kommunikasjonsdirektør",
        organisation=OrganisationFactory(name="Helse Midt-Norge RHF"),
    )
    participant = PersonPageFactory(
        parent=people_index,
        given_name="Trond",
        family_name="Utne",
        job_title="Administrerende direktør",
        organisation=hemit,
    )
    return EventPageFactory(
        parent=series,
        title="Når kunstig intelligens blir del av helseteamet",
        lead="Hva stopper kunstig intelligens i helsetjenesten?",
        start=oslo(2025, 8, 12, 9),
        end=oslo(2025, 8, 12, 9, 45),
        venue=VenueFactory(name="Bankgården", street_address="Strandgaten 1", postcode=""),
        event_type=EventTypeFactory(name="Debatt"),
        topics=[TopicFactory(name="Forskning"), TopicFactory(name="Helse")],
        organisers=[norwai, hemit],
        people=[
            {"person": contact, "role": Role.CONTACT, "contact_public": True},
            (moderator, Role.MODERATOR),
            (participant, Role.PARTICIPANT),
        ],
        body=[
            ("rich_text", "<p>Kunstig intelligens er nøkkelen.</p>"),
            (
                "questions",
                {
                    "heading": "I denne debatten spør vi:",
                    "questions": ["Hva hindrer overgangen?", "Hvordan henger vi med?"],
                },
            ),
        ],
    )


def test_event_page_shows_the_facts_in_the_seed_order(client, reference_like_event):
    response = client.get(reference_like_event.url)
    assert response.status_code == 200
    html = response.content.decode()
    in_order = [
        'href="#main-content"',
        "<h1",
        "Når kunstig intelligens blir del av helseteamet",
        "12.08.2025 kl. 09.00–09.45",
        "Bankgården, Strandgaten 1",
        "Hva stopper kunstig intelligens i helsetjenesten?",
        "Kunstig intelligens er nøkkelen.",
        "I denne debatten spør vi:",
        "Hva hindrer overgangen?",
        "Kontaktperson",
        "Nina Kotte",
        "Kommunikasjonssjef",
        "+47 400 00 000",
        "nina.kotte@example.org",
        "Arrangører",
        "NTNU NorwAI",
        "Hemit HF",
        "Ordstyrer",
        "Eiliv Flakne",
        "Helse Midt-Norge RHF",
        "Kommunikasjonsdirektør",
        "Medvirkende",
        "Trond Utne",
        "Administrerende direktør",
        "Arrangementstype",
        "Debatt",
        "Temaer",
        "Forskning, Helse",
    ]
    body = html[html.index("<body") :]
    cursor = 0
    for text in in_order:
        found = body.find(text, cursor)
        assert found >= 0, f"{text!r} is missing, or not after what the seed shows before it"
        cursor = found + len(text)
    assert '<html lang="nb">' in html
    assert "Hopp til innhold" in html


def test_contact_details_stay_private_unless_ticked_for_the_event(client, series, people_index):
    contact = PersonPageFactory(
        parent=people_index, phone="+47 400 00 123", email="privat@example.org"
    )
    event = EventPageFactory(parent=series, people=[(contact, Role.CONTACT)])

    html = client.get(event.url).content.decode()

    assert contact.full_name in html
    assert "+47 400 00 123" not in html
    assert "privat@example.org" not in html
    person_html = client.get(contact.url).content.decode()
    assert "+47 400 00 123" not in person_html
    assert "privat@example.org" not in person_html


def test_status_banner_tells_visitors_an_event_is_cancelled(client, series):
    event = EventPageFactory(
        parent=series, status=EventStatus.CANCELLED, status_note="Panelet er forhindret."
    )
    html = client.get(event.url).content.decode()
    assert 'role="status"' in html
    assert "Avlyst" in html
    assert "Panelet er forhindret." in html


def test_index_lists_live_events_only(client, series):
    live = EventPageFactory(parent=series, title="Åpent møte")
    EventPageFactory(parent=series, title="Hemmelig utkast", publish=False)

    # The generated events took place in August 2025: they are in the archive.
    html = client.get(series.url + "?when=past").content.decode()

    assert live.title in html
    assert "Hemmelig utkast" not in html
    assert "18.08.2025 kl." in html


def test_person_pages_render_with_public_contact_only(client, people_index):
    visible = PersonPageFactory(
        parent=people_index, email="synlig@example.org", email_public=True, phone_public=False
    )
    index_html = client.get(people_index.url).content.decode()
    assert visible.full_name in index_html
    html = client.get(visible.url).content.decode()
    assert "synlig@example.org" in html
    assert visible.phone not in html


def test_accessibility_shows_a_symbol_and_the_words_for_each_feature(client, series):
    event = EventPageFactory(
        parent=series,
        venue=VenueFactory(wheelchair_accessible=True, accessible_toilet=False, hearing_loop=True),
        hearing_loop=False,
        sign_language_interpreting=True,
    )
    html = client.get(event.url).content.decode()
    section = html[html.index('class="we-access"') :]
    section = section[: section.index("</ul>")]

    # The venue's ramp counts, the event says there is no loop today, and it adds an interpreter.
    assert "Tilgjengelig for rullestol" in section
    assert "Tegnspråktolk" in section
    assert "Teleslynge" not in section
    assert "Tilrettelagt toalett" not in section
    assert section.count('<svg class="we-access__symbol"') == 2
    assert section.count('aria-hidden="true"') == 2


def test_admission_says_how_many_places_there_are(client, series):
    event = EventPageFactory(
        parent=series,
        capacity=120,
        registration_required=True,
        registration_url="https://example.org/meld",
    )
    one_place = EventPageFactory(parent=series, capacity=1)
    unlimited = EventPageFactory(parent=series)

    assert admission(client, event).endswith(". 120 plasser")
    assert admission(client, one_place).endswith(". 1 plass")
    assert "plass" not in admission(client, unlimited)


def admission(client, event):
    """What the page says under "Admission" ("Adgang")."""
    soup = BeautifulSoup(client.get(event.url).content.decode(), "html.parser")
    term = soup.find("dt", string="Adgang")
    return " ".join(term.find_next_sibling("dd").get_text().split())


def agenda_item(title, day=None, start="09:00"):
    return {
        "day": day,
        "start_time": start,
        "end_time": "",
        "title": title,
        "description": "",
        "people": [],
    }


def agenda_days(html):
    """The agenda's day headings and, under each, the items' titles."""
    agenda = BeautifulSoup(html, "html.parser").select_one(".we-agenda")
    days, current = [], None
    for element in agenda.select(".we-agenda__day, .we-agenda__items strong"):
        if "we-agenda__day" in element.get("class", []):
            current = (element.time["datetime"], element.get_text(), [])
            days.append(current)
        elif current is None:
            current = (None, None, [])
            days.append(current)
            current[2].append(element.get_text())
        else:
            current[2].append(element.get_text())
    return days


def test_an_agenda_over_several_days_is_grouped_by_day(client, series):
    event = EventPageFactory(
        parent=series,
        start=oslo(2025, 8, 19, 9),
        end=oslo(2025, 8, 20, 16),
        body=[
            {
                "type": "agenda",
                "value": {
                    "heading": "Program",
                    "items": [
                        agenda_item("Åpning", "2025-08-19"),
                        # No day: the same day as the item before.
                        agenda_item("Debatt", start="10:00"),
                        agenda_item("Frokost", "2025-08-20", start="08:00"),
                        agenda_item("Avslutning", start="15:00"),
                    ],
                },
            }
        ],
    )

    days = agenda_days(client.get(event.url).content.decode())

    assert [(datetime, titles) for datetime, _heading, titles in days] == [
        ("2025-08-19", ["Åpning", "Debatt"]),
        ("2025-08-20", ["Frokost", "Avslutning"]),
    ]
    # Named with the weekday, in the page's language.
    assert days[0][1].lower().startswith("tirsdag 19")
    assert days[1][1].lower().startswith("onsdag 20")


def test_an_english_agenda_keeps_the_days_and_names_them_in_english(
    client, series, translate_into_english
):
    event = EventPageFactory(
        parent=series,
        title="Konferanse",
        slug="konferanse",
        lead="To dager.",
        start=oslo(2025, 8, 19, 9),
        end=oslo(2025, 8, 20, 16),
        body=[
            {
                "type": "agenda",
                "value": {
                    "heading": "Program",
                    "items": [
                        agenda_item("Åpning", "2025-08-19"),
                        agenda_item("Frokost", "2025-08-20"),
                    ],
                },
            }
        ],
    )
    # The days are facts, not text: a translator is given only the words.
    english = translate_into_english(
        event,
        {
            "Konferanse": "Conference",
            "konferanse": "conference",
            "To dager.": "Two days.",
            "Program": "Programme",
            "Åpning": "Opening",
            "Frokost": "Breakfast",
        },
    )

    days = agenda_days(client.get(english.url).content.decode())

    assert days == [
        ("2025-08-19", "Tuesday 19 August", ["Opening"]),
        ("2025-08-20", "Wednesday 20 August", ["Breakfast"]),
    ]


def test_an_agenda_on_one_day_has_no_day_headings(client, series):
    event = EventPageFactory(
        parent=series,
        body=[
            {
                "type": "agenda",
                "value": {
                    "heading": "",
                    "items": [agenda_item("Åpning", "2025-08-18"), agenda_item("Debatt")],
                },
            }
        ],
    )

    html = client.get(event.url).content.decode()

    assert agenda_days(html) == [(None, None, ["Åpning", "Debatt"])]


def test_agenda_times_are_written_the_norwegian_way_for_people_and_the_iso_way_for_machines(
    client, series
):
    item = {**agenda_item("Debatt", start="09:00"), "end_time": "09:30"}
    event = EventPageFactory(
        parent=series, body=[{"type": "agenda", "value": {"heading": "", "items": [item]}}]
    )

    agenda = BeautifulSoup(client.get(event.url).content.decode(), "html.parser")
    times = agenda.select(".we-agenda__items time")

    assert [(time["datetime"], time.get_text()) for time in times] == [
        ("09:00", "09.00"),
        ("09:30", "09.30"),
    ]
