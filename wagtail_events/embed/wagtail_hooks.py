"""The embed profiles in the admin, under the core's "Event settings" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..wagtail_hooks import SETTINGS_MENU_HOOK
from .models import EmbedProfile


class EmbedProfileViewSet(SnippetViewSet):
    model = EmbedProfile
    icon = "code"
    # Last in the menu, where the profiles were before they had an app of their own; at the
    # addresses they had then, so editors' bookmarks and links keep working.
    menu_hook = SETTINGS_MENU_HOOK
    menu_order = 5
    url_prefix = "snippets/wagtail_events/embedprofile"
    url_namespace = "wagtailsnippets_wagtail_events_embedprofile"
    # Search the listed fields in the database, as the core's snippets do.
    search_backend_name = None
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


register_snippet(EmbedProfileViewSet)
