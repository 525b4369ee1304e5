"""Admin wiring: snippet viewsets, the events listing and the Events menu."""

import django_filters
from django.contrib import messages
from django.http import Http404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.listing import PageFilterSet
from wagtail.admin.viewsets.base import ViewSetGroup
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import (
    EventIndexPageMixin,
    EventPage,
    EventPageMixin,
    EventPerson,
    EventType,
    Organisation,
    PersonIndexPageMixin,
    PersonPage,
    PersonPageMixin,
    Topic,
    Venue,
)
from .queries import within_publication_dates
from .translation_sync import SYNC_PATH, CheckedUpdateTranslationsView

# The package's page types: served only within their publication dates.
DATED_PAGES = (EventIndexPageMixin, EventPageMixin, PersonIndexPageMixin, PersonPageMixin)

# How many events the warning before deleting a person names; it counts the rest.
EVENTS_NAMED_IN_WARNING = 10


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


class EventsMenu(ViewSetGroup):
    menu_label = _("Events")
    menu_icon = "date"
    menu_order = 200
    items = (EventPageListingViewSet, PersonPageListingViewSet)


# Optional apps add their viewsets to the "Event settings" menu with this ``menu_hook``.
SETTINGS_MENU_HOOK = "register_wagtail_events_settings_menu_item"


class EventSnippetsMenu(SnippetViewSetGroup):
    menu_label = _("Event settings")
    menu_icon = "cogs"
    menu_order = 201
    submenu_hook = SETTINGS_MENU_HOOK
    items = (
        OrganisationViewSet,
        VenueViewSet,
        EventTypeViewSet,
        TopicViewSet,
    )

    def get_menu_item(self, order=None):
        item = super().get_menu_item(order)
        # Wagtail 8 reads ``submenu_hook`` itself; Wagtail 7.4 does not, so it is set here too.
        item.menu.register_hook_name = SETTINGS_MENU_HOOK
        return item


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [EventsMenu(), EventSnippetsMenu()]


# Before wagtail-localize's own addresses (order 0), so its "Sync translated pages" reaches the
# view that says when a rule stops a translation.
@hooks.register("register_admin_urls", order=-1)
def register_checked_sync():
    return [
        path(
            SYNC_PATH,
            CheckedUpdateTranslationsView.as_view(),
            name="wagtail_events_update_translations",
        )
    ]


@hooks.register("before_serve_page")
def serve_only_within_publication_dates(page, request, serve_args, serve_kwargs):
    """Wagtail serves a live page past its expiry or before its go-live date until the
    ``publish_scheduled`` command runs; every list already leaves such pages out."""
    if isinstance(page, DATED_PAGES) and not within_publication_dates(page):
        raise Http404


@hooks.register("before_delete_page")
def warn_before_deleting_a_person(request, page):
    """Tell the editor which events name the person they are about to delete.

    The events keep the name, title and organisation the person had there, but lose the link
    to the person page. Shown as a warning on the delete confirmation, which both Wagtail 7.4
    and 8 render with the messages of the same request.
    """
    if request.method == "GET" and isinstance(page, PersonPageMixin):
        _warn_about_events_naming(request, page)


class DeletePagesWarningAboutPeople(DeleteBulkAction):
    """Wagtail's delete of several pages at once, with the warning the delete of one gives
    for each person page among them (see ``warn_before_deleting_a_person``)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.method == "GET":
            for item in context["items"]:
                if isinstance(item["item"], PersonPageMixin):
                    _warn_about_events_naming(self.request, item["item"])
        return context


# After Wagtail's own (order 0), so it replaces the delete action of the page listings.
hooks.register("register_bulk_action", DeletePagesWarningAboutPeople, order=1)


def _warn_about_events_naming(request, page):
    events = _events_naming(page)
    if not events:
        return
    message = ngettext(
        "%(name)s takes part in %(count)s event. If you delete the person page, the event "
        "keeps the name, title and organisation it shows, without a link to the person.",
        "%(name)s takes part in %(count)s events. If you delete the person page, the events "
        "keep the name, title and organisation they show, without a link to the person.",
        len(events),
    ) % {"name": page.full_name or page.title, "count": len(events)}
    shown = events[:EVENTS_NAMED_IN_WARNING]
    items = format_html_join(
        "",
        '<li><a href="{}">{}</a> ({}, {})</li>',
        (
            (
                reverse("wagtailadmin_pages:edit", args=(event.pk,)),
                event.title,
                event.when,
                event.locale.get_display_name(),
            )
            for event in shown
        ),
    )
    more = len(events) - len(shown)
    if more:
        items += format_html(
            "<li>{}</li>",
            ngettext("and %(count)s more event", "and %(count)s more events", more)
            % {"count": more},
        )
    messages.warning(
        request, admin_messages.render(message, None, format_html("<ul>{}</ul>", items))
    )


def _events_naming(person):
    """The events (one language version of each) whose people link this person page.

    Every language version of an event links the same person page. The version in the
    person's language is named when there is one.
    """
    rows = EventPerson.objects.filter(person_id=person.pk)
    events = EventPage.objects.filter(pk__in=rows.values("page_id")).select_related("locale")
    by_key = {}
    for event in events.order_by("start", "pk"):
        chosen = by_key.get(event.translation_key)
        if chosen is None or event.locale_id == person.locale_id:
            by_key[event.translation_key] = event
    return list(by_key.values())
