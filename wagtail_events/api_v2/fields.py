"""The related fields of the package's pages in Wagtail's API v2, in the events API's shapes.

Each is one of ``wagtail_events.api.shapes``, the one description of what the APIs say about
a venue, a person at an event, an organisation or an image, given to Django REST framework
through one small field class.
"""

from decimal import Decimal

from rest_framework import serializers

from ..api import shapes
from ..models.events import EventPageMixin
from ..models.people import PersonPageMixin


class ShapeField(serializers.Field):
    """A field of Wagtail's API v2 in one of the events API's shapes (``many``: a list of them)."""

    def __init__(self, shape, *, many=False, **kwargs):
        self.shape = shape
        self.many = many
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value):
        request = self.context["request"]
        if self.many:
            return [shapes.render(self.shape, item, request) for item in value]
        return shapes.render(self.shape, value, request)


class Venue(shapes.Venue):
    # Decimals as Django REST framework gives them, strings to the places the field keeps
    # ("58.461000"), as Wagtail's API v2 has always given the coordinates.
    latitude: Decimal | None
    longitude: Decimal | None


def related_fields(model):
    """{field name: field} of the related fields the package's pages name in ``api_fields``."""
    if issubclass(model, EventPageMixin):
        return {
            "venue": ShapeField(Venue, source="localized_venue"),
            "event_type": ShapeField(shapes.Term, source="localized_event_type"),
            "topics": ShapeField(shapes.Term, many=True, source="localized_topics"),
            "organisers": ShapeField(shapes.Organisation, many=True, source="localized_organisers"),
            "people": ShapeField(shapes.PersonInEvent, many=True, source="people_in_event"),
            "image": ShapeField(shapes.Image),
        }
    if issubclass(model, PersonPageMixin):
        return {
            "organisation": ShapeField(shapes.Organisation, source="localized_organisation"),
            "portrait": ShapeField(shapes.Image),
        }
    return {}
