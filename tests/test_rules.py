"""The rules on an event's people hold however it is saved: in code, in the admin, by a sync."""

from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation

from tests import test_admin
from tests.factories import (
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PersonPageFactory,
    TopicFactory,
    VenueFactory,
)
from wagtail_events.models import EventPage, EventPerson, PersonPage, Role

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """What the rules say, in English: the words checked below."""
    with translation.override("en"):
        yield


CONTACT_RULE = "A contact person needs a phone number or an email address."
PERSON_RULE = "Choose the person: a moderator needs a person page."

ENGLISH = {
    "Debatt om digital helse 0": "A debate on digital health",
    "debatt-om-digital-helse-0": "a-debate-on-digital-health",
    "Hva skal til for at gode piloter blir hverdag i kommunene?": (
        "What does it take for good pilots to become everyday practice?"
    ),
    "Seniorrådgiver": "Senior adviser",
    "Kommunikasjonsrådgiver": "Communications adviser",
}


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def sync(admin_client, event, capture_on_commit):
    """Sync translated pages, publishing them, as the editor does from the event's menu."""
    source = Translation.objects.get(source__object_id=event.translation_key).source
    with capture_on_commit(execute=True):
        return admin_client.post(
            reverse("wagtail_localize:update_translations", args=(source.pk,)),
            {"publish_translations": "on"},
        )


# From code


def test_a_contact_without_phone_or_email_cannot_be_saved_in_code(series):
    with pytest.raises(ValidationError) as raised:
        EventPageFactory(parent=series, people=[{"role": Role.CONTACT, "name": "Siri Dahl"}])
    assert raised.value.message_dict["event_people"] == [
        f"Person 1 (contact person): {CONTACT_RULE}"
    ]
    assert not EventPage.objects.exists()


def test_a_moderator_without_a_person_page_cannot_be_saved_in_code(series, people_index):
    speaker = PersonPageFactory(parent=people_index)
    event = EventPageFactory(parent=series, people=[(speaker, Role.SPEAKER)])
    event.event_people.add(EventPerson(role=Role.MODERATOR, name="Ola Nordmann"))
    with pytest.raises(ValidationError) as raised:
        event.save_revision()
    assert raised.value.message_dict["event_people"] == [f"Person 2 (moderator): {PERSON_RULE}"]
    assert EventPage.objects.get(pk=event.pk).event_people.count() == 1


def test_people_that_keep_the_rules_are_filled_from_their_person_page(series, people_index):
    contact = PersonPageFactory(parent=people_index, phone="+47 400 00 111", email="")
    event = EventPageFactory(parent=series, people=[(contact, Role.CONTACT)])
    row = event.event_people.get()
    assert (row.name, row.phone) == (contact.full_name, "+47 400 00 111")


def test_an_event_keeps_a_person_whose_page_was_deleted(series, people_index):
    moderator = PersonPageFactory(parent=people_index)
    event = EventPageFactory(parent=series, people=[(moderator, Role.MODERATOR)])
    moderator.delete()

    event = EventPage.objects.get(pk=event.pk)
    event.lead = "Ny ingress."
    event.save_revision().publish()
    assert [row.name for row in EventPage.objects.get(pk=event.pk).event_people.all()] == [
        moderator.full_name
    ]


# From the admin: the error stands on the row, as before the page checked its people too


def test_a_moderator_without_a_person_page_is_explained_on_the_row(
    admin_client, series, people_index
):
    snippets = {
        "venue": VenueFactory(),
        "event_type": EventTypeFactory(),
        "topics": [TopicFactory()],
        "organiser": OrganisationFactory(),
    }
    data = test_admin.event_form_data(snippets, PersonPageFactory(parent=people_index))
    data["event_people-0-person"] = ""
    data["event_people-0-name"] = "Ola Nordmann"
    response = admin_client.post(test_admin.add_event_url(series), data)
    assert response.status_code == 200
    assert PERSON_RULE in response.content.decode()
    assert not EventPage.objects.exists()


# Through wagtail-localize's sync


@pytest.fixture
def translated_event(series, people_index, translate_into_english):
    speaker = PersonPageFactory(parent=people_index)
    event = EventPageFactory(
        parent=series,
        people=[
            (speaker, Role.SPEAKER),
            {
                "role": Role.CONTACT,
                "name": "Siri Dahl",
                "title": "Kommunikasjonsrådgiver",
                "email": "siri.dahl@example.org",
            },
        ],
        topics=[TopicFactory(name="Helse")],
    )
    english = translate_into_english(event, ENGLISH | {"Helse": "Health"})
    return event, english


def test_a_sync_that_would_break_a_rule_says_so_and_changes_nothing(
    admin_client, translated_event, django_capture_on_commit_callbacks
):
    event, english = translated_event
    # An import wrote the rows straight to the database, past the rules.
    event.lead = "Ny ingress."
    event.save_revision().publish()
    event.event_people.filter(role=Role.CONTACT).update(email="")

    response = sync(admin_client, event, django_capture_on_commit_callbacks)

    assert response.status_code == 200
    assert (
        f"The English translation was not synced: Person 2 (contact person): {CONTACT_RULE}"
    ) in messages_of(response)
    english = EventPage.objects.get(pk=english.pk)
    assert english.lead == ENGLISH["Hva skal til for at gode piloter blir hverdag i kommunene?"]
    assert english.event_people.get(role=Role.CONTACT).email == "siri.dahl@example.org"


def test_a_sync_that_keeps_the_rules_publishes_the_translation(
    admin_client, translated_event, django_capture_on_commit_callbacks
):
    event, english = translated_event
    event = event.get_latest_revision_as_object()
    event.event_people.add(EventPerson(role=Role.CONTACT, name="Per Hansen", phone="+47 1"))
    event.save_revision().publish()

    response = sync(admin_client, event, django_capture_on_commit_callbacks)

    assert response.status_code == 302
    english = EventPage.objects.get(pk=english.pk)
    assert [row.name for row in english.event_people.filter(role=Role.CONTACT)] == [
        "Siri Dahl",
        "Per Hansen",
    ]


def test_a_translation_keeps_a_person_whose_page_was_deleted(
    series, people_index, translate_into_english
):
    moderator = PersonPageFactory(parent=people_index)
    event = EventPageFactory(parent=series, people=[(moderator, Role.MODERATOR)])
    moderator.delete()

    english = translate_into_english(EventPage.objects.get(pk=event.pk), ENGLISH)

    assert english.live
    assert [row.name for row in english.event_people.all()] == [moderator.full_name]


def test_a_sync_follows_the_source_s_topics_down_to_none(
    admin_client, translated_event, django_capture_on_commit_callbacks
):
    event, english = translated_event
    assert [topic.name for topic in english.topics.all()] == ["Helse"]

    event = event.get_latest_revision_as_object()
    event.topics = [TopicFactory(name="Kommuneøkonomi")]
    event.save_revision().publish()
    sync(admin_client, event, django_capture_on_commit_callbacks)
    english = EventPage.objects.get(pk=english.pk)
    assert [topic.name for topic in english.topics.all()] == ["Kommuneøkonomi"]

    event = event.get_latest_revision_as_object()
    event.topics = []
    event.save_revision().publish()
    sync(admin_client, event, django_capture_on_commit_callbacks)
    english = EventPage.objects.get(pk=english.pk)
    assert list(english.topics.all()) == []
    assert english.get_latest_revision().content["topics"] == []


# The warning before deleting a person who takes part in events, on a bulk delete too


def test_a_bulk_delete_warns_of_each_person_who_takes_part_in_events(
    admin_client, series, people_index
):
    ingrid = PersonPageFactory(parent=people_index, given_name="Ingrid", family_name="Berg")
    ola = PersonPageFactory(parent=people_index, given_name="Ola", family_name="Dahl")
    nobody = PersonPageFactory(parent=people_index, given_name="Nils", family_name="Ingen")
    debate = EventPageFactory(
        parent=series, title="Debatt om KI", people=[(ingrid, Role.MODERATOR), ola]
    )
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    query = f"?id={ingrid.pk}&id={ola.pk}&id={nobody.pk}"

    response = admin_client.get(url + query)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    warnings = [item.get_text(" ", strip=True) for item in soup.select(".messages li.warning")]
    assert len(warnings) == 2
    assert "Ingrid Berg takes part in 1 event" in warnings[0]
    assert "Ola Dahl takes part in 1 event" in warnings[1]
    assert all("Debatt om KI" in warning for warning in warnings)
    # The editor can still delete them all, and the event keeps their names.
    response = admin_client.post(url + query)
    assert response.status_code == 302
    assert not PersonPage.objects.filter(pk__in=[ingrid.pk, ola.pk, nobody.pk]).exists()
    assert [row.name for row in EventPage.objects.get(pk=debate.pk).event_people.all()] == [
        "Ingrid Berg",
        "Ola Dahl",
    ]


# The warning before deleting an event with people, on the delete of one page and of several


def editor_speaking(language, superuser=False):
    """A client logged in as an editor (Wagtail's Editors and Moderators groups), or as a
    superuser, with the admin in ``language``."""
    users = get_user_model().objects
    create = users.create_superuser if superuser else users.create_user
    editor = create(
        username=f"redaktor-{language}", password="password", email="redaktor@example.org"
    )
    editor.groups.add(*Group.objects.filter(name__in=["Editors", "Moderators"]))
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = language
    profile.save()
    client = Client()
    client.force_login(editor)
    return client


@pytest.fixture
def debate_with_people(series, people_index):
    """An event whose moderator is also its contact person, with a participant and a guest
    who has no person page."""
    kari = PersonPageFactory(parent=people_index, given_name="Kari", family_name="Lie")
    ola = PersonPageFactory(parent=people_index, given_name="Ola", family_name="Dahl")
    debate = EventPageFactory(
        parent=series,
        title="Debatt om KI",
        people=[
            (kari, Role.MODERATOR),
            (ola, Role.PARTICIPANT),
            (kari, Role.CONTACT),
            {"name": "Gjest Utenside", "role": Role.CONTACT, "phone": "+47 400 00 999"},
        ],
    )
    return SimpleNamespace(event=debate, kari=kari, ola=ola)


def warnings_on(response):
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return soup.select(".messages li.warning")


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


@pytest.mark.parametrize(
    ("language", "says", "moderator", "contact"),
    [
        (
            "nb",
            "Debatt om KI lenker til 2 personsider. Hvis du sletter arrangementet, fjernes "
            "lenkene, og personsidene viser ikke lenger arrangementet. Selve personsidene "
            "slettes ikke.",
            "Ordstyrer",
            "Kontaktperson",
        ),
        (
            "nn",
            "Debatt om KI har lenker til 2 personsider. Dersom du slettar arrangementet, blir "
            "lenkene fjerna, og personsidene viser ikkje lenger arrangementet. Sjølve "
            "personsidene blir ikkje sletta.",
            "Ordstyrar",
            "Kontaktperson",
        ),
        (
            "en",
            "Debatt om KI links to 2 person pages. If you delete the event, the links are "
            "removed and the person pages no longer list the event; the person pages are kept.",
            "Moderator",
            "Contact person",
        ),
    ],
)
def test_deleting_an_event_warns_which_person_pages_it_links(
    debate_with_people, language, says, moderator, contact
):
    event, kari, ola = debate_with_people.event, debate_with_people.kari, debate_with_people.ola
    client = editor_speaking(language)
    url = reverse("wagtailadmin_pages:delete", args=(event.pk,))

    (warning,) = warnings_on(client.get(url))

    assert warning.get_text(" ", strip=True).startswith(says)
    items = [item.get_text(" ", strip=True) for item in warning.select("li")]
    assert items[0] == f"Kari Lie ({moderator}, {contact})"
    assert items[1].startswith("Ola Dahl (")
    assert len(items) == 2  # the guest without a page loses no link
    assert [a["href"] for a in warning.select("a")] == [edit_url(kari), edit_url(ola)]
    # The editor can still delete it; the person pages stay, without the event.
    assert client.post(url).status_code == 302
    assert not EventPage.objects.filter(pk=event.pk).exists()
    assert PersonPage.objects.filter(pk__in=[kari.pk, ola.pk]).count() == 2
    assert not EventPerson.objects.filter(person__in=[kari, ola]).exists()


def test_no_warning_for_an_event_without_person_pages(series):
    event = EventPageFactory(
        parent=series,
        people=[{"name": "Gjest Utenside", "role": Role.CONTACT, "email": "gjest@example.org"}],
    )
    client = editor_speaking("nb")

    assert warnings_on(client.get(reverse("wagtailadmin_pages:delete", args=(event.pk,)))) == []


def test_a_bulk_delete_warns_of_each_event_and_person_in_the_editors_language(
    debate_with_people, series, people_index
):
    event, kari = debate_with_people.event, debate_with_people.kari
    quiet = EventPageFactory(parent=series, title="Uten folk")
    nils = PersonPageFactory(parent=people_index, given_name="Nils", family_name="Berg")
    panel = EventPageFactory(parent=series, title="Panel om presse", people=[nils])
    client = editor_speaking("nb")
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
    query = f"?id={event.pk}&id={quiet.pk}&id={nils.pk}&id={panel.pk}"

    warnings = [item.get_text(" ", strip=True) for item in warnings_on(client.get(url + query))]

    # One warning for each page with links, events and people alike.
    assert len(warnings) == 3, warnings
    (about_debate,) = [text for text in warnings if text.startswith("Debatt om KI")]
    assert about_debate.startswith("Debatt om KI lenker til 2 personsider.")
    assert "Kari Lie (Ordstyrer, Kontaktperson)" in about_debate
    (about_panel,) = [text for text in warnings if text.startswith("Panel om presse")]
    assert about_panel.startswith("Panel om presse lenker til 1 personside.")
    assert "Selve personsiden slettes ikke." in about_panel
    (about_nils,) = [text for text in warnings if text.startswith("Nils Berg")]
    assert about_nils.startswith("Nils Berg deltar i 1 arrangement.")
    # The editor can still delete them all.
    assert client.post(url + query).status_code == 302
    assert not EventPage.objects.filter(pk__in=[event.pk, quiet.pk, panel.pk]).exists()
    assert not PersonPage.objects.filter(pk=nils.pk).exists()
    assert PersonPage.objects.filter(pk=kari.pk).exists()


def test_the_event_warning_counts_the_person_pages_it_does_not_name(series, people_index):
    people = [PersonPageFactory(parent=people_index) for _ in range(12)]
    event = EventPageFactory(parent=series, people=people)
    client = editor_speaking("nn")

    (warning,) = warnings_on(client.get(reverse("wagtailadmin_pages:delete", args=(event.pk,))))

    items = warning.select("li")
    assert len(items) == 11
    assert items[-1].get_text() == "og 2 personsider til"
