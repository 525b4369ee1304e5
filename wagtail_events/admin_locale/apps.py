from django.apps import AppConfig
from django.core import checks

NAME = "wagtail_events.admin_locale"


def misplaced(installed_apps):
    """The apps this one translates that are listed before it, whose words would then win."""
    position = installed_apps.index(NAME)
    return [
        app
        for app in installed_apps[:position]
        if app.split(".")[0] in ("wagtail", "wagtail_localize")
    ]


def check_position(app_configs=None, **kwargs):
    from django.conf import settings

    before = misplaced(list(settings.INSTALLED_APPS))
    if not before:
        return []
    return [
        checks.Warning(
            f"{NAME} is listed after {', '.join(before)} in INSTALLED_APPS, so their own "
            "catalogues win and its Norwegian words are not used there.",
            hint=f"Move {NAME!r} above the wagtail and wagtail_localize apps.",
            id="wagtail_events_admin_locale.W001",
        )
    ]


class AdminLocaleAppConfig(AppConfig):
    name = NAME
    label = "wagtail_events_admin_locale"
    # Not translated on purpose: a string marked here would land in this app's catalogue, which
    # holds Wagtail's and wagtail-localize's strings only. Django shows the name nowhere here.
    verbose_name = "Norwegian words for the Wagtail admin"

    def ready(self):
        checks.register(check_position)
