"""The image renditions the APIs offer, and fetching those already made with the images.

The APIs' shape of an image (alt text, size, renditions) is ``api.shapes.Image``.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model

# Image sizes the APIs offer: name -> Wagtail rendition filter.
IMAGE_RENDITIONS = {"card": "fill-640x360", "large": "width-1280"}


def renditions_prefetch(image_field):
    """Prefetch the offered renditions of the images under ``image_field`` (e.g. "image").

    With it, ``api.shapes.Image`` makes no query for a rendition already made.
    """
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=list(IMAGE_RENDITIONS.values()))
    )
    return Prefetch(f"{image_field}__renditions", queryset=renditions)
