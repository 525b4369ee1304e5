"""Hands the admin's JavaScript this app's words, which Django's catalogue views leave out.

Wagtail's and wagtail-localize's JavaScript catalogues read only their own app's ``locale``
directory (and ``LOCALE_PATHS``), wherever this app stands in ``INSTALLED_APPS``. So the admin
loads a third catalogue, this app's, after theirs: Django's catalogue script adds each one's
words to the same ``django.catalog``, the last loaded winning. It is loaded twice: right after
Wagtail's, for the scripts that draw as the page loads (the StreamField's block menu), and
deferred, to come after the catalogue the translation editor loads further down (for a
language it lacks, wagtail-localize's holds the site's default language's words) and before the
editor draws on ``DOMContentLoaded``.
"""

from django.urls import path, reverse
from django.utils.html import format_html
from django.views.i18n import JavaScriptCatalog
from wagtail import hooks
from wagtail.admin.localization import get_localized_response

_catalogue = JavaScriptCatalog.as_view(packages=["wagtail_events.admin_locale"])


def javascript_catalogue(request, *args, **kwargs):
    # In the editor's own admin language, as Wagtail serves its catalogue.
    return get_localized_response(_catalogue, request, *args, **kwargs)


@hooks.register("register_admin_urls")
def register_catalogue_url():
    return [
        path(
            "wagtail-events/jsi18n/",
            javascript_catalogue,
            name="wagtail_events_admin_locale_javascript_catalogue",
        )
    ]


@hooks.register("insert_global_admin_js")
def load_catalogue():
    url = reverse("wagtail_events_admin_locale_javascript_catalogue")
    return format_html('<script src="{}"></script><script defer src="{}"></script>', url, url)
