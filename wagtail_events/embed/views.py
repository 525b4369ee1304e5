"""The widget's page for an ``<iframe>``: a short list of events, framed only by host sites.

It lists what the events API lists for the same parameters (``find_events``), so a filter or
a profile means the same in the API, in ``embed.js`` and here.
"""

from typing import ClassVar

from csp import constants as csp
from csp.utils import build_policy
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils import translation
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe
from ninja.signature.details import is_collection_type
from pydantic import ValidationError

from ..api.filters import LANGUAGES, EventQuery
from ..api.listing import find_events
from ..api.views import api
from ..caching import cached_response
from ..listing import UPCOMING
from .cors import allowed_origins
from .models import EmbedProfile

# Parameters that may be repeated (?organiser=a&organiser=b), read as ninja reads them.
LIST_PARAMETERS = [
    field.alias or name
    for name, field in EventQuery.model_fields.items()
    if is_collection_type(field.annotation)
]


class WidgetQuery(EventQuery):
    # A host page shows what is coming, unless asked for past events or dates.
    default_when: ClassVar[str] = UPCOMING


@require_safe
# The CSP's frame-ancestors says who may frame the page; X-Frame-Options would forbid them all.
@xframe_options_exempt
@cached_response
def events(request):
    """Events for the host page; ``?profile=<slug>`` applies a profile's defaults and colours."""
    try:
        query = WidgetQuery.model_validate(
            api.parser.parse_querydict(request.GET, LIST_PARAMETERS, request)
        )
    except ValidationError as error:
        return _bad_request(request, error)
    try:
        found = find_events(query, with_body=False)
    except Http404:
        # The only thing find_events looks up by name.
        return _error(request, status=404, profile=query.profile)
    profile, language = found.listing.profile, found.listing.language
    with translation.override(language):
        response = render(
            request,
            "wagtail_events/embed/events.html",
            {
                "events": found.events,
                "css_properties": (profile or EmbedProfile()).css_properties(),
            },
        )
    return _with_headers(response, language, profile.origins if profile else allowed_origins())


def _bad_request(request, error):
    problems = [
        {
            "parameter": ".".join(str(part) for part in problem["loc"]),
            # A validator's own words, without pydantic's "Value error, " before them.
            "message": str(problem.get("ctx", {}).get("error") or problem["msg"]),
        }
        for problem in error.errors(include_url=False)
    ]
    return _error(request, status=400, problems=problems)


def _error(request, *, status, profile=None, problems=()):
    """A page in the frame that tells the host site's developer what to fix."""
    language = request.GET.get("lang")
    if language not in LANGUAGES:
        language = settings.LANGUAGE_CODE
    with translation.override(language):
        response = render(
            request,
            "wagtail_events/embed/error.html",
            {
                "profile": profile,
                "problems": problems,
                "css_properties": EmbedProfile().css_properties(),
            },
            status=status,
        )
    return _with_headers(response, language, allowed_origins())


def _with_headers(response, language, origins):
    """The page's language, as asked for (not as the middleware took it from the browser); only
    ``origins`` may frame it, and it loads nothing beyond its inline styles.

    ``origins`` are in the browser's form (``wagtail_events.origins``): one source each. The
    policy is django-csp's, with its quoted keywords; ``update=`` onto an empty policy keeps the
    directives in this order (``config=`` is read as a set).
    """
    response["Content-Language"] = language
    response[csp.HEADER] = build_policy(
        config={},
        update={
            "default-src": [csp.NONE],
            "style-src": [csp.UNSAFE_INLINE],
            "base-uri": [csp.NONE],
            "form-action": [csp.NONE],
            "frame-ancestors": sorted(origins) or [csp.NONE],
        },
    )
    return response
