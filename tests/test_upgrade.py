"""A site made before the pages and the embed profiles had their own apps upgrades without
losing a row.

A copy of the demo database as the earlier layout made it (see tests/data/README.md) is migrated
by ``manage.py migrate`` in a separate process, as a site operator would, and then read back
through the models.
"""

import gzip
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests import processes

ROOT = Path(__file__).resolve().parent.parent
SNAPSHOT = ROOT / "tests" / "data" / "demo-before-pages-app.sqlite3.gz"
MOVED = [
    "eventindexpage",
    "personindexpage",
    "eventpage",
    "eventorganiser",
    "personpage",
    "eventperson",
]
PROFILE_TABLES = [
    "wagtail_events_embedprofile",
    "wagtail_events_embedprofile_organisers",
    "wagtail_events_embedprofile_topics",
]
TABLES = [
    *(f"wagtail_events_{model}" for model in MOVED),
    "wagtail_events_eventpage_topics",
    *PROFILE_TABLES,
]
# The models whose content types move: the pages' and the embed profiles'.
MOVED_TYPES = [*MOVED, "embedprofile"]

# What the migrated site holds, read through today's models.
READ_BACK = """
import json
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Revision
from wagtail_localize.models import TranslationSource
from wagtail_events import models
from wagtail_events.embed import models as embed
from wagtail_events.pages import models as pages

MOVED = json.loads(input())
events = models.EventPage.objects.all()
print(json.dumps({
    "event_model": models.EventPage is pages.EventPage,
    "events": sorted([e.pk, e.locale.language_code, e.title] for e in events),
    "people": models.PersonPage.objects.count(),
    "event_people": pages.EventPerson.objects.count(),
    "organisers": pages.EventOrganiser.objects.count(),
    "topics": sum(e.topics.count() for e in events),
    "specific": sorted({type(p.specific).__module__ for p in Page.objects.type(pages.EventPage)}),
    "revisions_read": sum(
        r.as_object().title == r.content["title"]
        for r in Revision.objects.filter(content_type__app_label="wagtail_events_pages")
    ),
    "revisions": Revision.objects.filter(content_type__app_label="wagtail_events_pages").count(),
    "sources": TranslationSource.objects.filter(
        specific_content_type__app_label="wagtail_events_pages"
    ).count(),
    "content_types": sorted(
        ContentType.objects.filter(model__in=MOVED).values_list("app_label", "model")
    ),
    "profile_model": models.EmbedProfile is embed.EmbedProfile,
    "profiles": sorted(
        [p.slug, sorted(o.slug for o in p.organisers.all()), p.topics.count()]
        for p in embed.EmbedProfile.objects.all()
    ),
    "profile_type": ContentType.objects.get_for_model(embed.EmbedProfile).app_label,
}))
"""

# Saving a profile indexes it under its moved content type, where the admin's search finds it.
SEARCH_PROFILE = """
from wagtail.search.backends import get_search_backend
from wagtail_events.embed.models import EmbedProfile

profile = EmbedProfile.objects.order_by("pk").first()
profile.save()
found = get_search_backend().search(profile.name, EmbedProfile)
print([p.pk for p in found] == [profile.pk])
"""


def manage(database, *args, stdin=""):
    return processes.manage(database, *args, settings="example_project.settings.dev", stdin=stdin)


def counts(database):
    """Rows of the moved tables, the moved models' content types with their revisions and
    permissions, read straight from the file. Table names are this module's constants, not
    input."""
    marks = ",".join("?" * len(MOVED_TYPES))
    with sqlite3.connect(database) as connection:
        rows = {
            table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # noqa: S608
            for table in TABLES
        }
        content_types = connection.execute(
            f"SELECT id, model FROM django_content_type WHERE model IN ({marks})",  # noqa: S608
            MOVED_TYPES,
        ).fetchall()
        moved_types = f"SELECT id FROM django_content_type WHERE model IN ({marks})"  # noqa: S608
        revisions = connection.execute(
            f"SELECT count(*) FROM wagtailcore_revision WHERE content_type_id IN ({moved_types})",  # noqa: S608
            MOVED_TYPES,
        ).fetchone()[0]
        permissions = connection.execute(
            f"SELECT id, codename FROM auth_permission WHERE content_type_id IN ({moved_types})",  # noqa: S608
            MOVED_TYPES,
        ).fetchall()
    return rows, sorted(content_types), revisions, sorted(permissions)


# Migrating the snapshot in a subprocess takes half a minute. It is a SQLite file whatever
# database the suite uses, so a PostgreSQL run would only repeat the SQLite run's work.
pytestmark = [pytest.mark.slow, pytest.mark.database_independent]


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    database = tmp_path_factory.mktemp("upgrade") / "demo.sqlite3"
    with gzip.open(SNAPSHOT) as packed, open(database, "wb") as unpacked:
        shutil.copyfileobj(packed, unpacked)
    before = counts(database)
    migrated = manage(database, "migrate", "--no-input")
    return database, before, migrated


def test_the_upgrade_keeps_every_row_and_content_type(upgraded):
    database, (rows, content_types, revisions, permissions), _ = upgraded
    assert rows["wagtail_events_eventpage"] == 20 and rows["wagtail_events_eventperson"] == 74
    assert rows["wagtail_events_embedprofile"] == 2
    assert rows["wagtail_events_embedprofile_organisers"] == 2

    after_rows, after_content_types, after_revisions, after_permissions = counts(database)
    assert after_rows == rows
    # The same content types, relabelled: pages, revisions, translations and the groups'
    # permissions point at them.
    assert [pk for pk, _ in after_content_types] == [pk for pk, _ in content_types]
    assert after_revisions == revisions
    assert after_permissions == permissions
    assert len(permissions) == 4 * len(MOVED_TYPES)


def test_the_upgraded_site_reads_its_pages_revisions_and_translations(upgraded):
    database, (rows, _, revisions, _), migrated = upgraded
    assert "wagtail_events_pages.0001_initial... OK" in migrated

    site = json.loads(
        manage(database, "shell", "-c", READ_BACK, stdin=json.dumps(MOVED)).strip().splitlines()[-1]
    )

    assert site["event_model"]
    assert len(site["events"]) == rows["wagtail_events_eventpage"]
    assert {language for _, language, _ in site["events"]} == {"nb", "en"}
    assert site["people"] == rows["wagtail_events_personpage"]
    assert site["event_people"] == rows["wagtail_events_eventperson"]
    assert site["organisers"] == rows["wagtail_events_eventorganiser"]
    assert site["topics"] == rows["wagtail_events_eventpage_topics"]
    assert site["specific"] == ["wagtail_events.pages.models"]
    assert site["revisions"] == revisions
    assert site["revisions_read"] == revisions
    assert site["sources"] > 0
    assert site["content_types"] == sorted(["wagtail_events_pages", model] for model in MOVED)


def test_the_upgraded_site_keeps_its_embed_profiles(upgraded):
    database, (rows, _, _, _), migrated = upgraded
    assert "wagtail_events_embed.0001_initial... OK" in migrated

    site = json.loads(
        manage(database, "shell", "-c", READ_BACK, stdin=json.dumps(MOVED)).strip().splitlines()[-1]
    )

    assert site["profile_model"]
    assert len(site["profiles"]) == rows["wagtail_events_embedprofile"]
    assert (
        sum(len(organisers) for _, organisers, _ in site["profiles"])
        == (rows["wagtail_events_embedprofile_organisers"])
    )
    assert all(organisers for _, organisers, _ in site["profiles"])
    assert site["profile_type"] == "wagtail_events_embed"
    assert manage(database, "shell", "-c", SEARCH_PROFILE).strip().splitlines()[-1] == "True"


def test_a_migrated_site_has_nothing_left_to_migrate(upgraded):
    database, _, _ = upgraded
    shown = manage(
        database, "showmigrations", "wagtail_events", "wagtail_events_pages", "wagtail_events_embed"
    )
    assert "[ ]" not in shown
