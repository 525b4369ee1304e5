"""Editors type an event's times as the clock reads where the event takes place."""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, querydict_from_html, streamfield
from wagtail.users.models import UserProfile

from tests.factories import EventPageFactory
from wagtail_events.models import EventPage

LONDON = zoneinfo.ZoneInfo("Europe/London")

pytestmark = pytest.mark.django_db


@pytest.fixture
def editor_in_oslo(admin_user):
    profile = UserProfile.get_for_user(admin_user)
    profile.current_time_zone = "Europe/Oslo"
    profile.save()
    return admin_user


def test_times_are_shown_and_saved_in_the_events_own_time_zone(client, editor_in_oslo, series):
    event = EventPageFactory(
        parent=series,
        timezone="Europe/London",
        start=datetime.datetime(2025, 8, 12, 10, 0, tzinfo=LONDON),
        end=datetime.datetime(2025, 8, 12, 11, 0, tzinfo=LONDON),
    )
    client.force_login(editor_in_oslo)
    edit_url = reverse("wagtailadmin_pages:edit", args=[event.pk])

    html = client.get(edit_url).content.decode()
    data = querydict_from_html(html, form_id="page-edit-form")
    # A browser sends "on" for a ticked checkbox without a value; the parser sends "".
    for name, value in list(data.items()):
        if value == "" and f'name="{name}" id="id_{name}" checked' in html:
            data[name] = "on"

    # London's wall clock, not Oslo's (which would read 11:00).
    assert data["start"].startswith("2025-08-12 10:00")
    data["start"] = "2025-08-12 14:00"
    data["end"] = "2025-08-12 15:30"
    data["action-publish"] = "action-publish"
    # The body editor is drawn by JavaScript, so its (empty) fields are not in the HTML.
    data.update(nested_form_data({"body": streamfield([])}))
    response = client.post(edit_url, data)

    form = response.context["form"] if response.status_code == 200 else None
    assert response.status_code == 302, form.errors if form else response
    saved = EventPage.objects.get(pk=event.pk)
    assert saved.start == datetime.datetime(2025, 8, 12, 14, 0, tzinfo=LONDON)
    assert saved.end == datetime.datetime(2025, 8, 12, 15, 30, tzinfo=LONDON)
