"""The events API mounted in a site's own NinjaAPI, under its own prefix: the same answers.

django-ninja's advice for a reusable app is a Router the site mounts (see
docs/how-to/install.md); the package's own API at /api/ is made of the same router.
"""

import pytest

from tests.factories import PersonPageFactory
from tests.test_api_v2 import event  # noqa: F401 (a fixture: an event with people, venue, ...)

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.site_api_urls")]

OWN = "/api/"
MOUNTED = "/site-api/programme/"


def both(client, path):
    """The package's API's answer to ``path`` and the mounted router's, its links made the
    package's, so the two can be compared."""
    own = client.get(OWN + path)
    mounted = client.get(MOUNTED + path)
    links = mounted.content.replace(
        f"http://testserver{MOUNTED}".encode(), f"http://testserver{OWN}".encode()
    )
    return (own.status_code, own["Content-Type"], own.content), (
        mounted.status_code,
        mounted["Content-Type"],
        links,
    )


def test_the_mounted_router_gives_the_same_answers(client, event, people_index):  # noqa: F811
    person = event.event_people.exclude(person=None).first().person
    PersonPageFactory(parent=people_index, given_name="Kari", family_name="Nordmann")
    paths = [
        "events/?lang=nb",
        "events/?lang=nb&limit=1&offset=1",
        f"events/{event.pk}/",
        "people/?lang=nb",
        f"people/{person.pk}/",
        "organisations/",
        "venues/",
        "types/",
        "topics/",
        "series/",
    ]
    for path in paths:
        own, mounted = both(client, path)
        assert own[0] == 200, path
        assert mounted == own, path

    people = client.get(MOUNTED + "people/?lang=nb").json()["items"]
    # Links into the API point at the API that answered.
    assert people[0]["events_url"].startswith(f"http://testserver{MOUNTED}events/?person=")
    assert client.get(people[0]["events_url"]).json()["count"] >= 0


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("events/2147483000/", 404),
        ("people/2147483000/", 404),
        ("events/?profile=no-such-profile", 404),
        ("events/?limit=abc", 422),
        ("events/abc/", 422),
    ],
)
def test_the_mounted_router_refuses_alike(client, path, status):
    own, mounted = both(client, path)
    assert own[0] == status
    assert mounted == own


def test_the_site_api_documents_the_mounted_operations(client):
    own = client.get(OWN + "openapi.json").json()
    mounted = client.get("/site-api/openapi.json").json()

    assert {path.replace("/site-api/programme/", "/api/") for path in mounted["paths"]} == set(
        own["paths"]
    )
    assert mounted["components"]["schemas"] == own["components"]["schemas"]
