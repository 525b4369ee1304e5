"""The embed profiles in the admin, under the core's "Event settings" menu."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet

from ..wagtail_hooks import SETTINGS_MENU_HOOK, TermViewSet
from .models import EmbedProfile


# The core's snippet viewset: searched in the database, breadcrumbs in the editor's language.
class EmbedProfileViewSet(TermViewSet):
    model = EmbedProfile
    icon = "code"
    # Last in the menu, where the profiles were before they had an app of their own; at the
    # addresses they had then, so editors' bookmarks and links keep working.
    menu_hook = SETTINGS_MENU_HOOK
    menu_order = 5
    url_prefix = "snippets/wagtail_events/embedprofile"
    url_namespace = "wagtailsnippets_wagtail_events_embedprofile"
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
