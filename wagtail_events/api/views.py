"""The events API: public events, people and their programmes as JSON, for other sites.

Its operations are on ``router``, a django-ninja ``Router``. A site with a ``NinjaAPI`` of its
own mounts it there (``site_api.add_router("/events/", router)``, and
``add_exception_handlers(site_api)`` for the package's answer to invalid parameters). ``api``
is the package's own ``NinjaAPI``, made of the same router, for a site that just includes the
package's URLs (``wagtail_events.api.urls``, or ``path("api/", api.urls)``).

Every response is public, the same for everyone, and cached under the content version (see
``wagtail_events.caching``): a repeat or conditional request costs no query.
"""

from django.http import Http404, HttpResponse
from django.utils import translation
from django.utils.translation import gettext
from ninja import Field, NinjaAPI, Path, Query, Router
from ninja.decorators import decorate_view
from ninja.errors import HttpError, ValidationError
from pydantic_core import to_json

from .. import feeds, outputs
from ..caching import cached_fragments, cached_response
from ..i18n import one_version_each
from ..models.taxonomy import EventType, Organisation, Topic, Venue
from ..page_models import event_index_page_model, person_page_model
from ..queries import (
    count_reach,
    count_up_to,
    load_events,
    load_person_pages,
    public_events,
    public_pages,
)
from ..search import people_matching
from . import schemas, shapes
from .filters import MAX_PAGE_ID, EventQuery, ListParameters, PersonQuery
from .listing import events_named, find_event_refs, in_order_of, load_events_for_api
from .shapes import render

router = Router()

CACHED = decorate_view(cached_response)
# Every operation takes parameters, so each may answer 422; and 404 where an id or a
# profile names nothing public. Both are in the OpenAPI document.
INVALID = {422: schemas.InvalidParameters}
NOT_FOUND = {404: schemas.Message, **INVALID}


def _page_id(description):
    # Any text reaches the view (no int converter), so a bad id gets the API's JSON 422, not
    # Django's HTML 404; ids beyond 32 bits are refused before they reach the database.
    return Path(..., ge=1, le=MAX_PAGE_ID, description=description)


def add_exception_handlers(api):
    """Give ``api`` the events API's answer to invalid parameters, as its OpenAPI document has
    it: ninja's own (422, with each error's location), plus one line naming the parameters.

    A not-found id or profile is ninja's ``HttpError`` (404, with why), which every
    ``NinjaAPI`` answers alike.
    """

    def invalid_parameters(request, exc):
        names = sorted({str(error["loc"][-1]) for error in exc.errors if error.get("loc")})
        message = f"Invalid parameters: {', '.join(names)}." if names else "Invalid parameters."
        body = {"detail": exc.errors, "message": message}
        return api.create_response(request, body, status=422)

    api.add_exception_handler(ValidationError, invalid_parameters)


def _find_event_refs(query):
    try:
        return find_event_refs(query)
    except Http404 as unknown_profile:
        raise HttpError(404, str(unknown_profile)) from unknown_profile


def _json(payload):
    """The payload as JSON. Its shape is the documented schema's; the tests check each one."""
    return HttpResponse(to_json(payload), content_type="application/json")


def _render_or_none(shape, obj, request):
    return render(shape, obj, request) if obj is not None else None


def _page_links(request, count, limit, offset):
    def link(new_offset):
        params = request.GET.copy()
        params["offset"] = new_offset
        return request.build_absolute_uri(f"{request.path}?{params.urlencode()}")

    following = link(offset + limit) if offset + limit < count else None
    preceding = link(max(offset - limit, 0)) if offset > 0 else None
    return following, preceding


@router.get(
    "/events/",
    response={200: schemas.EventList, **NOT_FOUND},
    url_name="events",
    summary="List events",
    tags=["events"],
)
@CACHED
def list_events(request, query: Query[EventQuery]):
    """Public events in one language, soonest first; past ones too unless ``when`` says.

    An unknown organiser, type, topic, person or series matches nothing: the list is empty.
    An unknown profile is a 404; a known one's colours come with the list, for the widget.
    """
    found = _find_event_refs(query)
    following, preceding = _page_links(request, found.count, found.limit, found.offset)

    def build(refs):
        events, pages = load_events_for_api(events_named(refs))
        return [
            render(shapes.Event, event, request, pages=pages) if event else None
            for event in in_order_of(refs, events)
        ]

    items = cached_fragments(outputs.API_EVENTS, request, found.events, build)
    return _json(
        {
            "count": found.count,
            "count_exact": found.count_exact,
            "next": following,
            "previous": preceding,
            "items": [item for item in items if item is not None],
            "profile": _render_or_none(shapes.EmbedProfile, found.listing.profile, request),
        },
    )


class CalendarQuery(EventQuery):
    limit: int = Field(500, ge=1, le=1000, description="How many events the calendar holds.")


@router.get(
    "/events.ics",
    response={200: str, **NOT_FOUND},
    url_name="events_calendar",
    summary="Events as a calendar file",
    tags=["events"],
    openapi_extra={
        "responses": {200: {"description": "iCalendar", "content": {"text/calendar": {}}}}
    },
)
@CACHED
def events_calendar(request, query: Query[CalendarQuery]):
    """The same events as the list, as an iCalendar file to subscribe to (up to 1,000)."""
    found = _find_event_refs(query)

    def build(refs):
        events = in_order_of(refs, load_events(events_named(refs)))
        return [feeds.calendar_entry_of(request, event) if event else None for event in events]

    entries = cached_fragments(outputs.API_EVENTS_CALENDAR, request, found.events, build)
    profile = found.listing.profile
    with translation.override(found.listing.language):
        name = profile.name if profile else gettext("Events")
        return feeds.calendar_response(
            request,
            [entry for entry in entries if entry is not None],
            name,
            "events",
            feeds.REFRESH_INTERVAL,
        )


@router.get(
    "/events/{event_id}/",
    response={200: schemas.EventDetail, **NOT_FOUND},
    url_name="event",
    summary="One event",
    tags=["events"],
)
@CACHED
def get_event(request, event_id: int = _page_id("The event page's id.")):
    """One public event by id, in its own language, with its body as HTML."""
    events, pages = load_events_for_api(public_events().filter(pk=event_id))
    if not events:
        raise HttpError(404, "There is no public event with this id.")
    return _json(render(shapes.EventDetail, events[0], request, pages=pages))


def _people(lang):
    return public_pages(person_page_model()).filter(locale__language_code=lang)


@router.get(
    "/people/",
    response={200: schemas.PersonList, **INVALID},
    url_name="people",
    summary="List people",
    tags=["people"],
)
@CACHED
def list_people(request, params: Query[PersonQuery]):
    """Public person pages in one language, by family name."""
    queryset = _people(params.lang)
    if params.q:
        queryset = queryset.filter(people_matching(params.q))
    if params.organisation:
        organisations = Organisation.objects.filter(slug=params.organisation)
        queryset = queryset.filter(
            organisation__translation_key__in=organisations.values("translation_key")
        )
    queryset = queryset.order_by("family_name", "given_name", "pk")
    end = params.offset + params.limit
    count, exact = count_up_to(queryset, count_reach(end))
    people = load_person_pages(queryset[params.offset : end])
    following, preceding = _page_links(request, count, params.limit, params.offset)
    return _json(
        {
            "count": count,
            "count_exact": exact,
            "next": following,
            "previous": preceding,
            "items": [render(shapes.Person, person, request) for person in people],
        },
    )


@router.get(
    "/people/{person_id}/",
    response={200: schemas.Person, **NOT_FOUND},
    url_name="person",
    summary="One person",
    tags=["people"],
)
@CACHED
def get_person(request, person_id: int = _page_id("The person page's id.")):
    people = load_person_pages(public_pages(person_page_model()).filter(pk=person_id))
    if not people:
        raise HttpError(404, "There is no public person with this id.")
    return _json(render(shapes.Person, people[0], request))


def _snippet_list(request, model, lang, shape):
    snippets = one_version_each(model.objects.select_related("locale"), lang)
    return [render(shape, obj, request, lang=lang) for obj in snippets.order_by("name", "pk")]


@router.get(
    "/organisations/",
    response={200: list[schemas.OrganisationItem], **INVALID},
    url_name="organisations",
    summary="List organisations",
    tags=["lists"],
)
@CACHED
def list_organisations(request, params: Query[ListParameters]):
    """Every organisation, named in the language asked for where translated."""
    return _json(_snippet_list(request, Organisation, params.lang, shapes.OrganisationItem))


@router.get(
    "/venues/",
    response={200: list[schemas.VenueItem], **INVALID},
    url_name="venues",
    summary="List venues",
    tags=["lists"],
)
@CACHED
def list_venues(request, params: Query[ListParameters]):
    return _json(_snippet_list(request, Venue, params.lang, shapes.VenueItem))


@router.get(
    "/types/",
    response={200: list[schemas.TermItem], **INVALID},
    url_name="types",
    summary="List event types",
    tags=["lists"],
)
@CACHED
def list_types(request, params: Query[ListParameters]):
    return _json(_snippet_list(request, EventType, params.lang, shapes.TermItem))


@router.get(
    "/topics/",
    response={200: list[schemas.TermItem], **INVALID},
    url_name="topics",
    summary="List topics",
    tags=["lists"],
)
@CACHED
def list_topics(request, params: Query[ListParameters]):
    return _json(_snippet_list(request, Topic, params.lang, shapes.TermItem))


@router.get(
    "/series/",
    response={200: list[schemas.Series], **INVALID},
    url_name="series",
    summary="List programmes and series",
    tags=["lists"],
)
@CACHED
def list_series(request, params: Query[ListParameters]):
    """Public event indexes (programmes, festivals, series) in one language, in site order."""
    indexes = list(
        public_pages(event_index_page_model())
        .filter(locale__language_code=params.lang)
        .select_related("locale")
        .order_by("path")
    )
    by_path = {index.path: index for index in indexes}
    return _json(
        [
            render(shapes.Series, index, request, indexes=by_path, lang=params.lang)
            for index in indexes
        ]
    )


# The package's own API, for a site that just includes its URLs (``wagtail_events.api.urls``).
api = NinjaAPI(
    title="Events API",
    version="1",
    description="Public events, people and organisations of this site's event programmes, "
    "in each language. Read-only, no authentication; cacheable (ETag).",
    urls_namespace="wagtail_events_api",
)
add_exception_handlers(api)
api.add_router("", router)
