"""Admin wiring: snippet viewsets, the events listing and the Events menu."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import EmbedProfile, EventPage, EventType, Organisation, PersonPage, Topic, Venue


class EventPageFilterSet(PageFilterSet):
    # A date range: an exact match on a date would only find events starting at midnight.
    start = django_filters.DateFromToRangeFilter(label=_("Starts"), widget=DateRangePickerWidget)

    class Meta:
        model = EventPage
        fields = ["start", "status", "event_type"]


class EventPageListingViewSet(PageListingViewSet):
    model = EventPage
    icon = "date"
    menu_label = _("All events")
    add_to_admin_menu = False
    name = "wagtail_events_events"
    list_display = [
        "title",
        # The event's own date and time, not "in 3 weeks": editors plan by the calendar.
        Column("start", label=_("When"), accessor="when"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        "locale",
        PageStatusColumn("publication_status", label=_("Publication status"), sort_key="live"),
        "latest_revision_created_at",
    ]
    filterset_class = EventPageFilterSet
    ordering = "-start"


class PersonPageListingViewSet(PageListingViewSet):
    model = PersonPage
    icon = "user"
    menu_label = _("All people")
    add_to_admin_menu = False
    name = "wagtail_events_people"
    list_display = [
        "title",
        "job_title",
        "locale",
        PageStatusColumn("publication_status", label=_("Publication status"), sort_key="live"),
        "latest_revision_created_at",
    ]


class TermViewSet(SnippetViewSet):
    # Search the listed fields in the database: it matches parts of words and works on every
    # database, where a search backend limited to fields fails on SQLite.
    search_backend_name = None


class OrganisationViewSet(TermViewSet):
    model = Organisation
    icon = "group"
    list_display = ["name", "short_name", "url"]
    search_fields = ["name", "short_name"]
    ordering = ["name"]


class VenueViewSet(TermViewSet):
    model = Venue
    icon = "site"
    list_display = ["name", "street_address", "city"]
    list_filter = ["city", "wheelchair_accessible", "hearing_loop"]
    search_fields = ["name", "street_address", "city"]
    ordering = ["name"]


class EventTypeViewSet(TermViewSet):
    model = EventType
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class TopicViewSet(TermViewSet):
    model = Topic
    icon = "tag"
    list_display = ["name", "slug"]
    search_fields = ["name"]
    ordering = ["name"]


class EmbedProfileViewSet(TermViewSet):
    model = EmbedProfile
    icon = "code"
    list_display = [
        "name",
        "slug",
        Column(
            "allowed_origins",
            label=_("Allowed origins"),
            accessor=lambda profile: ", ".join(profile.origins),
        ),
        "language",
    ]
    search_fields = ["name", "slug", "allowed_origins"]
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
    items = (
        OrganisationViewSet,
        VenueViewSet,
        EventTypeViewSet,
        TopicViewSet,
        EmbedProfileViewSet,
    )


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EventsMenu(), EventSnippetsMenu()]
