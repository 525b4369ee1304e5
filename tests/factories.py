"""The package's factories (``wagtail_events.testing``), and what only this test suite needs.

Tests import the factories from here, so they keep one import whichever module builds them.
"""

from django.apps import apps
from django.conf import settings

from wagtail_events.conf import get_setting
from wagtail_events.testing.factories import (  # noqa: F401 (the tests' one import)
    FIRST_DAY,
    OSLO,
    EventPageFactory,
    EventTypeFactory,
    OrganisationFactory,
    PageFactory,
    PersonPageFactory,
    SnippetFactory,
    TopicFactory,
    VenueFactory,
    add_people,
    attach,
    noon,
    reset_sequences,
)
from wagtail_events.testing.publishing import publish, published_quickly  # noqa: F401


def base_page_swapped():
    """True under tests.settings_swapped: WAGTAIL_PAGE_MODEL names a base page of the site's."""
    return getattr(settings, "WAGTAIL_PAGE_MODEL", "wagtailcore.Page") != "wagtailcore.Page"


def home_page_model():
    """The test site's home page type: tests.testapp's front page, or the swapped test site's own
    (tests/settings_swapped.py), since a HomePage(Page) has no table when the base page is swapped.
    """
    if base_page_swapped():
        return apps.get_model("swapped", "HomePage")
    return apps.get_model("testapp", "FrontPage")


def page_type(setting):
    """The ``type`` Wagtail's API v2 takes for one of the site's page models, e.g.
    ``page_type("EVENT_PAGE_MODEL")``: "app_label.ModelName", as the setting names it."""
    return get_setting(setting)
