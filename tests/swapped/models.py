"""The swapped base page and the event pages a site builds on it.

The pages and rows are written exactly as docs/explanation/swappable-base-page.md shows, with
``swapped`` for the site's app label, so the tests prove what the page tells a site to write.
"""

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.models import AbstractPage

from wagtail_events.models import (
    EventDateChangeMixin,
    EventIndexPageMixin,
    EventOrganiserMixin,
    EventPageMixin,
    EventPersonMixin,
    PersonIndexPageMixin,
    PersonPageMixin,
)
from wagtail_events.models.events import person_field
from wagtail_events.routes import (
    EventIndexPageRoutesMixin,
    EventPageRoutesMixin,
    PersonIndexPageRoutesMixin,
    PersonPageRoutesMixin,
)


class BasePage(AbstractPage):
    # A field of the site's own on every page, so the base page is not Wagtail's in disguise.
    strapline = models.CharField(max_length=255, blank=True)

    promote_panels = AbstractPage.promote_panels + ["strapline"]


class HomePage(BasePage):
    """The site's root page, where the example project's HomePage(Page) cannot go."""

    template = "home/home_page.html"


class EventIndexPage(EventIndexPageRoutesMixin, EventIndexPageMixin, BasePage):
    content_panels = EventIndexPageMixin.content_panels
    search_fields = BasePage.search_fields + EventIndexPageMixin.search_fields
    api_fields = EventIndexPageMixin.api_fields
    subpage_types = ["swapped.EventPage", "swapped.EventIndexPage"]
    template = "wagtail_events/event_index_page.html"


class EventPage(EventPageRoutesMixin, EventPageMixin, BasePage):
    content_panels = EventPageMixin.content_panels
    search_fields = BasePage.search_fields + EventPageMixin.search_fields
    api_fields = EventPageMixin.api_fields
    parent_page_types = ["swapped.EventIndexPage"]
    template = "wagtail_events/event_page.html"


class PersonIndexPage(PersonIndexPageRoutesMixin, PersonIndexPageMixin, BasePage):
    content_panels = BasePage.content_panels + PersonIndexPageMixin.content_panels
    search_fields = BasePage.search_fields + PersonIndexPageMixin.search_fields
    subpage_types = ["swapped.PersonPage"]
    template = "wagtail_events/person_index_page.html"


class PersonPage(PersonPageRoutesMixin, PersonPageMixin, BasePage):
    content_panels = PersonPageMixin.content_panels
    search_fields = BasePage.search_fields + PersonPageMixin.search_fields
    parent_page_types = ["swapped.PersonIndexPage"]
    template = "wagtail_events/person_page.html"


class EventOrganiser(EventOrganiserMixin):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="organisers")


class EventPerson(EventPersonMixin):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="event_people")
    person = person_field(PersonPage)


class EventDateChange(EventDateChangeMixin):
    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="date_changes")
