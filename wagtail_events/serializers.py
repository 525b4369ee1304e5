"""Nested shapes for Wagtail's API v2, so one request carries people, organisations and venue."""

from django.utils import translation
from rest_framework import serializers

from .images import image_data


class TermSerializer(serializers.Serializer):
    id = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    slug = serializers.CharField(read_only=True)


class OrganisationSerializer(TermSerializer):
    short_name = serializers.CharField(read_only=True)
    url = serializers.CharField(read_only=True)


class VenueSerializer(TermSerializer):
    street_address = serializers.CharField(read_only=True)
    postcode = serializers.CharField(read_only=True)
    city = serializers.CharField(read_only=True)
    country = serializers.CharField(read_only=True)
    country_code = serializers.CharField(read_only=True)
    latitude = serializers.DecimalField(max_digits=9, decimal_places=6, read_only=True)
    longitude = serializers.DecimalField(max_digits=9, decimal_places=6, read_only=True)


class EventPersonSerializer(serializers.Serializer):
    person_id = serializers.IntegerField(read_only=True)
    url = serializers.SerializerMethodField()
    name = serializers.CharField(source="display_name", read_only=True)
    role = serializers.CharField(read_only=True)
    role_label = serializers.SerializerMethodField()
    title = serializers.CharField(read_only=True)
    organisation = OrganisationSerializer(source="display_organisation", read_only=True)
    # Only what the editor made public for this event; blank otherwise.
    phone = serializers.CharField(source="public_phone", read_only=True)
    email = serializers.CharField(source="public_email", read_only=True)

    def get_role_label(self, event_person):
        # In the page's language, not the request's: the API is not under /en/.
        with translation.override(event_person.page.locale.language_code):
            return event_person.get_role_display()

    def get_url(self, event_person):
        # The person page in the event's language where it has a public translation.
        person = event_person.display_person
        if person is None or not person.live:
            return None
        return person.get_full_url(self.context.get("request"))


class ImageSerializer(serializers.Field):
    """An image with its renditions' absolute addresses, shaped as in the package's events API.

    Wagtail's ``ImageRenditionField`` gives one rendition per field; this gives the sizes the
    events API offers (see ``images.IMAGE_RENDITIONS``) together, with the alt text.
    """

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, image):
        return image_data(self.context["request"], image)
