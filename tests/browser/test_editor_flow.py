"""An editor publishes an event with a moderator and a participant; a visitor then reads it."""

import re
from datetime import UTC, datetime

from django.conf import settings
from django.utils import translation

from wagtail_events.models import EventPage, Role

TITLE = "Hvem skal eie havet?"
LEAD = "Fiskere, forskere og politikere om hvem havrommet skal tilhøre."


def in_language(language_code, text):
    """``text`` as the server renders it in that language, whatever the catalogues hold today."""
    with translation.override(language_code):
        return str(translation.gettext(text))


def login_labels():
    """The login page comes before any profile, so it speaks the site's default language."""
    from wagtail.admin.forms.auth import LoginForm

    with translation.override(settings.LANGUAGE_CODE):
        form = LoginForm()
        return str(form["username"].label), str(form["password"].label)


def log_in(page, username, password):
    page.goto("/admin/login/")
    username_label, password_label = login_labels()
    page.get_by_label(username_label).fill(username)
    password_field = page.get_by_label(password_label)
    password_field.fill(password)
    password_field.press("Enter")
    page.wait_for_url(re.compile(r"/admin/$"))


def type_datetime(page, label, value):
    """Types into the admin's date-time field and leaves it, as a person does."""
    field = page.get_by_role("textbox", name=label)
    field.click()
    field.press_sequentially(value)
    field.press("Tab")
    return field


def choose(page, expect, within, label, title):
    """Opens the chooser of the field labelled ``label`` and picks ``title`` in its modal.

    The chooser is found through its field's label: Wagtail 7.4 words a snippet chooser's button
    in the site's default language rather than the editor's, so the button's text varies.
    """
    field_id = within.get_by_text(label, exact=True).get_attribute("for")
    page.locator(f"#{field_id}-chooser").get_by_role("button").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=title).click()
    expect(dialog).to_be_hidden()
    expect(within).to_contain_text(title)


def add_person(page, expect, number, name, role):
    page.get_by_role("button", name="Add person").click()
    row = page.get_by_role("region", name=f"Person {number}")
    choose(page, expect, row, "Person", name)
    with translation.override("en"):
        row.get_by_role("combobox", name="Role").select_option(label=str(role.label))


def test_editor_publishes_an_event_and_visitors_see_who_takes_part(page, expect, programme):
    log_in(page, programme.username, programme.password)

    page.goto(f"/admin/pages/{programme.index.pk}/")
    page.get_by_role("link", name="Add child page").click()
    page.get_by_role("link", name=re.compile(r"^Event\b(?! index)")).click()

    page.get_by_role("textbox", name="Title").fill(TITLE)
    page.get_by_role("textbox", name="Lead").fill(LEAD)

    page.get_by_role("tab", name="Time and place").click()
    expect(type_datetime(page, "Starts", "2025-08-12 09:00")).to_have_value("2025-08-12 09:00")
    expect(type_datetime(page, "Ends", "2025-08-12 10:30")).to_have_value("2025-08-12 10:30")
    place = page.get_by_role("region", name="Place")
    choose(page, expect, place, "Venue", programme.venue.name)

    page.get_by_role("tab", name="People").click()
    add_person(page, expect, 1, programme.moderator.title, Role.MODERATOR)
    add_person(page, expect, 2, programme.participant.title, Role.PARTICIPANT)

    # The editor sets the address, so the visit below knows where the event lives.
    page.get_by_role("tab", name="Promote").click()
    page.get_by_role("textbox", name="Slug").fill("hvem-skal-eie-havet")

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()

    message = page.get_by_role("status")
    expect(message).to_contain_text(f"'{TITLE}'")
    expect(message).to_contain_text("published")

    # The admin reads typed times in the editor's zone, Oslo, two hours ahead of UTC in August.
    event = EventPage.objects.get(slug="hvem-skal-eie-havet")
    assert (event.start, event.end) == (
        datetime(2025, 8, 12, 7, 0, tzinfo=UTC),
        datetime(2025, 8, 12, 8, 30, tzinfo=UTC),
    )

    message.get_by_role("link", name="View live").click()
    page.wait_for_url(re.compile(r"/arendalsuka-2025/hvem-skal-eie-havet/$"))

    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text(LEAD)).to_be_visible()
    expect(page.get_by_text(programme.venue.name)).to_be_visible()
    public_language = settings.LANGUAGE_CODE
    moderators = page.get_by_role("region", name=in_language(public_language, "Moderator"))
    expect(moderators.get_by_role("link", name=programme.moderator.title)).to_be_visible()
    participants = page.get_by_role("region", name=in_language(public_language, "Participants"))
    expect(participants.get_by_role("link", name=programme.participant.title)).to_be_visible()
