"""The example site's search page: events and people, in the visitor's language."""

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Locale

from wagtail_events.search import search_events, search_people

EVENTS_PER_PAGE = 20
# People are found by name, so the best few are enough; the person index lists everyone.
PEOPLE_SHOWN = 10
MAX_QUERY_LENGTH = 200


def search(request):
    query = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    context = {"query": query}
    if query:
        locale = Locale.get_active()
        events = Paginator(search_events(query, locale), EVENTS_PER_PAGE)
        people = search_people(query, locale)
        context.update(
            events=events.get_page(request.GET.get("page")),
            people=people[:PEOPLE_SHOWN],
            people_count=people.count(),
        )
    return TemplateResponse(request, "home/search.html", context)
