"""The site's event and person page models, looked up by name.

The concrete pages sit on the top floor (see docs/explanation/architecture.md): they combine the
content mixins with the routes. The floors below find them here, through Django's app registry,
instead of importing the module that defines them. They are the ``wagtail_events.pages`` app's
unless the ``WAGTAIL_EVENTS`` settings name a site's own (one that swaps Wagtail's base page).
Call these inside functions: the registry is ready only once the models are loaded.
"""

from django.apps import apps

from .conf import get_setting


def event_index_page_model():
    return apps.get_model(get_setting("EVENT_INDEX_PAGE_MODEL"))


def event_page_model():
    return apps.get_model(get_setting("EVENT_PAGE_MODEL"))


def person_index_page_model():
    return apps.get_model(get_setting("PERSON_INDEX_PAGE_MODEL"))


def person_page_model():
    return apps.get_model(get_setting("PERSON_PAGE_MODEL"))


def event_organiser_model():
    """The rows of an event's organisers: the event page's ``organisers``."""
    return event_page_model()._meta.get_field("organisers").related_model


def event_person_model():
    """The rows of the people in an event: the event page's ``event_people``."""
    return event_page_model()._meta.get_field("event_people").related_model


def event_date_change_model():
    """The rows of a repeating event's changed dates: the event page's ``date_changes``."""
    return event_page_model()._meta.get_field("date_changes").related_model


def embed_profile_model():
    """The embed profiles, or None on a site that leaves the ``wagtail_events.embed`` app out."""
    if not apps.is_installed("wagtail_events.embed"):
        return None
    return apps.get_model("wagtail_events_embed", "EmbedProfile")


# The names ``wagtail_events.models`` gives these models, for code written before the split.
MODEL_LOOKUPS = {
    "EventIndexPage": event_index_page_model,
    "EventPage": event_page_model,
    "PersonIndexPage": person_index_page_model,
    "PersonPage": person_page_model,
    "EventOrganiser": event_organiser_model,
    "EventPerson": event_person_model,
    "EventDateChange": event_date_change_model,
}
