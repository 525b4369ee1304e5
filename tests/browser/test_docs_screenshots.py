"""The editor guide's steps, in the Bokmål and the English admin, with a screenshot of each.

Each step checks what the editor sees before its picture is taken, so a guide step that stops
working fails here. The pictures go to pytest's temporary directory; to refresh the ones the
guides show, run with ``DOCS_SCREENSHOTS_DIR`` set to ``docs/_static/screenshots``: each
language's pictures go to a sub-directory named after it.
"""

import io
import os
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from tests.admin_words import javascript_catalogue, untranslated
from tests.browser.test_editor_flow import log_in, type_datetime
from tests.factories import EventTypeFactory, OrganisationFactory, PersonPageFactory, TopicFactory
from wagtail_events.models import EventPage, EventStatus, PersonPage, Role

VIEWPORT = {"width": 1280, "height": 800}
# Pictures above this size are saved as a palette PNG, which is plenty for an admin screen.
LARGEST_PNG = 150_000

TITLE = "Hvem skal eie havet?"
LEAD = "Fiskere, forskere og politikere om hvem havrommet skal tilhøre."
QUESTION = "Hvem bestemmer hva som skal skje i havrommet?"
ENGLISH_TITLE = "Who should own the sea?"
NEW_LEAD = "Fiskere, forskere og politikere om hvem havet skal tilhøre."


VISIBLE_TEXTS = """() => {
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
        const element = walker.currentNode.parentElement;
        const text = walker.currentNode.textContent.replace(/\\s+/g, " ").trim();
        if (!text || element.closest("script, style, template, noscript")) continue;
        if (!element.checkVisibility({checkOpacity: true, checkVisibilityCSS: true})) continue;
        texts.push(text);
    }
    // A button made of an input shows its value.
    for (const input of document.querySelectorAll("input[type=submit], input[type=button]")) {
        if (input.value.trim() && input.checkVisibility()) texts.push(input.value.trim());
    }
    return texts;
}"""


def speaks_norwegian(page, language, step):
    """Fails if the admin shows an English word, or in Nynorsk a Bokmål one, at this step.

    Only the admin is checked: the public pages speak their own page's language.
    """
    if language == "en" or "/admin/" not in page.url:
        return
    in_editor = bool(page.locator(".js-translation-editor").count())
    found = untranslated(page.evaluate(VISIBLE_TEXTS), language, in_editor)
    assert not found, f"{step}: the {language} admin shows {found}"


class Shots:
    """Saves a picture of the page, or of one element, under a step's name."""

    def __init__(self, page, directory, language, keep=False):
        self.page = page
        self.directory = directory
        self.language = language
        # Pictures kept for the guides are made small enough to commit; others are not kept.
        self.keep = keep
        directory.mkdir(parents=True, exist_ok=True)

    def __call__(self, name, element=None):
        speaks_norwegian(self.page, self.language, name)
        path = self.directory / f"{name}.png"
        # Focusing a field can scroll the editor sideways; the pictures start at the left. The
        # admin scrolls smoothly, so the scroll back must be instant to be over in the picture.
        self.page.evaluate(
            """document.querySelectorAll('*').forEach(e => {
                if (e.scrollLeft) e.scrollTo({left: 0, top: e.scrollTop, behavior: 'instant'});
            })"""
        )
        if element is not None and element.bounding_box()["height"] <= VIEWPORT["height"] / 2:
            element.screenshot(path=path)
        else:
            # A tall element is shown as the editor shows it: in view, under the sticky header.
            if element is not None:
                element.scroll_into_view_if_needed()
            self.page.screenshot(path=path)
        if self.keep:
            _shrink(path)
        return path


def _shrink(path):
    if path.stat().st_size <= LARGEST_PNG:
        return
    from PIL import Image

    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=128)
    buffer = io.BytesIO()
    small.save(buffer, format="PNG", optimize=True)
    path.write_bytes(buffer.getvalue())


class Admin:
    """The admin's words in one language: the package's and Wagtail's own catalogues."""

    def __init__(self, language):
        self.language = language

    def __call__(self, text, context=None):
        with translation.override(self.language):
            if context:
                return str(translation.pgettext(context, text))
            return str(translation.gettext(text))

    def js(self, text):
        """A word of the admin's JavaScript, as the translation editor's catalogues give it."""
        return javascript_catalogue(self.language).gettext(text)

    def field(self, verbose_name):
        """A model field's label: its verbose name with a capital first letter."""
        return capfirst(self(verbose_name))


def pick(page, expect, field_id, title):
    """Chooses ``title`` in the chooser of the field with that id.

    By id, not label: a required field's label ends in a star.
    """
    chooser = page.locator(f"#{field_id}-chooser")
    chooser.get_by_role("button").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("link", name=title).click()
    expect(dialog).to_be_hidden()
    expect(chooser).to_contain_text(title)
    # The dialog's shade fades out after it closes: the next picture must not catch it.
    expect(page.locator(".modal-backdrop")).to_have_count(0)


# Both guides' pictures when they are being retaken (make screenshots); otherwise the Norwegian
# admin, the one editors use: the English one walks the same steps, and the editor-flow test
# drives it too.
LANGUAGES = ["nb", "nn", "en"] if os.environ.get("DOCS_SCREENSHOTS_DIR") else ["nb", "nn"]


@pytest.fixture(
    params=[
        # The Nynorsk walk takes the Bokmål walk's steps with other words, which no database
        # changes: the Bokmål walk runs on each database, the Nynorsk one on SQLite.
        pytest.param(code, marks=pytest.mark.database_independent) if code == "nn" else code
        for code in LANGUAGES
    ]
)
def language(request):
    return request.param


@pytest.fixture
def shots(page, language, tmp_path):
    page.set_viewport_size(VIEWPORT)
    root = os.environ.get("DOCS_SCREENSHOTS_DIR")
    # The guides have no Nynorsk pages: the Nynorsk walk keeps its pictures to itself.
    if language == "nn":
        root = None
    return Shots(page, (Path(root) if root else tmp_path) / language, language, keep=bool(root))


@pytest.fixture
def editor_in(programme, language):
    """The programme's editor, with the admin in ``language``, and fictional snippets."""
    user = get_user_model().objects.get(username=programme.username)
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    people_index = programme.moderator.get_parent()
    # Only fictional people in the pictures.
    programme.moderator.delete()
    programme.participant.delete()
    programme.organisation = OrganisationFactory(name="Eksempeletaten", short_name="EE")
    programme.event_type = EventTypeFactory(name="Debatt")
    programme.topic = TopicFactory(name="Hav og fiskeri")
    programme.kari = PersonPageFactory(
        parent=people_index,
        given_name="Kari",
        family_name="Nordmann",
        job_title="Seksjonssjef",
        organisation=programme.organisation,
        slug="kari-nordmann",
    )
    programme.ola = PersonPageFactory(
        parent=people_index,
        given_name="Ola",
        family_name="Nordmann",
        job_title="Kommunikasjonsrådgiver",
        organisation=programme.organisation,
        email="ola.nordmann@example.org",
        phone="+47 400 00 000",
        slug="ola-nordmann",
    )
    Locale.objects.get_or_create(language_code="en")
    return programme


@pytest.mark.slow
def test_editor_guide(page, expect, shots, editor_in, language):
    site = editor_in
    t = Admin(language)
    log_in(page, site.username, site.password)

    # Before you start: a person page.
    page.goto("/admin/wagtail_events_people/")
    speaks_norwegian(page, language, "01-people")
    page.locator("main a[href*='choose_parent']").click()
    page.get_by_role("textbox", name=t.field("given name")).fill("Nora")
    page.get_by_role("textbox", name=t.field("family name")).fill("Nordmann")
    page.get_by_role("textbox", name=t.field("current title")).fill("Forsker")
    shots("01-person")
    page.get_by_role("button", name=t("More actions")).click()
    page.get_by_role("button", name=t("Publish")).click()
    expect(page.get_by_role("status")).to_contain_text("Nora Nordmann")
    speaks_norwegian(page, language, "01-person-published")
    site.nora = PersonPage.objects.get(title="Nora Nordmann")

    # The event's content, with the questions the debate asks.
    # The event settings' snippets, and the event listing with its filters.
    page.goto("/admin/snippets/wagtail_events/venue/")
    expect(page.get_by_role("link", name=site.venue.name)).to_be_visible()
    speaks_norwegian(page, language, "02-venues")
    page.goto("/admin/wagtail_events_events/")
    speaks_norwegian(page, language, "02-events")
    page.get_by_role("button", name=t("Show filters")).click()
    expect(page.get_by_text(t("Filter by"))).to_be_visible()
    speaks_norwegian(page, language, "02-event-filters")
    page.keyboard.press("Escape")
    page.locator("main a[href*='choose_parent']").click()
    page.get_by_role("textbox", name=t("Title")).fill(TITLE)
    page.get_by_role("textbox", name=t.field("lead")).fill(LEAD)
    pick(page, expect, "id_event_type", site.event_type.name)
    page.get_by_role("checkbox", name=site.topic.name).check()
    shots("02-content")
    body = page.locator("[id$=body-section]")
    # The block menu's words come from the admin's JavaScript catalogue: found by its class.
    body.locator("button.c-sf-add-button").first.click()
    speaks_norwegian(page, language, "03-block-menu")
    page.get_by_role("option", name=t("Questions")).click()
    body.get_by_role("textbox", name=t("Heading")).fill("I denne debatten spør vi:")
    # A list's items have no label of their own: the first question is the list's first box.
    body.locator("input[name*='questions'][name$='value']").first.fill(QUESTION)
    shots("03-questions", body)

    # Time and place.
    page.get_by_role("tab", name=t("Time and place")).click()
    expect(type_datetime(page, t.field("starts"), "2030-08-12 09:00")).to_have_value(
        "2030-08-12 09:00"
    )
    expect(type_datetime(page, t.field("ends"), "2030-08-12 10:30")).to_have_value(
        "2030-08-12 10:30"
    )
    pick(page, expect, "id_venue", site.venue.name)
    shots("04-time-and-place")

    # People: an organiser, a moderator, a participant and a contact person.
    page.get_by_role("tab", name=t("People")).click()
    page.locator("#id_organisers-ADD").click()
    pick(page, expect, "id_organisers-0-organisation", site.organisation.name)
    for number, (person, role) in enumerate(
        [(site.kari, Role.MODERATOR), (site.nora, Role.PARTICIPANT), (site.ola, Role.CONTACT)],
        start=1,
    ):
        page.locator("#id_event_people-ADD").click()
        row = page.get_by_role("region", name=f"{t('Person')} {number}")
        pick(page, expect, f"id_event_people-{number - 1}-person", person.title)
        row.get_by_role("combobox", name=t.field("role")).select_option(label=t(role.label))
    row.get_by_role("checkbox", name=t.field("show phone and email on this event")).check()
    shots("05-people", row)

    # Publish.
    page.get_by_role("button", name=t("More actions")).click()
    publish = page.get_by_role("button", name=t("Publish"))
    expect(publish).to_be_visible()
    shots("06-publish")
    publish.click()
    message = page.get_by_role("status")
    expect(message).to_contain_text(TITLE)
    speaks_norwegian(page, language, "06-published")
    event = EventPage.objects.get(title=TITLE)
    assert event.live
    assert [row.role for row in event.event_people.all()] == [
        Role.MODERATOR,
        Role.PARTICIPANT,
        Role.CONTACT,
    ]

    # What visitors see.
    page.goto(event.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(page.get_by_text("ola.nordmann@example.org")).to_be_visible()
    shots("07-public-page")

    # Translate into English.
    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.locator("header").get_by_role("button", name=t("Actions"), exact=True).click()
    speaks_norwegian(page, language, "08-actions-menu")
    page.get_by_role("link", name=t("Translate this page")).click()
    page.get_by_role("checkbox", name=re.compile("English|Engelsk")).check()
    shots("08-translate")
    page.get_by_role("button", name=t("Submit")).click()
    expect(page.get_by_text(TITLE).first).to_be_visible()
    shots("09-translation-editor")

    # The translation editor draws its buttons in JavaScript. The title is the first text.
    page.get_by_role("button", name=t.js("Translate"), exact=True).first.click()
    speaks_norwegian(page, language, "09-translating")
    page.locator("textarea").first.fill(ENGLISH_TITLE)
    page.get_by_role("button", name=t.js("Save"), exact=True).first.click()
    expect(page.get_by_text(ENGLISH_TITLE, exact=True).first).to_be_visible()
    english_name = dict(settings.WAGTAIL_CONTENT_LANGUAGES)["en"]
    page.get_by_role("button", name=t.js("Publish in ") + english_name).click()
    expect(page.get_by_role("status")).to_be_visible()
    speaks_norwegian(page, language, "10-published-in-english")
    english = EventPage.objects.get(
        locale__language_code="en", translation_key=event.translation_key
    )
    assert english.live
    page.goto(english.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(ENGLISH_TITLE)
    expect(page.get_by_text(LEAD)).to_be_visible()
    shots("10-english-page")

    # Sync: the Norwegian lead changes, and the English page follows at once.
    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.get_by_role("textbox", name=t.field("lead")).fill(NEW_LEAD)
    page.get_by_role("button", name=t("More actions")).click()
    page.get_by_role("button", name=t("Publish")).click()
    expect(page.get_by_role("status")).to_contain_text(TITLE)
    # Publishing leads to the explorer: the page's own menu is on its edit view.
    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.locator("header").get_by_role("button", name=t("Actions"), exact=True).click()
    speaks_norwegian(page, language, "10-actions-menu")
    page.get_by_role("link", name=t("Sync translated pages")).click()
    page.get_by_role("checkbox", name=t("Publish immediately")).check()
    speaks_norwegian(page, language, "10-sync")
    page.get_by_role("button", name=t("Submit")).click()
    expect(page.get_by_role("status")).to_be_visible()
    speaks_norwegian(page, language, "10-synced")
    page.goto(english.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(ENGLISH_TITLE)
    expect(page.get_by_text(NEW_LEAD)).to_be_visible()

    # Cancel: the status and a note, the time left as it was.
    page.goto(f"/admin/pages/{event.pk}/edit/")
    page.get_by_role("tab", name=t("Time and place")).click()
    status = page.get_by_role("region", name=t("Status"))
    status.get_by_role("combobox").select_option(label=t(EventStatus.CANCELLED.label))
    status.get_by_role("textbox").fill("Debatten er avlyst fordi ordstyreren er syk.")
    shots("11-cancel", status)
    page.get_by_role("button", name=t("More actions")).click()
    page.get_by_role("button", name=t("Publish")).click()
    expect(page.get_by_role("status")).to_contain_text(TITLE)
    page.goto(event.url)
    notice = page.get_by_role("status")
    # The public site speaks its own language, whatever the editor's admin does.
    expect(notice).to_contain_text(Admin(settings.LANGUAGE_CODE)(EventStatus.CANCELLED.label))
    shots("12-cancelled-page")
