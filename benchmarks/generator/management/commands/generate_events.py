"""Generate many fictional events, people and organisations, for benchmarks and load tests."""

import argparse
import io
import re
import time
import zoneinfo
from collections import Counter
from typing import NamedTuple

from django.core.files.images import ImageFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Site
from wagtail.signal_handlers import disable_reference_index_auto_update

from wagtail_events.base_page import page_model
from wagtail_events.caching import bump_content_version
from wagtail_events.conf import get_setting
from wagtail_events.models import (
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventPerson,
    EventType,
    Organisation,
    PersonIndexPage,
    PersonPage,
    Role,
    Topic,
    Venue,
)
from wagtail_events.testing.publishing import analyze, insert_pages

from ... import content
from ...content import SLUG_PREFIX, Counts, Text, in_language, numbered_slug

TRANSLATION_LANGUAGE = "en"
# What this command made: the two indexes, and numbered events, people and snippets. Other
# slugs that merely start with the prefix are left alone.
GENERATED_SLUG = re.compile(
    rf"^{SLUG_PREFIX}-(?:events$|people$|"
    r"(?P<kind>event|person|organisation|venue|type|topic)-(?P<number>\d+)(?:-|$))"
)
EVENTS_INDEX = (f"{SLUG_PREFIX}-events", Text("Syntetiske arrangementer", "Synthetic events"))
PEOPLE_INDEX = (f"{SLUG_PREFIX}-people", Text("Syntetiske personer", "Synthetic people"))
IMAGE_TITLE = "Synthetic event image {}"
IMAGE_TITLE_PATTERN = re.compile(r"^Synthetic event image \d+$")
SNIPPET_LABELS = {
    Organisation: "organisations",
    Venue: "venues",
    EventType: "event types",
    Topic: "topics",
}
# Objects built and inserted at a time: bounds memory, and the rows per INSERT stay within
# SQLite's limit on query parameters.
BATCH_SIZE = 500


class Command(BaseCommand):
    help = (
        "Generate fictional events with people, organisations, venues, event types, topics and "
        "images, all live and public, each with an English translation as wagtail-localize "
        "leaves one: an English page or snippet with its source's translation key, whose "
        "synchronised links point at the Norwegian objects (wagtail-localize's own translation "
        "records are not made, so editors edit the English pages directly). Pages are inserted "
        "in bulk, without revisions or search and reference index entries, so 10,000 events "
        "take minutes; run update_index afterwards if they must be searchable. Generated slugs "
        f"start with “{SLUG_PREFIX}-” and a number: running again adds only the numbers that "
        "are missing, and --clear removes everything generated first. The same --seed gives "
        "the same content, dated relative to the day of the run, from half a year back to a "
        "year ahead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--events", type=int, default=1000, help="How many events (default 1000)."
        )
        parser.add_argument(
            "--people", type=int, help="How many people (default: 3 for every 10 events)."
        )
        parser.add_argument(
            "--organisations",
            type=int,
            help="How many organisations (default: 1 for every 20 events).",
        )
        parser.add_argument(
            "--translate",
            action=argparse.BooleanOptionalAction,
            default=True,
            help="Give what this run creates English translations (default: yes).",
        )
        parser.add_argument(
            "--seed", default="wagtail-events", help="Makes the content (default: wagtail-events)."
        )
        parser.add_argument(
            "--parent",
            help="The event index to put the events in, by page id or by its path on the default "
            "site, e.g. /events/ (default: a “Synthetic events” index under the site's root).",
        )
        parser.add_argument("--clear", action="store_true", help="Remove generated content first.")

    def handle(self, *args, **options):
        events = options["events"]
        people = options["people"]
        if people is None:
            people = default_count(events, least=10, share=0.3)
        organisations = options["organisations"]
        if organisations is None:
            organisations = default_count(events, least=5, share=0.05)
        if min(events, people, organisations) < 0:
            raise CommandError("Counts cannot be negative.")
        if events and not (people and organisations):
            raise CommandError("Events need at least one person and one organisation.")

        started = time.perf_counter()
        generator = Generator(options["seed"], options["translate"])
        # Nothing this command makes gets reference index entries (most of it is inserted in
        # bulk), so neither saving nor deleting it needs Wagtail's update after every object.
        with transaction.atomic(), disable_reference_index_auto_update():
            if options["clear"]:
                removed = generator.clear()
                self.stdout.write(f"Removed {removed} generated objects and their details.")
            parent = generator.find_parent(options["parent"]) if options["parent"] else None
            generator.generate(events, people, organisations, parent)
            # Cached API, feed and widget responses no longer show what is published.
            bump_content_version()
            analyze()
        seconds = time.perf_counter() - started

        created = +generator.created  # leaves out the kinds with nothing created
        if not created:
            self.stdout.write(f"Nothing to add: it was all there already ({seconds:.1f} s).")
            return
        self.stdout.write(self.style.SUCCESS(f"Created in {seconds:.1f} s:"))
        for label in ("events", "people", "organisations", "venues", "event types", "topics"):
            if created[label]:
                self.stdout.write(
                    f"  {label}: {created[label]}, in English: {created[f'{label} in English']}"
                )
        if created["images"]:
            self.stdout.write(f"  images: {created['images']}")


def default_count(events, least, share):
    return max(least, round(events * share)) if events else 0


def numbered(queryset, kind, *fields):
    """The generated objects of ``kind`` in ``queryset``, by number, with ``fields`` loaded."""
    found = {}
    for obj in queryset.filter(slug__startswith=f"{SLUG_PREFIX}-{kind}-").only("slug", *fields):
        match = GENERATED_SLUG.match(obj.slug)
        if match and match["kind"] == kind:
            found[int(match["number"])] = obj
    return found


class Links(NamedTuple):
    """What events link to: ids of snippets and images by number, person pages by number."""

    organisations: list
    venues: list
    types: list
    topics: list
    images: list
    people: dict


class Generator:
    """Creates the numbered objects that are missing, and counts what it created."""

    def __init__(self, seed, translate):
        self.seed = seed
        self.source = Locale.get_default()
        self.target = None
        if translate:
            if self.source.language_code == TRANSLATION_LANGUAGE:
                raise CommandError("The default language is English already: use --no-translate.")
            self.target = Locale.objects.get_or_create(language_code=TRANSLATION_LANGUAGE)[0]
        self.timezone = zoneinfo.ZoneInfo(get_setting("DEFAULT_TIMEZONE"))
        self.created = Counter()

    def key(self, kind, number):
        """The translation key of object ``number``: the same for the same seed."""
        return content.uuid_from(content.rng_for(self.seed, f"{kind}-key", number))

    # Removing

    def clear(self):
        pages = page_model().objects.filter(slug__startswith=f"{SLUG_PREFIX}-")
        page_ids = [
            pk for pk, slug in pages.values_list("pk", "slug") if GENERATED_SLUG.match(slug)
        ]
        pages = page_model().objects.filter(pk__in=page_ids)
        # Wagtail unpublishes each live page it deletes, one at a time, and an index takes the
        # pages under it along: take them all offline at once instead.
        going = Q(pk__in=page_ids)
        for path in pages.filter(numchild__gt=0).values_list("path", flat=True):
            going |= Q(path__startswith=path)
        page_model().objects.filter(going).update(live=False)
        removed = pages.delete()[0]
        for model in (Organisation, Venue, EventType, Topic):
            snippets = model.objects.filter(slug__startswith=f"{SLUG_PREFIX}-")
            ids = [
                pk for pk, slug in snippets.values_list("pk", "slug") if GENERATED_SLUG.match(slug)
            ]
            try:
                removed += model.objects.filter(pk__in=ids).delete()[0]
            except ProtectedError as error:
                raise CommandError(
                    f"Pages that were not generated use generated {SNIPPET_LABELS[model]}: "
                    "change them first."
                ) from error
        images = get_image_model().objects.filter(title__startswith=IMAGE_TITLE.format(""))
        image_ids = [
            pk
            for pk, title in images.values_list("pk", "title")
            if IMAGE_TITLE_PATTERN.match(title)
        ]
        removed += get_image_model().objects.filter(pk__in=image_ids).delete()[0]
        return removed

    # Where the pages go

    def site_root(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            raise CommandError("There is no default site to add the pages to.")
        return site.root_page

    def find_parent(self, value):
        if value.isdigit():
            page = page_model().objects.filter(pk=int(value)).first()
        else:
            root = self.site_root()
            path = value.strip("/")
            url_path = f"{root.url_path}{path}/" if path else root.url_path
            page = page_model().objects.filter(url_path=url_path, locale=self.source).first()
        if page is None:
            raise CommandError(f"There is no page “{value}”.")
        page = page.specific
        if not isinstance(page, EventIndexPage):
            raise CommandError(f"“{page.title}” is not an event index.")
        if page.locale_id != self.source.pk:
            raise CommandError(f"“{page.title}” is not in the default language.")
        return page

    def translation_of(self, page, title=None):
        """The page's translation, copied and published the way Wagtail does if missing."""
        translation = page.get_translation_or_none(self.target)
        if translation is None:
            translation = page.copy_for_translation(self.target, copy_parents=True)
            if title is not None:
                translation.title = translation.draft_title = title
            translation.save_revision().publish()
            translation.refresh_from_db()
        return translation.specific

    def index_page(self, model, slug, title):
        """The generated index under the site's root, and its translation."""
        root = self.site_root()
        page = model.objects.child_of(root).filter(slug=slug, locale=self.source).first()
        if page is None:
            page = root.add_child(instance=model(title=title.nb, slug=slug, locale=self.source))
            page.save_revision().publish()
        return page, (self.translation_of(page, title.en) if self.target else None)

    # Making

    def generate(self, events, people, organisations, parent):
        organisation_ids = self.snippets(
            Organisation,
            "organisation",
            organisations,
            lambda n: content.organisation(self.seed, n),
        )
        person_pages = self.people(people, organisation_ids) if people else {}
        if not events:
            return
        venues = default_count(events, least=5, share=0.04)
        links = Links(
            organisations=organisation_ids,
            venues=self.snippets(Venue, "venue", venues, lambda n: content.venue(self.seed, n)),
            types=self.snippets(EventType, "type", len(content.EVENT_TYPES), content.event_type),
            topics=self.snippets(Topic, "topic", len(content.TOPICS), content.topic),
            images=self.images(),
            people=person_pages,
        )
        if parent is None:
            parent, parent_translation = self.index_page(EventIndexPage, *EVENTS_INDEX)
        else:
            parent_translation = self.translation_of(parent) if self.target else None
        self.events(events, parent, parent_translation, links)

    def snippets(self, model, kind, count, make):
        """Snippets 0 to ``count - 1`` (made by ``make(number)``); their ids by number."""
        existing = numbered(model.objects.filter(locale=self.source), kind)
        new, translations = [], []
        for number in range(count):
            if number in existing:
                continue
            fields = make(number)
            common = {
                "translation_key": self.key(kind, number),
                # A translation keeps its source's slug.
                "slug": numbered_slug(kind, number, fields["name"].nb),
            }
            new.append(model(locale=self.source, **common, **in_language(fields, "nb")))
            if self.target:
                translations.append(
                    model(locale=self.target, **common, **in_language(fields, "en"))
                )
        model.objects.bulk_create(new, batch_size=BATCH_SIZE)
        model.objects.bulk_create(translations, batch_size=BATCH_SIZE)
        label = SNIPPET_LABELS[model]
        self.created[label] += len(new)
        self.created[f"{label} in English"] += len(translations)
        existing = numbered(model.objects.filter(locale=self.source), kind)
        return [existing[number].pk for number in range(count)]

    def images(self):
        """A few pictures the events share, so outputs show images and their renditions."""
        model = get_image_model()
        ids = []
        for number, colour in enumerate(content.IMAGE_COLOURS, start=1):
            title = IMAGE_TITLE.format(number)
            image = model.objects.filter(title=title).first()
            if image is None:
                image = model(
                    title=title,
                    description=content.IMAGE_ALT,
                    file=ImageFile(picture(colour), name=f"synthetic-event-image-{number}.png"),
                )
                image.save()
                self.created["images"] += 1
            ids.append(image.pk)
        return ids

    def people(self, count, organisation_ids):
        index, index_translation = self.index_page(PersonIndexPage, *PEOPLE_INDEX)
        existing = numbered(PersonPage.objects.filter(locale=self.source), "person")
        for batch in batches(count):
            new, translations = [], []
            for number in batch:
                if number in existing:
                    continue
                fields = content.person(self.seed, number, len(organisation_ids))
                organisation = fields.pop("organisation")
                common = {
                    "translation_key": self.key("person", number),
                    "slug": numbered_slug("person", number, fields["title"].nb),
                    "organisation_id": None
                    if organisation is None
                    else organisation_ids[organisation],
                }
                new.append(PersonPage(locale=self.source, **common, **in_language(fields, "nb")))
                if self.target:
                    translations.append(
                        PersonPage(locale=self.target, **common, **in_language(fields, "en"))
                    )
            insert_pages(index, new)
            if translations:
                insert_pages(index_translation, translations)
            self.created["people"] += len(new)
            self.created["people in English"] += len(translations)
        return self.people_by_number(count)

    def people_by_number(self, count):
        """Person pages 0 to ``count - 1``, each with its ``job_titles`` by language."""
        people = numbered(
            PersonPage.objects.filter(locale=self.source),
            "person",
            *("translation_key", "given_name", "family_name", "job_title"),
            *("organisation_id", "phone", "email"),
        )
        english = {}
        if self.target:
            english = dict(
                PersonPage.objects.filter(locale=self.target).values_list(
                    "translation_key", "job_title"
                )
            )
        for person in people.values():
            person.job_titles = {
                "nb": person.job_title,
                "en": english.get(person.translation_key, person.job_title),
            }
        return {number: people[number] for number in range(count)}

    def events(self, count, parent, parent_translation, links):
        existing = numbered(EventPage.objects.filter(locale=self.source), "event")
        today = timezone.now().astimezone(self.timezone).date()
        counts = Counts(len(links.organisations), len(links.venues), len(links.people))
        person_ids = [links.people[number].pk for number in range(counts.people)]
        for batch in batches(count):
            new, translations = [], []
            for number in batch:
                if number in existing:
                    continue
                fields = content.event(
                    self.seed, number, today, counts, person_ids, links.images, self.timezone
                )
                key = self.key("event", number)
                new.append(self.event_page(fields, "nb", self.source, key, number, links))
                if self.target:
                    translations.append(
                        self.event_page(fields, "en", self.target, key, number, links)
                    )
            insert_pages(parent, [page for page, _relations in new])
            if translations:
                insert_pages(parent_translation, [page for page, _relations in translations])
            self.insert_event_relations([*new, *translations], links)
            self.created["events"] += len(new)
            self.created["events in English"] += len(translations)

    def event_page(self, fields, language, locale, key, number, links):
        """An unsaved event in ``language``, and what it links to (added once it is saved)."""
        values = in_language(fields, language)
        relations = {
            name: values.pop(name)
            for name in ("organisers", "topics", "people", "venue", "event_type")
        }
        page = EventPage(
            locale=locale,
            translation_key=key,
            slug=numbered_slug("event", number, values["title"]),
            timezone=self.timezone.key,
            venue_id=None if relations["venue"] is None else links.venues[relations["venue"]],
            event_type_id=links.types[relations["event_type"]],
            **values,
        )
        return page, relations

    def insert_event_relations(self, pages, links):
        topics = EventPage._meta.get_field("topics")
        through = topics.remote_field.through
        page_column, topic_column = (
            f"{topics.m2m_field_name()}_id",
            f"{topics.m2m_reverse_field_name()}_id",
        )
        organisers, topic_rows, people = [], [], []
        for page, relations in pages:
            organisers += [
                EventOrganiser(
                    page_id=page.pk,
                    organisation_id=links.organisations[number],
                    sort_order=position,
                )
                for position, number in enumerate(relations["organisers"])
            ]
            topic_rows += [
                through(**{page_column: page.pk, topic_column: links.topics[number]})
                for number in relations["topics"]
            ]
            language = page.locale.language_code
            people += [
                EventPerson(
                    page_id=page.pk,
                    locale_id=page.locale_id,
                    translation_key=row["key"],
                    sort_order=position,
                    role=row["role"],
                    contact_public=row.get("contact_public", False),
                    **person_details(row, links.people, language),
                )
                for position, row in enumerate(relations["people"])
            ]
        EventOrganiser.objects.bulk_create(organisers, batch_size=BATCH_SIZE)
        through.objects.bulk_create(topic_rows, batch_size=BATCH_SIZE)
        EventPerson.objects.bulk_create(people, batch_size=BATCH_SIZE)


def person_details(row, people, language):
    """What an editor's save copies from the person into the event (see ``fill_from_person``)."""
    if row["person"] is None:
        return {"name": row["name"], "phone": row["phone"], "email": row["email"]}
    person = people[row["person"]]
    contact = row["role"] == Role.CONTACT
    return {
        "person_id": person.pk,
        "name": person.full_name,
        "title": person.job_titles[language],
        "organisation_id": person.organisation_id,
        "phone": person.phone if contact else "",
        "email": person.email if contact else "",
    }


def batches(count):
    return (range(start, min(count, start + BATCH_SIZE)) for start in range(0, count, BATCH_SIZE))


def picture(colour):
    """A 1200 × 675 PNG of simple shapes on ``colour``."""
    image = PillowImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(image)
    draw.ellipse((700, 120, 1130, 550), fill="#f4f1de")
    draw.rectangle((90, 380, 520, 600), fill="#f2c14e")
    draw.polygon([(300, 80), (560, 420), (40, 420)], fill="#e07a5f")
    buffer = io.BytesIO()
    image.save(buffer, "PNG")
    return buffer
