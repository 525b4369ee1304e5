"""Run with ``python -m tests.site_without_apis`` and DJANGO_SETTINGS_MODULE set to
``tests.settings_without_apis``: a site without the API apps checks, migrates and serves an
event page, its index, calendars and feed, while no module of the package may import
django-ninja or Django REST framework. Prints what it served; exits non-zero on any failure.

Wagtail and wagtail-localize import both themselves (their admin APIs; Wagtail 8's API v3 is
on django-ninja), so the guard refuses an import of either only when a module of the package
makes it, and the package's API apps must not have been loaded at all.
"""

import builtins
import sys

OPTIONAL_LIBRARIES = ("ninja", "rest_framework")
_import = builtins.__import__


def _guarded_import(name, globals=None, locals=None, fromlist=(), level=0):
    importer = (globals or {}).get("__name__") or ""
    optional = level == 0 and name.partition(".")[0] in OPTIONAL_LIBRARIES
    if optional and importer.partition(".")[0] == "wagtail_events":
        raise ImportError(f"{importer} imports {name}, which the site may not have")
    return _import(name, globals, locals, fromlist, level)


def main():
    builtins.__import__ = _guarded_import

    import django

    django.setup()

    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    call_command("check", fail_level="WARNING")
    call_command("migrate", verbosity=0)
    setup_test_environment()

    from tests import builders
    from tests.factories import EventPageFactory, PersonPageFactory

    home = builders.home_page()
    index = builders.events_index(home)
    person = PersonPageFactory(parent=builders.people_index(home), given_name="Kari")
    event = EventPageFactory(parent=index, title="Uten API", people=[(person, "speaker")])
    client = Client()
    for url in (
        event.url,
        event.url + event.reverse_subpage("calendar"),
        index.url,
        index.url + index.reverse_subpage("calendar"),
        index.url + index.reverse_subpage("feed"),
        person.url,
        person.url + person.reverse_subpage("calendar"),
        "/sitemap.xml",
    ):
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        print(url, response.status_code)
    assert "Uten API" in client.get(event.url).content.decode()

    loaded = sorted(module for module in sys.modules if module.startswith("wagtail_events.api"))
    assert not loaded, loaded
    print("without the API apps: ok")


if __name__ == "__main__":
    main()
