"""The app's models: what Django loads for ``wagtail_events``.

Below the top floor, code inside the package imports the content models from their own modules
(``models.events`` and so on), never from here: this module also loads the concrete pages, which
stand on every other floor (see docs/explanation/architecture.md).
"""

from .embeds import EmbedProfile
from .events import (
    AttendanceMode,
    EventIndexPageMixin,
    EventOrganiser,
    EventPageMixin,
    EventPerson,
    EventStatus,
    Role,
)

# Django loads an app's models from its ``models`` module only, so the pages are imported here
# although they stand on the floors above; they move to their own app later.
from .pages import EventIndexPage, EventPage, PersonIndexPage, PersonPage
from .people import PersonIndexPageMixin, PersonPageMixin
from .taxonomy import ACCESSIBILITY_FEATURES, EventType, Organisation, Topic, Venue

__all__ = [
    "ACCESSIBILITY_FEATURES",
    "AttendanceMode",
    "EmbedProfile",
    "EventIndexPage",
    "EventIndexPageMixin",
    "EventOrganiser",
    "EventPage",
    "EventPageMixin",
    "EventPerson",
    "EventStatus",
    "EventType",
    "Organisation",
    "PersonIndexPage",
    "PersonIndexPageMixin",
    "PersonPage",
    "PersonPageMixin",
    "Role",
    "Topic",
    "Venue",
]
