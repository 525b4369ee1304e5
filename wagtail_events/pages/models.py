"""The package's concrete pages and their rows, on Wagtail's default ``Page``: the top floor.

Each combines a content mixin (fields, panels, validation; ``models.events``, ``models.people``)
with its routes mixin (``routes``: calendar and feed routes, template context, sitemap entries),
so the content floor never imports the views, feeds and queries above it. The floors below find
these models through ``page_models``. See docs/explanation/architecture.md.

The tables keep the names they had when these models belonged to the ``wagtail_events`` app,
so sites made before the split keep their rows (see docs/upgrading.md).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import ObjectList, TabbedInterface
from wagtail.models import Page

from ..forms import EventPageForm, PersonPageForm
from ..models.events import (
    EventDateChangeMixin,
    EventIndexPageMixin,
    EventOrganiserMixin,
    EventPageMixin,
    EventPersonMixin,
    person_field,
)
from ..models.people import PersonIndexPageMixin, PersonPageMixin
from ..routes import (
    EventIndexPageRoutesMixin,
    EventPageRoutesMixin,
    PersonIndexPageRoutesMixin,
    PersonPageRoutesMixin,
)


class EventIndexPage(EventIndexPageRoutesMixin, EventIndexPageMixin, Page):
    content_panels = EventIndexPageMixin.content_panels

    search_fields = Page.search_fields + EventIndexPageMixin.search_fields

    subpage_types = ["wagtail_events_pages.EventPage", "wagtail_events_pages.EventIndexPage"]
    page_description = _("A programme, festival or series that holds events.")

    api_fields = EventIndexPageMixin.api_fields

    template = "wagtail_events/event_index_page.html"

    class Meta:
        db_table = "wagtail_events_eventindexpage"
        verbose_name = _("event index")
        verbose_name_plural = _("event indexes")


class EventPage(EventPageRoutesMixin, EventPageMixin, Page):
    content_panels = EventPageMixin.content_panels

    search_fields = Page.search_fields + EventPageMixin.search_fields

    parent_page_types = ["wagtail_events_pages.EventIndexPage"]
    subpage_types = []
    page_description = _("One event: a debate, seminar, concert or festival entry.")

    api_fields = EventPageMixin.api_fields

    base_form_class = EventPageForm
    edit_handler = TabbedInterface(
        [
            ObjectList(EventPageMixin.content_panels, heading=_("Content")),
            ObjectList(EventPageMixin.time_and_place_panels, heading=_("Time and place")),
            ObjectList(EventPageMixin.people_panels, heading=_("People")),
            ObjectList(Page.promote_panels, heading=_("Promote")),
            ObjectList(Page.settings_panels, heading=_("Settings"), classname="settings"),
        ]
    )

    template = "wagtail_events/event_page.html"

    class Meta:
        db_table = "wagtail_events_eventpage"
        verbose_name = _("event")
        verbose_name_plural = _("events")
        indexes = [
            # Upcoming events, soonest first: the index gives the order, and its "end" skips
            # the events already over without reading them.
            models.Index(fields=["start", "end"], name="wagtail_events_start_end_idx"),
            models.Index(fields=["end"], name="wagtail_events_end_idx"),
            models.Index(fields=["status"], name="wagtail_events_status_idx"),
        ]


class PersonPage(PersonPageRoutesMixin, PersonPageMixin, Page):
    content_panels = PersonPageMixin.content_panels

    search_fields = Page.search_fields + PersonPageMixin.search_fields

    parent_page_types = ["wagtail_events_pages.PersonIndexPage"]
    subpage_types = []
    page_description = _("A person who takes part in events: speaker, moderator or contact.")

    base_form_class = PersonPageForm

    template = "wagtail_events/person_page.html"

    class Meta:
        db_table = "wagtail_events_personpage"
        verbose_name = _("person")
        verbose_name_plural = _("people")


class PersonIndexPage(PersonIndexPageRoutesMixin, PersonIndexPageMixin, Page):
    content_panels = Page.content_panels + PersonIndexPageMixin.content_panels

    search_fields = Page.search_fields + PersonIndexPageMixin.search_fields

    subpage_types = ["wagtail_events_pages.PersonPage"]
    page_description = _("Lists the people who take part in events.")

    template = "wagtail_events/person_index_page.html"

    class Meta:
        db_table = "wagtail_events_personindexpage"
        verbose_name = _("person index")
        verbose_name_plural = _("person indexes")


class EventOrganiser(EventOrganiserMixin):
    page = ParentalKey(
        "wagtail_events_pages.EventPage", on_delete=models.CASCADE, related_name="organisers"
    )

    class Meta(EventOrganiserMixin.Meta):
        db_table = "wagtail_events_eventorganiser"


class EventPerson(EventPersonMixin):
    page = ParentalKey(
        "wagtail_events_pages.EventPage", on_delete=models.CASCADE, related_name="event_people"
    )
    person = person_field("wagtail_events_pages.PersonPage")

    class Meta(EventPersonMixin.Meta):
        db_table = "wagtail_events_eventperson"


class EventDateChange(EventDateChangeMixin):
    page = ParentalKey(
        "wagtail_events_pages.EventPage", on_delete=models.CASCADE, related_name="date_changes"
    )

    class Meta(EventDateChangeMixin.Meta):
        db_table = "wagtail_events_eventdatechange"
