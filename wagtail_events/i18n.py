"""Showing objects in a language: the one resolver every output goes through.

Links on translated pages are synchronised, so they point at source-language objects: the venue,
type, topics and organisers of an event, the organisations and pages of its people, a person's
organisation. Each is shown in the page's language where a translation exists, else as it is.
Lists that start from no page (the API's lists of snippets, a programme's filter options) show
each translation group once: in the language asked for, else in the default language, else in
whichever it was written.

The read floor (``queries``) resolves whatever it loads in a fixed number of queries and hands it
on in explicit objects (:class:`EventLinks`, :class:`EventPersonLinks`, :class:`PersonLinks`),
which the models' read properties (``localized_venue``, ``people_in_event``, ...) read. An object
that did not come through the read floor, such as the page of a preview, is resolved alone by
the same functions when first asked.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Case, OuterRef, Q, Subquery, When
from wagtail.coreutils import get_supported_content_language_variant


def _locale_id(locale):
    return getattr(locale, "pk", locale)


def _key(obj, translation_key, locale_id):
    # Pages of every type share their translation model (Page), snippets have their own.
    return (obj.get_translation_model(), translation_key, locale_id)


class Versions:
    """Objects found, by translation group and locale: where the others find their version."""

    def __init__(self, objects=()):
        self._found = {}
        self.add(objects)

    def add(self, objects):
        for obj in objects:
            self._found.setdefault(_key(obj, obj.translation_key, obj.locale_id), obj)

    def find(self, model, translation_key, locale):
        """The version in ``locale`` of the group ``translation_key`` of ``model``, if found."""
        return self._found.get(_key(model, translation_key, _locale_id(locale)))

    def of(self, obj, locale):
        """``obj`` in ``locale`` (a Locale or its id) where its version was found, else ``obj``."""
        if obj is None or obj.locale_id == _locale_id(locale):
            return obj
        return self.find(obj, obj.translation_key, locale) or obj


def versions_of(wanted, *, among=None):
    """The versions of ``(obj, locale)`` pairs: one query per model and locale, however many.

    Objects already in their locale (and None) cost nothing. ``among`` narrows the queryset of
    each model to the versions that may be shown, e.g. live pages.
    """
    keys = defaultdict(set)
    for obj, locale in wanted:
        if obj is not None and obj.locale_id != _locale_id(locale):
            keys[(type(obj), _locale_id(locale))].add(obj.translation_key)
    versions = Versions()
    for (model, locale_id), translation_keys in keys.items():
        found = model.objects.filter(translation_key__in=translation_keys, locale_id=locale_id)
        versions.add(among(found) if among else found)
    return versions


def one_version_each(queryset, language_code):
    """Each translation group of ``queryset`` once: in the language ``language_code``, else in
    the default language, else in the first it was written in.

    One subquery per row, which stops at the group's first row: the cost follows the rows
    listed, never the events that use them.
    """
    model = queryset.model
    # By language code, as the default locale is known: looking the locales up costs queries.
    default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    preference = Case(
        When(locale__language_code=language_code, then=0),
        When(locale__language_code=default, then=1),
        default=2,
    )
    preferred = (
        model.objects.filter(translation_key=OuterRef("translation_key"))
        .order_by(preference, "pk")
        .values("pk")[:1]
    )
    return queryset.filter(pk=Subquery(preferred))


@dataclass
class EventPersonLinks:
    """What a person's row in an event links to, in the event's language."""

    organisation: object  # their organisation at the event
    person: object  # their page, in the event's language where it has a shown translation


@dataclass
class EventLinks:
    """What an event links to, in its language."""

    venue: object
    event_type: object
    topics: list
    organisers: list  # organisations, in order
    people: list  # the event's people rows in order, each with its ``in_language``
    series: object  # the index page the event sits in, if shown
    translations: list  # the event's shown pages in other languages, in tree order


@dataclass
class PersonLinks:
    """What a person page links to, in its language."""

    organisation: object
    # The person's shown pages in other languages, in tree order; None where not asked for.
    translations: list | None = None


class RelatedPages:
    """The pages events link to, from one query of the pages that may be shown.

    ``pages`` is that queryset: the read floor's public pages, or live ones for an event that
    is resolved alone. The events' series and translations and their people's pages come in
    one query, with the pages of ``extra_page_ids`` and their translations (e.g. people
    named in an agenda).
    """

    def __init__(self, pages, events=(), extra_page_ids=()):
        found = _related_pages(pages, events, extra_page_ids)
        self._model = pages.model
        self.by_id = {page.pk: page for page in found}
        self.by_path = {page.path: page for page in found}
        self.versions = Versions(found)
        self._by_key = defaultdict(list)
        for page in found:
            self._by_key[page.translation_key].append(page)

    def get(self, pk):
        return self.by_id.get(pk)

    def of(self, page, locale):
        return self.versions.of(page, locale)

    def translations(self, page):
        """The page's versions in other languages, in tree order."""
        return [other for other in self._by_key[page.translation_key] if other.pk != page.pk]

    def person(self, row, locale):
        """The person page of a row, in ``locale`` where translated, else the linked page."""
        if not row.person_id:
            return None
        translation = self.versions.find(self._model, _person_key(row), locale)
        return translation or self.by_id.get(row.person_id)


def _person_key(row):
    # The read floor annotates the rows with their person's key, so the person pages
    # themselves need not be fetched row by row; a row resolved alone reads its person.
    return getattr(row, "person_key", None) or row.person.translation_key


def _related_pages(pages, events, extra_page_ids):
    if not events and not extra_page_ids:
        return []
    series_paths = {event.path[: -event.steplen] for event in events}
    event_keys = {event.translation_key for event in events}
    locale_ids = {event.locale_id for event in events}
    rows = [row for event in events for row in event.event_people.all() if row.person_id]
    conditions = [Q(path__in=series_paths), Q(translation_key__in=event_keys)]
    if rows:
        conditions += [
            Q(pk__in={row.person_id for row in rows}),
            Q(translation_key__in={_person_key(row) for row in rows}, locale_id__in=locale_ids),
        ]
    if extra_page_ids:
        extra = pages.model.objects.filter(pk__in=extra_page_ids).values("translation_key")
        conditions += [
            Q(pk__in=extra_page_ids),
            Q(translation_key__in=extra, locale_id__in=locale_ids),
        ]
    # One query, as a union of simple ones: joined with OR, the conditions cost the database
    # more to plan than to run at 10,000 events, and a subquery among them would make it read
    # every page.
    pages = pages.select_related("locale").order_by()
    first, *others = (pages.filter(condition) for condition in conditions)
    found = first.union(*others, all=True)
    # In tree order, as Wagtail lists pages: translations are listed the same way every time.
    return sorted({page.pk: page for page in found}.values(), key=lambda page: page.path)


def _linked_snippets(event):
    yield event.venue, event.locale_id
    yield event.event_type, event.locale_id
    yield from ((topic, event.locale_id) for topic in event.topics.all())
    yield from ((item.organisation, event.locale_id) for item in event.organisers.all())
    yield from ((row.organisation, event.locale_id) for row in event.event_people.all())


def event_person_links(row, locale, snippets, pages):
    """A person row's :class:`EventPersonLinks` in ``locale``, from what was found."""
    return EventPersonLinks(
        organisation=snippets.of(row.organisation, locale), person=pages.person(row, locale)
    )


def event_person_links_alone(row):
    """The :class:`EventPersonLinks` of a row read on its own, not through its event: its
    person page's version among the live ones."""
    locale_id = row.locale_id
    person = versions_of([(row.person, locale_id)], among=lambda pages: pages.live())
    return EventPersonLinks(
        organisation=versions_of([(row.organisation, locale_id)]).of(row.organisation, locale_id),
        person=person.of(row.person, locale_id),
    )


def event_links(events, pages):
    """Each event's :class:`EventLinks`, in order, its people rows given theirs.

    One query per kind of snippet and locale, however many events; ``pages`` is the
    :class:`RelatedPages` of the events.
    """
    snippets = versions_of(pair for event in events for pair in _linked_snippets(event))
    links = []
    for event in events:
        locale_id = event.locale_id
        people = list(event.event_people.all())
        for row in people:
            row.in_language = event_person_links(row, locale_id, snippets, pages)
        links.append(
            EventLinks(
                venue=snippets.of(event.venue, locale_id),
                event_type=snippets.of(event.event_type, locale_id),
                topics=[snippets.of(topic, locale_id) for topic in event.topics.all()],
                organisers=[
                    snippets.of(item.organisation, locale_id) for item in event.organisers.all()
                ],
                people=people,
                series=pages.by_path.get(event.path[: -event.steplen]),
                translations=pages.translations(event),
            )
        )
    return links


def person_links(people, translations=None):
    """Each person page's :class:`PersonLinks`, in order: their organisations in one query.

    ``translations``, if given, maps a person to their pages in other languages.
    """
    organisations = versions_of((person.organisation, person.locale_id) for person in people)
    return [
        PersonLinks(
            organisation=organisations.of(person.organisation, person.locale_id),
            translations=translations(person) if translations else None,
        )
        for person in people
    ]
