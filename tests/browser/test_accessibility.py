"""axe-core finds no WCAG 2.1 A or AA violation on the public pages, in Bokmål, Nynorsk and
English."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from example_project.home.demo_content import EVENTS
from wagtail_events.models import EventIndexPage, EventPage, PersonIndexPage, PersonPage

# axe checks the markup, the same whatever database the pages came from.
pytestmark = pytest.mark.database_independent

REFERENCE_TITLE = EVENTS[0]["title"].nb
FILTERED = "when=all&from=2025-01-01&topic=helse&page=2"
FILTERED_ONE = "when=all&from=2025-01-01&topic=helse"
# What an edited or outdated link may hold: the page shows messages next to the fields.
UNUSABLE = "when=all&from=2025-13-01&organiser=finnes-ikke&page=abc"
# A name, the same in both languages, that finds a person and the events they take part in.
SEARCH = "Kotte"
# One with public contact details, one with a biography and events in several roles.
PEOPLE = ["ole-kristian-vik", "jonas-berg-aasen"]


def public_pages(language):
    """(what, path) of each kind of public page the package renders, in ``language``.

    The demo translates the reference event and the pages above it into Nynorsk (the test
    settings have it as a content language): those, and the site search, are checked in it.
    """
    locale = Locale.objects.get(language_code=language)

    def translated(page):
        return page.get_translation(locale)

    reference = EventPage.objects.get(locale__language_code="nb", title=REFERENCE_TITLE)
    cancelled = EventPage.objects.filter(locale__language_code="nb", status="cancelled").first()
    programme = EventIndexPage.objects.get(locale__language_code="nb", depth=3)
    people_index = PersonIndexPage.objects.get(locale__language_code="nb")
    pages = [
        ("event with people, organisers, questions and contact", translated(reference).url),
        ("event index", translated(programme).url),
        ("event index, unusable filters", f"{translated(programme).url}?{UNUSABLE}"),
    ]
    with translation.override(language):
        pages.append(("site search", f"{reverse('search')}?q={SEARCH}"))
    if language == "nn":
        # One event: a filter that finds it, without pages.
        pages.append(("event index, filtered", f"{translated(programme).url}?{FILTERED_ONE}"))
        return pages
    pages += [
        ("cancelled event with its status banner", translated(cancelled).url),
        # Matches several pages of events, so the pagination is checked too.
        ("event index, filtered", f"{translated(programme).url}?{FILTERED}"),
        ("person index", translated(people_index).url),
        ("person index, searched", f"{translated(people_index).url}?q={SEARCH}"),
    ]
    for slug in PEOPLE:
        person = PersonPage.objects.get(locale__language_code="nb", slug=slug)
        pages.append((f"person page ({slug})", translated(person).url))
    return pages


def describe(violations):
    """axe's findings as lines a developer can act on: rule, what it asks, which elements."""
    lines = []
    for violation in violations:
        lines.append(f"  {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"    {violation['helpUrl']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    - {target}: {summary}")
    return "\n".join(lines)


def test_public_pages_in_every_language_have_no_wcag_violations(page, axe, demo_site, short_pages):
    # One test for the three languages: building the demo takes most of its time.
    found = []
    for language in ("nb", "nn", "en"):
        for what, path in public_pages(language):
            response = page.goto(path)
            assert response.ok, f"{what}: {path} answered {response.status}"
            violations = axe(page)
            if violations:
                found.append(f"{what} ({language}), {path}:\n{describe(violations)}")
    assert not found, "axe-core found WCAG violations:\n" + "\n".join(found)
