"""One place decides which pages are public and how events are fetched for display.

Every public output (pages, calendars, feeds, JSON-LD, APIs, widget) starts here, so a new
output can neither show an unpublished page nor add a query per event.
"""

from collections import defaultdict

from asgiref.local import Local
from django.db.models import F, Prefetch, Q, prefetch_related_objects
from django.utils import timezone
from wagtail.models import PageViewRestriction

from .base_page import page_model
from .i18n import RelatedPages, event_links, person_links
from .images import renditions_prefetch
from .page_models import event_organiser_model, event_page_model, event_person_model

# Lists count their items only some way past the page shown, to the next multiple of this:
# beyond, they say "at least". Counting every event of a large programme would cost more than
# the rest of the request, and paging further counts further.
COUNT_STEP = 500


def count_reach(shown_up_to):
    """How far to count for a page that ends at item ``shown_up_to``."""
    return (shown_up_to // COUNT_STEP + 1) * COUNT_STEP


def count_up_to(queryset, reach):
    """``(count, exact)``: how many items there are, or ``(reach, False)`` if more."""
    counted = queryset[: reach + 1].count()
    return min(counted, reach), counted <= reach


def public_pages(model, locale=None):
    """Live, publicly viewable pages of ``model`` that have not expired, optionally in a locale."""
    queryset = only_public(model.objects.all())
    if locale is not None:
        queryset = queryset.filter(locale=locale)
    return queryset


def only_public(queryset):
    """The pages of a page queryset that :func:`public_pages` would give.

    For querysets built elsewhere, such as the one Wagtail's API starts from.
    """
    now = timezone.now()
    queryset = queryset.live().exclude(in_private_section())
    return queryset.filter(Q(expire_at__isnull=True) | Q(expire_at__gt=now)).filter(
        Q(go_live_at__isnull=True) | Q(go_live_at__lte=now)
    )


# Within a request, the paths of view-restricted pages are read once (see signal_handlers,
# which marks where requests start and end). Never longer: no process may serve a page whose
# restriction another process has just added.
_request = Local()


def restricted_paths():
    """Paths of the pages with a view restriction; one query per request."""
    paths = getattr(_request, "restricted_paths", None)
    if paths is None:
        paths = sorted(set(PageViewRestriction.objects.values_list("page__path", flat=True)))
        if getattr(_request, "active", False):
            _request.restricted_paths = paths
    return paths


def request_started(**kwargs):
    _request.active = True
    _request.restricted_paths = None


def request_finished(**kwargs):
    _request.active = False
    _request.restricted_paths = None


def restrictions_changed(**kwargs):
    _request.restricted_paths = None


def in_private_section():
    """Pages under a view restriction, their own or an ancestor's: what ``.public()`` leaves out.

    Plain path lookups, as Wagtail's own, so search backends take them too.
    """
    condition = Q(pk__in=[])
    for path in restricted_paths():
        condition |= Q(path__startswith=path)
    return condition


def within_publication_dates(page, now=None):
    """Whether a page already in hand has gone live and not yet expired.

    The dates :func:`public_pages` filters on, for one page. Wagtail leaves a page live
    past its expiry date until the ``publish_scheduled`` command runs.
    """
    now = now or timezone.now()
    has_gone_live = page.go_live_at is None or page.go_live_at <= now
    return has_gone_live and (page.expire_at is None or page.expire_at > now)


def is_public(page):
    """Whether a page already in hand is one :func:`public_pages` would give."""
    restricted = any(page.path.startswith(path) for path in restricted_paths())
    return page.live and not restricted and within_publication_dates(page)


def public_events(locale=None):
    return public_pages(event_page_model(), locale)


def _detail_prefetches():
    return [
        Prefetch(
            "event_people",
            # The person page comes with the related pages (one query for all events), in the
            # event's language; building one per row here was half the cost of a list.
            queryset=event_person_model()
            .objects.select_related("organisation")
            .annotate(person_key=F("person__translation_key"))
            .order_by("sort_order"),
        ),
        Prefetch(
            "organisers",
            queryset=event_organiser_model()
            .objects.select_related("organisation")
            .order_by("sort_order"),
        ),
        "topics",
    ]


def with_event_details(queryset):
    """What every event output shows, in a fixed number of queries however many events."""
    return queryset.select_related("locale", "venue", "event_type", "image").prefetch_related(
        *_detail_prefetches()
    )


def load_event_details(event):
    """The same for one event already in hand, e.g. the page being served."""
    fill_event_details([event])
    return event


def fill_event_details(events):
    """The same for events already in hand, e.g. a page of search results."""
    prefetch_related_objects(events, "venue", "event_type", *_detail_prefetches())
    resolve_translations(events)
    return events


def load_stream_field(pages, field_name):
    """Read one StreamField of many pages at once.

    The pages, images and other objects its blocks choose come with one query per kind for all
    the pages, where reading each page's field would cost those queries per page.
    """
    if not pages:
        return pages
    stream_block = pages[0]._meta.get_field(field_name).stream_block
    values = stream_block.bulk_to_python([getattr(page, field_name).raw_data for page in pages])
    for page, value in zip(pages, values, strict=True):
        setattr(page, field_name, value)
    return pages


def load_events(queryset):
    """Fetch the events with their details, shown in each event's own language."""
    events = list(with_event_details(queryset))
    resolve_translations(events)
    return events


def load_people(people, *, with_translations=False):
    """Give person pages already in hand their organisation in their own language
    (``person.in_language``, see ``i18n.PersonLinks``), and with ``with_translations`` their
    public pages in other languages.

    Two queries at most, however many people, and one more for the translations.
    """
    prefetch_related_objects(people, "organisation")
    translations = None
    if with_translations:
        translations = defaultdict(list)
        keys = {person.translation_key for person in people}
        pages = public_pages(page_model()).filter(translation_key__in=keys)
        for page in pages.select_related("locale") if keys else ():
            translations[page.translation_key].append(page)

    def others(person):
        if translations is None:
            return None
        return [page for page in translations[person.translation_key] if page.pk != person.pk]

    for person, links in zip(people, person_links(people, others), strict=True):
        person.in_language = links
    return people


def load_person_pages(queryset):
    """Fetch person pages with their organisation in their language, their translations and
    their portraits' renditions.

    Four queries, however many people.
    """
    queryset = queryset.select_related("locale", "organisation", "portrait")
    people = list(queryset.prefetch_related(renditions_prefetch("portrait")))
    return load_people(people, with_translations=True)


def resolve_translations(events, extra_page_ids=()):
    """Give each event what it links to in its language (``event.in_language``, see
    ``i18n.EventLinks``), with one query per kind of linked object; return the pages.

    Links on a translation point at source-language objects; this swaps in their translations
    (public ones, for pages) where they exist. The event's series, its public translations and
    the person pages come in one query of pages, with the public pages of ``extra_page_ids``
    and their translations (e.g. people named in an agenda): the :class:`~.i18n.RelatedPages`
    returned.
    """
    pages = RelatedPages(public_pages(page_model()), events, extra_page_ids)
    for event, links in zip(events, event_links(events, pages), strict=True):
        event.in_language = links
    return pages
