"""Export or erase what the site holds about one person: see docs/how-to/personal-data.md.

manage.py person_data export <slug-or-id> [--output FILE]
manage.py person_data erase <slug-or-id> --names keep|replace|remove [--dry-run]
"""

import json

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder

from ... import person_data as personal_data
from ...person_data import NAME_CHOICES


class Command(BaseCommand):
    help = (
        "Export (as JSON) or erase what the site holds about one person, named by the slug or "
        "page id of their person page in any language."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["export", "erase"])
        parser.add_argument("person", help="The slug or page id of the person page.")
        parser.add_argument(
            "--names",
            choices=NAME_CHOICES,
            help=(
                "erase: what events show instead of the person. keep: the name, title and "
                "organisation they had at the event; replace: 'Name withheld'; remove: the "
                "person's row goes. Required: it is the organisation's decision."
            ),
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="erase: say what would be erased, and change nothing.",
        )
        parser.add_argument("--output", help="export: write the JSON to this file.")

    def handle(self, *args, action, person, names=None, dry_run=False, output=None, **options):
        try:
            pages = personal_data.find_person(person)
        except personal_data.PersonNotFound:
            raise CommandError(
                f"No person page has the slug or id {person!r}. Give the slug or page id of the "
                "person page in any language. (A person who was erased has no page left: "
                "erasing them again has nothing to do.)"
            ) from None
        except personal_data.AmbiguousPerson as error:
            raise CommandError(f"{error} Give the page id instead.") from None
        if action == "export":
            self.export(pages, output)
        else:
            self.erase(pages, names, dry_run)

    def export(self, pages, output):
        text = json.dumps(
            personal_data.export(pages), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
        )
        if output:
            with open(output, "w", encoding="utf-8") as file:
                file.write(text + "\n")
            self.stderr.write(f"Wrote what the site holds about {pages[0].title} to {output}.")
        else:
            self.stdout.write(text)

    def erase(self, pages, names, dry_run):
        if names is None:
            raise CommandError(
                "Say what events show instead of the person: --names keep (the name, title and "
                "organisation they had at the event), --names replace ('Name withheld') or "
                "--names remove (their row goes). See docs/how-to/personal-data.md."
            )
        result = personal_data.erase(pages, names, dry_run=dry_run)
        write = self.stdout.write
        if dry_run:
            write(f"Would erase {pages[0].title} (dry run: nothing changed):")
        else:
            write(f"Erased {pages[0].title}:")
        for pk, language, title in result.pages:
            write(f"  delete person page {pk} ({language}): {title}")
        write(f"  delete {result.person_revisions} revision(s) of the person pages")
        write(
            f"  event rows: {result.rows_kept} keep the name, {result.rows_replaced} get "
            f"'Name withheld', {result.rows_removed} removed (contact persons always are); "
            f"phone, email and the link cleared in all"
        )
        write(f"  events changed: {', '.join(map(str, result.events)) or 'none'}")
        write(f"  scrub {result.event_revisions} event revision(s)")
        write(f"  scrub or delete {result.translation_sources} translation source(s)")
        if not dry_run:
            write(f"  delete {result.strings} translatable string(s) only the person page used")
        for pk, title in result.portraits_deleted:
            write(f"  delete portrait image {pk}: {title}")
        for pk, title in result.portraits_kept:
            write(f"  keep portrait image {pk}, used elsewhere: {title} (review it in the admin)")
        write(
            f"  keep the {result.history_entries} admin history entries of the person pages, "
            f"labelled {personal_data.ERASED_LABEL!r}"
        )
        if result.possible_matches:
            write(
                "Not changed, since they don't link the person page: event rows with the same "
                "name or email. Check them in the admin:"
            )
            for row in result.possible_matches:
                event = row["event"]
                write(
                    f"  event {event['id']} ({event['language']}) {event['title']}: {row['name']}"
                )
        write(
            "Still to do by hand, if you keep them: database backups, copies in a CDN or search "
            "service outside this database, and exports you made. See "
            "docs/how-to/personal-data.md."
        )
