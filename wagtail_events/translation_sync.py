"""wagtail-localize's "Sync translated pages", made to say when a rule stops a translation.

wagtail-localize saves each translation of a sync and passes over any that fail validation
without a word, then reports success. The package's rules (on people, times, prices) hold
when a translation is saved too, so a synced translation can fail them, for instance when the
source's rows were written by an import that skipped them. This view checks each translation
before the sync and, if any would break a rule, syncs nothing and says which and why.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail_localize.views.update_translations import UpdateTranslationsView

# wagtail-localize's address for the view, under Wagtail's admin; this view answers it first.
SYNC_PATH = "localize/update/<int:translation_source_id>/"


class CheckedUpdateTranslationsView(UpdateTranslationsView):
    def form_valid(self, form):
        if form.cleaned_data.get("publish_translations"):
            broken = self.translations_breaking_rules()
            if broken:
                for locale, error in broken:
                    messages.error(
                        self.request,
                        _("The %(language)s translation was not synced: %(errors)s")
                        % {
                            "language": locale.get_display_name(),
                            "errors": " ".join(error.messages),
                        },
                    )
                return self.render_to_response(self.get_context_data())
        return super().form_valid(form)

    def translations_breaking_rules(self):
        """(locale, ValidationError) for each translation the sync would fail to save."""
        broken = []
        with transaction.atomic():
            # The sync copies what the source is now; the view takes the snapshot again.
            self.object.update_from_db()
            translations = self.object.translations.filter(enabled=True)
            for translation in translations.select_related("target_locale"):
                locale = translation.target_locale
                try:
                    target = self.object.get_ephemeral_translated_instance(locale, fallback=True)
                except ObjectDoesNotExist:
                    continue  # not saved yet: the sync creates it, and validates it then
                try:
                    target.full_clean()
                except ValidationError as error:
                    broken.append((locale, error))
            transaction.set_rollback(True)
        return broken
