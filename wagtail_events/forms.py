"""Admin forms for the event pages."""

import zoneinfo

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale

from .slugs import slug_from_name


class PersonPageForm(WagtailAdminPageForm):
    """A person's page title and slug come from their name, so editors type it once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _("Left blank, it is made from the name.")

    def clean(self):
        full_name = " ".join(
            part
            for part in (self.cleaned_data.get("given_name"), self.cleaned_data.get("family_name"))
            if part
        )
        if full_name:
            self.instance.title = full_name
            if "slug" in self.fields and not self.cleaned_data.get("slug"):
                self.cleaned_data["slug"] = slug_from_name(full_name)
        return super().clean()


class EventPageForm(WagtailAdminPageForm):
    """Times are typed in the event's own time zone; snippets are the event's language's."""

    # Wagtail opens these choosers on the page's language, and they can show the others: one
    # chosen there stands for its version in the page's language.
    chosen_in_language_fields = ("event_type", "venue")
    # Checkboxes offer the page's language only, and what the page links already (a
    # translation links its source's), so saving never drops a link the editor did not untick.
    offered_in_language_fields = ("topics",)
    wall_clock_fields = ("start", "end")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.page_locale = self._page_locale()
        for name in self.offered_in_language_fields:
            field = self.fields.get(name)
            if field is not None:
                linked = getattr(self.instance, name).all() if self.instance.pk else []
                in_language = Q(locale=self.page_locale) | Q(pk__in=[item.pk for item in linked])
                field.queryset = field.queryset.filter(in_language)
        # Show stored times as the clock reads where the event happens, not where the editor is.
        event_zone = self._zone(self.instance.timezone)
        for name in self.wall_clock_fields:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None and event_zone is not None:
                self.initial[name] = value.astimezone(event_zone).replace(tzinfo=None)

    def _in_page_language(self, name, chosen):
        linked_id = getattr(self.instance, f"{name}_id", None)
        if chosen.locale_id == self.page_locale.pk or chosen.pk == linked_id:
            return chosen
        version = chosen.get_translation_or_none(self.page_locale)
        if version is None:
            raise ValidationError(
                _(
                    "“%(name)s” has no version in %(language)s yet. Translate it under Event "
                    "settings, or choose another."
                )
                % {"name": chosen, "language": self.page_locale.get_display_name()}
            )
        return version

    def clean(self):
        cleaned_data = super().clean()
        for name in self.chosen_in_language_fields:
            if cleaned_data.get(name) is not None:
                try:
                    cleaned_data[name] = self._in_page_language(name, cleaned_data[name])
                except ValidationError as error:
                    self.add_error(name, error)
        event_zone = self._zone(cleaned_data.get("timezone") or self.instance.timezone)
        if event_zone is not None:
            editor_zone = timezone.get_current_timezone()
            for name in self.wall_clock_fields:
                value = cleaned_data.get(name)
                if value is not None:
                    wall_clock = timezone.make_naive(value, editor_zone)
                    cleaned_data[name] = wall_clock.replace(tzinfo=event_zone)
        return cleaned_data

    def _get_validation_exclusions(self):
        # The page checks its people when it is saved; here each row's formset checks it, so
        # an error is shown on its row, and the rows the page holds until the form is saved
        # are the old ones.
        return {*super()._get_validation_exclusions(), *self.formsets}

    @staticmethod
    def _zone(name):
        try:
            return zoneinfo.ZoneInfo(name) if name else None
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return None

    def _page_locale(self):
        if self.instance.locale_id:
            return self.instance.locale
        if self.parent_page is not None:
            return self.parent_page.locale
        return Locale.get_default()
