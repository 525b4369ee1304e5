"""The editor guide's steps, in the Bokmål and the English admin, with a screenshot of each.

Each step checks what the editor sees before its picture is taken, so a guide step that stops
working fails here. The pictures go to pytest's temporary directory; to refresh the ones the
guides show, run with ``DOCS_SCREENSHOTS_DIR`` set to ``docs/_static/screenshots``: each
language's pictures go to a sub-directory named after it.
"""

import io
import os
import re
from functools import cache
from pathlib import Path

import django
import polib
import pytest
import wagtail
import wagtail.admin
import wagtail_localize
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import translation
from django.utils.text import capfirst
from wagtail.models import Locale
from wagtail.users.models import UserProfile

import wagtail_events
import wagtail_events.admin_locale
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


# What the Norwegian admin may show that is also an English message of Django, Wagtail,
# wagtail-localize or this package: words that are the same in Norwegian, and the names the
# site gives its languages (WAGTAIL_CONTENT_LANGUAGES), which are its own content.
SAME_IN_NORWEGIAN = {"Status", "Person", "Moderator", "Type"}
# wagtail-localize 1.14's translation editor writes this screen-reader text in English in its
# JavaScript, past every catalogue: it is allowed there and nowhere else.
HARD_CODED_IN_TRANSLATION_EDITOR = {"More actions"}

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
_PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_]*\}")


def _catalogues(language):
    """The .po files of Django, Wagtail, wagtail-localize and this package in ``language``."""
    roots = [Path(module.__file__).parent for module in (django, wagtail, wagtail_localize)]
    roots.append(Path(wagtail_events.__file__).parent)
    for root in roots:
        yield from root.glob(f"**/locale/{language}/LC_MESSAGES/*.po")


@cache
def _english_messages():
    """Every English message, as the exact texts and as patterns for those with placeholders.

    A placeholder matches any text, and a message with a space at either end (the rest is
    joined on in code) any text around it.
    Messages with markup are split into several text nodes and left out, as are those whose
    words are too short to tell from anything else.
    """
    exact, patterns = set(), []
    for path in _catalogues("en"):
        for entry in polib.pofile(str(path)):
            for message in filter(None, (entry.msgid, entry.msgid_plural)):
                parts = [re.sub(r"\s+", " ", part) for part in _PLACEHOLDER.split(message)]
                if "<" in message or sum(c.isalpha() for c in "".join(parts)) < 4:
                    continue
                if len(parts) == 1 and message == message.strip():
                    exact.add(parts[0].strip())
                # One word and a placeholder ("Status %(status)s") matches Norwegian texts
                # that start with the same word: a pattern needs two words of its own.
                elif len(re.findall(r"[^\W\d_]+", "".join(parts))) >= 2:
                    pattern = ".+".join(re.escape(part) for part in parts)
                    patterns.append(f".*{pattern}.*" if len(parts) == 1 else pattern)
    return exact, re.compile("|".join(patterns))


@cache
def _bokmal_fallbacks():
    """Bokmål texts of Wagtail and wagtail-localize whose message has no Nynorsk translation.

    Wagtail has no Nynorsk catalogue, and Django falls back from a message a language lacks to
    the site's LANGUAGE_CODE: a Bokmål site would show these in its Nynorsk admin. Which
    messages have Nynorsk words is asked of Django's own merged catalogue, without its fallback.
    """
    nynorsk = {
        **dict(translation.trans_real.translation("nn")._catalog.items()),
        **dict(_javascript_catalogue("nn")._catalog.items()),
    }
    nynorsk_words = set(nynorsk.values())
    return {
        entry.msgstr
        for path in _catalogues("nb")
        if "wagtail_events" not in path.parts
        for entry in polib.pofile(str(path))
        if entry.msgstr
        and (f"{entry.msgctxt}\x04{entry.msgid}" if entry.msgctxt else entry.msgid) not in nynorsk
        # A Bokmål word that is also the Nynorsk one of another message is Nynorsk too.
        and entry.msgstr not in nynorsk_words
    }


def untranslated(page, language):
    """The admin's visible texts on ``page`` that are English, or, in Nynorsk, Bokmål."""
    exact, patterns = _english_messages()
    allowed = SAME_IN_NORWEGIAN | {str(name) for _, name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if page.locator(".js-translation-editor").count():
        allowed |= HARD_CODED_IN_TRANSLATION_EDITOR
    found = []
    for text in page.evaluate(VISIBLE_TEXTS):
        if text in allowed:
            continue
        if text in exact or patterns.fullmatch(text):
            found.append(text)
        elif language == "nn" and text in _bokmal_fallbacks():
            found.append(f"{text} (Bokmål)")
    return found


def speaks_norwegian(page, language, step):
    """Fails if the admin shows an English word, or in Nynorsk a Bokmål one, at this step.

    Only the admin is checked: the public pages speak their own page's language.
    """
    if language == "en" or "/admin/" not in page.url:
        return
    found = untranslated(page, language)
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


@cache
def _javascript_catalogue(language):
    """The JavaScript catalogues the translation editor loads, in their order, the last winning:
    Wagtail's, wagtail-localize's, then this package's admin words (see its wagtail_hooks)."""
    apps = (wagtail.admin, wagtail_localize, wagtail_events.admin_locale)
    return translation.trans_real.DjangoTranslation(
        language,
        domain="djangojs",
        localedirs=[str(Path(app.__file__).parent / "locale") for app in apps],
    )


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
        return _javascript_catalogue(self.language).gettext(text)

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
