"""Admin wiring: snippet viewsets, the events listing and the Events menu."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EventPage, EventType, Organisation, PersonPage, Topic, Venue


class EventPageListingViewSet(PageListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = _("All events")
    add_to_admin_menu = False
    name = "wagtail_events_events"
    list_display = [
        "title",
        DateColumn("start", label=_("Starts")),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "locale",
        "status_tag",
        "latest_revision_created_at",
    ]
    list_filter = ["start", "status", "event_type"]
    ordering = "-start"


class PersonPageListingViewSet(PageListingViewSet):
    model = PersonPage
    icon = "user"
    menu_label = _("All people")
    add_to_admin_menu = False
    name = "wagtail_events_people"
    list_display = ["title", "job_title", "locale", "status_tag", "latest_revision_created_at"]


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "short_name", "url"]
    search_fields = ["name", "short_name"]
    ordering = ["name"]


class VenueViewSet(SnippetViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "street_address", "city"]
    list_filter = ["city", "wheelchair_accessible", "hearing_loop"]
    search_fields = ["name", "street_address", "city"]
    ordering = ["name"]


class EventTypeViewSet(SnippetViewSet):
    model = EventType
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class EventsMenu(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 200
    items = (EventPageListingViewSet, PersonPageListingViewSet)


class EventSnippetsMenu(SnippetViewSetGroup):
    menu_label = _("Event settings")
    menu_icon = "cogs"
    menu_order = 201
    items = (OrganisationViewSet, VenueViewSet, EventTypeViewSet, TopicViewSet)


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EventsMenu(), EventSnippetsMenu()]
