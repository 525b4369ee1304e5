"""What search engines read in a page head: JSON-LD and the page's versions in each language."""

from contextlib import suppress
from typing import NamedTuple
from urllib.parse import urljoin

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language
from wagtail.coreutils import get_content_languages, get_supported_content_language_variant
from wagtail.images.models import SourceImageIOError
from wagtail.models import AbstractPage

from .. import jsonld
from ..base_page import page_model
from ..models.events import EventPageMixin
from ..queries import public_pages

register = template.Library()

# Search engines show event images up to 1200 pixels wide.
JSONLD_IMAGE_FILTER = "width-1200"


class LanguageVersion(NamedTuple):
    language_code: str
    name: str
    url: str  # absolute, for hreflang links
    path: str  # as short as the site allows, for links people follow on this host
    is_current: bool
    is_default: bool


@register.simple_tag(takes_context=True)
def event_jsonld(context, page):
    """The schema.org Event of an event page as a script element; nothing for other pages."""
    if not isinstance(page, EventPageMixin):
        return ""
    request = context.get("request")
    url = page.get_full_url(request)
    image_url = None
    if page.image is not None:
        # The original file may be missing (a database restored without its media): the
        # event is still shown, without an image in its JSON-LD.
        with suppress(SourceImageIOError):
            image_url = urljoin(url or "", page.image.get_rendition(JSONLD_IMAGE_FILTER).url)
    data = jsonld.event_data(
        page, url=url, page_url=lambda linked: linked.get_full_url(request), image_url=image_url
    )
    return jsonld.script(data)


@register.simple_tag(takes_context=True)
def language_versions(context, page=None):
    """The public versions of ``page`` in each content language, with absolute addresses.

    Outside Wagtail pages (e.g. a search view), the current address in each language. The head's
    ``hreflang`` links and the visible language switch both use this, once per request.
    """
    request = context.get("request")
    if request is None:
        return []
    if isinstance(page, AbstractPage):
        key = ("page", page.translation_key)
    else:
        key = ("address", request.get_full_path())
    found = request.__dict__.setdefault("_wagtail_events_language_versions", {})
    if key not in found:
        if isinstance(page, AbstractPage):
            found[key] = _page_versions(page, request)
        else:
            found[key] = _address_versions(request)
    return found[key]


def _page_versions(page, request):
    order = {code: position for position, code in enumerate(get_content_languages())}
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    pages = (
        public_pages(page_model())
        .filter(translation_key=page.translation_key)
        .select_related("locale")
    )
    versions = []
    for version in pages:
        code = version.locale.language_code
        url = version.get_full_url(request)
        if url:
            versions.append(
                LanguageVersion(
                    language_code=code,
                    name=version.locale.get_display_name(),
                    url=url,
                    path=version.get_url(request),
                    is_current=version.pk == page.pk,
                    is_default=code == default,
                )
            )
    return sorted(versions, key=lambda version: order.get(version.language_code, len(order)))


def _address_versions(request):
    path = request.get_full_path()
    try:
        current = get_supported_content_language_variant(get_language())
    except LookupError:  # a language of the site's interface that pages are not written in
        current = None
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    versions = []
    for code, name in get_content_languages().items():
        translated = translate_url(path, code)
        # translate_url() gives the address back unchanged when it has no version in ``code``.
        if code == current or translated != path:
            versions.append(
                LanguageVersion(
                    language_code=code,
                    name=name,
                    url=request.build_absolute_uri(translated),
                    path=translated,
                    is_current=code == current,
                    is_default=code == default,
                )
            )
    return versions
