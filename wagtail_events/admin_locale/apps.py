from django.apps import AppConfig


class AdminLocaleAppConfig(AppConfig):
    name = "wagtail_events.admin_locale"
    label = "wagtail_events_admin_locale"
    # Not translated on purpose: a string marked here would land in this app's catalogue, which
    # holds Wagtail's and wagtail-localize's strings only. Django shows the name nowhere here.
    verbose_name = "Norwegian words for the Wagtail admin"
