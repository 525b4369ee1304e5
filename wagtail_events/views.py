"""Template context for the event index, person and person index pages.

The page models call these from ``get_context``. The events are found through ``listing`` and
everything shown is fetched through ``queries``, so the pages list only public events and cost
the same number of queries however many events or people they show.
"""

from functools import cached_property

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import QueryDict
from django.utils.translation import gettext as _

from .filters import EventFilterSet, PersonFilterSet
from .listing import PAST, UPCOMING, listed_events, person_events
from .queries import count_reach, count_up_to, load_events, load_people

# A page model may set its own, e.g. ``events_per_page = 50`` on an index.
EVENTS_PER_PAGE = 20
PEOPLE_PER_PAGE = 50
# A person's past events are paged; their upcoming ones are listed in full.
PERSON_PAST_EVENTS_PER_PAGE = 20


def event_index_context(index, request):
    """The filter form, one page of matching events and the links around them."""
    filterset = EventFilterSet.for_index(index, request.GET, request=request)
    parameters = _valid_parameters(filterset)
    per_page = getattr(index, "events_per_page", EVENTS_PER_PAGE)
    # Listings show no bodies: leave the StreamFields in the database.
    events = listed_events(filterset.listing).defer_streamfields()
    page, notices = paginate(request, events, per_page)
    when = filterset.selected_when
    without_when = parameters.copy()
    without_when.pop("when", None)
    time_links = [
        {
            "when": value,
            "label": label,
            "url": _url(request, without_when, when=None if value == UPCOMING else value),
            "current": value == when,
        }
        for value, label in ((UPCOMING, _("Upcoming events")), (PAST, _("Past events")))
    ]
    return {
        "filter": filterset,
        "events": load_events(page.object_list),
        "page_obj": page,
        **_result_count(page),
        "when": when,
        "is_filtered": filterset.is_filtered,
        "notices": notices,
        "time_links": time_links,
        "past_url": time_links[1]["url"],
        "clear_filters_url": _url(
            request, QueryDict(), when=None if when == filterset.default_when else when
        ),
        "filter_querystring": parameters.urlencode(),
        "pagination": pagination_links(request, page, parameters),
    }


def person_page_context(person, request):
    """The person's upcoming events and a page of their past ones, each with their roles.

    Events link the source-language person page; every language version of the person lists
    the same events, in the person page's language.
    """
    upcoming = load_events(listed_events(person_events(person, when=UPCOMING)).defer_streamfields())
    past_page, notices = paginate(
        request,
        listed_events(person_events(person, when=PAST)).defer_streamfields(),
        PERSON_PAST_EVENTS_PER_PAGE,
    )
    past = load_events(past_page.object_list)
    return {
        "upcoming_events": _with_roles(upcoming, person),
        "past_events": _with_roles(past, person),
        "past_page_obj": past_page,
        "notices": notices,
        "pagination": pagination_links(request, past_page, QueryDict()),
    }


def person_index_context(index, request):
    """A page of the people under the index, optionally narrowed by a search."""
    filterset = PersonFilterSet(data=request.GET, queryset=index.get_people(), request=request)
    parameters = _valid_parameters(filterset)
    per_page = getattr(index, "people_per_page", PEOPLE_PER_PAGE)
    page, notices = paginate(request, filterset.qs, per_page)
    people = list(page.object_list)
    load_people(people)  # their organisations in the index's language
    return {
        "filter": filterset,
        "people": people,
        "page_obj": page,
        **_result_count(page),
        "is_filtered": filterset.is_filtered,
        "notices": notices,
        "clear_filters_url": request.path,
        "pagination": pagination_links(request, page, parameters),
    }


class CountingAheadPaginator(Paginator):
    """Counts only some way past the page shown (see ``queries.count_up_to``)."""

    def __init__(self, object_list, per_page, reach):
        super().__init__(object_list, per_page)
        self.reach = reach
        self.count_is_exact = True

    @cached_property
    def count(self):
        count, self.count_is_exact = count_up_to(self.object_list, self.reach)
        return count


def _result_count(page):
    """The count to show, and whether it is all of them or an "at least"."""
    return {
        "result_count": page.paginator.count,
        "result_count_is_exact": page.paginator.count_is_exact,
    }


def paginate(request, queryset, per_page):
    """The page the ``page`` parameter asks for, or the nearest one and a notice saying so."""
    asked = request.GET.get("page", "")
    # Bounded, so a huge page number never overflows the database's LIMIT.
    number = min(int(asked) if asked.isdigit() else 1, 10**6)
    paginator = CountingAheadPaginator(queryset, per_page, count_reach(number * per_page))
    try:
        page = paginator.page(asked or 1)
    except PageNotAnInteger:
        return paginator.page(1), [
            _("“%(page)s” is not a page number, so the first page is shown.") % {"page": asked[:20]}
        ]
    except EmptyPage:
        if int(asked) < 1:
            return paginator.page(1), [_("Pages start at 1, so the first page is shown.")]
        return paginator.page(paginator.num_pages), [
            _("There is no page %(page)s, so the last page is shown.") % {"page": asked[:20]}
        ]
    return page, []


def pagination_links(request, page, parameters):
    """Links to the previous, next and nearby pages, keeping the filters; None for one page."""
    if page.paginator.num_pages < 2:
        return None
    pages = []
    for number in page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1):
        if number == page.paginator.ELLIPSIS:
            pages.append({"ellipsis": True})
        else:
            pages.append(
                {
                    "number": number,
                    "url": _page_url(request, parameters, number),
                    "current": number == page.number,
                }
            )
    return {
        "previous_url": (
            _page_url(request, parameters, page.previous_page_number())
            if page.has_previous()
            else None
        ),
        "next_url": (
            _page_url(request, parameters, page.next_page_number()) if page.has_next() else None
        ),
        "pages": pages,
    }


def _page_url(request, parameters, number):
    return _url(request, parameters, page=None if number == 1 else number)


def _url(request, parameters, **changes):
    """This page's path with ``parameters``, changed by ``changes`` (None removes one)."""
    query = parameters.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    encoded = query.urlencode()
    return f"{request.path}?{encoded}" if encoded else request.path


def _valid_parameters(filterset):
    """The filter values that were usable, as given: links keep them and drop the rest."""
    form = filterset.form
    form.is_valid()
    parameters = QueryDict(mutable=True)
    for name, value in form.cleaned_data.items():
        if value not in (None, ""):
            parameters.setlist(name, form.data.getlist(name))
    return parameters


def _with_roles(events, person):
    """(event, the person's parts in it) pairs; the parts come with the event's people."""
    return [
        (
            event,
            [
                item
                for item in event.people_in_event
                if item.person_id and item.person_key == person.translation_key
            ],
        )
        for event in events
    ]
