"""The index page's filter form: plain GET parameters parsed into an ``EventListing``.

``EventFilterSet.for_index(index, request.GET, request=request)`` gives ``.listing`` (what the
request asks for, see ``wagtail_events.listing``), ``.qs`` (the events that match, ordered for
the chosen time), ``.form`` (to render, with errors for unusable values) and ``.is_valid()``.
An unusable value is left out of the listing: it narrows nothing. The filters narrow public
events, they never decide what is public.

Links on translated pages point at the source-language snippets and person pages, and snippet
slugs are the same in every language, so a slug filters the programme in any language.
"""

from dataclasses import replace
from functools import cached_property

import django_filters
from django import forms
from django.core.validators import slug_unicode_re
from django.db.models import OuterRef, Subquery
from django.http import QueryDict
from django.utils.choices import BaseChoiceIterator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from .choices import EventStatus
from .conf import get_setting
from .i18n import one_version_each
from .listing import (
    ALL,
    PAST,
    UPCOMING,
    EventListing,
    listed_events,
    of_types,
    on_topics,
    organised_by,
    programme,
    with_people,
)
from .models.taxonomy import EventType, Organisation, Topic
from .page_models import person_page_model
from .search import people_matching

# "from" and "to" are Python keywords, so those filters are declared under other names.
PARAMETER_NAMES = {"date_from": "from", "date_to": "to"}


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned_data = super().clean()
        start, end = cleaned_data.get("from"), cleaned_data.get("to")
        if start and end and end < start:
            self.add_error("to", _("The end date is before the start date."))
        return cleaned_data


def _invalid_choice(message):
    return {"invalid_choice": message}


class Options(BaseChoiceIterator):
    """The options of one filter, read from the database only when the form is shown.

    A submitted value is checked on its own (does any event match it?), so feeds and calendars,
    which never show the form, never list the organisers and people. Where the events use more
    than ``FILTER_OPTIONS`` of a kind, the form offers only the one chosen, if any: nobody picks
    from thousands of names, the free-text search finds them, and the page costs the same
    however large the programme.
    """

    def __init__(self, lister, matches, chosen):
        self._lister = lister  # (limit, slug=None) -> [(slug, name)], or None if over limit
        self._matches = matches  # slug -> whether any event matches it
        self._chosen = chosen
        self._checked = {}

    def __deepcopy__(self, memo):
        # Each form copies its fields; these options already belong to one filter set.
        return self

    def __iter__(self):
        return iter(self.listed)

    def __len__(self):
        return len(self.listed)

    @cached_property
    def _all(self):
        return self._lister(get_setting("FILTER_OPTIONS"))

    @cached_property
    def listed(self):
        if self._all is not None:
            return self._all
        if self._chosen and self.offers(self._chosen):
            return self._lister(1, slug=self._chosen) or []
        return []

    @property
    def offered(self):
        """Whether the form shows this filter: not when it would have too many options to list
        and none is chosen."""
        return self._all is not None or bool(self.listed)

    def offers(self, value):
        if value not in self._checked:
            self._checked[value] = self._matches(value)
        return self._checked[value]


class OptionField(django_filters.fields.ChoiceField):
    def valid_value(self, value):
        # Only something shaped like a slug is looked up (a NUL would make PostgreSQL refuse).
        value = str(value)
        return bool(slug_unicode_re.fullmatch(value)) and self.options.offers(value)

    @property
    def options(self):
        return self.choices.choices  # django-filter's iterator wraps them

    @property
    def offered(self):
        return self.options.offered


class OptionFilter(django_filters.ChoiceFilter):
    """A choice of the snippets or people the events use; see :class:`Options`."""

    field_class = OptionField


class EventFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Search"),
        max_length=200,
        help_text=_(
            "Words from the event's title or text, or the names of people and organisations."
        ),
    )
    date_from = django_filters.DateFilter(
        label=_("From date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = django_filters.DateFilter(
        label=_("To date"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    type = OptionFilter(
        label=_("Event type"),
        field_name="event_type__slug",
        empty_label=_("All event types"),
        error_messages=_invalid_choice(_("There is no event type “%(value)s” here.")),
    )
    topic = OptionFilter(
        label=_("Topic"),
        empty_label=_("All topics"),
        error_messages=_invalid_choice(_("There is no topic “%(value)s” here.")),
    )
    organiser = OptionFilter(
        label=_("Organiser"),
        empty_label=_("All organisers"),
        error_messages=_invalid_choice(_("There is no organiser “%(value)s” here.")),
    )
    person = OptionFilter(
        label=_("Person"),
        empty_label=_("Everyone"),
        error_messages=_invalid_choice(_("There is no person “%(value)s” here.")),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=EventStatus.choices,
        empty_label=_("Any status"),
        error_messages=_invalid_choice(_("“%(value)s” is not an event status.")),
    )
    # Upcoming (not yet ended, soonest first), past (newest first) or all.
    when = django_filters.ChoiceFilter(
        label=_("Time"),
        choices=[(UPCOMING, _("Upcoming events")), (PAST, _("Past events")), (ALL, _("All"))],
        empty_label=None,
        # Pages offer the choice as links; the form only carries it along.
        widget=forms.HiddenInput,
        error_messages=_invalid_choice(_("“%(value)s” is not a time to list events for.")),
    )

    class Meta:
        form = EventFilterForm

    def __init__(
        self, data=None, queryset=None, *, request=None, prefix=None, locale=None, listing=None
    ):
        # Where the events are and the time span without ``when``; the request adds the rest.
        self.base_listing = listing or EventListing(locale=locale)
        if queryset is None:
            queryset = listed_events(replace(self.base_listing, when=ALL))
        # No data is no filter, not "unbound": the default time and order still apply.
        super().__init__(data or QueryDict(), queryset, request=request, prefix=prefix)
        # Options are named in this locale's language, where a translation exists.
        self.locale = locale or self.base_listing.locale or Locale.get_active()

    @classmethod
    def for_index(cls, index, data=None, *, request=None, when=UPCOMING):
        """The filters on the events below ``index``; ``when`` is the span without ``when``
        (a calendar feed has its own)."""
        return cls(data, request=request, locale=index.locale, listing=programme(index, when=when))

    @classmethod
    def get_filters(cls):
        return {PARAMETER_NAMES.get(name, name): f for name, f in super().get_filters().items()}

    def get_form_class(self):
        # The options are the ones the events on offer use, so every option finds something.
        kinds = {
            "type": (EventType, "event_type", of_types),
            "topic": (Topic, "topics", on_topics),
            "organiser": (Organisation, "organisers__organisation", organised_by),
            "person": (person_page_model(), "event_people__person", with_people),
        }
        for name, (model, link, condition) in kinds.items():
            self.filters[name].extra["choices"] = Options(
                self._lister(model, link),
                lambda slug, condition=condition: self.queryset.filter(condition([slug])).exists(),
                self.data.get(name),
            )
        return super().get_form_class()

    @property
    def shown_fields(self):
        """The form's visible fields, less the filters with too many options to list."""
        return [
            field for field in self.form.visible_fields() if getattr(field.field, "offered", True)
        ]

    def _lister(self, model, link):
        # One row per translation group, in the options' language where translated: links
        # point at the source-language object, so the events are matched on the group. For
        # each row, a scalar subquery looks for a public event and stops at the first, so the
        # cost follows the number of options, never of events (EXISTS would be made a join
        # over every event).
        groups = one_version_each(model.objects.all(), self.locale.language_code)
        first_event = (
            self.queryset.filter(**{f"{link}__translation_key": OuterRef("translation_key")})
            .order_by()
            .values("pk")[:1]
        )

        def listing(limit, slug=None):
            used = (
                groups.alias(first_event=Subquery(first_event))
                .filter(first_event__isnull=False)
                .order_by()
            )
            if slug is not None:
                used = used.filter(slug=slug)
            if model is person_page_model():
                return _person_options(used, limit)
            return _snippet_options(used, limit)

        return listing

    @cached_property
    def listing(self):
        """What the request asks for: the usable values, on top of ``base_listing``."""
        self.form.is_valid()
        values = self.form.cleaned_data

        def slugs(name):
            return (values[name],) if values.get(name) else ()

        return replace(
            self.base_listing,
            date_from=values.get("from"),
            date_to=values.get("to"),
            types=slugs("type"),
            topics=slugs("topic"),
            organisers=slugs("organiser"),
            people=slugs("person"),
            status=values.get("status") or None,
            q=values.get("q") or None,
            when=values.get("when") or None,
        )

    @property
    def default_when(self):
        return self.listing.default_when

    @property
    def selected_when(self):
        """``upcoming``, ``past`` or ``all``: what was asked for, or else the default."""
        return self.listing.effective_when

    @property
    def is_filtered(self):
        """Whether any filter besides the time narrows the events."""
        return self.listing.is_filtered()

    def filter_queryset(self, queryset):
        return self.listing.apply(queryset)


def _snippet_options(used, limit):
    """(slug, name) of the ``used`` snippets, or None if there are more than ``limit``."""
    rows = list(used.values_list("translation_key", "slug", "name")[: limit + 1])
    if len(rows) > limit:
        return None
    names = {key: (slug, name) for key, slug, name in rows}
    return sorted(set(names.values()), key=lambda choice: (choice[1].casefold(), choice[0]))


def _person_options(used, limit):
    """(slug, name) of the ``used`` people, by family name, or None if more than ``limit``.

    Names are the same in every language.
    """
    rows = list(used.values_list("slug", "given_name", "family_name")[: limit + 1])
    if len(rows) > limit:
        return None
    choices = {}
    for slug, given_name, family_name in sorted(
        rows, key=lambda row: (row[2].casefold(), row[1].casefold(), row[0])
    ):
        choices.setdefault(slug, " ".join(part for part in (given_name, family_name) if part))
    return list(choices.items())


class PersonFilterSet(django_filters.FilterSet):
    """Search for the person index: ``q`` finds what the search page finds (names, titles,
    biographies and organisations)."""

    q = django_filters.CharFilter(
        label=_("Search"),
        method="filter_text",
        max_length=200,
        help_text=_("A name, a title or an organisation."),
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data or QueryDict(), queryset, request=request, prefix=prefix)

    @property
    def is_filtered(self):
        self.form.is_valid()
        return bool(self.form.cleaned_data.get("q"))

    def filter_text(self, queryset, name, value):
        return queryset.filter(people_matching(value))
