"""The fixed vocabularies of events: status, attendance, roles and accessibility features.

They stand on the ground floor so that every output can name them (an iCalendar STATUS, a
schema.org eventStatus, the API's role labels) without importing the models that store them.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .conf import get_setting


class AttendanceMode(models.TextChoices):
    IN_PERSON = "in_person", _("In person")
    ONLINE = "online", _("Online")
    MIXED = "mixed", _("In person and online")


class EventStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")
    POSTPONED = "postponed", _("Postponed")
    RESCHEDULED = "rescheduled", _("Rescheduled")
    MOVED_ONLINE = "moved_online", _("Moved online")


class Role(models.TextChoices):
    MODERATOR = "moderator", _("Moderator")
    PARTICIPANT = "participant", _("Participant")
    SPEAKER = "speaker", _("Speaker")
    CONTACT = "contact", _("Contact person")
    HOST = "host", _("Host")


# Roles that name someone on stage, so they must point at a person page.
ROLES_NEEDING_PERSON = {Role.MODERATOR, Role.PARTICIPANT, Role.SPEAKER, Role.HOST}


def roles():
    """The package's roles and the site's own (the EXTRA_ROLES setting), as (value, label)."""
    return [*Role.choices, *get_setting("EXTRA_ROLES")]


# The accessibility symbols Arendalsuka uses, in the order it shows them.
ACCESSIBILITY_FEATURES = [
    ("wheelchair_accessible", _("Wheelchair-accessible venue")),
    ("accessible_toilet", _("Accessible toilet")),
    ("hearing_loop", _("Hearing loop")),
    ("sign_language_interpreting", _("Sign-language interpreting")),
]
# Features that belong to the building; a venue sets them, an event may override them.
VENUE_FEATURES = ACCESSIBILITY_FEATURES[:3]
