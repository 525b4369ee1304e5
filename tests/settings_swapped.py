"""Test settings for a site that swaps Wagtail's base page (Wagtail 8's ``WAGTAIL_PAGE_MODEL``).

The site leaves out the package's ``wagtail_events.pages`` and builds its event pages from the
mixins in its own app (``tests.swapped``), on its own base page. The home apps of the example
project and of the test site go too: their home pages subclass Wagtail's default page, which a
swapped site has no table for. The example's templates and search view stay (they are the
project's, not the app's).
Run with ``pytest --ds=tests.settings_swapped tests/swapped_tests``.
"""

from tests.settings import *  # noqa: F403
from tests.settings import INSTALLED_APPS, WAGTAIL_EVENTS

INSTALLED_APPS = [
    app
    for app in INSTALLED_APPS
    if app not in {"wagtail_events.pages", "example_project.home", "tests.testapp"}
]
# First, like the project app that holds a site's base page.
INSTALLED_APPS.insert(0, "tests.swapped")

WAGTAIL_PAGE_MODEL = "swapped.BasePage"

WAGTAIL_EVENTS = {
    **WAGTAIL_EVENTS,
    "EVENT_INDEX_PAGE_MODEL": "swapped.EventIndexPage",
    "EVENT_PAGE_MODEL": "swapped.EventPage",
    "PERSON_INDEX_PAGE_MODEL": "swapped.PersonIndexPage",
    "PERSON_PAGE_MODEL": "swapped.PersonPage",
}
