"""The package's concrete page models, looked up by name.

The concrete pages sit on the top floor (see docs/explanation/architecture.md): they combine the
content mixins with the routes. The floors below them find the models here, through Django's app
registry, instead of importing the module that defines them. Call these inside functions: the
registry is ready only once the models are loaded.
"""

from django.apps import apps


def event_index_page_model():
    return apps.get_model("wagtail_events", "EventIndexPage")


def event_page_model():
    return apps.get_model("wagtail_events", "EventPage")


def person_index_page_model():
    return apps.get_model("wagtail_events", "PersonIndexPage")


def person_page_model():
    return apps.get_model("wagtail_events", "PersonPage")
