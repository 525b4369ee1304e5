"""Personal data: contact details only where the editor made them public, events that outlive
a person page, the warning before deleting one, and the ``person_data`` export and erase."""

import datetime
import io
import json

import pytest
from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.core.files.images import ImageFile
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import PageLogEntry, Revision
from wagtail_localize.models import String, TranslationSource

from tests import builders
from tests.factories import (
    EventPageFactory,
    OrganisationFactory,
    PersonPageFactory,
    page_type,
    publish,
    published_quickly,
)
from wagtail_events.base_page import page_model
from wagtail_events.models import EventPage, EventPerson, PersonPage, Role
from wagtail_events.personal_data.person_data import placeholder

pytestmark = pytest.mark.django_db

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

# Kari's contact details are for editors only: no output may show them, in any form.
KARI_PHONE = "+47 911 22 334"
KARI_EMAIL = "hemmelig.kari@example.org"
KARI_SECRETS = (KARI_PHONE, "91122334", KARI_EMAIL, "hemmelig.kari")
# Per made his public on his own page, and for one event only.
PER_PHONE = "+47 922 33 445"
PER_EMAIL = "aapen.per@example.org"
PER_SECRETS = (PER_PHONE, "92233445", PER_EMAIL)


def at(days):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=1)}


def text(response):
    assert response.status_code == 200, response.status_code
    # Calendars fold long lines: unfold them, or an address could hide across two lines.
    return response.content.decode().replace("\r\n ", "")


def assert_hidden(output, secrets, where):
    shown = [secret for secret in secrets if secret in output]
    assert shown == [], f"{where} shows {shown}"


def build_kari(people_index):
    return PersonPageFactory(
        parent=people_index,
        given_name="Kari",
        family_name="Hemmeligsen",
        job_title="Seniorrådgiver",
        organisation=OrganisationFactory(name="Helsedirektoratet", short_name=""),
        phone=KARI_PHONE,
        email=KARI_EMAIL,
        phone_public=False,
        email_public=False,
    )


def build_per(people_index):
    return PersonPageFactory(
        parent=people_index,
        given_name="Per",
        family_name="Aapen",
        phone=PER_PHONE,
        email=PER_EMAIL,
        phone_public=True,
        email_public=True,
    )


def build_closed(series, kari, per):
    """Kari and Per are its contacts and Kari its moderator; the editor made no contact public."""
    return EventPageFactory(
        parent=series,
        title="Lukket kontakt",
        slug="lukket-kontakt",
        people=[
            (kari, Role.MODERATOR),
            {"person": kari, "role": Role.CONTACT},
            {"person": per, "role": Role.CONTACT},
        ],
        **at(3),
    )


def build_open(series, per):
    """Per is its contact, and the editor made his phone and email public on it."""
    return EventPageFactory(
        parent=series,
        title="Åpen kontakt",
        slug="apen-kontakt",
        people=[{"person": per, "role": Role.CONTACT, "contact_public": True}],
        **at(4),
    )


@pytest.fixture
def kari(people_index):
    return build_kari(people_index)


@pytest.fixture
def per(people_index):
    return build_per(people_index)


class TestContacts:
    """Kari, Per and the two events they are contacts of, which these tests read (or change,
    erase included, inside their own savepoint): built once for the class."""

    @pytest.fixture(scope="class")
    @classmethod
    def shared(cls, shared_tree, django_db_blocker):
        with builders.shared_data(django_db_blocker):
            tree = builders.fresh(shared_tree)
            kari, per = build_kari(tree.people_index), build_per(tree.people_index)
            yield {
                "kari": kari,
                "per": per,
                "closed": build_closed(tree.series, kari, per),
                "open_": build_open(tree.series, per),
            }

    @pytest.fixture
    def kari(self, shared, db):
        return builders.fresh(shared["kari"])

    @pytest.fixture
    def per(self, shared, db):
        return builders.fresh(shared["per"])

    @pytest.fixture
    def closed(self, shared, db):
        return builders.fresh(shared["closed"])

    @pytest.fixture
    def open_(self, shared, db):
        return builders.fresh(shared["open_"])

    def test_the_event_rows_hold_the_contact_details_for_editors(self, closed):
        # Otherwise the tests below would pass for want of anything to leak.
        rows = {(row.name, row.role): row for row in closed.event_people.all()}
        assert rows[("Kari Hemmeligsen", Role.CONTACT)].email == KARI_EMAIL
        assert rows[("Kari Hemmeligsen", Role.CONTACT)].phone == KARI_PHONE
        assert rows[("Per Aapen", Role.CONTACT)].email == PER_EMAIL

    def test_event_page_and_its_json_ld_show_only_contacts_made_public_for_the_event(
        self, client, closed, open_
    ):
        html = text(client.get(closed.url))
        assert "Kari Hemmeligsen" in html
        assert 'type="application/ld+json"' in html
        assert_hidden(html, KARI_SECRETS + PER_SECRETS, "the closed event's page")

        html = text(client.get(open_.url))
        assert PER_PHONE in html
        assert f"mailto:{PER_EMAIL}" in html
        json_ld = BeautifulSoup(html, "html.parser").find("script", type="application/ld+json")
        assert_hidden(json_ld.string, KARI_SECRETS + PER_SECRETS, "JSON-LD")

    def test_calendars_name_only_a_public_contact_as_organizer(
        self, client, series, kari, closed, open_
    ):
        closed_ics = text(client.get(closed.url + "calendar/"))
        assert "BEGIN:VEVENT" in closed_ics
        assert_hidden(closed_ics, KARI_SECRETS + PER_SECRETS, "the closed event's .ics")
        assert f"mailto:{PER_EMAIL}" in text(client.get(open_.url + "calendar/"))
        for url in (series.url + "calendar/", kari.url + "calendar/", "/api/events.ics"):
            assert_hidden(text(client.get(url)), KARI_SECRETS, url)

    def test_events_api_shows_only_contacts_made_public_for_the_event(self, client, closed, open_):
        listed = {item["title"]: item for item in client.get("/api/events/").json()["items"]}
        detail = client.get(f"/api/events/{closed.pk}/").json()
        for item, where in ((listed["Lukket kontakt"], "list"), (detail, "detail")):
            assert [person["name"] for person in item["people"]] == [
                "Kari Hemmeligsen",
                "Kari Hemmeligsen",
                "Per Aapen",
            ]
            assert_hidden(json.dumps(item), KARI_SECRETS + PER_SECRETS, f"the events API {where}")
        shown = [(p["phone"], p["email"]) for p in listed["Åpen kontakt"]["people"]]
        assert shown == [(PER_PHONE, PER_EMAIL)]

    def test_wagtail_api_v2_shows_only_what_was_made_public(self, client, kari, per, closed, open_):
        people = client.get(
            "/api/v2/pages/", {"type": page_type("PERSON_PAGE_MODEL"), "fields": "*"}
        ).json()["items"]
        by_name = {item["title"]: item for item in people}
        assert (
            by_name["Kari Hemmeligsen"]["public_phone"],
            by_name["Kari Hemmeligsen"]["public_email"],
        ) == ("", "")
        assert by_name["Per Aapen"]["public_email"] == PER_EMAIL
        assert_hidden(json.dumps(by_name["Kari Hemmeligsen"]), KARI_SECRETS, "API v2 people")
        assert_hidden(
            text(client.get(f"/api/v2/pages/{kari.pk}/")), KARI_SECRETS, "API v2 person detail"
        )

        events = client.get(
            "/api/v2/pages/", {"type": page_type("EVENT_PAGE_MODEL"), "fields": "*"}
        ).json()["items"]
        by_title = {item["title"]: item for item in events}
        assert_hidden(
            json.dumps(by_title["Lukket kontakt"]), KARI_SECRETS + PER_SECRETS, "API v2 events"
        )
        assert_hidden(
            text(client.get(f"/api/v2/pages/{closed.pk}/")),
            KARI_SECRETS + PER_SECRETS,
            "API v2 event detail",
        )
        assert [p["email"] for p in by_title["Åpen kontakt"]["people"]] == [PER_EMAIL]

    def test_feeds_and_the_widget_never_show_private_contact_details(
        self, client, series, closed, open_
    ):
        for url in (series.url + "feed/", series.url + "feed/atom/", "/embed/events/"):
            output = text(client.get(url))
            assert "Lukket kontakt" in output
            assert_hidden(output, KARI_SECRETS, url)

    def test_export_holds_every_language_their_revisions_and_the_events_naming_them(
        self, kari, kari_in_english, closed, open_
    ):
        # An earlier phone number, still in a revision.
        draft = kari.get_latest_revision_as_object()
        draft.phone = "+47 933 44 556"
        draft.save_revision()

        data = json.loads(run("export", "kari-hemmeligsen"))

        assert data["translation_key"] == str(kari.translation_key)
        pages = {page["language"]: page for page in data["pages"]}
        assert set(pages) == {"nb", "en"}
        assert pages["nb"]["id"] == kari.pk
        assert (pages["nb"]["email"], pages["nb"]["email_public"]) == (KARI_EMAIL, False)
        assert pages["nb"]["phone"] == KARI_PHONE
        assert pages["en"]["job_title"] == "Senior adviser"
        assert pages["nb"]["revisions"] == 2
        assert pages["nb"]["earlier_values_in_revisions"] == {"phone": ["+47 933 44 556"]}
        assert pages["nb"]["organisation"] == "Helsedirektoratet"
        assert [(row["event"]["title"], row["role"], row["email"]) for row in data["events"]] == [
            ("Lukket kontakt", "moderator", ""),
            ("Lukket kontakt", "contact", KARI_EMAIL),
        ]
        assert data["events"][0]["event"]["start"] == closed.start.isoformat()
        with translation.override("nb"):
            assert data["events"][0]["role_label"] == str(Role.MODERATOR.label)
        assert data["event_revisions_naming_them"] == 1
        # The same id finds the same person, in either language.
        assert json.loads(run("export", str(kari_in_english.pk)))["pages"] == data["pages"]

    def test_a_dry_run_changes_nothing(self, kari, closed):
        before = database_text()
        output = run("erase", "kari-hemmeligsen", "--names=keep", "--dry-run")
        assert "dry run: nothing changed" in output
        assert "event rows: 1 keep the name, 0 get 'Name withheld', 1 removed" in output
        assert database_text() == before

    def test_erase_keeping_names_leaves_the_events_what_was_true_and_nothing_else(
        self, client, kari, kari_in_english, closed
    ):
        # An old revision of the event still has Kari as a contact with her details.
        event = closed.get_latest_revision_as_object()
        event.title = "Lukket kontakt (endret)"
        event.save_revision().publish()
        log_entries = PageLogEntry.objects.filter(page_id=kari.pk).count()

        output = run("erase", "kari-hemmeligsen", "--names=keep")

        assert "delete person page" in output
        assert not PersonPage.objects.filter(translation_key=kari.translation_key).exists()
        assert (
            not Revision.objects.filter(object_id__in=[str(kari.pk), str(kari_in_english.pk)])
            .filter(base_content_type__model="page")
            .exists()
        )
        rows = list(EventPerson.objects.filter(page=closed).order_by("sort_order"))
        # The moderator row keeps the name, title and organisation; her contact row is gone.
        assert [(r.role, r.person_id, r.name, r.title, r.phone, r.email) for r in rows] == [
            (Role.MODERATOR, None, "Kari Hemmeligsen", "Seniorrådgiver", "", ""),
            (Role.CONTACT, rows[1].person_id, "Per Aapen", "Seniorrådgiver", PER_PHONE, PER_EMAIL),
        ]
        assert rows[0].organisation.name == "Helsedirektoratet"
        # Nowhere in the database: not in revisions, history or translation data.
        dump = database_text()
        assert_hidden(dump, KARI_SECRETS, "the database")
        assert PageLogEntry.objects.filter(page_id=kari.pk).count() == log_entries + 1
        assert set(
            PageLogEntry.objects.filter(page_id=kari.pk).values_list("label", flat=True)
        ) == {"[erased person]"}
        html = text(client.get(closed.url))
        assert "Kari Hemmeligsen" in html
        assert client.get(kari.url).status_code == 404

        # Again: she is gone, and it says so without changing anything.
        with pytest.raises(CommandError, match="erasing them again has nothing to do"):
            run("erase", "kari-hemmeligsen", "--names=keep")
        assert database_text() == dump

    def test_erase_replacing_names_leaves_nothing_that_names_them(
        self, client, kari, series, locale_en, closed
    ):
        english_event = closed.copy_for_translation(locale_en, copy_parents=True)
        publish(english_event)
        assert EventPage.objects.search("Hemmeligsen").count() == 2

        run("erase", str(kari.pk), "--names=replace")

        shown = {
            (row.page.locale.language_code, row.role, row.name, row.title, row.organisation_id)
            for row in EventPerson.objects.filter(role=Role.MODERATOR)
        }
        # In each event's language.
        assert shown == {
            ("nb", Role.MODERATOR, placeholder("nb"), "", None),
            ("en", Role.MODERATOR, "Name withheld", "", None),
        }
        dump = database_text()
        assert_hidden(dump, (*KARI_SECRETS, "Hemmeligsen"), "the database")
        assert EventPage.objects.search("Hemmeligsen").count() == 0

    def test_erase_purges_the_events_it_changed_from_a_cdn(
        self, kari, closed, open_, purged, django_capture_on_commit_callbacks
    ):
        with django_capture_on_commit_callbacks(execute=True):
            run("erase", "kari-hemmeligsen", "--names=keep")

        # Her event, its page and its API answer; not the event she was never in.
        assert closed.get_full_url() in purged
        assert any(url.endswith(f"/api/events/{closed.pk}/") for url in purged)
        assert open_.get_full_url() not in purged
        assert not any(url.endswith(f"/api/events/{open_.pk}/") for url in purged)

    def test_erase_removing_names_takes_them_out_of_every_event(self, kari, closed, open_):
        run("erase", "kari-hemmeligsen", "--names=remove")

        assert [row.name for row in EventPerson.objects.filter(page=closed)] == ["Per Aapen"]
        assert_hidden(database_text(), (*KARI_SECRETS, "Hemmeligsen"), "the database")
        assert page_model().objects.filter(pk=open_.pk).exists()

    def test_erase_removes_the_translation_data_of_the_person(
        self, kari, closed, translate_into_english
    ):
        translate_into_english(
            kari,
            {
                "Kari Hemmeligsen": "Kari Hemmeligsen",
                "kari-hemmeligsen": "kari-hemmeligsen",
                "Seniorrådgiver": "Senior adviser",
            },
        )
        assert TranslationSource.objects.filter(object_id=kari.translation_key).exists()

        run("erase", "kari-hemmeligsen", "--names=replace")

        assert not TranslationSource.objects.filter(object_id=kari.translation_key).exists()
        assert not String.objects.filter(data="Kari Hemmeligsen").exists()
        assert_hidden(database_text(), (*KARI_SECRETS, "Hemmeligsen"), "the database")


def test_person_pages_show_only_what_the_person_made_public(client, kari, per):
    assert_hidden(text(client.get(kari.url)), KARI_SECRETS, "Kari's page")
    html = text(client.get(per.url))
    assert PER_PHONE in html
    assert f"mailto:{PER_EMAIL}" in html
    assert_hidden(text(client.get("/personer/")), KARI_SECRETS, "the person index")


def test_people_api_shows_only_what_the_person_made_public(client, kari, per):
    listed = {item["name"]: item for item in client.get("/api/people/").json()["items"]}
    detail = client.get(f"/api/people/{kari.pk}/").json()
    for item, where in ((listed["Kari Hemmeligsen"], "list"), (detail, "detail")):
        assert (item["phone"], item["email"]) == ("", "")
        assert_hidden(json.dumps(item), KARI_SECRETS, f"the people API {where}")
    assert (listed["Per Aapen"]["phone"], listed["Per Aapen"]["email"]) == (PER_PHONE, PER_EMAIL)


# Deleting or unpublishing a person page.


@pytest.fixture
def ingrid(people_index):
    return PersonPageFactory(
        parent=people_index,
        given_name="Ingrid",
        family_name="Berg",
        job_title="Nyhetsredaktør",
        organisation=OrganisationFactory(name="Agderposten", short_name=""),
    )


@pytest.fixture
def debate(series, ingrid):
    event = EventPageFactory(
        parent=series, title="Debatt om KI", slug="debatt-om-ki", people=[(ingrid, Role.MODERATOR)]
    )
    # She changes jobs after the event: the event keeps what was true then.
    ingrid = ingrid.get_latest_revision_as_object()
    ingrid.job_title = "Sjefredaktør"
    ingrid.organisation = OrganisationFactory(name="NRK", short_name="")
    ingrid.save_revision().publish()
    return event


def assert_event_names_ingrid_without_a_link(client, debate, ingrid_url):
    html = text(client.get(debate.url))
    person = BeautifulSoup(html, "html.parser").select_one(".we-person__name")
    assert person.get_text() == "Ingrid Berg"
    assert person.find("a") is None
    assert "Nyhetsredaktør" in html
    assert "Agderposten" in html
    assert "Sjefredaktør" not in html
    assert ingrid_url not in html

    item = client.get(f"/api/events/{debate.pk}/").json()["people"][0]
    assert (item["name"], item["title"], item["organisation"]["name"], item["url"]) == (
        "Ingrid Berg",
        "Nyhetsredaktør",
        "Agderposten",
        None,
    )
    v2 = client.get(f"/api/v2/pages/{debate.pk}/").json()["people"][0]
    assert (v2["name"], v2["title"], v2["url"]) == ("Ingrid Berg", "Nyhetsredaktør", None)
    # The calendar names no one, but the event stays in it.
    assert "SUMMARY:Debatt om KI" in text(client.get(debate.url + "calendar/"))


def test_events_keep_the_person_when_their_page_is_unpublished(client, ingrid, debate):
    url = ingrid.url
    assert url in text(client.get(debate.url))
    ingrid.unpublish()

    assert_event_names_ingrid_without_a_link(client, debate, url)


def test_events_keep_the_person_when_their_page_is_deleted(client, ingrid, debate):
    url = ingrid.url
    ingrid.delete()

    assert EventPerson.objects.get(page=debate).person is None
    assert_event_names_ingrid_without_a_link(client, debate, url)
    assert client.get(f"/api/events/{debate.pk}/").json()["people"][0]["person_id"] is None


def test_an_event_whose_person_was_deleted_can_still_be_edited(ingrid, debate):
    ingrid.delete()
    row = EventPerson.objects.get(page=debate)
    row.clean()  # the row keeps the name, so the event can be saved again

    new_row = EventPerson(page=debate, role=row.role)
    with pytest.raises(ValidationError):
        new_row.clean()  # a new moderator still needs a person page


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=(page.pk,))


def test_editors_are_warned_which_events_a_person_takes_part_in(
    admin_client, series, ingrid, debate
):
    EventPageFactory(parent=series, title="Panel om presse", people=[(ingrid, Role.SPEAKER)])
    EventPageFactory(parent=series, title="Uten Ingrid")

    html = text(admin_client.get(delete_url(ingrid)))

    messages = BeautifulSoup(html, "html.parser").select(".messages li.warning")
    assert len(messages) == 1
    warning = messages[0].get_text(" ", strip=True)
    assert "Ingrid Berg takes part in 2 events" in warning
    assert "keep the name, title and organisation" in warning
    links = {a.get_text(): a["href"] for a in messages[0].find_all("a")}
    assert links == {
        "Debatt om KI": reverse("wagtailadmin_pages:edit", args=(debate.pk,)),
        "Panel om presse": reverse(
            "wagtailadmin_pages:edit", args=(EventPage.objects.get(title="Panel om presse").pk,)
        ),
    }
    # The editor can still delete, and the events keep her name.
    response = admin_client.post(delete_url(ingrid))
    assert response.status_code == 302
    assert not PersonPage.objects.filter(pk=ingrid.pk).exists()
    assert EventPerson.objects.get(page=debate).name == "Ingrid Berg"


def test_the_warning_counts_the_events_it_does_not_name(admin_client, series, ingrid):
    with published_quickly():
        for number in range(12):
            EventPageFactory(parent=series, title=f"Arrangement {number}", people=[ingrid])

    warning = BeautifulSoup(text(admin_client.get(delete_url(ingrid))), "html.parser")
    items = warning.select(".messages li.warning li")
    assert len(items) == 11
    assert items[-1].get_text() == "and 2 more events"


def test_no_warning_for_a_person_in_no_event_or_another_page(
    admin_client, series, people_index, ingrid
):
    for page in (ingrid, series):
        html = text(admin_client.get(delete_url(page)))
        assert BeautifulSoup(html, "html.parser").select(".messages li.warning") == []


# The person_data command.


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("person_data", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def kari_in_english(kari, locale_en, people_index):
    english = kari.copy_for_translation(locale_en, copy_parents=True)
    english.job_title = "Senior adviser"
    publish(english)
    return PersonPage.objects.get(pk=english.pk)


def test_an_unknown_person_is_a_clear_error(db):
    with pytest.raises(CommandError, match="No person page has the slug or id 'ingen-slik'"):
        run("export", "ingen-slik")
    with pytest.raises(CommandError, match="No person page has the slug or id '999999'"):
        run("erase", "999999", "--names=keep")


def test_erase_asks_what_events_show_instead(kari):
    with pytest.raises(CommandError, match="--names keep"):
        run("erase", "kari-hemmeligsen")
    assert PersonPage.objects.filter(pk=kari.pk).exists()


def database_text():
    out = io.StringIO()
    call_command("dumpdata", stdout=out)
    return out.getvalue()


def test_erase_deletes_a_portrait_nothing_else_uses(kari, series):
    portraits = [
        Image.objects.create(title=title, file=ImageFile(get_test_image_file(), name="p.png"))
        for title in ("Kari", "Kari i fjor", "Felles bilde")
    ]
    for portrait in portraits:
        page = kari.get_latest_revision_as_object()
        page.portrait = portrait
        page.save_revision().publish()
    EventPageFactory(parent=series, image=portraits[2])

    output = run("erase", "kari-hemmeligsen", "--names=keep")

    assert list(Image.objects.values_list("title", flat=True)) == ["Felles bilde"]
    assert f"keep portrait image {portraits[2].pk}, used elsewhere: Felles bilde" in output


def test_an_agenda_naming_a_deleted_person_names_the_others_cleanly(client, series, ingrid, per):
    event = EventPageFactory(
        parent=series,
        title="Agenda med to",
        body=[
            {
                "type": "agenda",
                "value": {
                    "heading": "Program",
                    "items": [
                        {
                            "start_time": "09:00",
                            "end_time": "09:30",
                            "title": "Samtale",
                            "description": "",
                            "people": [ingrid.pk, per.pk],
                        }
                    ],
                },
            }
        ],
    )
    ingrid.delete()

    names = BeautifulSoup(text(client.get(event.url)), "html.parser").select_one(
        ".we-agenda__items li p"
    )
    assert names.get_text() == per.title
