"""A visitor who uses only the keyboard can filter the programme, page through it and add an
event to their calendar, and always sees where the focus is."""

import pytest
from django.utils import translation

from example_project.home.demo_content import EVENTS
from wagtail_events.models import EventIndexPage, EventPage

# Focus, keys and scripts on the same markup, whatever database the pages came from.
pytestmark = pytest.mark.database_independent

REFERENCE_TITLE = EVENTS[0]["title"].nb

# Remembers how every element looks before anything has focus, to compare with its focused look.
REMEMBER_UNFOCUSED = """() => {
    const look = element => {
        const style = getComputedStyle(element);
        return {
            outlineStyle: style.outlineStyle,
            outlineWidth: parseFloat(style.outlineWidth) || 0,
            outlineColor: style.outlineColor,
            boxShadow: style.boxShadow,
        };
    };
    const elements = [...document.querySelectorAll("*")];
    window.focusProbe = {
        look,
        number: new Map(elements.map((element, number) => [element, number])),
        unfocused: new Map(elements.map(element => [element, look(element)])),
    };
}"""

FOCUSED = """() => {
    const element = document.activeElement;
    const box = element.getBoundingClientRect();
    return {
        number: window.focusProbe.number.get(element),
        name: [
            element.tagName.toLowerCase(),
            element.id && `#${element.id}`,
            element.name && `[name=${element.name}]`,
            element.getAttribute("href") && `[href=${element.getAttribute("href")}]`,
            ` “${(element.innerText || element.value || "").trim().slice(0, 40)}”`,
        ].join(""),
        href: element.getAttribute("href"),
        focusVisible: element.matches(":focus-visible"),
        focused: window.focusProbe.look(element),
        unfocused: window.focusProbe.unfocused.get(element),
        onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
            && box.top < window.innerHeight && box.left < window.innerWidth,
    };
}"""

NUMBER = "element => window.focusProbe.number.get(element)"


def in_language(language_code, text):
    with translation.override(language_code):
        return str(translation.gettext(text))


def focus_problem(element):
    """Why a focused element gives no visible sign of focus, or None when it does."""
    focused, unfocused = element["focused"], element["unfocused"]
    if not element["onScreen"]:
        return "is off screen"
    outline = (
        focused["outlineStyle"] != "none"
        and focused["outlineWidth"] > 0
        and focused["outlineColor"] != "rgba(0, 0, 0, 0)"
    )
    if not outline and focused["boxShadow"] == "none":
        return "has neither an outline nor a box-shadow"
    if focused == unfocused:
        return "looks the same as when it has no focus"
    return None


class KeyboardUser:
    """Moves through a page with Tab and checks that every element it lands on shows focus."""

    def __init__(self, page):
        self.page = page
        self.focused = None

    def open(self, path):
        self.page.goto(path)
        self.page.evaluate(REMEMBER_UNFOCUSED)
        self.focused = None

    def tab(self):
        """Presses Tab once; returns the focused element, or None if focus stayed inside the last.

        A date field takes several presses (day, month, year, the browser's own picker button);
        its focus indicator is checked when focus enters it.
        """
        self.page.keyboard.press("Tab")
        element = self.page.evaluate(FOCUSED)
        if self.focused is not None and element["number"] == self.focused["number"]:
            return None
        self.focused = element
        problem = focus_problem(element)
        assert problem is None, f"The focused {element['name']} {problem}: {element}"
        return element

    def tab_to(self, target, limit=40):
        """Presses Tab until ``target`` (a locator) has focus; returns the elements on the way."""
        wanted = target.evaluate(NUMBER)
        path = []
        for _press in range(limit):
            element = self.tab()
            if element is not None:
                path.append(element)
                if element["number"] == wanted:
                    return path
        visited = ", ".join(element["name"] for element in path)
        raise AssertionError(
            f"{limit} presses of Tab did not reach {target}; focus went: {visited}"
        )


def test_keyboard_reaches_skip_link_filters_pagination_and_calendar(
    page, expect, demo_site, short_pages
):
    visitor = KeyboardUser(page)
    programme = EventIndexPage.objects.get(locale__language_code="nb", depth=3)
    visitor.open(f"{programme.url}?when=all")

    skip_link = visitor.tab()
    main_id = page.locator("main").get_attribute("id")
    assert skip_link["href"] == f"#{main_id}", f"Tab first reached {skip_link['name']}"
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()

    filters = page.locator("main form")
    fields = filters.locator("input:not([type=hidden]):visible, select:visible, textarea:visible")
    path = visitor.tab_to(filters.locator("[type=submit]"))
    expected = fields.evaluate_all(f"elements => elements.map({NUMBER})")
    assert expected, "The programme has no filter fields"
    reached = [element["number"] for element in path if element["number"] in expected]
    assert reached == expected, (
        "The filter fields are not all reached, in order, before the button: "
        + ", ".join(element["name"] for element in path)
    )

    visitor.tab_to(page.locator("main nav a[href*='page=2']").first)
    page.keyboard.press("Enter")
    page.wait_for_url("**page=2**")

    event = EventPage.objects.get(locale__language_code="nb", title=REFERENCE_TITLE)
    visitor.open(event.url)
    control = page.get_by_text(in_language("nb", "Add to calendar"), exact=True)
    visitor.tab_to(control)
    page.keyboard.press("Enter")
    calendar_link = visitor.tab()
    assert calendar_link is not None and calendar_link["href"], (
        "The calendar control offers no link"
    )
    assert control.evaluate("element => element.parentElement.contains(document.activeElement)"), (
        f"After opening the calendar control, Tab went to {calendar_link['name']}"
    )
