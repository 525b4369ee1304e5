"""Images as the APIs give them: alt text, size and a few renditions with their addresses."""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError

# Image sizes the APIs offer: name -> Wagtail rendition filter.
IMAGE_RENDITIONS = {"card": "fill-640x360", "large": "width-1280"}


def renditions_prefetch(image_field):
    """Prefetch the offered renditions of the images under ``image_field`` (e.g. "image").

    With it, :func:`image_data` makes no query for a rendition already made.
    """
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=list(IMAGE_RENDITIONS.values()))
    )
    return Prefetch(f"{image_field}__renditions", queryset=renditions)


def image_data(request, image):
    """The image's alt text, size and renditions; None without an image.

    Renditions come from those prefetched (see :func:`renditions_prefetch`); missing ones are
    made. Addresses are absolute, on the host of ``request``.
    """
    if image is None:
        return None
    try:
        made = image.get_renditions(*IMAGE_RENDITIONS.values())
    except SourceImageIOError:
        made = {}  # the original file is gone: what shows it is still worth showing
    renditions = {
        name: {
            "url": request.build_absolute_uri(made[spec].url),
            "width": made[spec].width,
            "height": made[spec].height,
        }
        for name, spec in IMAGE_RENDITIONS.items()
        if spec in made
    }
    return {
        "alt": getattr(image, "default_alt_text", "") or image.title,
        "width": image.width,
        "height": image.height,
        "renditions": renditions,
    }
