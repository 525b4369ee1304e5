"""What the site holds about one person, and erasing it: the ``person_data`` command's work.

See docs/how-to/personal-data.md for what is exported, what erasing removes and what it keeps.
A person is every language version of one person page (one ``translation_key``).
"""

import json
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext
from wagtail.actions.delete_page import DeletePageAction
from wagtail.images import get_image_model
from wagtail.models import Locale, PageLogEntry, ReferenceIndex, Revision
from wagtail.search.index import class_is_indexed
from wagtail.search.tasks import insert_or_update_object_task
from wagtail_localize.models import (
    SegmentOverride,
    String,
    StringSegment,
    StringTranslation,
    TranslatableObject,
    TranslationContext,
    TranslationSource,
)

from ..caching import bump_event_version
from ..models import EventPage, EventPageMixin, EventPerson, PersonPage, Role
from ..signals import events_changed

# What ``erase`` does with the name, title and organisation an event shows for the person.
KEEP, REPLACE, REMOVE = "keep", "replace", "remove"
NAME_CHOICES = (KEEP, REPLACE, REMOVE)
# The label of the person pages' admin history entries once erased.
ERASED_LABEL = "[erased person]"
# Earlier values a person page's revisions may hold, listed by ``export``.
PERSON_FIELDS = ("given_name", "family_name", "job_title", "email", "phone")


class PersonNotFound(LookupError):
    pass


class AmbiguousPerson(LookupError):
    def __init__(self, identifier, pages):
        self.pages = pages
        ids = ", ".join(str(page.pk) for page in pages)
        super().__init__(f"{identifier!r} names more than one person (page ids {ids}).")


def find_person(identifier):
    """Every language version of the person page with this id or slug, source language first."""
    identifier = str(identifier).strip()
    if identifier.isdigit():
        matches = PersonPage.objects.filter(Q(pk=int(identifier)) | Q(slug=identifier))
    else:
        matches = PersonPage.objects.filter(slug=identifier)
    matches = list(matches.order_by("pk"))
    keys = {page.translation_key for page in matches}
    if not keys:
        raise PersonNotFound(identifier)
    if len(keys) > 1:
        raise AmbiguousPerson(identifier, matches)
    return list(
        PersonPage.objects.filter(translation_key=keys.pop())
        .select_related("locale", "organisation", "portrait")
        .order_by("pk")
    )


def _event_content_types():
    models = [model for model in apps.get_models() if issubclass(model, EventPageMixin)]
    return list(ContentType.objects.get_for_models(*models).values())


def _names_person(rows, person_ids):
    return any(row.get("person") in person_ids for row in rows or [])


def _event_revisions(person_ids):
    """Revisions of events whose people link the person: current, draft and older ones."""
    revisions = Revision.objects.filter(content_type__in=_event_content_types()).order_by("pk")
    for revision in revisions.iterator():
        if _names_person(revision.content.get("event_people"), person_ids):
            yield revision


def _event_sources(person_ids):
    """wagtail-localize's copies of events whose people link the person, kept for translation."""
    sources = TranslationSource.objects.filter(specific_content_type__in=_event_content_types())
    for source in sources.order_by("pk").iterator():
        content = json.loads(source.content_json)
        if _names_person(content.get("event_people"), person_ids):
            yield source, content


def _person_object(pages):
    return TranslatableObject.objects.filter(translation_key=pages[0].translation_key).first()


def _possible_matches(pages):
    """Rows that name someone with the person's name or email without linking a person page."""
    condition = Q()
    for page in pages:
        if page.full_name:
            condition |= Q(name__iexact=page.full_name)
        if page.email:
            condition |= Q(email__iexact=page.email)
    if not condition:
        return EventPerson.objects.none()
    return (
        EventPerson.objects.filter(condition, person__isnull=True)
        .select_related("page", "page__locale", "organisation")
        .order_by("page__start", "pk")
    )


def _iso(value):
    return value.isoformat() if value else None


def _event_data(event):
    return {
        "id": event.pk,
        "title": event.title,
        "language": event.locale.language_code,
        "start": _iso(event.start),
        "end": _iso(event.end),
        "url": event.get_full_url(),
        "live": event.live,
    }


def _row_data(row):
    with translation.override(row.page.locale.language_code):
        role_label = str(row.get_role_display())
    return {
        "event": _event_data(row.page),
        "role": row.role,
        "role_label": role_label,
        "name": row.name,
        "title": row.title,
        "organisation": row.organisation.name if row.organisation else None,
        "phone": row.phone,
        "email": row.email,
        "contact_public": row.contact_public,
    }


def _earlier_values(page):
    """The values of the person's fields in the page's revisions, where they differ from now."""
    values = {name: [] for name in PERSON_FIELDS}
    for content in (
        Revision.objects.for_instance(page).order_by("pk").values_list("content", flat=True)
    ):
        for name in PERSON_FIELDS:
            value = content.get(name)
            if value and value != getattr(page, name) and value not in values[name]:
                values[name].append(value)
    return {name: found for name, found in values.items() if found}


def _page_data(page):
    portrait = page.portrait
    return {
        "id": page.pk,
        "language": page.locale.language_code,
        "title": page.title,
        "slug": page.slug,
        "url": page.get_full_url(),
        "live": page.live,
        "first_published_at": _iso(page.first_published_at),
        "last_published_at": _iso(page.last_published_at),
        "given_name": page.given_name,
        "family_name": page.family_name,
        "job_title": page.job_title,
        "organisation": page.organisation.name if page.organisation else None,
        "email": page.email,
        "email_public": page.email_public,
        "phone": page.phone,
        "phone_public": page.phone_public,
        "bio": page.bio,
        "links": list(page.links.get_prep_value()),
        "portrait": {"id": portrait.pk, "title": portrait.title, "file": portrait.file.name}
        if portrait
        else None,
        "revisions": Revision.objects.for_instance(page).count(),
        "earlier_values_in_revisions": _earlier_values(page),
    }


def export(pages):
    """Everything the site holds about the person, as plain data for JSON."""
    person_ids = {page.pk for page in pages}
    rows = (
        EventPerson.objects.filter(person_id__in=person_ids)
        .select_related("page", "page__locale", "organisation")
        .order_by("page__start", "page_id", "sort_order", "pk")
    )
    return {
        "translation_key": str(pages[0].translation_key),
        "pages": [_page_data(page) for page in pages],
        "events": [_row_data(row) for row in rows],
        "event_revisions_naming_them": sum(1 for _ in _event_revisions(person_ids)),
        "admin_history_entries": PageLogEntry.objects.filter(page_id__in=person_ids).count(),
        "possible_matches_without_link": [_row_data(row) for row in _possible_matches(pages)],
    }


@dataclass
class Erasure:
    """What ``erase`` did (or, in a dry run, would do)."""

    pages: list = field(default_factory=list)  # (id, language, title) of the deleted pages
    person_revisions: int = 0
    rows_kept: int = 0  # event rows that keep the name, title and organisation
    rows_replaced: int = 0
    rows_removed: int = 0
    event_revisions: int = 0
    translation_sources: int = 0
    strings: int = 0
    portraits_deleted: list = field(default_factory=list)
    portraits_kept: list = field(default_factory=list)  # used elsewhere
    history_entries: int = 0
    events: list = field(default_factory=list)  # ids of the events changed
    possible_matches: list = field(default_factory=list)


def placeholder(language_code):
    """What an event shows instead of the name with ``--names replace``, in its language."""
    with translation.override(language_code):
        return gettext("Name withheld")


def scrub_row(row, names, language_code):
    """The event row's data (a dict as in revisions) without the person, or None to drop it.

    The link and the phone and email always go. The name, title and organisation stay
    (``keep``), give way to a placeholder (``replace``) or go with the row (``remove``). A
    contact person's row goes whatever ``names`` says: without phone or email it reaches no one.
    """
    if names == REMOVE or row.get("role") == Role.CONTACT:
        return None
    row = {**row, "person": None, "phone": "", "email": "", "contact_public": False}
    if names == REPLACE:
        row.update(name=placeholder(language_code), title="", organisation=None)
    return row


def _scrub_rows(rows, person_ids, names, languages):
    scrubbed = []
    for row in rows:
        if row.get("person") in person_ids:
            # A row without its locale (an old revision's) is in the site's default language.
            row = scrub_row(row, names, languages.get(row.get("locale"), settings.LANGUAGE_CODE))
        if row is not None:
            scrubbed.append(row)
    return scrubbed


def erase(pages, names, dry_run=False):
    """Delete the person's pages and take them out of events, revisions and translation data.

    All in one transaction: it is done completely or not at all. ``dry_run`` only counts.
    """
    if names not in NAME_CHOICES:
        raise ValueError(f"names must be one of {NAME_CHOICES}")
    languages = dict(Locale.objects.values_list("pk", "language_code"))
    person_ids = {page.pk for page in pages}
    result = Erasure(
        pages=[(page.pk, page.locale.language_code, page.title) for page in pages],
        person_revisions=sum(Revision.objects.for_instance(page).count() for page in pages),
        history_entries=PageLogEntry.objects.filter(page_id__in=person_ids).count(),
        possible_matches=[_row_data(row) for row in _possible_matches(pages)],
    )
    event_ids = set()
    with transaction.atomic():
        # The events as they are now.
        for row in EventPerson.objects.filter(person_id__in=person_ids).select_related(
            "page__locale"
        ):
            event_ids.add(row.page_id)
            language = row.page.locale.language_code
            data = scrub_row({"role": row.role}, names, language)
            if data is None:
                result.rows_removed += 1
                if not dry_run:
                    row.delete()
                continue
            if names == REPLACE:
                result.rows_replaced += 1
                row.name, row.title, row.organisation = data["name"], "", None
            else:
                result.rows_kept += 1
            row.person, row.phone, row.email, row.contact_public = None, "", "", False
            if not dry_run:
                row.save()

        # Their revisions: the live one, drafts and older versions.
        for revision in _event_revisions(person_ids):
            result.event_revisions += 1
            event_ids.add(int(revision.object_id))
            if not dry_run:
                content = revision.content
                content["event_people"] = _scrub_rows(
                    content["event_people"], person_ids, names, languages
                )
                revision.content = content
                revision.save(update_fields=["content"])

        # wagtail-localize's copies of the events, from which translations are made.
        for source, content in _event_sources(person_ids):
            result.translation_sources += 1
            if not dry_run:
                content["event_people"] = _scrub_rows(
                    content["event_people"], person_ids, names, languages
                )
                source.content_json = json.dumps(content)
                source.save(update_fields=["content_json"])

        portraits = _portraits(pages)
        if not dry_run:
            result.translation_sources += _erase_person_translation_data(pages, result)
            for page in pages:
                # Deleting a page deletes its revisions; its admin history stays, see below.
                DeletePageAction(page, user=None).execute(skip_permission_checks=True)
            # The history of who did what stays, for accountability, without the name.
            PageLogEntry.objects.filter(page_id__in=person_ids).update(label=ERASED_LABEL, data={})
        else:
            obj = _person_object(pages)
            result.translation_sources += obj.sources.count() if obj else 0

        for image in portraits:
            uses = ReferenceIndex.get_references_to(image)
            if not dry_run:
                in_use = uses.exists()
            else:
                in_use = uses.exclude(object_id__in=[str(pk) for pk in person_ids]).exists()
            if in_use:
                result.portraits_kept.append((image.pk, image.title))
            else:
                result.portraits_deleted.append((image.pk, image.title))
                if not dry_run:
                    image.delete()

        result.events = sorted(event_ids)
        if not dry_run:
            _refresh_events(event_ids)
    return result


def _portraits(pages):
    """The images the person pages show or showed as the portrait, in any revision."""
    ids = {page.portrait_id for page in pages}
    for page in pages:
        revisions = Revision.objects.for_instance(page).values_list("content", flat=True)
        ids.update(content.get("portrait") for content in revisions)
    return list(get_image_model().objects.filter(pk__in=ids - {None}).order_by("pk"))


def _erase_person_translation_data(pages, result):
    """wagtail-localize's copies of the person page: their sources, segments and strings."""
    obj = _person_object(pages)
    if obj is None:
        return 0
    sources = list(obj.sources.all())
    string_ids = set(
        StringSegment.objects.filter(source__in=sources).values_list("string_id", flat=True)
    )
    shared = StringSegment.objects.filter(string_id__in=string_ids).exclude(source__in=sources)
    unused = string_ids - set(shared.values_list("string_id", flat=True))
    contexts = TranslationContext.objects.filter(object=obj)
    # Translations made for the person page, and of the strings only it used (the name, the
    # biography), while their contexts are still there (wagtail-localize reads them).
    StringTranslation.objects.filter(
        Q(context__in=contexts) | Q(translation_of__in=unused)
    ).delete()
    SegmentOverride.objects.filter(context__in=contexts).delete()
    for source in sources:
        source.delete()
    contexts.delete()
    result.strings = String.objects.filter(pk__in=unused).delete()[1].get(String._meta.label, 0)
    if not obj.references.exists():
        obj.delete()
    return len(sources)


def _refresh_events(event_ids):
    """Index and cache catch up with the events' new people; a CDN does where the site purges
    one (``events_changed``, which ``wagtail_events.frontend_cache`` follows)."""
    events = list(EventPage.objects.filter(pk__in=event_ids))
    for event in events:
        ReferenceIndex.create_or_update_for_object(event)
        bump_event_version(event.translation_key)
        model = type(event)
        if class_is_indexed(model):
            opts = model._meta
            insert_or_update_object_task.enqueue(opts.app_label, opts.model_name, str(event.pk))
    if events:
        events_changed.send(sender=EventPage, events=events)
