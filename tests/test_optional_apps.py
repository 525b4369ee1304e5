"""A site that leaves out the optional apps loses nothing else.

``wagtail_events.embed``, ``wagtail_events.frontend_cache`` and ``wagtail_events.personal_data``
are left out with django-cors-headers, which cannot even be imported, and Wagtail's frontend cache
(tests/settings_without_optional_apps.py). In a process of its own, as a site operator would,
the site passes ``check``, migrates a new database, publishes an event and serves it. And only
the optional apps import what only they need.
"""

import json

import grimp
import pytest

from tests import processes

SITE = """
import json, sys
from django.test import Client
from wagtail.models import Site
from wagtail_events import models
from wagtail_events.testing.factories import EventPageFactory, noon
from wagtail_events.testing.publishing import add_page

root = Site.objects.get(is_default_site=True).root_page
index = add_page(root, models.EventIndexPage(title="Program", slug="program"))
event = EventPageFactory(parent=index, title="Debatt uten tillegg", slug="debatt", start=noon(3))
client = Client()
pages = {url: client.get(url) for url in (event.url, index.url)}
api = client.get("/api/events/", {"profile": "hemit"})
print(json.dumps({
    "pages": {url: [r.status_code, "Debatt uten tillegg" in r.text] for url, r in pages.items()},
    "api": [api.status_code, api.headers["Content-Type"], api.json()],
    "api_events": client.get("/api/events/").json()["count"],
    "widget": client.get("/embed/events/").status_code,
    "has_embed_profile": hasattr(models, "EmbedProfile"),
    "imported": [
        name for name in sys.modules if name.startswith("wagtail_events.")
        and name.split(".")[1] in ("embed", "frontend_cache", "personal_data")
    ],
}))
"""

# A subprocess that migrates a new database: many seconds, and the same on any database.
pytestmark = [pytest.mark.slow, pytest.mark.database_independent]


def manage(database, *args, stdin=""):
    return processes.manage(
        database, *args, settings="tests.settings_without_optional_apps", stdin=stdin
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database = tmp_path_factory.mktemp("core") / "site.sqlite3"
    checked = manage(database, "check")
    migrated = manage(database, "migrate", "--no-input")
    served = json.loads(manage(database, "shell", "-c", SITE).strip().splitlines()[-1])
    return checked, migrated, served


def test_the_site_passes_its_checks_and_migrates(site):
    checked, migrated, _ = site
    assert "System check identified no issues" in checked
    assert "wagtail_events.0007_embed_profile_moved... OK" in migrated
    assert "wagtail_events_pages.0001_initial... OK" in migrated
    assert "wagtail_events_embed" not in migrated


def test_the_site_publishes_and_serves_an_event_and_its_index(site):
    _, _, served = site
    assert served["pages"] == {"/program/debatt/": [200, True], "/program/": [200, True]}
    assert served["api_events"] == 1
    assert served["imported"] == []


# What only an optional app may import: (the import's start, the app).
OWN_IMPORTS = [("corsheaders", "embed"), ("wagtail.contrib.frontend_cache", "frontend_cache")]


@pytest.mark.parametrize(("imported", "app"), OWN_IMPORTS)
def test_only_the_optional_app_imports_what_it_needs(imported, app):
    graph = grimp.build_graph("wagtail_events", include_external_packages=True, cache_dir=None)
    importers = set()
    for module in graph.modules:
        for details in graph.get_import_details(importer=module, imported=imported.split(".")[0]):
            words = details["line_contents"].split()
            if words[1] == imported or words[1].startswith(f"{imported}."):
                importers.add(module)
    assert importers
    assert {module.split(".")[1] for module in importers} == {app}, importers


def test_without_the_embed_a_profile_is_a_clear_404_and_there_is_no_widget(site):
    _, _, served = site
    status, content_type, body = served["api"]
    assert status == 404 and content_type.startswith("application/json")
    assert "hemit" in json.dumps(body)
    assert served["widget"] == 404
    assert served["has_embed_profile"] is False
