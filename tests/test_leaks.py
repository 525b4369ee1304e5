"""No leaks, proven: every visitor × every way of hiding an event × every public output.

The rule (see docs/explanation/security-and-privacy.md): a public output shows only what
``wagtail_events.queries`` calls public -- live, within its publication dates, and under no
view restriction of its own or an ancestor's -- whoever asks. A signed-in editor in the right
group, or a visitor who has typed a page's password, may open that page itself (that is what
Wagtail's view restrictions mean), but no listing, search, calendar, feed, sitemap, widget or
API answer ever shows it to them; API answers never depend on the session at all.

One dataset serves the whole module: a public "canary" event (so an output that shows nothing
can't pass), one hidden event per state, each with its own marker word in its title, slug,
lead, a contact's name and the name of a person page used only by that event, and a public
person who takes part in all of them. Every answer is checked for every marker, in its raw
bytes and headers (``Location`` aside: a login redirect names the address the visitor asked
for), after unfolding iCalendar lines.
"""

import datetime
import re
from types import SimpleNamespace
from urllib.parse import quote

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import transaction
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, PageViewRestriction, Site

from tests.factories import EventPageFactory, PersonPageFactory, home_page_model, page_type
from tests.hidden_pages import hidden_page
from wagtail_events.base_page import page_model
from wagtail_events.models import EmbedProfile, EventIndexPage, PersonIndexPage, Role

PASSWORD = "hemmelig"  # noqa: S105
# A word every event lead and person title holds, so searches find the canary and every
# hidden event alike.
SEARCH_WORD = "tettsjekk"
# Wagtail's API has no token authentication of its own (nor has the events API). A client that
# sends one -- as it would to an API that had -- and the session of a superuser besides, must
# get what everyone gets: the API ignores both.
TOKEN = "0123456789abcdef0123456789abcdef"  # noqa: S105
# Wagtail's API names the site's own page types: the pages app's, or the swapped test site's.
EVENT_TYPE = page_type("EVENT_PAGE_MODEL")
PERSON_TYPE = page_type("PERSON_PAGE_MODEL")

# Each way of hiding an event, with the marker word that must never appear where it is hidden.
STATES = {
    "draft": "zqdraft",  # never published
    "unpublished": "zqunpub",
    "expired": "zqexpired",  # live, past its expiry date (publish_scheduled has not run)
    "not yet due": "zqnotdue",  # live, with a go-live date ahead
    "scheduled": "zqsched",  # approved to go live later
    "login": "zqlogin",  # view restriction: signed-in users
    "password": "zqpassword",  # view restriction: a shared password
    "group": "zqgroup",  # view restriction: members of a group (the editor is one)
    "private section": "zqsection",  # the series it sits in is restricted to signed-in users
    "en draft": "zquntrans",  # public nb event whose en translation is a draft
    "draft changes": "zqchanges",  # public event with unpublished changes in a newer revision
}
MARKERS = tuple(STATES.values())

VISITORS = ["anonymous", "editor", "api token", "unlocked"]

# Who may open the hidden page itself (never any listing of it): Wagtail's view restrictions.
ENTITLED = {
    "login": {"editor", "api token"},
    "group": {"editor", "api token"},  # the editor is in the group; the superuser passes all
    "password": {"unlocked"},
    "private section": {"editor", "api token"},
}


def soon(hours):
    start = timezone.now() + datetime.timedelta(days=10, hours=hours)
    return {"start": start, "end": start + datetime.timedelta(hours=1)}


def restrict(page, kind, group=None):
    restriction = PageViewRestriction.objects.create(
        page=page,
        restriction_type=kind,
        password=PASSWORD if kind == PageViewRestriction.PASSWORD else "",
    )
    if group is not None:
        restriction.groups.add(group)
    return type(page).objects.get(pk=page.pk)


def translate(page, locale, **fields):
    """A copy of ``page`` in ``locale`` with ``fields``, published (or a draft: publish=False)."""
    publish = fields.pop("publish", True)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save()
    revision = copy.save_revision()
    if publish:
        revision.publish()
    return type(page).objects.get(pk=copy.pk)


def build_dataset():
    """The site: public canary event and person, one hidden event (and person) per state."""
    nb = Locale.get_default()
    en = Locale.objects.get_or_create(language_code="en")[0]
    root = page_model().get_first_root_node()
    home = root.add_child(instance=home_page_model()(title="Forside", slug="forside", locale=nb))
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Test"},
    )
    page_model().objects.filter(depth=2).exclude(pk=home.pk).delete()

    group = Group.objects.create(name="Styret")
    users = get_user_model().objects
    editor = users.create_user(username="redaktor", password="password", email="r@example.org")
    editor.groups.add(group, *Group.objects.filter(name__in=["Editors", "Moderators"]))
    superuser = users.create_superuser(username="api", password="password", email="a@example.org")

    events = home.add_child(instance=EventIndexPage(title="Arrangementer", slug="arrangementer"))
    series = events.add_child(instance=EventIndexPage(title="Lekkasjeuka", slug="lekkasjeuka"))
    people = home.add_child(instance=PersonIndexPage(title="Personer", slug="personer"))
    person = PersonPageFactory(
        parent=people, given_name="Pia", family_name="Synlig", job_title=f"Ekspert på {SEARCH_WORD}"
    )
    canary = EventPageFactory(
        parent=series,
        title="Kanari-debatt",
        slug="kanari-debatt",
        lead=f"En {SEARCH_WORD} for alle.",
        people=[(person, Role.PARTICIPANT)],
        **soon(1),
    )
    en_canary = translate(
        canary, en, title="Canary debate", slug="canary-debate", lead=f"A {SEARCH_WORD} for all."
    )
    en_person = translate(person, en, job_title=f"Expert in {SEARCH_WORD}")

    private_series = restrict(
        events.add_child(instance=EventIndexPage(title="Intern zqsection", slug="zqsection")),
        PageViewRestriction.LOGIN,
    )
    private_people = restrict(
        home.add_child(instance=PersonIndexPage(title="Interne zqsection", slug="zqsection-folk")),
        PageViewRestriction.LOGIN,
    )

    hidden_events, hidden_people = {}, {}
    for hours, (state, marker) in enumerate(STATES.items(), start=2):
        fields = {
            "title": f"Skjult {marker}",
            "slug": f"skjult-{marker}",
            "lead": f"{marker.capitalize()} {SEARCH_WORD}.",
            **soon(hours),
        }
        if state in ("en draft", "draft changes"):
            # The public nb version carries no marker: only the translation or revision does.
            event = EventPageFactory(
                parent=series,
                title=f"Delvis {hours}",
                slug=f"delvis-{hours}",
                lead=f"Delvis {SEARCH_WORD}.",
                people=[(person, Role.PARTICIPANT)],
                **soon(hours),
            )
            if state == "en draft":
                hidden_events[state] = translate(event, en, publish=False, **fields)
                hidden_events["en draft source"] = event
            else:
                draft = event.get_latest_revision_as_object()
                for name in ("title", "slug", "lead"):
                    setattr(draft, name, fields[name])
                draft.save_revision()
                hidden_events[state] = type(event).objects.get(pk=event.pk)
            continue
        secret = {
            "given_name": marker.capitalize(),
            "family_name": "Skjult",
            "job_title": f"Hemmelig {SEARCH_WORD}",
        }
        people_row = [
            (person, Role.PARTICIPANT),
            {"role": Role.CONTACT, "name": f"Kontakt {marker}", "phone": "+47 400 00 000"},
        ]
        if state in ("draft", "unpublished", "expired", "not yet due", "scheduled", "password"):
            way = "view-restricted" if state == "password" else state
            hidden_person = hidden_page(PersonPageFactory, way, parent=people, **secret)
            people_row.append((hidden_person, Role.SPEAKER))
            event = hidden_page(EventPageFactory, way, parent=series, people=people_row, **fields)
        elif state == "private section":
            hidden_person = PersonPageFactory(parent=private_people, **secret)
            people_row.append((hidden_person, Role.SPEAKER))
            event = EventPageFactory(parent=private_series, people=people_row, **fields)
        else:
            kind = PageViewRestriction.LOGIN if state == "login" else PageViewRestriction.GROUPS
            only = group if state == "group" else None
            hidden_person = restrict(PersonPageFactory(parent=people, **secret), kind, only)
            people_row.append((hidden_person, Role.SPEAKER))
            event = restrict(
                EventPageFactory(parent=series, people=people_row, **fields), kind, only
            )
        hidden_events[state] = event
        hidden_people[state] = hidden_person

    EmbedProfile.objects.create(name="Lekkasje", slug="lekkasje", language="nb")
    return SimpleNamespace(
        events=events,
        series=series,
        en_series=series.get_translation(en),
        private_series=private_series,
        people=people,
        person=person,
        en_person=en_person,
        canary=canary,
        en_canary=en_canary,
        hidden_events=hidden_events,
        hidden_people=hidden_people,
        # The hidden event's and its person's: the unlocked visitor typed both.
        password_restrictions=list(
            PageViewRestriction.objects.filter(restriction_type=PageViewRestriction.PASSWORD)
        ),
        editor=editor,
        superuser=superuser,
    )


@pytest.fixture(scope="module")
def site(django_db_setup, django_db_blocker):
    """The dataset, built once per module (and xdist worker) and rolled back after it.

    Each test runs in a savepoint inside this transaction, as with ``setUpTestData``.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with TestCase.captureOnCommitCallbacks(execute=True):
            data = build_dataset()
        yield data
        transaction.set_rollback(True)


@pytest.fixture
def visitor_client(site, db):
    """A function that gives a client for a visitor: one of :data:`VISITORS`, or the API client
    with a ``Token`` header instead of ``Bearer`` (``"api token (Token)"``)."""

    def make(kind):
        if kind == "anonymous":
            return Client()
        if kind == "editor":
            client = Client()
            client.force_login(site.editor)
            return client
        if kind in ("api token", "api token (Token)"):
            scheme = "Token" if kind.endswith("(Token)") else "Bearer"
            client = Client(headers={"Authorization": f"{scheme} {TOKEN}"})
            client.force_login(site.superuser)
            return client
        if kind == "unlocked":
            client = Client()
            assert len(site.password_restrictions) == 2
            for restriction in site.password_restrictions:
                page = restriction.page
                url = reverse(
                    "wagtailcore_authenticate_with_password", args=(restriction.pk, page.pk)
                )
                response = client.post(url, {"password": PASSWORD, "return_url": page.url})
                assert response.status_code == 302, response.content
            # Unlocked indeed: the session holds both (and the pages open, see the test of
            # hidden pages).
            passed = client.session[PageViewRestriction.passed_view_restrictions_session_key]
            assert set(passed) == {r.pk for r in site.password_restrictions}
            return client
        raise ValueError(kind)

    return make


# --- the outputs ------------------------------------------------------------------------------


def route(page, name):
    return page.url + page.reverse_subpage(name)


def outputs(site):
    """Output name -> [(address, texts that show it works)]."""
    canary, en_canary, person, en_person = site.canary, site.en_canary, site.person, site.en_person
    series, en_series = site.series, site.en_series
    en_draft_source = site.hidden_events["en draft source"]
    changed = site.hidden_events["draft changes"]
    return {
        "html index": [
            (site.events.url, ["Kanari-debatt"]),
            (series.url, ["Kanari-debatt"]),
            (f"{series.url}?when=all&q={SEARCH_WORD}", ["Kanari-debatt"]),
            (f"{series.url}?person={person.slug}", ["Kanari-debatt"]),
            (en_series.url, ["Canary debate"]),
        ],
        "html search": [
            (f"/search/?q={SEARCH_WORD}", ["Kanari-debatt", "Pia Synlig"]),
            (f"/en/search/?q={SEARCH_WORD}", ["Canary debate", "Pia Synlig"]),
        ],
        "html people": [
            (site.people.url, ["Pia Synlig"]),
            (f"{site.people.url}?q=skjult", []),
            (person.url, ["Pia Synlig", "Kanari-debatt"]),
            (en_person.url, ["Pia Synlig", "Canary debate"]),
        ],
        "event page and JSON-LD": [
            # hreflang links the public translation, so a missing one would be noticed.
            (
                canary.url,
                ["application/ld+json", "Kanari-debatt", 'hreflang="en"', "canary-debate"],
            ),
            (en_canary.url, ["application/ld+json", "Canary debate", "kanari-debatt"]),
            (en_draft_source.url, ["application/ld+json", en_draft_source.title]),
            (changed.url, ["application/ld+json", changed.title]),
        ],
        "events API list": [
            ("/api/events/?lang=nb", ["Kanari-debatt", "canary-debate"]),
            ("/api/events/?lang=en", ["Canary debate", "kanari-debatt"]),
            (f"/api/events/?q={SEARCH_WORD}&when=all", ["Kanari-debatt"]),
            (f"/api/events/?person={person.slug}", ["Kanari-debatt"]),
            (f"/api/events/?series={series.pk}", ["Kanari-debatt"]),
            ("/api/people/?lang=nb", ["Pia Synlig"]),
            ("/api/people/?lang=en&q=skjult", []),
            ("/api/series/?lang=nb", ["Lekkasjeuka"]),
        ],
        "events API detail": [
            (f"/api/events/{canary.pk}/", ["Kanari-debatt", "canary-debate"]),
            (f"/api/events/{en_draft_source.pk}/", [en_draft_source.title]),
            (f"/api/events/{changed.pk}/", [changed.title]),
            (f"/api/people/{person.pk}/", ["Pia Synlig"]),
        ],
        "Wagtail API v2": [
            ("/api/v2/pages/?fields=*&limit=20", ["Kanari-debatt", "Canary debate"]),
            (f"/api/v2/pages/?type={EVENT_TYPE}&fields=*", ["Kanari-debatt"]),
            (
                f"/api/v2/pages/?type={EVENT_TYPE}&fields=*&locale=en",
                ["Canary debate"],
            ),
            (f"/api/v2/pages/?type={PERSON_TYPE}&fields=*", ["Pia Synlig"]),
            (
                f"/api/v2/pages/?type={EVENT_TYPE}&search={SEARCH_WORD}",
                ["Kanari-debatt"],
            ),
            (f"/api/v2/pages/?child_of={series.pk}&fields=*", ["Kanari-debatt"]),
            (f"/api/v2/pages/{canary.pk}/", ["Kanari-debatt"]),
            (f"/api/v2/pages/{en_draft_source.pk}/", [en_draft_source.title]),
            (f"/api/v2/pages/{changed.pk}/", [changed.title]),
            (f"/api/v2/pages/find/?html_path={canary.url}", ["Kanari-debatt"]),
        ],
        "ics": [
            (route(canary, "calendar"), ["Kanari-debatt"]),
            (route(en_canary, "calendar"), ["Canary debate"]),
            (route(series, "calendar"), ["Kanari-debatt"]),
            (route(site.events, "calendar"), ["Kanari-debatt"]),
            (route(en_series, "calendar"), ["Canary debate"]),
            (route(person, "calendar"), ["Kanari-debatt"]),
            (route(en_person, "calendar"), ["Canary debate"]),
            ("/api/events.ics?lang=nb", ["Kanari-debatt"]),
            ("/api/events.ics?lang=en", ["Canary debate"]),
        ],
        "RSS and Atom": [
            (route(series, "feed"), ["Kanari-debatt"]),
            (route(series, "atom_feed"), ["Kanari-debatt"]),
            (route(site.events, "feed"), ["Kanari-debatt"]),
            (route(en_series, "feed"), ["Canary debate"]),
            (f"{route(series, 'feed')}?q={SEARCH_WORD}", ["Kanari-debatt"]),
        ],
        "widget": [
            ("/embed/events/?lang=nb", ["Kanari-debatt"]),
            ("/embed/events/?lang=en", ["Canary debate"]),
            ("/embed/events/?profile=lekkasje", ["Kanari-debatt"]),
            (f"/embed/events/?when=all&q={SEARCH_WORD}", ["Kanari-debatt"]),
            # What embed.js asks the API for.
            ("/api/events/?profile=lekkasje&when=upcoming", ["Kanari-debatt"]),
            ("/api/events/?lang=en&limit=5&when=upcoming", ["Canary debate"]),
        ],
        "sitemap": [("/sitemap.xml", ["kanari-debatt", "canary-debate", "pia-synlig"])],
    }


OUTPUTS = [
    "html index",
    "html search",
    "html people",
    "event page and JSON-LD",
    "events API list",
    "events API detail",
    "Wagtail API v2",
    "ics",
    "RSS and Atom",
    "widget",
    "sitemap",
]
API_OUTPUTS = ["events API list", "events API detail", "Wagtail API v2"]


def get(client, url):
    # Wagtail's find view redirects to the page's entry.
    return client.get(url, follow="/find/" in url)


def readable(response, url):
    """The body and headers as bytes, lower case, iCalendar lines unfolded (RFC 5545 3.1).

    Without the address asked for: a login redirect or a password form names it, and the
    visitor knows it already.
    """
    body = response.content if not response.streaming else b"".join(response.streaming_content)
    headers = "\n".join(
        f"{name}: {value}" for name, value in response.headers.items() if name != "Location"
    )
    text = re.sub(rb"\r?\n[ \t]", b"", body + b"\n" + headers.encode()).lower()
    for asked in {url, quote(url), quote(url, safe="")}:
        text = text.replace(asked.lower().encode(), b"")
    return text


def markers_in(text):
    return [marker for marker in MARKERS if marker.encode() in text]


# --- the matrix -------------------------------------------------------------------------------


@pytest.mark.parametrize("output", OUTPUTS)
@pytest.mark.parametrize("visitor", VISITORS)
def test_no_output_shows_what_is_not_public(site, visitor_client, visitor, output):
    client = visitor_client(visitor)
    for url, expected in outputs(site)[output]:
        response = get(client, url)
        assert response.status_code == 200, (url, response.status_code)
        text = readable(response, url)
        for canary in expected:
            assert canary.lower().encode() in text, f"{url} does not show {canary!r}"
        assert markers_in(text) == [], url


@pytest.mark.parametrize("state", STATES)
@pytest.mark.parametrize("visitor", VISITORS)
def test_a_hidden_page_is_reachable_only_where_wagtail_lets_the_visitor_in(
    site, visitor_client, visitor, state
):
    """The hidden event and person themselves: their pages, calendars and API entries.

    The page itself opens only for a visitor its view restriction lets in; nothing else about
    it -- its calendar, its API entries -- is there for anyone.
    """
    client = visitor_client(visitor)
    marker = STATES[state]
    entitled = visitor in ENTITLED.get(state, ())
    event = site.hidden_events[state]
    person = site.hidden_people.get(state)
    public = state == "draft changes"  # the live version is public; its draft is not
    pages = [event] + ([person] if person else [])

    for page in pages:
        response = get(client, page.url)
        text = readable(response, page.url)
        if entitled:
            assert response.status_code == 200, page.url
            assert marker.encode() in text  # the page itself, for those it is meant for
        else:
            # Missing, or the login redirect, or the password form; never the page.
            assert response.status_code in (200 if public else 404, 302, 401) or (
                state == "password" and b'name="password"' in text
            ), (page.url, response.status_code)
            assert markers_in(text) == [], page.url
        if public:
            assert response.status_code == 200

    routes = [route(page, "calendar") for page in pages]
    if state == "private section":
        # The restricted series itself: its calendar and feeds name it.
        section = site.private_series
        routes += [route(section, name) for name in ("calendar", "feed", "atom_feed")]
    for url in routes + [
        f"/api/events/{event.pk}/",
        f"/api/v2/pages/{event.pk}/",
        f"/api/v2/pages/find/?html_path={event.url}",
        *(
            [f"/api/people/{person.pk}/", f"/api/v2/pages/{person.pk}/"]
            if person is not None
            else []
        ),
    ]:
        response = get(client, url)
        text = readable(response, url)
        assert response.status_code < 500, url
        if public:
            assert response.status_code == 200, url
        else:
            # A calendar of a restricted page asks for the login or password first.
            assert response.status_code in (404, 302, 401) or (
                b'name="password"' in text and state in ENTITLED
            ), (url, response.status_code)
        assert markers_in(text) == [], url


def api_addresses(site):
    return [url for output in API_OUTPUTS for url, _ in outputs(site)[output]] + [
        "/api/events.ics?lang=nb",
        f"/api/events/{site.hidden_events['login'].pk}/",
        f"/api/v2/pages/{site.hidden_events['group'].pk}/",
    ]


def test_api_answers_do_not_depend_on_who_asks(site, visitor_client):
    """Session, Authorization header or unlocked password: every API answer is the anonymous one.

    Each answer is computed afresh (the cache emptied before each), so a cached answer can't
    hide a difference.
    """
    clients = {kind: visitor_client(kind) for kind in [*VISITORS, "api token (Token)"]}
    for url in api_addresses(site):
        answers = {}
        for kind, client in clients.items():
            cache.clear()
            response = get(client, url)
            answers[kind] = (response.status_code, response.content)
        anonymous = answers.pop("anonymous")
        for kind, answer in answers.items():
            assert answer == anonymous, (url, kind)
