from .embeds import EmbedProfile
from .events import (
    AttendanceMode,
    EventIndexPage,
    EventIndexPageMixin,
    EventOrganiser,
    EventPage,
    EventPageMixin,
    EventPerson,
    EventStatus,
    Role,
)
from .people import PersonIndexPage, PersonIndexPageMixin, PersonPage, PersonPageMixin
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
