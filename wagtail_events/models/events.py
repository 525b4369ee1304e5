"""Events and the indexes (programmes, series) that hold them."""

import datetime
import functools
import json
import zoneinfo

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PageChooserPanel,
    TitleFieldPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField
from wagtail_localize.models import Translation

from ..base_page import page_model
from ..blocks import EventBodyBlock, agenda_day_errors
from ..choices import (
    ACCESSIBILITY_FEATURES,
    ROLES_NEEDING_PERSON,
    VENUE_FEATURES,
    AttendanceMode,
    ChangeKind,
    EventStatus,
    Frequency,
    MonthlyBy,
    Role,
    roles,
)
from ..conf import get_setting
from ..formatting import format_event_when
from ..i18n import RelatedPages, event_links, event_person_links_alone
from ..recurrence import Change, Repetition, occurrences, placed, problems
from ..weblinks import web_url
from .taxonomy import Organisation


def default_timezone():
    return get_setting("DEFAULT_TIMEZONE")


# Reading the time zone database walks hundreds of files, and the choices are asked for each
# time an event is validated: once per process is enough.
@functools.cache
def timezone_choices():
    return tuple((name, name) for name in sorted(zoneinfo.available_timezones()))


# Named by the migrations, so it stays here.
def role_choices():
    return roles()


def spoken_language_choices():
    return list(get_setting("SPOKEN_LANGUAGES"))


class ChoiceListField(models.JSONField):
    """A list of choices, edited as checkboxes: ``list_choices`` gives them, ``coerce`` reads
    a ticked box's value."""

    list_choices = None
    coerce = str

    def formfield(self, **kwargs):
        return forms.TypedMultipleChoiceField(
            choices=self.list_choices,
            coerce=self.coerce,
            widget=forms.CheckboxSelectMultiple,
            required=not self.blank,
            label=capfirst(self.verbose_name),  # as Django's own form fields
            help_text=self.help_text,
        )


class SpokenLanguagesField(ChoiceListField):
    """A list of language codes."""

    list_choices = staticmethod(spoken_language_choices)


def weekday_choices():
    return list(WEEKDAYS.items())


class WeekdaysField(ChoiceListField):
    """A list of weekdays, Monday 0 as Python counts them."""

    list_choices = staticmethod(weekday_choices)
    coerce = int


class VenueDefaultSelect(forms.NullBooleanSelect):
    """Yes / no, or leave it to what the venue says."""

    def __init__(self, attrs=None):
        super().__init__(attrs)
        self.choices = [
            ("unknown", _("As the venue says")),
            ("true", _("Yes")),
            ("false", _("No")),
        ]


class EventIndexPageMixin(models.Model):
    """A programme or series of events, e.g. “Arendalsuka 2025”. Indexes can nest.

    If you swap Page, combine it with ``routes.EventIndexPageRoutesMixin`` and your base page.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link", "ul"])

    content_panels = [TitleFieldPanel("title"), FieldPanel("intro")]

    search_fields = [index.SearchField("intro")]

    api_fields = [APIField("intro")]

    class Meta:
        abstract = True


class EventPageMixin(models.Model):
    """An event page's content: fields, panels, validation, and what the outputs read from it.

    If you swap Page, combine it with ``routes.EventPageRoutesMixin`` and your base page model.
    """

    lead = models.TextField(
        _("lead"), max_length=600, help_text=_("One or two sentences: what the event is about.")
    )
    body = StreamField(EventBodyBlock(), verbose_name=_("body"), blank=True)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    timezone = models.CharField(
        _("time zone"),
        max_length=64,
        choices=timezone_choices,
        default=default_timezone,
        help_text=_("Start and end are entered in this time zone."),
    )
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are shown; the times are ignored.")
    )
    # A repeating event: start and end are its first date; see ``recurrence``.
    repeat = models.CharField(
        _("repeats"),
        max_length=16,
        choices=Frequency.choices,
        blank=True,
        help_text=_("Leave empty for an event on one date."),
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("every"),
        default=1,
        help_text=_("1 for every day, week or month, 2 for every other, and so on."),
    )
    repeat_weekdays = WeekdaysField(
        _("on weekdays"),
        default=list,
        blank=True,
        help_text=_("Weekly: the days of the week. None ticked: the weekday of the first date."),
    )
    repeat_monthly_by = models.CharField(
        _("monthly on"), max_length=16, choices=MonthlyBy.choices, default=MonthlyBy.DATE
    )
    repeat_until = models.DateField(
        _("until"), null=True, blank=True, help_text=_("The last day a date may fall on.")
    )
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"), null=True, blank=True, help_text=_("Or: how many dates in all.")
    )
    venue = models.ForeignKey(
        "wagtail_events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=16,
        choices=AttendanceMode.choices,
        default=AttendanceMode.IN_PERSON,
    )
    livestream_url = models.URLField(_("livestream link"), blank=True)
    recording_url = models.URLField(
        _("recording link"),
        blank=True,
        help_text=_(
            "Shown on the event page, in calendars and to search engines once the event is over."
        ),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=EventStatus.choices, default=EventStatus.SCHEDULED
    )
    status_note = models.TextField(
        _("status note"),
        blank=True,
        help_text=_("Shown with the status, e.g. why the event was cancelled or where it moved."),
    )
    # Set when a rescheduled or postponed event's start moves, so calendars can say what changed.
    previous_start = models.DateTimeField(_("previous start"), null=True, blank=True)
    # Rises each time a published change moves the time or place or changes the status, so
    # calendar apps replace their copy (iCalendar SEQUENCE).
    sequence = models.PositiveIntegerField(_("calendar sequence"), default=0)

    event_type = models.ForeignKey(
        "wagtail_events.EventType",
        verbose_name=_("event type"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    topics = ParentalManyToManyField(
        "wagtail_events.Topic", verbose_name=_("topics"), blank=True, related_name="+"
    )

    registration_required = models.BooleanField(_("registration required"), default=False)
    registration_url = models.URLField(_("registration link"), blank=True)
    is_free = models.BooleanField(_("free admission"), default=True)
    price = models.CharField(
        _("price"), max_length=255, blank=True, help_text=_("For example “NOK 200, students free”.")
    )
    capacity = models.PositiveIntegerField(_("capacity"), null=True, blank=True)
    spoken_languages = SpokenLanguagesField(_("languages spoken"), default=list, blank=True)

    wheelchair_accessible = models.BooleanField(
        _("wheelchair-accessible venue"), null=True, blank=True
    )
    accessible_toilet = models.BooleanField(_("accessible toilet"), null=True, blank=True)
    hearing_loop = models.BooleanField(_("hearing loop"), null=True, blank=True)
    sign_language_interpreting = models.BooleanField(_("sign-language interpreting"), default=False)
    accessibility_note = models.TextField(_("accessibility note"), blank=True)

    content_panels = [
        TitleFieldPanel("title"),
        FieldPanel("lead"),
        FieldRowPanel(
            [FieldPanel("event_type"), FieldPanel("topics", widget=forms.CheckboxSelectMultiple)]
        ),
        FieldPanel("image"),
        FieldPanel("body"),
    ]
    time_and_place_panels = [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldRowPanel([FieldPanel("timezone"), FieldPanel("all_day")]),
            ],
            heading=_("Time"),
        ),
        MultiFieldPanel([FieldPanel("status"), FieldPanel("status_note")], heading=_("Status")),
        MultiFieldPanel(
            [
                FieldPanel("venue"),
                FieldPanel("attendance_mode"),
                FieldRowPanel([FieldPanel("livestream_url"), FieldPanel("recording_url")]),
                FieldPanel("spoken_languages"),
            ],
            heading=_("Place"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("is_free"), FieldPanel("price")]),
                FieldRowPanel([FieldPanel("registration_required"), FieldPanel("capacity")]),
                FieldPanel("registration_url"),
            ],
            heading=_("Admission and registration"),
        ),
        MultiFieldPanel(
            [
                *(FieldPanel(name, widget=VenueDefaultSelect) for name, _label in VENUE_FEATURES),
                FieldPanel("sign_language_interpreting"),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Accessibility"),
        ),
    ]
    people_panels = [
        InlinePanel("organisers", heading=_("Organisers"), label=_("Organiser")),
        InlinePanel("event_people", heading=_("People"), label=_("Person")),
    ]

    search_fields = [
        index.SearchField("lead"),
        index.SearchField("body"),
        index.FilterField("start"),
        index.FilterField("end"),
        index.FilterField("status"),
        # The read layer's publication dates, so public_events() can be searched.
        index.FilterField("go_live_at"),
        index.FilterField("expire_at"),
        index.RelatedFields(
            "event_people", [index.SearchField("name"), index.SearchField("title")]
        ),
        # The organisers' and the people's organisations, by every name in every language.
        index.SearchField("organisation_names"),
    ]

    api_fields = [
        APIField("lead"),
        APIField("body"),
        APIField("start"),
        APIField("end"),
        APIField("timezone"),
        APIField("all_day"),
        APIField("status"),
        APIField("status_note"),
        APIField("previous_start"),
        APIField("attendance_mode"),
        APIField("livestream_url"),
        APIField("recording_url"),
        APIField("registration_required"),
        APIField("registration_url"),
        APIField("is_free"),
        APIField("price"),
        APIField("capacity"),
        APIField("spoken_languages"),
        APIField("accessibility"),
        # The related fields (venue, event type, topics, organisers, people, image) are the
        # package's API v2 endpoint's to add, in the events API's shapes and the page's
        # language (wagtail_events.api_v2.fields): Wagtail's own endpoint could not give them.
    ]

    # Facts are the same in every language; links point at the source-language objects and are
    # shown in the page's language when a translation exists (see ``i18n``).
    override_translatable_fields = [
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("previous_start"),
        SynchronizedField("sequence"),
        SynchronizedField("timezone"),
        SynchronizedField("repeat"),
        SynchronizedField("repeat_monthly_by"),
        SynchronizedField("venue"),
        SynchronizedField("event_type"),
        SynchronizedField("topics"),
        SynchronizedField("organisers"),
        SynchronizedField("livestream_url"),
        SynchronizedField("recording_url"),
        SynchronizedField("registration_url"),
        SynchronizedField("image"),
    ]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        if self.pk and (update_fields is None or "sequence" in update_fields):
            self._update_sequence()
        self._number_children()
        if update_fields is None or "topics" in update_fields:
            self._follow_source_without_topics()
        super().save(*args, **kwargs)

    def _follow_source_without_topics(self):
        """A synced translation loses its topics when its source has none left.

        wagtail-localize copies a synchronised many-to-many field at a sync only when the
        source has values, so without this the translation would keep the topics its source
        dropped. Other changes of topics it copies itself.
        """
        if not self.pk or not self.topics.exists():
            return
        translation = (
            Translation.objects.filter(
                source__object_id=self.translation_key,
                target_locale_id=self.locale_id,
                enabled=True,
            )
            .select_related("source")
            .first()
        )
        if translation is not None and not json.loads(translation.source.content_json).get(
            "topics"
        ):
            self.topics = []

    def serializable_data(self):
        self._number_children()
        return super().serializable_data()

    def _number_children(self):
        # Rows added in code (not through the admin's ordered formsets) have no sort_order;
        # number them after the others, in the order they were added, so every database lists
        # them alike.
        for relation in ("organisers", "event_people"):
            children = list(getattr(self, relation).all())
            numbered = [child.sort_order for child in children if child.sort_order is not None]
            position = max(numbered, default=-1)
            for child in children:
                if child.sort_order is None:
                    position += 1
                    child.sort_order = position

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end:
            # Days are the event's own: the datetimes may come in any zone (forms, revisions).
            if self.all_day and self.local_end.date() < self.local_start.date():
                errors["end"] = _("The event must end on or after the day it starts.")
            elif not self.all_day and self.end <= self.start:
                errors["end"] = _("The event must end after it starts.")
        if not self.is_free and not self.price:
            errors["price"] = _("Give the price, or tick “free admission”.")
        if self.registration_required and not self.registration_url:
            errors["registration_url"] = _("Give the address where people register.")
        errors.update(self._check_agenda_days())
        errors.update(self._check_date_change())
        if not errors:
            errors.update(self._repetition_errors())
        if errors:
            raise ValidationError(errors)

    def _check_agenda_days(self):
        """Agenda items that name a day name one of the event's own days."""
        if not (self.start and self.end) or self.end < self.start:
            return {}
        start, end = self.local_start, self.local_end
        days = format_event_when(start, end, all_day=True)
        message = _("Choose a day within the event: %(days)s.") % {"days": days}
        error = agenda_day_errors(self.body, start.date(), end.date(), message)
        # In a list, so the error keeps its type and the admin shows it on the item's day.
        return {"body": [error]} if error else {}

    def _check_date_change(self):
        """A cancelled event keeps the date it had; a moved one remembers where it was."""
        if not self.pk or not self.start:
            return {}
        saved = type(self).objects.filter(pk=self.pk).values("start", "end").first()
        if saved is None or (saved["start"], saved["end"]) == (self.start, self.end):
            return {}
        if self.status == EventStatus.CANCELLED:
            return {
                "start": _(
                    "A cancelled event keeps its original date. To move it, choose the status "
                    "“Rescheduled” or “Postponed”."
                )
            }
        if (
            self.status in (EventStatus.RESCHEDULED, EventStatus.POSTPONED)
            and saved["start"] != self.start
        ):
            self.previous_start = saved["start"]
        return {}

    # What calendar subscribers must hear about: time, place and status.
    calendar_fields = (
        "start",
        "end",
        "all_day",
        "timezone",
        "venue_id",
        "attendance_mode",
        "status",
    )

    def _update_sequence(self):
        saved = (
            type(self).objects.filter(pk=self.pk).values("sequence", *self.calendar_fields).first()
        )
        if saved is None:
            return
        # The database row is the live version: count from it, whatever a revision carried.
        changed = any(saved[name] != getattr(self, name) for name in self.calendar_fields)
        self.sequence = saved["sequence"] + (1 if changed else 0)

    def full_clean(self, *args, **kwargs):
        errors = {}
        try:
            super().full_clean(*args, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        # The rules on people hold however the page is saved: in code, by an import, or by a
        # translation's sync. The admin's form leaves them out (``exclude``): its rows are
        # checked one by one, where the editor sees each error on its row.
        exclude = kwargs.get("exclude", args[0] if args else None) or ()
        if "event_people" in exclude:
            for event_person in self.event_people.all():
                event_person.fill_from_person()
        else:
            errors.update(self._people_errors())
        rule_is_sound = not any(name in errors for name in self.repetition_fields.values())
        if "date_changes" not in exclude and rule_is_sound:
            errors.update(self.date_change_errors(self.date_changes.all()))
        if errors:
            raise ValidationError(errors)

    # Where each of the rule's problems is shown: ``recurrence.Problem.field`` -> model field.
    repetition_fields = {
        "frequency": "repeat",
        "interval": "repeat_interval",
        "weekdays": "repeat_weekdays",
        "until": "repeat_until",
        "count": "repeat_count",
    }

    def _repetition_errors(self):
        """What is wrong with the rule itself, by field; its changed dates are checked apart
        (``date_change_errors``), where the admin can leave them to their rows' forms."""
        repetition = self.repetition
        if repetition is None or not (self.start and self.end):
            return {}
        errors = {}
        for problem in problems(repetition, self.start, self.end, self.tzinfo):
            errors.setdefault(self.repetition_fields[problem.field], []).append(problem.message)
        return errors

    def date_change_errors(self, rows):
        """What is wrong with the changed dates ``rows``, numbered as the page lists them, as a
        list under ``date_changes``; the rule's own problems are the page's (see ``clean``)."""
        rows = sorted(rows, key=lambda row: row.sort_order or 0)
        if not rows or self.repetition is None or not (self.start and self.end):
            return {}
        changes = [row.as_change(self) for row in rows]
        found = problems(self.repetition, self.start, self.end, self.tzinfo, changes)
        messages = [
            _("Changed date %(number)s: %(error)s")
            % {"number": problem.index + 1, "error": problem.message}
            for problem in found
            if problem.field == "changes"
        ]
        return {"date_changes": messages} if messages else {}

    def _people_errors(self):
        """The rules each person in the event breaks, as one list under ``event_people``."""
        # Numbered in the order the page lists them.
        self._number_children()
        rows = sorted(self.event_people.all(), key=lambda row: row.sort_order)
        messages = []
        for number, event_person in enumerate(rows, start=1):
            for field_errors in event_person.rule_errors().values():
                messages.append(
                    _("Person %(number)s (%(role)s): %(error)s")
                    % {
                        "number": number,
                        "role": event_person.get_role_display().lower(),
                        "error": field_errors,
                    }
                )
        return {"event_people": messages} if messages else {}

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.timezone)

    @property
    def repetition(self):
        """How the event repeats (a ``recurrence.Repetition``), or None for one date."""
        if not self.repeat:
            return None
        return Repetition(
            frequency=self.repeat,
            interval=self.repeat_interval,
            weekdays=tuple(self.repeat_weekdays or ()),
            monthly_by=self.repeat_monthly_by,
            until=self.repeat_until,
            count=self.repeat_count,
        )

    def occurrences(self):
        """Every date of the event, soonest first, with its changed dates applied."""
        changes = [row.as_change(self) for row in self.date_changes.all()] if self.repeat else ()
        return occurrences(self.repetition, self.start, self.end, self.tzinfo, changes)

    @property
    def local_start(self):
        return self.start.astimezone(self.tzinfo)

    @property
    def local_end(self):
        return self.end.astimezone(self.tzinfo)

    def is_over(self, now=None):
        """Whether the event has ended: the line the "past events" listings draw too."""
        return self.end < (now or timezone.now())

    def recording_link(self, now=None):
        """The recording's web address once the event is over; None before, or without one.

        Editors may enter the address ahead (a channel's replay page): until the end, the
        outputs offer the livestream, not a recording that is not there yet.
        """
        return web_url(self.recording_url) if self.is_over(now) else None

    @property
    def when(self):
        """Date and time for people, in the active language and the event's time zone."""
        return format_event_when(self.local_start, self.local_end, self.all_day)

    @cached_property
    def in_language(self):
        """What the event links to, in its language: see ``i18n.EventLinks``.

        The read floor gives it to the events it loads, all at once (``queries.load_events``).
        An event loaded otherwise, such as a preview with its unsaved rows, is resolved alone
        when first asked, by the same resolver, among the live pages.
        """
        (links,) = event_links([self], RelatedPages(page_model().objects.live(), [self]))
        return links

    # What templates and renderers read, the same whichever way the event was loaded.
    @cached_property
    def localized_venue(self):
        return self.in_language.venue

    @cached_property
    def localized_event_type(self):
        return self.in_language.event_type

    @cached_property
    def localized_topics(self):
        return self.in_language.topics

    @cached_property
    def localized_organisers(self):
        return self.in_language.organisers

    def organisation_names(self):
        """The organisers' and the people's organisations by every name, for the search index."""
        ids = [item.organisation_id for item in self.organisers.all()]
        ids += [item.organisation_id for item in self.event_people.all()]
        return Organisation.names_for_search(ids)

    @cached_property
    def people_in_event(self):
        """The people rows in order, each with what it links to in the event's language."""
        return self.in_language.people

    def people_with_role(self, *roles):
        return [item for item in self.people_in_event if item.role in roles]

    @property
    def contact_people(self):
        return self.people_with_role(Role.CONTACT)

    @property
    def moderators(self):
        return self.people_with_role(Role.MODERATOR)

    @property
    def participants(self):
        return self.people_with_role(Role.PARTICIPANT, Role.SPEAKER, Role.HOST)

    @property
    def accessibility(self):
        """Each symbol's final answer: the event's own, else the venue's."""
        venue = self.localized_venue
        flags = {}
        for name, _label in VENUE_FEATURES:
            own = getattr(self, name)
            flags[name] = own if own is not None else bool(venue and getattr(venue, name))
        flags["sign_language_interpreting"] = self.sign_language_interpreting
        flags["note"] = self.accessibility_note or (venue.accessibility_note if venue else "")
        return flags

    @property
    def accessibility_features(self):
        """(name, label) of the accessibility symbols that apply, in Arendalsuka's order."""
        flags = self.accessibility
        return [(name, label) for name, label in ACCESSIBILITY_FEATURES if flags[name]]

    @cached_property
    def series(self):
        """The event index the event sits in, its programme or series, if shown."""
        return self.in_language.series

    @cached_property
    def translations(self):
        """The event's shown pages in other languages, in tree order."""
        return self.in_language.translations


class EventOrganiserMixin(Orderable):
    """An organiser of one event; the concrete row adds its ``page``, the ParentalKey
    ``related_name="organisers"`` to the event page model."""

    organisation = models.ForeignKey(
        "wagtail_events.Organisation",
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        abstract = True
        verbose_name = _("organiser")
        verbose_name_plural = _("organisers")


class EventDateChangeMixin(TranslatableMixin, Orderable):
    """One date of a repeating event cancelled, moved or added.

    Times are the clock's where the event happens (its time zone): a moved date left without
    a day or times keeps the rule's, and an added one has the event's own times unless given.
    The concrete row adds its ``page``, the ParentalKey ``related_name="date_changes"``.
    """

    kind = models.CharField(_("change"), max_length=16, choices=ChangeKind.choices)
    date = models.DateField(
        _("date"), null=True, blank=True, help_text=_("The date to cancel or move.")
    )
    new_date = models.DateField(
        _("new date"),
        null=True,
        blank=True,
        help_text=_("The date it moves to, or the added date."),
    )
    new_start_time = models.TimeField(_("new start time"), null=True, blank=True)
    new_end_time = models.TimeField(_("new end time"), null=True, blank=True)
    venue = models.ForeignKey(
        "wagtail_events.Venue",
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Where this date is held, if not at the event's venue."),
    )
    note = models.TextField(
        _("note"), blank=True, help_text=_("Shown with the date, e.g. why it is cancelled.")
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("date")]),
        FieldRowPanel(
            [FieldPanel("new_date"), FieldPanel("new_start_time"), FieldPanel("new_end_time")]
        ),
        FieldPanel("venue"),
        FieldPanel("note"),
    ]

    # The note is the editor's words; the rest are facts every language shares.
    override_translatable_fields = [
        SynchronizedField("kind"),
        SynchronizedField("venue"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("changed date")
        verbose_name_plural = _("changed dates")

    def as_change(self, event):
        """The row as a ``recurrence.Change`` of ``event``'s dates, at its local times."""
        if self.kind == ChangeKind.CANCELLED:
            return Change(self.kind, self.date, note=self.note)
        first_start = event.local_start.replace(tzinfo=None)
        first_end = event.local_end.replace(tzinfo=None)
        day = self.new_date or self.date
        if day is None:
            return Change(self.kind, self.date, venue=self.venue, note=self.note)
        start = datetime.datetime.combine(day, self.new_start_time or first_start.time())
        if self.new_end_time is None:
            # As long as the event, by the clock.
            end = start + (first_end - first_start)
        else:
            end_day = day + (first_end.date() - first_start.date())
            end = datetime.datetime.combine(end_day, self.new_end_time)
        start, end = placed(start, event.tzinfo), placed(end, event.tzinfo)
        return Change(self.kind, self.date, start, end, venue=self.venue, note=self.note)


class EventPersonMixin(TranslatableMixin, Orderable):
    """A person's part in one event, with the title and organisation they had then.

    The concrete row adds its ``page`` (ParentalKey, ``related_name="event_people"``) and its
    ``person`` (a person page, ``related_name="event_roles"``): see ``person_field``.
    """

    role = models.CharField(
        _("role"), max_length=32, choices=role_choices, default=Role.PARTICIPANT
    )
    name = models.CharField(
        _("name"),
        max_length=255,
        blank=True,
        help_text=_("Filled in from the person. Give it yourself only for someone without a page."),
    )
    title = models.CharField(
        _("title at the event"),
        max_length=255,
        blank=True,
        help_text=_("Left blank, the person's current title is copied in when you save."),
    )
    organisation = models.ForeignKey(
        "wagtail_events.Organisation",
        verbose_name=_("organisation at the event"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Left blank, the person's current organisation is copied in when you save."),
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    email = models.EmailField(_("email"), blank=True)
    contact_public = models.BooleanField(
        _("show phone and email on this event"),
        default=False,
        help_text=_("Off by default. Tick it only if the person agreed to be reached publicly."),
    )

    panels = [
        FieldRowPanel([PageChooserPanel("person"), FieldPanel("role")]),
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("title"), FieldPanel("organisation")]),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldPanel("contact_public"),
            ],
            heading=_("Contact person details"),
        ),
    ]

    override_translatable_fields = [
        SynchronizedField("person"),
        SynchronizedField("name"),
        SynchronizedField("organisation"),
        SynchronizedField("phone"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        abstract = True
        verbose_name = _("person in the event")
        verbose_name_plural = _("people in the event")

    def __str__(self):
        return f"{self.display_name} ({self.get_role_display()})"

    @property
    def display_name(self):
        return self.name or (self.person.full_name if self.person else "")

    @property
    def public_phone(self):
        return self.phone if self.contact_public else ""

    @property
    def public_email(self):
        return self.email if self.contact_public else ""

    def fill_from_person(self):
        """Copy what is true of the person today into the blanks, so the event keeps it."""
        person = self.person
        if person is None:
            return
        self.name = self.name or person.full_name
        self.title = self.title or person.job_title
        if self.organisation_id is None:
            self.organisation_id = person.organisation_id
        if self.role == Role.CONTACT:
            self.phone = self.phone or person.phone
            self.email = self.email or person.email

    def clean(self):
        super().clean()
        errors = self.rule_errors()
        if errors:
            raise ValidationError(errors)

    def rule_errors(self):
        """What breaks the rules on people, by field: the checks the event page makes of each
        of its rows too, so a page saved in code or synced from its source obeys them.

        Fills the row's blanks from the person page first, as saving does.
        """
        if self.role in ROLES_NEEDING_PERSON and self.person is None and not self._kept():
            return {
                "person": _("Choose the person: a %(role)s needs a person page.")
                % {"role": self.get_role_display().lower()}
            }
        self.fill_from_person()
        if self.role == Role.CONTACT:
            if not self.display_name:
                return {"name": _("Choose the contact person or give their name.")}
            if not (self.phone or self.email):
                return {"phone": _("A contact person needs a phone number or an email address.")}
        return {}

    def _kept(self):
        """Whether the row outlived its person page: it names them still (see
        fill_from_person). A translation's copy of such a row is new, but its source row is not."""
        if not self.name:
            return False
        return self.pk is not None or (
            type(self).objects.filter(translation_key=self.translation_key).exists()
        )

    @cached_property
    def in_language(self):
        """What the row links to, in its event's language: see ``i18n.EventPersonLinks``.

        The event's ``in_language`` gives it to each of its rows; a row read otherwise is
        resolved alone when first asked, by the same resolver, among the live pages.
        """
        return event_person_links_alone(self)

    @cached_property
    def display_organisation(self):
        """The organisation at the event, in this row's language when it is translated."""
        return self.in_language.organisation

    @cached_property
    def display_person(self):
        """The person's page in this row's language when it is shown, else the linked page."""
        return self.in_language.person


def person_field(person_page_model):
    """The ``person`` of a concrete :class:`EventPersonMixin` row: a link to the person page,
    kept (as a name) when the page is deleted."""
    return models.ForeignKey(
        person_page_model,
        verbose_name=_("person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_roles",
    )
