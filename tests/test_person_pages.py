"""Person pages and the person index: who someone is, and the events they take part in."""

import pytest
from django.core.files.images import ImageFile
from django.utils.html import escape
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from tests import builders
from tests.factories import (
    EventPageFactory,
    OrganisationFactory,
    PersonPageFactory,
)
from tests.hidden_pages import HIDDEN_WAYS, hidden_page
from tests.test_index import at, in_nb, titles
from wagtail_events import views
from wagtail_events.models import Role

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()


def roles_shown(response):
    """The role line under each listed event, in order."""
    html = response.content.decode()
    return [
        line.split(": ", 1)[1]
        for line in (
            part.split("</p>", 1)[0] for part in html.split('class="we-event-summary__roles">')[1:]
        )
    ]


@pytest.fixture
def ingrid(people_index):
    return PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Nyhetsredaktør",
        organisation=OrganisationFactory(name="Agderposten", short_name=""),
        bio="<p>Ingrid har ledet debatter i tjue år.</p>",
        phone="+47 400 00 321",
        phone_public=True,
        email="ingrid.berg@example.org",
        email_public=False,
    )


def test_person_page_says_who_they_are(client, ingrid):
    portrait = Image.objects.create(
        title="Ingrid Berg", file=ImageFile(get_test_image_file(), name="ingrid.png")
    )
    revision = ingrid.get_latest_revision_as_object()
    revision.portrait = portrait
    revision.save_revision().publish()

    html = client.get(ingrid.url).content.decode()

    in_order = [
        'class="we-person__portrait"',
        "<h1>Ingrid Berg</h1>",
        "Nyhetsredaktør, Agderposten",
        "Ingrid har ledet debatter i tjue år.",
        "+47 400 00 321",
    ]
    cursor = 0
    for text in in_order:
        found = html.find(text, cursor)
        assert found >= 0, f"{text!r} is missing or out of order"
        cursor = found
    # The email address was not made public.
    assert "ingrid.berg@example.org" not in html


def test_person_page_lists_their_events_with_the_roles_they_had(client, series, ingrid):
    EventPageFactory(parent=series, title="Neste uke", people=[(ingrid, Role.MODERATOR)], **at(7))
    EventPageFactory(
        parent=series,
        title="I morgen",
        people=[(ingrid, Role.SPEAKER), {"person": ingrid, "role": Role.CONTACT}],
        **at(1),
    )
    EventPageFactory(parent=series, title="I fjor", people=[(ingrid, Role.PARTICIPANT)], **at(-365))
    EventPageFactory(parent=series, title="Forrige måned", people=[(ingrid, Role.HOST)], **at(-30))
    EventPageFactory(parent=series, title="Uten Ingrid", **at(2))

    response = client.get(ingrid.url)

    assert titles(response) == ["I morgen", "Neste uke", "Forrige måned", "I fjor"]
    title = " (Nyhetsredaktør)"
    assert roles_shown(response) == [
        f"{in_nb('Speaker')}{title}, {in_nb('Contact person')}{title}",
        f"{in_nb('Moderator')}{title}",
        f"{in_nb('Host')}{title}",
        f"{in_nb('Participant')}{title}",
    ]
    html = response.content.decode()
    assert html.index(in_nb("Upcoming events")) < html.index("I morgen")
    assert html.index("Neste uke") < html.index(in_nb("Past events")) < html.index("Forrige")


def test_person_without_events_says_so(client, ingrid):
    html = client.get(ingrid.url).content.decode()

    assert in_nb("No events with this person have been published yet.") in html


def test_past_events_are_paged(client, series, ingrid, monkeypatch):
    monkeypatch.setattr(views, "PERSON_PAST_EVENTS_PER_PAGE", 2)
    EventPageFactory(parent=series, title="Snart", people=[ingrid], **at(3))
    for days in (10, 20, 30):
        EventPageFactory(
            parent=series, title=f"For {days} dager siden", people=[ingrid], **at(-days)
        )

    assert titles(client.get(ingrid.url)) == [
        "Snart",
        "For 10 dager siden",
        "For 20 dager siden",
    ]
    second = client.get(ingrid.url, {"page": "2"})
    assert titles(second) == ["Snart", "For 30 dager siden"]
    garbage = client.get(ingrid.url, {"page": "tre"})
    assert garbage.status_code == 200
    message = "“%(page)s” is not a page number, so the first page is shown."
    assert escape(in_nb(message, page="tre")) in garbage.content.decode()


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_events_that_are_not_public_stay_off_the_person_page(client, series, ingrid, way):
    EventPageFactory(parent=series, title="Åpent møte", people=[ingrid], **at(1))
    for title, days in (("Hemmelig kommende", 2), ("Hemmelig tidligere", -2)):
        hidden_page(EventPageFactory, way, parent=series, title=title, people=[ingrid], **at(days))

    response = client.get(ingrid.url)

    assert titles(response) == ["Åpent møte"]
    assert "Hemmelig" not in response.content.decode()


class TestTranslatedPeople(builders.SharesTranslatedEvent):
    """The translated event and its people, which the tests only read (or add to inside their
    own savepoint): built once for the class."""

    def test_english_person_page_lists_the_english_events(self, client, data, locale_en):
        EventPageFactory(
            parent=data.series, title="Bare på norsk", people=[data.moderator], **at(12)
        )

        response = client.get(data.english_moderator.url)

        assert response.status_code == 200
        assert titles(response) == ["Who pays for climate adaptation?"]
        assert roles_shown(response) == ["Moderator (News editor)"]
        html = response.content.decode()
        assert "News editor, The Agder Post" in html
        assert "Ingrid has chaired debates for 20 years." in html
        # The Norwegian page still lists the Norwegian events.
        assert titles(client.get(data.moderator.url)) == [
            "Hvem tar regningen for klimatilpasningen?",
            "Bare på norsk",
        ]

        english_index = client.get(data.people_index.get_translation(locale_en).url)
        assert "News editor, The Agder Post" in english_index.content.decode()


def test_person_index_searches_and_pages(client, people_index, monkeypatch):
    monkeypatch.setattr(views, "PEOPLE_PER_PAGE", 2)
    nav = OrganisationFactory(name="Arbeids- og velferdsetaten", short_name="NAV")
    for given_name, family_name, organisation in (
        ("Ingrid", "Berg", nav),
        ("Jonas", "Aasen", nav),
        ("Siri", "Dahl", OrganisationFactory(name="Agderposten")),
    ):
        PersonPageFactory(
            parent=people_index,
            given_name=given_name,
            family_name=family_name,
            organisation=organisation,
        )

    def names(query):
        response = client.get(people_index.url, query)
        assert response.status_code == 200
        return response, [p.full_name for p in response.context["people"]]

    response, shown = names({})
    assert shown == ["Jonas Aasen", "Ingrid Berg"]
    assert response.context["result_count"] == 3
    assert f'href="{people_index.url}?page=2" rel="next"' in response.content.decode()
    assert names({"page": "2"})[1] == ["Siri Dahl"]
    assert names({"q": "ingrid berg"})[1] == ["Ingrid Berg"]
    assert names({"q": "velferdsetaten"})[1] == ["Jonas Aasen", "Ingrid Berg"]
    assert names({"q": "NAV"})[1] == ["Jonas Aasen", "Ingrid Berg"]
    response, shown = names({"q": "finnes ikke", "page": "99"})
    assert shown == []
    assert in_nb("Nobody matches this search.") in response.content.decode()


def test_person_index_lists_only_public_people(client, people_index):
    PersonPageFactory(parent=people_index, given_name="Synlig", family_name="Person")
    PersonPageFactory(parent=people_index, given_name="Utkast", family_name="Person", publish=False)

    html = client.get(people_index.url).content.decode()

    assert "Synlig Person" in html
    assert "Utkast Person" not in html
