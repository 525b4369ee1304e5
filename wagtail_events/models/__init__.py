"""The app's models: what Django loads for ``wagtail_events``: snippets and the abstract mixins
pages are built from.

The concrete pages live in the ``wagtail_events.pages`` app. ``EventPage``, ``PersonPage``,
``EventIndexPage``, ``PersonIndexPage``, ``EventPerson`` and ``EventOrganiser`` are still found
here once the apps are loaded: they are the site's models (see ``page_models``), the pages app's
unless the site has its own. Subclass or point a foreign key at ``wagtail_events.pages.models``.
``EmbedProfile`` is found here too where the site has the ``wagtail_events.embed`` app, whose model
it is (``wagtail_events.embed.models``).
"""

from ..choices import ACCESSIBILITY_FEATURES, AttendanceMode, EventStatus, Role
from ..page_models import MODEL_LOOKUPS, embed_profile_model
from .events import (
    EventDateChangeMixin,
    EventIndexPageMixin,
    EventOrganiserMixin,
    EventPageMixin,
    EventPersonMixin,
)
from .people import PersonIndexPageMixin, PersonPageMixin
from .taxonomy import EventType, Organisation, Topic, Venue

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "AttendanceMode",
    "EventIndexPageMixin",
    "EventDateChangeMixin",
    "EventOrganiserMixin",
    "EventPageMixin",
    "EventPersonMixin",
    "EventStatus",
    "EventType",
    "Organisation",
    "PersonIndexPageMixin",
    "PersonPageMixin",
    "Role",
    "Topic",
    "Venue",
]


def __getattr__(name):
    # The concrete models, looked up when asked for: the core app never imports the pages app,
    # which a site with its own pages leaves out.
    if name in MODEL_LOOKUPS:
        return MODEL_LOOKUPS[name]()
    if name == "EmbedProfile" and (model := embed_profile_model()) is not None:
        return model
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
