"""Host sites embed the widget from their own origin: one on a profile's allowlist sees the
profile's events in the iframe and in the custom element, any other sees neither."""

import datetime
import http.server
import json
import threading
from contextlib import contextmanager
from urllib.parse import urlsplit

import pytest
from django.utils import timezone, translation
from wagtail.models import Locale

from tests.browser.test_accessibility import describe
from tests.factories import EventPageFactory, OrganisationFactory, VenueFactory
from tests.test_xss import CORPUS, IMG, JS_URL, QUOTE, SCRIPT, SVG
from wagtail_events.models import EmbedProfile, EventStatus

# A host page as the embedding guide shows it, with CSS of its own that must not reach the
# widget's list, and one custom property that themes it.
HOST_PAGE = """<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>Vertsside</title>
<script src="{events_site}/static/wagtail_events/embed.js" defer></script>
<style>
  a {{ color: rgb(255, 0, 0) !important; }}
  li {{ display: none !important; }}
  wagtail-events {{ --we-accent: #7a1f5c; }}
</style>
</head>
<body>
<h1>Arrangementer</h1>
<iframe title="Arrangementer" src="{events_site}/embed/events/?profile=vert"></iframe>
<wagtail-events profile="vert"></wagtail-events>
</body>
</html>
"""


@contextmanager
def host_site(events_site, page=HOST_PAGE, files=None):
    """A web server on another port of 127.0.0.1, so another origin, serving the host page.

    ``files`` maps other paths to (content type, bytes); anything else is not found.
    """
    files = {
        "/": ("text/html; charset=utf-8", page.format(events_site=events_site).encode()),
        **(files or {}),
    }

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            found = files.get(urlsplit(self.path).path)
            if found is None:
                self.send_error(404)
                return
            content_type, body = found
            self.send_response(200)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def at(days):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=1)}


@pytest.fixture
def events(programme):
    """The host's organiser's two upcoming events (one cancelled), and someone else's."""
    host = OrganisationFactory(name="Vertsetaten", slug="vertsetaten")
    return {
        "host": [
            EventPageFactory(
                parent=programme.index, title="Webinar om KI", organisers=[host], **at(1)
            ),
            EventPageFactory(
                parent=programme.index,
                title="Kurs i klarspråk",
                organisers=[host],
                status=EventStatus.CANCELLED,
                **at(2),
            ),
        ],
        "other": EventPageFactory(
            parent=programme.index,
            title="Andres debatt",
            organisers=[OrganisationFactory()],
            **at(1),
        ),
        "organiser": host,
    }


@pytest.fixture
def browser_context(chromium, live_server):
    """A tab's context that may reach the live server and the host sites on 127.0.0.1 only."""
    context = chromium.new_context()
    context.set_default_timeout(10_000)
    context.route(lambda url: not url.startswith("http://127.0.0.1:"), lambda route: route.abort())
    yield context
    context.close()


def test_only_an_allowlisted_host_site_shows_the_profiles_events(
    browser_context, expect, axe, live_server, events
):
    expected = [event.title for event in events["host"]]
    with host_site(live_server.url) as allowed, host_site(live_server.url) as refused:
        profile = EmbedProfile(
            name="Vertssiden",
            slug="vert",
            allowed_origins=allowed,
            language="nb",
            organisers=[events["organiser"]],
        )
        profile.full_clean()
        profile.save()

        tab = browser_context.new_page()
        tab.goto(allowed)
        framed = tab.frame_locator("iframe").locator("a.we-embed__title")
        expect(framed).to_have_text(expected)
        assert [link.get_attribute("target") for link in framed.all()] == ["_top", "_top"]
        widget = tab.locator("wagtail-events")
        expect(widget).to_have_attribute("state", "loaded")
        # Playwright's locators reach into the open shadow root.
        links = widget.locator("a")
        expect(links).to_have_text(expected)
        assert links.first.get_attribute("href") == events["host"][0].full_url
        expect(widget.locator("[part=status]")).to_have_text(["Avlyst"])
        # The host's rules stop at the shadow root; its custom property goes through.
        expect(widget.locator("li").first).to_be_visible()
        expect(links.first).to_have_css("color", "rgb(122, 31, 92)")
        violations = axe(tab)
        assert not violations, describe(violations)
        # The host page's own script may change what it asks for.
        widget.evaluate("element => element.setAttribute('limit', '1')")
        expect(links).to_have_text(expected[:1])

        tab = browser_context.new_page()
        refusals = []
        tab.on("console", lambda message: refusals.append(message.text))
        tab.goto(refused)
        widget = tab.locator("wagtail-events")
        expect(widget).to_have_attribute("state", "error")
        expect(widget.locator("[part=message]")).to_have_text(
            "Kunne ikke hente arrangementene. Prøv igjen senere."
        )
        assert widget.locator("a").count() == 0
        # The browser refuses to show the list in the frame: frame-ancestors leaves it out.
        expect(tab.frame_locator("iframe").locator("body")).not_to_contain_text(expected[0])
        assert any("frame-ancestors" in text for text in refusals), refusals


def test_the_frame_has_no_wcag_violations_in_either_language(chromium, axe, live_server, events):
    english = events["host"][1].copy_for_translation(
        Locale.objects.get(language_code="en"), copy_parents=True
    )
    english.title = "Plain language course"
    english.save_revision().publish()
    EmbedProfile.objects.create(name="Vertssiden", slug="vert", language="nb")
    # axe is injected as a script, which the frame's policy forbids; framing is not tested here.
    context = chromium.new_context(base_url=live_server.url, bypass_csp=True)
    tab = context.new_page()

    found = []
    for language, title in (("nb", "Kurs i klarspråk"), ("en", english.title)):
        response = tab.goto(f"/embed/events/?profile=vert&lang={language}")
        assert response.ok
        assert title in tab.locator("main").inner_text()
        violations = axe(tab)
        if violations:
            found.append(f"{language}:\n{describe(violations)}")
    context.close()
    assert not found, "axe-core found WCAG violations:\n" + "\n".join(found)


# A host page that themes one element itself, on an element above it, and one in its own style.
COLOURS_PAGE = """<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>Vertsside</title>
<script src="{events_site}/static/wagtail_events/embed.js" defer></script>
<style>.themed {{ --we-accent: #00509e; }}</style>
</head>
<body>
<wagtail-events id="profiled" profile="farger"></wagtail-events>
<div class="themed"><wagtail-events id="themed" profile="farger"></wagtail-events></div>
<wagtail-events id="inline" profile="farger" style="--we-background: #eeeeee"></wagtail-events>
</body>
</html>
"""
ACCENT, TEXT, BACKGROUND = "rgb(122, 31, 92)", "rgb(34, 34, 68)", "rgb(255, 248, 231)"


def test_the_element_takes_the_profiles_colours_unless_the_host_page_gives_its_own(
    browser_context, expect, live_server, events
):
    with host_site(live_server.url, COLOURS_PAGE) as host:
        profile = EmbedProfile(
            name="Farger",
            slug="farger",
            allowed_origins=host,
            language="nb",
            accent_colour="#7a1f5c",
            text_colour="#222244",
            background_colour="#fff8e7",
        )
        profile.full_clean()
        profile.save()
        tab = browser_context.new_page()
        tab.goto(host)

        profiled, themed, inline = (
            tab.locator(f"#{name}") for name in ("profiled", "themed", "inline")
        )
        for widget in (profiled, themed, inline):
            expect(widget).to_have_attribute("state", "loaded")
        expect(profiled.locator("a").first).to_have_css("color", ACCENT)
        expect(profiled).to_have_css("color", TEXT)
        expect(profiled).to_have_css("background-color", BACKGROUND)
        # What the host page sets wins, from an element above or on the element itself.
        expect(themed.locator("a").first).to_have_css("color", "rgb(0, 80, 158)")
        expect(themed).to_have_css("background-color", BACKGROUND)
        expect(inline).to_have_css("background-color", "rgb(238, 238, 238)")
        expect(inline.locator("a").first).to_have_css("color", ACCENT)

        # Moved in the page, it keeps them before it has loaded again.
        moved = profiled.evaluate(
            "element => { document.body.append(element); return getComputedStyle(element).color; }"
        )
        assert moved == TEXT
        # Without a profile, the element's own defaults.
        profiled.evaluate("element => element.removeAttribute('profile')")
        expect(profiled).to_have_css("background-color", "rgba(0, 0, 0, 0)")
        expect(profiled.locator("a").first).to_have_css("color", "rgb(0, 90, 156)")


# A host page with one element on the events site's API and one on an API that answers
# whatever it likes (an element's api attribute may name any).
XSS_PAGE = """<!DOCTYPE html>
<html lang="nb">
<head>
<meta charset="utf-8">
<title>Vertsside</title>
<script src="{events_site}/static/wagtail_events/embed.js" defer></script>
</head>
<body>
<wagtail-events id="events-site" profile="vert"></wagtail-events>
<wagtail-events id="hostile" api="/fiendtlig-api/"></wagtail-events>
</body>
</html>
"""
PWN = '<img src=x onerror="window.pwned = true">'
HOSTILE_URLS = [
    JS_URL,
    " javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "vbscript:msgbox(1)",
]


def hostile_item(title, url):
    return {
        "title": title,
        "url": url,
        "locale": "nb",
        "when": SCRIPT + PWN,
        "start": '"><img src=x onerror=alert(1)>',
        "status": "cancelled",
        "status_label": SVG + QUOTE,
        "venue": {"name": PWN + IMG},
    }


HOSTILE_ANSWER = {
    "items": [
        *(hostile_item(f"{PWN}{n}{CORPUS}", url) for n, url in enumerate(HOSTILE_URLS)),
        hostile_item(IMG, "https://example.org/ok"),
    ],
    "profile": {
        "colours": {
            "accent": "red;}:host{background:url(/spor)}",
            "text": "url(/spor)",
            "background": "#fff\n}",
        }
    },
}
# Everything the element makes in its shadow root.
ELEMENT_TAGS = {"style", "div", "ul", "li", "a", "span", "p", "time"}
SHADOW = """element => {
    const all = (selector) => [...element.shadowRoot.querySelectorAll(selector)];
    const texts = (part) => all(`[part=${part}]`).map((node) => node.textContent);
    return {
        tags: [...new Set(all("*").map((node) => node.localName))],
        handlers: all("*")
            .flatMap((node) => node.getAttributeNames())
            .filter((name) => name.startsWith("on")),
        links: all("[href]").map((node) => node.getAttribute("href")),
        titles: texts("title"),
        when: texts("when"),
        status: texts("status"),
    };
}"""


def test_hostile_data_is_shown_as_text_and_never_runs(
    browser_context, expect, live_server, programme
):
    venue = VenueFactory(name=f"Sal {PWN}{CORPUS}")
    title = f"Tittel {PWN}{CORPUS}"
    event = EventPageFactory(parent=programme.index, title=title, venue=venue, **at(1))
    answer = ("application/json", json.dumps(HOSTILE_ANSWER).encode())
    with host_site(live_server.url, XSS_PAGE, {"/fiendtlig-api/events/": answer}) as host:
        EmbedProfile.objects.create(
            name="Vertssiden", slug="vert", allowed_origins=host, language="nb"
        )
        tab = browser_context.new_page()
        dialogs = []
        tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        requests = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(host)
        ours, hostile = tab.locator("#events-site"), tab.locator("#hostile")
        expect(ours).to_have_attribute("state", "loaded")
        expect(hostile).to_have_attribute("state", "loaded")
        tab.wait_for_load_state("networkidle")

        shown = ours.evaluate(SHADOW)
        assert shown["titles"] == [title]
        # The element lists in Norwegian, the default; an earlier request to an English page
        # may have left this thread in English.
        with translation.override("nb"):
            when = event.when
        assert shown["when"] == [f"{when}, {venue.name}"]
        assert shown["links"] == [event.full_url]

        shown = hostile.evaluate(SHADOW)
        assert set(shown["tags"]) <= ELEMENT_TAGS, shown["tags"]
        assert shown["handlers"] == []
        assert shown["titles"] == [item["title"] for item in HOSTILE_ANSWER["items"]]
        assert shown["when"] == [f"{SCRIPT}{PWN}, {PWN}{IMG}"] * len(HOSTILE_ANSWER["items"])
        assert shown["status"] == [SVG + QUOTE] * len(HOSTILE_ANSWER["items"])
        # Only the web address is a link; the others are titles as plain text.
        assert shown["links"] == ["https://example.org/ok"]
        # The colours were no colours: the element's own defaults.
        expect(hostile).to_have_css("background-color", "rgba(0, 0, 0, 0)")
        expect(hostile).to_have_css("color", "rgb(26, 26, 26)")
        expect(hostile.locator("a")).to_have_css("color", "rgb(0, 90, 156)")

        assert tab.locator("img, svg, script:not([src])").count() == 0
        assert tab.evaluate("window.pwned") is None
        assert dialogs == []
        assert not [url for url in requests if "spor" in url or url.endswith("/x")], requests
