"""Admin forms for the event pages."""

from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Locale


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
                self.cleaned_data["slug"] = slugify(full_name, allow_unicode=True)
        return super().clean()


class EventPageForm(WagtailAdminPageForm):
    """Offers only the snippets of the event's own language in the selects."""

    locale_filtered_fields = ("event_type", "topics", "venue")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        locale = self._page_locale()
        if locale is None:
            return
        for name in self.locale_filtered_fields:
            field = self.fields.get(name)
            if field is not None and hasattr(field, "queryset"):
                field.queryset = field.queryset.filter(locale=locale)

    def _page_locale(self):
        if self.instance.locale_id:
            return self.instance.locale
        if self.parent_page is not None:
            return self.parent_page.locale
        return Locale.get_default()
