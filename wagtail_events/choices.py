"""The fixed vocabularies of events: status, attendance, roles, accessibility features and
repetition.

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


class Frequency(models.TextChoices):
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")


class MonthlyBy(models.TextChoices):
    """Which day of each month a monthly event falls on, taken from its first date."""

    DATE = "date", _("On the same date (the 12th)")
    WEEKDAY = "weekday", _("On the same weekday (the second Tuesday)")
    LAST_WEEKDAY = "last_weekday", _("On the last such weekday (the last Tuesday)")


class ChangeKind(models.TextChoices):
    """What an editor does to one date of a repeating event."""

    CANCELLED = "cancelled", _("Cancel this date")
    MOVED = "moved", _("Move this date")
    ADDED = "added", _("Add a date")


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
