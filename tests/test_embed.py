"""The widget: its iframe page, the embed profiles editors manage, and the custom element's size."""

import datetime
import json
from html import escape

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.users.models import UserProfile

from tests import builders
from tests.factories import (
    EventPageFactory,
    OrganisationFactory,
    TopicFactory,
)
from tests.hidden_pages import HIDDEN_WAYS, hidden_page
from wagtail_events.models import EmbedProfile, EventStatus

# The ETags compared across requests name the cache period: one period for each test.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("one_cache_period")]

shared_tree, home_page, events_index, series, people_index = builders.tree_fixtures()

URL = "/embed/events/"


def at(days, hours=1):
    """Start and end of an event ``days`` from now (negative: in the past), ``hours`` long."""
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)
    return {"start": start, "end": start + datetime.timedelta(hours=hours)}


def in_language(language, message):
    """What the page says in ``language``, whatever the catalogue holds today."""
    with translation.override(language):
        return str(translation.gettext(message))


def frame(response):
    assert response["Content-Type"] == "text/html; charset=utf-8"
    return BeautifulSoup(response.content.decode(), "html.parser")


def titles(response):
    """The event titles the frame shows, in order."""
    return [link.get_text() for link in frame(response).select("a.we-embed__title")]


def frame_ancestors(response):
    """The origins the Content-Security-Policy lets frame the page."""
    directives = dict(
        directive.strip().split(" ", 1)
        for directive in response["Content-Security-Policy"].split(";")
    )
    return set(directives["frame-ancestors"].split())


def build_hemit():
    return OrganisationFactory(name="Hemit HF", slug="hemit")


def build_ntnu():
    return OrganisationFactory(name="NTNU NorwAI", slug="ntnu-norwai")


@pytest.fixture
def hemit():
    return build_hemit()


@pytest.fixture
def ntnu():
    return build_ntnu()


def build_programme(series, hemit, ntnu):
    """Hemit's two upcoming events (the later one cancelled) and one that is over; NTNU's one."""
    return {
        "webinar": EventPageFactory(
            parent=series, title="Webinar om KI", organisers=[hemit], **at(2)
        ),
        "course": EventPageFactory(
            parent=series,
            title="Kurs i klarspråk",
            organisers=[hemit],
            status=EventStatus.CANCELLED,
            **at(5),
        ),
        "over": EventPageFactory(parent=series, title="Frokostmøte", organisers=[hemit], **at(-3)),
        "ntnu": EventPageFactory(
            parent=series,
            title="Språkmodeller for norsk",
            organisers=[ntnu],
            topics=[TopicFactory(name="Forskning", slug="forskning")],
            **at(1),
        ),
    }


def make_profile(**fields):
    profile = EmbedProfile(**{"name": "Hemit", "slug": "hemit", "language": "nb", **fields})
    profile.full_clean()
    profile.save()
    return profile


@pytest.fixture
def profile(hemit):
    return make_profile(
        allowed_origins="https://www.hemit.no\nhttps://intranett.hemit.no",
        organisers=[hemit],
        accent_colour="#7a1f5c",
    )


class TestProgramme:
    """The programme, which these tests only read (or add to inside their own savepoint):
    built once for the class."""

    @pytest.fixture(scope="class")
    @classmethod
    def shared(cls, shared_tree, django_db_blocker):
        with builders.shared_data(django_db_blocker):
            tree = builders.fresh(shared_tree)
            hemit, ntnu = build_hemit(), build_ntnu()
            yield {
                "hemit": hemit,
                "ntnu": ntnu,
                "programme": build_programme(tree.series, hemit, ntnu),
            }

    @pytest.fixture
    def hemit(self, shared, db):
        return builders.fresh(shared["hemit"])

    @pytest.fixture
    def ntnu(self, shared, db):
        return builders.fresh(shared["ntnu"])

    @pytest.fixture
    def programme(self, shared, db):
        return builders.fresh(shared["programme"])

    def test_a_profile_shows_its_organisers_upcoming_events_in_its_colours(
        self, client, programme, profile
    ):
        response = client.get(URL, {"profile": "hemit"})

        assert response.status_code == 200
        assert titles(response) == ["Webinar om KI", "Kurs i klarspråk"]
        page = frame(response)
        assert page.html["lang"] == "nb"
        assert response["Content-Language"] == "nb"
        assert page.title.get_text() == in_language("nb", "Events")
        webinar, course = page.select("li.we-embed__event")
        # Links open the event page in the host's window, not in the frame.
        link = webinar.select_one("a")
        assert link["href"] == programme["webinar"].full_url
        assert link["target"] == "_top"
        assert webinar.select_one("time").get_text() == programme["webinar"].when
        assert (
            webinar.select_one(".we-embed__when")
            .get_text()
            .endswith(f", {programme['webinar'].venue.name}")
        )
        assert webinar.select_one(".we-embed__status") is None
        assert course.select_one(".we-embed__status").get_text() == in_language("nb", "Cancelled")
        assert "--we-accent: #7a1f5c;" in page.style.get_text()
        # Only the profile's own sites may frame it.
        assert frame_ancestors(response) == {"https://www.hemit.no", "https://intranett.hemit.no"}
        assert "X-Frame-Options" not in response

    def test_the_address_overrides_what_the_profile_leaves_to_it(self, client, programme, profile):
        assert titles(client.get(URL, {"profile": "hemit", "limit": 1})) == ["Webinar om KI"]
        assert titles(client.get(URL, {"profile": "hemit", "organiser": "ntnu-norwai"})) == [
            "Språkmodeller for norsk"
        ]
        assert titles(client.get(URL, {"profile": "hemit", "when": "past"})) == ["Frokostmøte"]

    def test_without_a_profile_the_apis_filters_apply_and_every_host_may_frame_it(
        self, client, programme, profile
    ):
        assert titles(client.get(URL)) == [
            "Språkmodeller for norsk",
            "Webinar om KI",
            "Kurs i klarspråk",
        ]
        assert titles(client.get(URL, {"topic": "forskning"})) == ["Språkmodeller for norsk"]
        both = client.get(f"{URL}?organiser=hemit&organiser=ntnu-norwai&limit=2")
        assert titles(both) == ["Språkmodeller for norsk", "Webinar om KI"]
        assert titles(client.get(URL, {"organiser": "finnes-ikke"})) == []
        # The settings' host sites and every profile's.
        assert frame_ancestors(both) == {
            *settings.CORS_ALLOWED_ORIGINS,
            "https://www.hemit.no",
            "https://intranett.hemit.no",
        }

    def test_a_repeat_costs_no_query_and_a_revalidation_is_not_modified(
        self, client, programme, profile, django_assert_num_queries
    ):
        first = client.get(URL, {"profile": "hemit"})
        with django_assert_num_queries(0):
            repeat = client.get(URL, {"profile": "hemit"})
            not_modified = client.get(
                URL, {"profile": "hemit"}, headers={"If-None-Match": first["ETag"]}
            )

        assert repeat.content == first.content
        assert repeat["Content-Security-Policy"] == first["Content-Security-Policy"]
        assert repeat["Content-Language"] == "nb"
        assert "X-Frame-Options" not in repeat
        assert not_modified.status_code == 304

    def test_publishing_and_editing_the_profile_show_at_once(
        self, client, programme, profile, hemit
    ):
        client.get(URL, {"profile": "hemit"})

        EventPageFactory(
            parent=programme["webinar"].get_parent(),
            title="Nytt seminar",
            organisers=[hemit],
            **at(3),
        )
        assert "Nytt seminar" in titles(client.get(URL, {"profile": "hemit"}))

        profile.accent_colour = "#004b23"
        profile.save()
        assert (
            "--we-accent: #004b23;" in frame(client.get(URL, {"profile": "hemit"})).style.get_text()
        )

    def test_the_page_is_the_same_for_everyone(self, admin_client, programme, profile):
        # A signed-in editor gets what a visitor gets, and nothing to tell them apart by.
        response = admin_client.get(URL, {"profile": "hemit"})

        assert titles(response) == ["Webinar om KI", "Kurs i klarspråk"]
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()

    def test_an_editor_creates_a_profile_in_the_admin(self, admin_client, client, programme, ntnu):
        add_url = reverse("wagtailsnippets_wagtail_events_embedprofile:add")
        response = admin_client.post(add_url, profile_form(organisers=[ntnu.pk]))
        assert response.status_code == 302

        profile = EmbedProfile.objects.get()
        assert profile.origins == ["https://www.ntnu.no", "https://www.ntnu.edu"]
        listing = admin_client.get(reverse("wagtailsnippets_wagtail_events_embedprofile:list"))
        assert "https://www.ntnu.no, https://www.ntnu.edu" in listing.content.decode()
        # The host site needs no change: its frame shows the profile's events at once.
        framed = client.get(URL, {"profile": "ntnu"})
        assert titles(framed) == ["Språkmodeller for norsk"]
        assert frame_ancestors(framed) == {"https://www.ntnu.no", "https://www.ntnu.edu"}

    def test_the_events_list_gives_the_profiles_colours(self, client, programme, profile):
        listed = client.get("/api/events/", {"profile": "hemit"}).json()

        assert listed["profile"] == {
            "slug": "hemit",
            "name": "Hemit",
            "colours": {"accent": "#7a1f5c", "text": "#1a1a1a", "background": "#ffffff"},
        }
        assert client.get("/api/events/").json()["profile"] is None

    def test_a_stored_colour_that_is_none_gives_way_to_the_default(
        self, client, programme, profile
    ):
        # Saved without validation; neither the API nor the frame's style sheet passes it on.
        EmbedProfile.objects.filter(pk=profile.pk).update(accent_colour="red;}*{")

        colours = client.get("/api/events/", {"profile": "hemit"}).json()["profile"]["colours"]
        assert colours["accent"] == "#005a9c"
        style = frame(client.get(URL, {"profile": "hemit"})).style.get_text()
        assert "--we-accent: #005a9c;" in style
        assert "red" not in style


def test_english_frame_lists_the_english_events(client, series, hemit, translate_into_english):
    event = EventPageFactory(
        parent=series,
        title="Avlyst webinar",
        slug="avlyst-webinar",
        lead="Ingress",
        organisers=[hemit],
        status=EventStatus.CANCELLED,
        **at(2),
    )
    english = translate_into_english(
        event,
        {
            "Avlyst webinar": "Cancelled webinar",
            "avlyst-webinar": "cancelled-webinar",
            "Ingress": "Lead",
            event.event_type.name: "Debate",
            event.event_type.slug: "debate",
        },
    )
    make_profile(organisers=[hemit], language="en")

    for query in ({"lang": "en"}, {"profile": "hemit"}):
        response = client.get(URL, query)
        assert titles(response) == ["Cancelled webinar"]
        page = frame(response)
        assert page.html["lang"] == "en"
        assert response["Content-Language"] == "en"
        assert page.select_one("a")["href"] == english.full_url
        assert page.select_one(".we-embed__status").get_text() == "Cancelled"
        with translation.override("en"):
            assert page.select_one("time").get_text() == english.when


def test_no_events_is_said_in_the_frames_language(client, series):
    for language in ("nb", "en"):
        response = client.get(URL, {"lang": language})
        assert response.status_code == 200
        message = frame(response).select_one(".we-embed__empty").get_text()
        assert message == in_language(language, "No events to show.")


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ({"limit": "0"}, "limit"),
        ({"limit": "many"}, "limit"),
        ({"limit": "101"}, "limit"),
        ({"from": "2025-13-01"}, "from"),
        ({"lang": "sv"}, "lang"),
        ({"when": "soon"}, "when"),
        ({"status": "maybe"}, "status"),
        ({"profile": "<hemit>"}, "profile"),
    ],
)
def test_unusable_parameters_get_a_page_that_says_which(client, query, parameter):
    response = client.get(URL, query)

    assert response.status_code == 400
    page = frame(response)
    assert page.h1.get_text() == in_language("nb", "This list of events cannot be shown")
    assert [code.get_text() for code in page.select(".we-embed__problems code")] == [parameter]
    # Still framed by host sites, so their developers see what to fix.
    assert frame_ancestors(response) == set(settings.CORS_ALLOWED_ORIGINS)


def test_dates_in_the_wrong_order_are_explained_in_the_asked_language(client):
    response = client.get(URL, {"from": "2025-08-20", "to": "2025-08-10", "lang": "en"})

    assert response.status_code == 400
    page = frame(response)
    assert page.html["lang"] == "en"
    assert "'to' is before 'from'" in page.select_one(".we-embed__problems").get_text()


def test_a_profile_without_origins_may_be_framed_nowhere(client, series):
    make_profile(allowed_origins="")

    assert frame_ancestors(client.get(URL, {"profile": "hemit"})) == {"'none'"}


def test_an_unknown_profile_is_not_found(client, profile):
    response = client.get(URL, {"profile": "ntnu"})

    assert response.status_code == 404
    message = in_language("nb", "There is no embed profile “%(profile)s”.") % {"profile": "ntnu"}
    assert message in frame(response).main.get_text()


@pytest.mark.parametrize("way", HIDDEN_WAYS)
def test_events_that_are_not_public_are_never_shown(client, series, hemit, profile, way):
    EventPageFactory(parent=series, title="Åpent møte", organisers=[hemit], **at(1))
    hidden_page(
        EventPageFactory, way, parent=series, title="Hemmelig møte", organisers=[hemit], **at(2)
    )

    for query in ({"profile": "hemit"}, {"when": "all", "q": "møte"}):
        assert titles(client.get(URL, query)) == ["Åpent møte"]


# The profile admin


def profile_form(**fields):
    return {
        "name": "NTNU NorwAI",
        "slug": "ntnu",
        "allowed_origins": "https://www.ntnu.no\nhttps://www.ntnu.edu/",
        "language": "nb",
        "limit": "3",
        "accent_colour": "#00509e",
        "text_colour": "#1a1a1a",
        "background_colour": "#ffffff",
        **fields,
    }


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"accent_colour": "#8ab4f8"},
            "accent_colour",
            "Too little contrast with the background (2.1:1); text needs at least 4.5:1.",
        ),
        (
            {"text_colour": "#ffffff", "background_colour": "#1a1a1a"},
            "accent_colour",
            "Too little contrast with the background (2.2:1); text needs at least 4.5:1.",
        ),
        ({"limit": "101"}, "limit", "Ensure this value is less than or equal to 100."),
    ],
)
def test_the_admin_refuses_a_profile_that_would_not_work(admin_client, fields, field, message):
    response = admin_client.post(
        reverse("wagtailsnippets_wagtail_events_embedprofile:add"), profile_form(**fields)
    )

    assert response.status_code == 200
    with translation.override("en"):
        assert response.context["form"].errors[field] == [message]
    assert not EmbedProfile.objects.exists()


def sidebar_submenu(response, label):
    """The links of the admin sidebar's submenu with ``label``, as (label, url) pairs."""
    props = BeautifulSoup(response.content, "html.parser").find(id="wagtail-sidebar-props")
    found = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("_type") == "wagtail.sidebar.SubMenuItem":
                options, children = node["_args"]
                if options["label"] == label:
                    found.append(
                        [
                            (child["_args"][0]["label"], child["_args"][0]["url"])
                            for child in children
                        ]
                    )
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(json.loads(props.string))
    assert len(found) == 1, found
    return found[0]


def test_profiles_are_in_the_event_settings_menu(admin_client, profile):
    # The embed app adds them to the core's menu, last, where they always were.
    links = sidebar_submenu(admin_client.get(reverse("wagtailadmin_home")), "Event settings")
    assert links[-1] == (
        "Embed profiles",
        reverse("wagtailsnippets_wagtail_events_embedprofile:list"),
    )
    assert [label for label, _ in links[:-1]] == [
        "Organisations",
        "Venues",
        "Event types",
        "Topics",
    ]


# Allowed origins: the one form CSP's frame-ancestors and the CORS check both read

ORIGIN_MESSAGE = (
    "Not an origin (http:// or https://, a host name and, if needed, a port; nothing more, "
    "e.g. https://www.hemit.no): “%(origin)s”"
)
# Each would add a directive or a source to the frame's policy, widen it, or never match the
# Origin header a browser sends.
BAD_ORIGINS = [
    "https://a.example;sandbox",
    "https://a.example; frame-ancestors *",
    "https://a.example sandbox",
    "https://a.example\tsandbox",
    "https://a.example\u200bsandbox",
    "https://*.example.org",
    "*",
    "https:",
    "https://a.example:99999",
    "https://a.example:0",
    "https://a.example:",
    "https://a.example,'unsafe-inline'",
    "'unsafe-inline'",
    "'self'",
    "https://a.example'",
    'https://a.example"',
    "https://a.example/arrangementer",
    "https://a.example?x=1",
    "https://a.example#top",
    "https://a.example//",
    "https://hemit:hemmelig@a.example",
    "https://a_b.example",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "ftp://a.example",
    "a.example",
    "<img src=x onerror=alert(1)>",
]
DIRECTIVES = ["default-src", "style-src", "base-uri", "form-action", "frame-ancestors"]


def directive_names(response):
    return [part.split()[0] for part in response["Content-Security-Policy"].split(";")]


def allowed(client, origin):
    """The origin the API lets a page of ``origin`` read its answer from, if any."""
    response = client.get("/api/events/", headers={"Origin": origin})
    return response.get("Access-Control-Allow-Origin")


@pytest.mark.parametrize("origin", BAD_ORIGINS)
def test_a_profile_refuses_what_is_not_an_origin(origin):
    profile = EmbedProfile(
        name="Hemit", slug="hemit", language="nb", allowed_origins=f"https://www.hemit.no\n{origin}"
    )
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        profile.full_clean()

    with translation.override("en"):
        assert refused.value.message_dict == {
            "allowed_origins": [ORIGIN_MESSAGE % {"origin": origin.strip()}]
        }


def test_every_line_that_is_no_origin_is_named(client):
    text = "https://www.hemit.no\r\nframe-ancestors *\u2028https://a.example;sandbox\n\n"
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        make_profile(allowed_origins=text)

    with translation.override("en"):
        assert refused.value.message_dict["allowed_origins"] == [
            ORIGIN_MESSAGE % {"origin": "frame-ancestors *"},
            ORIGIN_MESSAGE % {"origin": "https://a.example;sandbox"},
        ]


def editor_client(client, language):
    user = get_user_model().objects.create_superuser(
        username=f"redaktor-{language}", email="redaktor@example.org", password="passord"
    )
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


@pytest.mark.parametrize("language", ["nb", "en"])
def test_the_admin_names_each_line_that_is_no_origin_in_the_editors_language(client, language):
    admin = editor_client(client, language)
    typed = ["https://www.ntnu.no", *BAD_ORIGINS]
    response = admin.post(
        reverse("wagtailsnippets_wagtail_events_embedprofile:add"),
        profile_form(allowed_origins="\n".join(typed)),
    )

    assert response.status_code == 200
    page = response.content.decode()
    message = in_language(language, ORIGIN_MESSAGE)
    for origin in BAD_ORIGINS:
        assert escape(message % {"origin": origin}) in page
    assert escape(message % {"origin": "https://www.ntnu.no"}) not in page
    assert not EmbedProfile.objects.exists()


def test_origins_stored_without_validation_never_reach_a_header(client, series):
    # Code that skips full_clean(), or a profile saved before these rules.
    EmbedProfile.objects.create(
        name="Hemit",
        slug="hemit",
        language="nb",
        allowed_origins="\n".join([*BAD_ORIGINS, "https://www.hemit.no"]),
    )

    for query in ({"profile": "hemit"}, {}):
        response = client.get(URL, query)
        assert directive_names(response) == DIRECTIVES
        ancestors = frame_ancestors(response)
        assert "https://www.hemit.no" in ancestors
        assert ancestors <= {"https://www.hemit.no", *settings.CORS_ALLOWED_ORIGINS}
    assert allowed(client, "https://www.hemit.no") == "https://www.hemit.no"
    for origin in BAD_ORIGINS:
        assert allowed(client, origin) is None, origin


@pytest.mark.parametrize(
    ("typed", "origin"),
    [
        ("HTTPS://WWW.Hemit.NO:443/", "https://www.hemit.no"),
        ("http://www.hemit.no:80", "http://www.hemit.no"),
        ("http://www.hemit.no:443", "http://www.hemit.no:443"),
        ("https://www.hemit.no:8443", "https://www.hemit.no:8443"),
        ("http://localhost:8000", "http://localhost:8000"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("https://[0:0::1]:8443", "https://[::1]:8443"),
        ("https://blåbær.no", "https://xn--blbr-roah.no"),
    ],
)
def test_an_origin_is_read_as_the_browser_sends_it(client, series, typed, origin):
    # The Origin header has no default port, a lowercase host, and the host in ASCII; the CORS
    # check compares it as a string, so the frame's policy reads the same form.
    make_profile(allowed_origins=f"{typed}\n{origin}")

    assert frame_ancestors(client.get(URL, {"profile": "hemit"})) == {origin}
    assert allowed(client, origin) == origin


@override_settings(
    CORS_ALLOWED_ORIGINS=[
        "https://www.hemit.no",
        "HTTPS://WWW.NTNU.NO:443",
        "https://*.example.org",
        "https://a.example;sandbox",
        "https://a.example\r\nX-Injected: 1",
        "null",
        None,
    ]
)
def test_the_settings_origins_are_read_the_same_way(client, series):
    response = client.get(URL)

    assert directive_names(response) == DIRECTIVES
    assert frame_ancestors(response) == {"https://www.hemit.no", "https://www.ntnu.no"}
    assert allowed(client, "https://www.ntnu.no") == "https://www.ntnu.no"
    assert "X-Injected" not in response


@override_settings(CORS_ALLOWED_ORIGINS="https://www.hemit.no")
def test_settings_that_list_no_origins_allow_none(client, series):
    # A string, not a list: read letter by letter, it would be no origin at all.
    assert frame_ancestors(client.get(URL)) == {"'none'"}


# The profile's colours in the API, for the custom element


# The custom element


def test_the_custom_element_stays_small():
    path = finders.find("wagtail_events/embed.js")
    with open(path, "rb") as script:
        assert len(script.read()) < 10 * 1024
