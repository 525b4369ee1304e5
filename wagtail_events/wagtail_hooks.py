"""Admin wiring: snippet viewsets, the events listing and the Events menu."""

from typing import NamedTuple

import django_filters
from django.contrib import messages
from django.http import Http404
from django.urls import path, reverse
from django.utils.functional import Promise
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from wagtail import hooks
from wagtail.admin import messages as admin_messages
from wagtail.admin.filters import DateRangePickerWidget
from wagtail.admin.ui.tables import Column
from wagtail.admin.ui.tables.pages import PageStatusColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
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

# How many linked pages the warning before a delete names; it counts the rest.
PAGES_NAMED_IN_WARNING = 10


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

    @property
    def breadcrumbs_items(self):
        # Wagtail's snippets name "Home" once, in the language active as the admin's addresses
        # load; the admin views' own lazy "Home" is named in each editor's language.
        _home, *rest = super().breadcrumbs_items
        return [*WagtailAdminTemplateMixin.breadcrumbs_items, *rest]


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
def warn_before_deleting(request, page):
    """Tell the editor which links the delete they are about to confirm removes.

    Shown as a warning on the delete confirmation, which both Wagtail 7.4 and 8 render with the
    messages of the same request. See ``links_a_delete_removes`` for what is named.
    """
    if request.method == "GET":
        _warn_about_links(request, page)


class DeletePagesWithWarnings(DeleteBulkAction):
    """Wagtail's delete of several pages at once, with the warning the delete of one gives
    for each page among them (see ``warn_before_deleting``)."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.request.method == "GET":
            for item in context["items"]:
                _warn_about_links(self.request, item["item"])
        return context


# After Wagtail's own (order 0), so it replaces the delete action of the page listings.
hooks.register("register_bulk_action", DeletePagesWithWarnings, order=1)


class LinksLost(NamedTuple):
    """What a delete unlinks: the message, the linked pages with a few details on each, and the
    words that count the ones the warning does not name (a plural chosen by ``count``)."""

    message: str
    linked: list
    more: Promise


def links_a_delete_removes(page):
    """The links deleting ``page`` removes, as a ``LinksLost``, or None if it has none.

    A person page: the events that name the person keep the name, title and organisation they
    show, without the link. An event page: the person pages of its people are kept, without
    the event.
    """
    if isinstance(page, PersonPageMixin):
        events = _events_naming(page)
        message = ngettext(
            "%(name)s takes part in %(count)s event. If you delete the person page, the event "
            "keeps the name, title and organisation it shows, without a link to the person.",
            "%(name)s takes part in %(count)s events. If you delete the person page, the events "
            "keep the name, title and organisation they show, without a link to the person.",
            len(events),
        ) % {"name": page.full_name or page.title, "count": len(events)}
        linked = [(event, (event.when, event.locale.get_display_name())) for event in events]
        more = ngettext_lazy("and %(count)s more event", "and %(count)s more events", "count")
    elif isinstance(page, EventPageMixin):
        linked = _people_linked_from(page)
        message = ngettext(
            "%(title)s links to %(count)s person page. If you delete the event, the link is "
            "removed and the person page no longer lists the event; the person page is kept.",
            "%(title)s links to %(count)s person pages. If you delete the event, the links are "
            "removed and the person pages no longer list the event; the person pages are kept.",
            len(linked),
        ) % {"title": page.title, "count": len(linked)}
        more = ngettext_lazy(
            "and %(count)s more person page", "and %(count)s more person pages", "count"
        )
    else:
        return None
    return LinksLost(message, linked, more) if linked else None


def _warn_about_links(request, page):
    lost = links_a_delete_removes(page)
    if lost is None:
        return
    shown = lost.linked[:PAGES_NAMED_IN_WARNING]
    items = format_html_join(
        "",
        '<li><a href="{}">{}</a> ({})</li>',
        (
            (
                reverse("wagtailadmin_pages:edit", args=(linked.pk,)),
                linked.title,
                ", ".join(details),
            )
            for linked, details in shown
        ),
    )
    rest = len(lost.linked) - len(shown)
    if rest:
        items += format_html("<li>{}</li>", lost.more % {"count": rest})
    messages.warning(
        request, admin_messages.render(lost.message, None, format_html("<ul>{}</ul>", items))
    )


def _people_linked_from(event):
    """The person pages the event's people link, in the event's order, each with its roles there."""
    roles = {}
    for row in event.event_people.filter(person__isnull=False).select_related("person"):
        roles.setdefault(row.person, []).append(row.get_role_display())
    return list(roles.items())


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
