"""Build the demo site in code: pages, snippets and their English (and Nynorsk) translations."""

import datetime
import os
import uuid
import zoneinfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale, Page, ReferenceIndex, Site
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from example_project.home import demo_content as content
from example_project.home.demo_content import Day, T
from example_project.home.models import HomePage
from wagtail_events.models import (
    EmbedProfile,
    EventIndexPage,
    EventOrganiser,
    EventPage,
    EventPerson,
    EventType,
    Organisation,
    PersonIndexPage,
    PersonPage,
    Topic,
    Venue,
)
from wagtail_events.slugs import slug_from_name
from wagtail_events.testing.publishing import add_page, deferred_indexing

OSLO = zoneinfo.ZoneInfo("Europe/Oslo")
DEMO_USERNAME = "admin"
# Printed after every run; this user exists only in the local demo database.
DEMO_PASSWORD = "demo-admin-password"  # noqa: S105


class Command(BaseCommand):
    help = (
        "Load the demo site: a Norwegian home page with its English translation, the "
        "Arendalsuka 2025 programme with the reference event, more events, people, "
        "organisations, venues, event types and topics, all translated into English with "
        "wagtail-localize, and a demo superuser. On a site with Nynorsk (nn) among its content "
        "languages, the reference event, the pages above it and the snippets it shows are "
        "translated into Nynorsk too. Safe to run again: what exists already (found by slug in "
        "Norwegian, and by translation for the translations) is kept as it is, and only what is "
        "missing is created. The Arendalsuka events have their real 2025 dates; the other "
        "events are dated relative to the day the command creates them (from 60 days before to "
        "60 days after), so the site always has past and upcoming events. Ends by printing how "
        "to log in to the admin, on the port in the PORT environment variable (default 8000)."
    )

    def handle(self, *args, **options):
        builder = DemoBuilder(today=datetime.datetime.now(OSLO).date())
        try:
            # Saving a translated page many times over would update both indexes each time:
            # the search index is filled once at the end, the reference index by the builder.
            with transaction.atomic(), deferred_indexing():
                builder.build()
                builder.index_references()
        except ValidationError as error:
            raise CommandError(f"{builder.current}: {error}") from error
        port = os.environ.get("PORT", "8000")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo loaded: {builder.created} objects created, {builder.kept} already there."
            )
        )
        others = ", ".join(
            f"{name} at /{code}/" for code, name in settings.WAGTAIL_CONTENT_LANGUAGES[1:]
        )
        self.stdout.write(f"Site:  http://127.0.0.1:{port}/  ({others})")
        self.stdout.write(f"Admin: http://127.0.0.1:{port}/admin/")
        if builder.user_created:
            self.stdout.write(f"Log in as “{DEMO_USERNAME}” with the password “{DEMO_PASSWORD}”.")
        else:
            self.stdout.write(
                f"Log in as “{DEMO_USERNAME}”. The user existed already, so its password was left "
                f"as it was (the demo sets “{DEMO_PASSWORD}”)."
            )
        self.stdout.write("These credentials are for this local demo only.")


class DemoBuilder:
    """Creates what is missing, translating each new object as soon as it exists.

    Translations come from ``demo_content``: every Norwegian string used is remembered with
    its English (and its Nynorsk, where it has one), and the translation of each extracted
    segment is looked up there. A string with no translation is a mistake in the content, so it
    stops the command.
    """

    def __init__(self, today):
        self.today = today
        # Norwegian text -> its translation, for each language translated into.
        self.texts = {"en": {}, "nn": {}}
        self.created = 0
        self.kept = 0
        self.user_created = False
        self.current = "setup"
        # Objects given an English translation in this run, for the reference index at the end.
        self.translated = []

    # Content helpers

    def nb(self, value):
        """The Norwegian of a ``T``, remembering its translations; other values pass through."""
        if not isinstance(value, T):
            return value
        for language, texts in self.texts.items():
            text = getattr(value, language)
            if text is None:
                continue
            known = texts.setdefault(value.nb, text)
            if known != text:
                raise CommandError(
                    f"“{value.nb}” has two translations into {language}: “{known}”, “{text}”."
                )
        return value.nb

    def rich_text(self, paragraphs):
        return "".join(f"<p>{escape(self.nb(paragraph))}</p>" for paragraph in paragraphs)

    def date(self, day):
        return self.today + datetime.timedelta(days=day.days) if isinstance(day, Day) else day

    def moment(self, day, clock):
        return datetime.datetime.combine(
            self.date(day), datetime.time.fromisoformat(clock), tzinfo=OSLO
        )

    def count(self, created):
        if created:
            self.created += 1
        else:
            self.kept += 1

    def index_references(self):
        """Add what this run translated, in every language, to the reference index (the admin's
        usage counts), which ``deferred_indexing`` leaves alone."""
        for instance in self.translated:
            for translation in instance.get_translations(inclusive=True):
                if isinstance(translation, Page):
                    translation = translation.specific
                ReferenceIndex.create_or_update_for_object(translation)

    # The build

    def build(self):
        self.nb_locale, _ = Locale.objects.get_or_create(language_code="nb")
        self.en_locale, _ = Locale.objects.get_or_create(language_code="en")
        # Nynorsk only where the site publishes in it (the example project's DEMO_NYNORSK).
        self.nn_locale = None
        if "nn" in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
            self.nn_locale, _ = Locale.objects.get_or_create(language_code="nn")
        self.user = self.demo_user()

        home = self.home_page()
        self.organisations = {
            slug: self.snippet(Organisation, slug, fields)
            for slug, fields in content.ORGANISATIONS.items()
        }
        self.venues = {
            slug: self.snippet(Venue, slug, fields) for slug, fields in content.VENUES.items()
        }
        self.event_types = {
            slug: self.snippet(EventType, slug, {"name": name})
            for slug, name in content.EVENT_TYPES.items()
        }
        self.topics = {
            slug: self.snippet(Topic, slug, {"name": name}) for slug, name in content.TOPICS.items()
        }

        people_index = self.index_page(home, PersonIndexPage, content.PEOPLE_INDEX)
        self.people = {
            slug: self.person_page(people_index, slug, fields)
            for slug, fields in content.PEOPLE.items()
        }

        events_index = self.index_page(home, EventIndexPage, content.EVENTS_INDEX)
        parents = {
            "events": events_index,
            "series": self.index_page(events_index, EventIndexPage, content.SERIES),
        }
        events = {
            event["title"].nb: self.event_page(parents[event["parent"]], event)
            for event in content.EVENTS
        }
        for slug, fields in content.EMBED_PROFILES.items():
            self.embed_profile(slug, fields)
        if self.nn_locale is not None:
            self.in_nynorsk(events[content.EVENTS[0]["title"].nb])

    def in_nynorsk(self, event):
        """The reference event in Nynorsk, with the pages above it and the snippets it shows,
        each translated as the English is: from the pages down, so each has its parent."""
        self.current = f"event “{event.title}” in Nynorsk"
        ancestors = event.get_ancestors().filter(depth__gt=1).specific()
        rows = list(event.event_people.all())
        organisations = {organiser.organisation for organiser in event.organisers.all()}
        organisations |= {row.organisation for row in rows if row.organisation}
        people = [row.person.specific for row in rows if row.person]
        organisations |= {person.organisation for person in people if person.organisation}
        snippets = [event.venue, event.event_type, *event.topics.all(), *organisations]
        for instance in [*ancestors, *sorted(snippets, key=lambda snippet: snippet.slug), event]:
            self.translate(instance, self.nn_locale)

    def demo_user(self):
        user_model = get_user_model()
        user = user_model.objects.filter(username=DEMO_USERNAME).first()
        if user is None:
            user = user_model.objects.create_superuser(
                DEMO_USERNAME, "admin@example.org", DEMO_PASSWORD
            )
            self.user_created = True
        return user

    def home_page(self):
        """The home page becomes the default site's root, replacing Wagtail's welcome page."""
        self.current = "home page"
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        placeholder = None
        if site is not None and not isinstance(site.root_page.specific, HomePage):
            placeholder = site.root_page
            if placeholder.specific_class is not Page or placeholder.get_children().exists():
                raise CommandError(
                    f"The default site's root page is “{placeholder.title}”, not Wagtail's "
                    "empty welcome page. Load the demo into a fresh database."
                )

        root = Page.get_first_root_node()
        home = self.find_child(root, HomePage, content.HOME["slug"])
        self.count(home is None)
        if home is None:
            home = self.add_page(
                root,
                HomePage(
                    title=self.nb(content.HOME["title"]),
                    intro=self.nb(content.HOME["intro"]),
                ),
                content.HOME["slug"],
            )
        else:
            self.nb(content.HOME["title"])
            self.nb(content.HOME["intro"])

        if site is None:
            Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
        elif site.root_page_id != home.pk:
            site.root_page = home
            site.save()
        if placeholder is not None:
            placeholder.delete()
        self.translate(home)
        return home

    # Snippets

    def snippet(self, model, slug, fields):
        self.current = f"{model._meta.verbose_name} “{slug}”"
        values = {name: self.nb(value) for name, value in fields.items()}
        instance = model.objects.filter(slug=slug, locale=self.nb_locale).first()
        self.count(instance is None)
        if instance is None:
            instance = model(slug=slug, locale=self.nb_locale, **values)
            instance.full_clean()
            instance.save()
        self.translate(instance)
        return instance

    def embed_profile(self, slug, fields):
        """A host site's widget settings: site configuration, so not translated."""
        self.current = f"embed profile “{slug}”"
        profile = EmbedProfile.objects.filter(slug=slug).first()
        self.count(profile is None)
        if profile is None:
            values = {**fields, "allowed_origins": "\n".join(fields["allowed_origins"])}
            values["organisers"] = [self.organisations[org] for org in fields["organisers"]]
            profile = EmbedProfile(slug=slug, **values)
            profile.full_clean()
            profile.save()
        return profile

    # Pages

    def find_child(self, parent, model, slug):
        """The Norwegian page at ``slug`` under ``parent``, checked to be of ``model``."""
        page = parent.get_children().filter(slug=self.nb(slug), locale=self.nb_locale).first()
        if page is None:
            return None
        page = page.specific
        if not isinstance(page, model):
            raise CommandError(
                f"“{page.url_path}” is a {page.specific_class.__name__}, not a {model.__name__}."
            )
        return page

    def add_page(self, parent, page, slug):
        page.slug = self.nb(slug)
        page.locale = self.nb_locale
        return add_page(parent, page, user=self.user)

    def get_or_add_page(self, parent, model, slug, build):
        """The existing page, or a new one from ``build()``; strings are remembered either way."""
        page = self.find_child(parent, model, slug)
        new_page = build()
        self.count(page is None)
        if page is None:
            page = self.add_page(parent, new_page, slug)
        self.translate(page)
        return page

    def index_page(self, parent, model, fields):
        self.current = f"index “{fields['slug'].nb}”"
        return self.get_or_add_page(
            parent,
            model,
            fields["slug"],
            lambda: model(title=self.nb(fields["title"]), intro=self.rich_text(fields["intro"])),
        )

    def person_page(self, parent, slug, fields):
        self.current = f"person “{slug}”"
        full_name = f"{fields['given_name']} {fields['family_name']}"

        def build():
            organisation = fields.get("organisation")
            return PersonPage(
                title=self.nb(content.same(full_name)),
                given_name=fields["given_name"],
                family_name=fields["family_name"],
                job_title=self.nb(fields["job_title"]),
                organisation=self.organisations[organisation] if organisation else None,
                bio=self.rich_text([fields["bio"]]) if fields.get("bio") else "",
                email=fields.get("email", ""),
                email_public=fields.get("email_public", False),
                phone=fields.get("phone", ""),
                phone_public=fields.get("phone_public", False),
            )

        return self.get_or_add_page(parent, PersonPage, content.same(slug), build)

    def event_page(self, parent, fields):
        self.current = f"event “{fields['title'].nb}”"
        slug = T(*(slug_from_name(title) if title else None for title in fields["title"]))
        return self.get_or_add_page(parent, EventPage, slug, lambda: self.build_event(fields))

    def build_event(self, fields):
        time = fields["time"]
        previous = fields.get("previous_start")
        page = EventPage(
            title=self.nb(fields["title"]),
            lead=self.nb(fields["lead"]),
            body=self.event_body(fields),
            start=self.moment(time["day"], time["start"]),
            end=self.moment(time["day"], time["end"]),
            previous_start=self.moment(previous, time["start"]) if previous else None,
            timezone="Europe/Oslo",
            venue=self.venues[fields["venue"]] if fields.get("venue") else None,
            attendance_mode=fields["attendance_mode"],
            livestream_url=fields.get("livestream_url", ""),
            recording_url=fields.get("recording_url", ""),
            status=fields.get("status", "scheduled"),
            status_note=self.nb(fields.get("status_note", "")),
            event_type=self.event_types[fields["event_type"]],
            topics=[self.topics[slug] for slug in fields["topics"]],
            registration_required=fields.get("registration_required", False),
            registration_url=fields.get("registration_url", ""),
            is_free=fields.get("is_free", True),
            price=self.nb(fields.get("price", "")),
            capacity=fields.get("capacity"),
            spoken_languages=fields.get("spoken_languages", []),
            hearing_loop=fields.get("hearing_loop"),
            sign_language_interpreting=fields.get("sign_language_interpreting", False),
            accessibility_note=self.nb(fields.get("accessibility_note", "")),
            organisers=[
                EventOrganiser(organisation=self.organisations[slug], sort_order=index)
                for index, slug in enumerate(fields["organisers"])
            ],
            event_people=[
                self.event_person(index, row) for index, row in enumerate(fields["people"])
            ],
        )
        return page

    def event_person(self, index, row):
        organisation = row["organisation"]
        event_person = EventPerson(
            locale=self.nb_locale,
            sort_order=index,
            person=self.people[row["person"]],
            role=row["role"],
            title=self.nb(row["title"] or ""),
            organisation=self.organisations[organisation] if organisation else None,
            phone=row.get("phone", ""),
            email=row.get("email", ""),
            contact_public=row.get("contact_public", False),
        )
        event_person.clean()
        return event_person

    def event_body(self, fields):
        blocks = []
        if fields.get("body"):
            blocks.append(self.block("rich_text", self.rich_text(fields["body"])))
        if fields.get("questions"):
            questions = fields["questions"]
            blocks.append(
                self.block(
                    "questions",
                    {
                        "heading": self.nb(questions["heading"]),
                        "questions": [
                            self.item(self.nb(question)) for question in questions["questions"]
                        ],
                    },
                )
            )
        if fields.get("agenda"):
            agenda = fields["agenda"]
            items = [
                self.item(
                    {
                        "start_time": item["start"],
                        "end_time": item["end"],
                        "title": self.nb(item["title"]),
                        "description": self.nb(item["description"] or ""),
                        "people": [self.item(self.people[slug].pk) for slug in item["people"]],
                    }
                )
                for item in agenda["items"]
            ]
            blocks.append(
                self.block("agenda", {"heading": self.nb(agenda["heading"]), "items": items})
            )
        return blocks

    @staticmethod
    def block(block_type, value):
        return {"type": block_type, "value": value, "id": str(uuid.uuid4())}

    @staticmethod
    def item(value):
        return {"type": "item", "value": value, "id": str(uuid.uuid4())}

    # Translation

    def translate(self, instance, locale=None):
        """Give ``instance`` a published translation, made with wagtail-localize: into
        ``locale``, English by default."""
        locale = locale or self.en_locale
        existing = instance.get_translation_or_none(locale)
        if existing is not None and getattr(existing, "live", True):
            return
        if instance not in self.translated:
            self.translated.append(instance)
        texts = self.texts[locale.language_code]
        source, _ = TranslationSource.update_or_create_from_instance(instance)
        translation, _ = Translation.objects.update_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        for segment in source.stringsegment_set.select_related("string", "context"):
            text = segment.string.as_value().render_text()
            if text not in texts:
                raise CommandError(f"{self.current}: no {locale.get_display_name()} for “{text}”.")
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": StringValue.from_plaintext(texts[text]).data,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                    "last_translated_by": self.user,
                },
            )
        if not isinstance(instance, Page):
            translation.save_target(user=self.user, publish=True)
            return
        # save_target would publish on commit, from a page object read before this run adds the
        # page's children; publishing that later would reset the tree. Publish now instead.
        translation.save_target(user=self.user, publish=False)
        target = instance.get_translation(locale)
        target.get_latest_revision().publish(user=self.user)
