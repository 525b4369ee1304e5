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


def load_people(people):
    """Give person pages already in hand their organisation in their own language.

    Fills ``localized_organisation`` in at most two queries, however many people.
    """
    prefetch_related_objects(people, "organisation")
    found = _snippet_translations(
        {
            (type(person.organisation), person.locale_id, person.organisation.translation_key)
            for person in people
            if person.organisation and person.organisation.locale_id != person.locale_id
        }
    )
    for person in people:
        organisation = person.organisation
        if organisation is not None and organisation.locale_id != person.locale_id:
            key = (type(organisation), person.locale_id, organisation.translation_key)
            organisation = found.get(key, organisation)
        person.__dict__["localized_organisation"] = organisation
    return people


def load_person_pages(queryset):
    """Fetch person pages with their organisation in their language, their translations and
    their portraits' renditions.

    Four queries, however many people.
    """
    queryset = queryset.select_related("locale", "organisation", "portrait")
    people = load_people(list(queryset.prefetch_related(renditions_prefetch("portrait"))))
    keys = {person.translation_key for person in people}
    translations = defaultdict(list)
    if keys:
        for page in (
            public_pages(page_model()).filter(translation_key__in=keys).select_related("locale")
        ):
            translations[page.translation_key].append(page)
    for person in people:
        person.__dict__["translations"] = [
            page for page in translations[person.translation_key] if page.pk != person.pk
        ]
    return people


def _snippet_translations(wanted):
    """``{(model, locale_id, translation_key): translation}`` for the wanted triples.

    One query per model and locale.
    """
    keys = defaultdict(set)
    for model, locale_id, key in wanted:
        keys[(model, locale_id)].add(key)
    found = {}
    for (model, locale_id), translation_keys in keys.items():
        for obj in model.objects.filter(translation_key__in=translation_keys, locale_id=locale_id):
            found[(model, locale_id, obj.translation_key)] = obj
    return found


def resolve_translations(events, extra_page_ids=()):
    """Pre-fill each event's ``localized_*`` values with one query per kind of linked object.

    Links on a translation point at source-language objects; this swaps in their translations
    (public ones, for pages) where they exist. The event's series, the public translations of
    each event (``event.translations``) and the person pages come in one query of pages, with
    the public pages of ``extra_page_ids`` and their translations, which are returned by id
    (e.g. people named in an agenda).
    """
    found = _snippet_translations(
        {
            (type(obj), event.locale_id, obj.translation_key)
            for event in events
            for obj in _linked_snippets(event)
            if obj.locale_id != event.locale_id
        }
    )

    def shown(obj, locale_id):
        if obj is None or obj.locale_id == locale_id:
            return obj
        return found.get((type(obj), locale_id, obj.translation_key), obj)

    pages = _related_pages(events, extra_page_ids)
    for event in events:
        locale_id = event.locale_id
        event.__dict__["localized_venue"] = shown(event.venue, locale_id)
        event.__dict__["localized_event_type"] = shown(event.event_type, locale_id)
        event.__dict__["localized_topics"] = [shown(t, locale_id) for t in event.topics.all()]
        event.__dict__["localized_organisers"] = [
            shown(item.organisation, locale_id) for item in event.organisers.all()
        ]
        people = list(event.event_people.all())
        for item in people:
            item.__dict__["display_organisation"] = shown(item.organisation, locale_id)
            item.__dict__["display_person"] = pages.person(item, locale_id)
        event.__dict__["people_in_event"] = people
        event.__dict__["series"] = pages.by_path.get(event.path[: -event.steplen])
        event.__dict__["translations"] = [
            page
            for page in pages.by_key.get(event.translation_key, [])
            if page.locale_id != locale_id
        ]
    return pages.by_id


def _linked_snippets(event):
    yield from (obj for obj in (event.venue, event.event_type) if obj is not None)
    yield from event.topics.all()
    yield from (item.organisation for item in event.organisers.all())
    yield from (item.organisation for item in event.event_people.all() if item.organisation)


class _Pages:
    """Public pages by id, by path and by translation key, from one query."""

    def __init__(self, pages):
        self.by_id = {page.pk: page for page in pages}
        self.by_path = {page.path: page for page in pages}
        self.by_key = defaultdict(list)
        for page in pages:
            self.by_key[page.translation_key].append(page)

    def person(self, event_person, locale_id):
        """The public person page of a person in an event, in the locale where translated."""
        if not event_person.person_id:
            return None
        for page in self.by_key.get(event_person.person_key, []):
            if page.locale_id == locale_id:
                return page
        return self.by_id.get(event_person.person_id)


def _related_pages(events, extra_page_ids):
    series_paths = {event.path[: -event.steplen] for event in events}
    event_keys = {event.translation_key for event in events}
    locale_ids = {event.locale_id for event in events}
    rows = [item for event in events for item in event.event_people.all() if item.person_id]
    person_ids = {item.person_id for item in rows}
    person_keys = {item.person_key for item in rows}
    if not events and not extra_page_ids:
        return _Pages([])
    conditions = [Q(path__in=series_paths), Q(translation_key__in=event_keys)]
    if rows:
        conditions += [
            Q(pk__in=person_ids),
            Q(translation_key__in=person_keys, locale_id__in=locale_ids),
        ]
    if extra_page_ids:
        extra = page_model().objects.filter(pk__in=extra_page_ids).values("translation_key")
        conditions += [
            Q(pk__in=extra_page_ids),
            Q(translation_key__in=extra, locale_id__in=locale_ids),
        ]
    # One query, as a union of simple ones: joined with OR, the conditions cost the database
    # more to plan than to run at 10,000 events, and a subquery among them would make it read
    # every page.
    pages = public_pages(page_model()).select_related("locale").order_by()
    first, *others = (pages.filter(condition) for condition in conditions)
    found = first.union(*others, all=True)
    # In tree order, as Wagtail lists pages: translations are listed the same way every time.
    return _Pages(sorted({page.pk: page for page in found}.values(), key=lambda page: page.path))
