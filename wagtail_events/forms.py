"""Admin forms for the event pages."""

import zoneinfo

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
    """Times are typed in the event's own time zone; selects offer the event's language only."""

    locale_filtered_fields = ("event_type", "topics", "venue")
    wall_clock_fields = ("start", "end")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self._page_locale()
        for name in self.locale_filtered_fields:
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = field.queryset.filter(locale=locale)
        # Show stored times as the clock reads where the event happens, not where the editor is.
        event_zone = self._zone(self.instance.timezone)
        for name in self.wall_clock_fields:
            value = getattr(self.instance, name, None)
            if name in self.fields and value is not None and event_zone is not None:
                self.initial[name] = value.astimezone(event_zone).replace(tzinfo=None)

    def clean(self):
        cleaned_data = super().clean()
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
