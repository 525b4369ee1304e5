# The pages and their rows, moved here from the wagtail_events app with their tables' names.
# On a database made before the move the tables and rows are there already: the models join this
# app's state, their content types are relabelled (so pages, revisions and translations keep
# pointing at them), and nothing is created. On a new database the tables are created.

import django.db.models.deletion
import modelcluster.fields
import uuid
import wagtail.fields
import wagtail_events.models.events
import wagtail_events.routes
from django.db import migrations, models

MOVED = [
    "eventindexpage",
    "personindexpage",
    "eventpage",
    "eventorganiser",
    "personpage",
    "eventperson",
]


def relabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="wagtail_events_pages", model=model).exists():
            ContentType.objects.filter(app_label="wagtail_events", model=model).update(
                app_label="wagtail_events_pages"
            )


def create_missing_tables(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for model in MOVED:
        model_class = apps.get_model("wagtail_events_pages", model)
        if model_class._meta.db_table not in existing:
            schema_editor.create_model(model_class)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtail_events", "0001_squashed_0006_recording_url_help_text"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EventIndexPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        (
                            "intro",
                            wagtail.fields.RichTextField(blank=True, verbose_name="introduction"),
                        ),
                    ],
                    options={
                        "verbose_name": "event index",
                        "verbose_name_plural": "event indexes",
                        "db_table": "wagtail_events_eventindexpage",
                    },
                    bases=(
                        wagtail_events.routes.EventIndexPageRoutesMixin,
                        "wagtailcore.page",
                        models.Model,
                    ),
                ),
                migrations.CreateModel(
                    name="PersonIndexPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        (
                            "intro",
                            wagtail.fields.RichTextField(blank=True, verbose_name="introduction"),
                        ),
                    ],
                    options={
                        "verbose_name": "person index",
                        "verbose_name_plural": "person indexes",
                        "db_table": "wagtail_events_personindexpage",
                    },
                    bases=(
                        wagtail_events.routes.PersonIndexPageRoutesMixin,
                        "wagtailcore.page",
                        models.Model,
                    ),
                ),
                migrations.CreateModel(
                    name="EventPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        (
                            "lead",
                            models.TextField(
                                help_text="One or two sentences: what the event is about.",
                                max_length=600,
                                verbose_name="lead",
                            ),
                        ),
                        (
                            "body",
                            wagtail.fields.StreamField(
                                [
                                    ("rich_text", 0),
                                    ("questions", 4),
                                    ("agenda", 15),
                                    ("image", 18),
                                    ("quote", 21),
                                    ("video", 24),
                                    ("call_to_action", 28),
                                ],
                                blank=True,
                                block_lookup={
                                    0: (
                                        "wagtail.blocks.RichTextBlock",
                                        (),
                                        {
                                            "description": "Paragraphs, headings, lists and links.",
                                            "features": [
                                                "h2",
                                                "h3",
                                                "bold",
                                                "italic",
                                                "link",
                                                "ol",
                                                "ul",
                                            ],
                                            "icon": "pilcrow",
                                            "label": "Text",
                                            "preview_value": "<p>The panel brings together people who build and use the services.</p>",
                                            "template": "wagtail_events/blocks/rich_text.html",
                                        },
                                    ),
                                    1: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "For example “In this debate we ask:”.",
                                            "label": "Heading",
                                            "max_length": 255,
                                            "required": False,
                                        },
                                    ),
                                    2: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Question", "max_length": 500},
                                    ),
                                    3: (
                                        "wagtail.blocks.ListBlock",
                                        (2,),
                                        {"label": "Questions", "min_num": 1},
                                    ),
                                    4: (
                                        "wagtail.blocks.StructBlock",
                                        [[("heading", 1), ("questions", 3)]],
                                        {},
                                    ),
                                    5: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Heading", "max_length": 255, "required": False},
                                    ),
                                    6: (
                                        "wagtail.blocks.DateBlock",
                                        (),
                                        {
                                            "help_text": "For events over several days. Leave it blank for an item on the same day as the one before.",
                                            "label": "Day",
                                            "required": False,
                                        },
                                    ),
                                    7: ("wagtail.blocks.TimeBlock", (), {"label": "Starts"}),
                                    8: (
                                        "wagtail.blocks.TimeBlock",
                                        (),
                                        {"label": "Ends", "required": False},
                                    ),
                                    9: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Title", "max_length": 255},
                                    ),
                                    10: (
                                        "wagtail.blocks.TextBlock",
                                        (),
                                        {"label": "Description", "required": False},
                                    ),
                                    11: (
                                        "wagtail.blocks.PageChooserBlock",
                                        (),
                                        {
                                            "label": "Person",
                                            "page_type": ["wagtail_events_pages.PersonPage"],
                                        },
                                    ),
                                    12: (
                                        "wagtail.blocks.ListBlock",
                                        (11,),
                                        {"default": [], "label": "People"},
                                    ),
                                    13: (
                                        "wagtail.blocks.StructBlock",
                                        [
                                            [
                                                ("day", 6),
                                                ("start_time", 7),
                                                ("end_time", 8),
                                                ("title", 9),
                                                ("description", 10),
                                                ("people", 12),
                                            ]
                                        ],
                                        {},
                                    ),
                                    14: (
                                        "wagtail.blocks.ListBlock",
                                        (13,),
                                        {"label": "Items", "min_num": 1},
                                    ),
                                    15: (
                                        "wagtail.blocks.StructBlock",
                                        [[("heading", 5), ("items", 14)]],
                                        {},
                                    ),
                                    16: (
                                        "wagtail.images.blocks.ImageBlock",
                                        [],
                                        {"label": "Image"},
                                    ),
                                    17: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Caption", "max_length": 500, "required": False},
                                    ),
                                    18: (
                                        "wagtail.blocks.StructBlock",
                                        [[("image", 16), ("caption", 17)]],
                                        {},
                                    ),
                                    19: ("wagtail.blocks.TextBlock", (), {"label": "Quote"}),
                                    20: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "label": "Attribution",
                                            "max_length": 255,
                                            "required": False,
                                        },
                                    ),
                                    21: (
                                        "wagtail.blocks.StructBlock",
                                        [[("quote", 19), ("attribution", 20)]],
                                        {},
                                    ),
                                    22: (
                                        "wagtail.embeds.blocks.EmbedBlock",
                                        (),
                                        {
                                            "help_text": "A YouTube or Vimeo address.",
                                            "label": "Video address",
                                        },
                                    ),
                                    23: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {
                                            "help_text": "Names the video for screen-reader users.",
                                            "label": "Title",
                                            "max_length": 255,
                                        },
                                    ),
                                    24: (
                                        "wagtail.blocks.StructBlock",
                                        [[("video", 22), ("title", 23)]],
                                        {},
                                    ),
                                    25: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Link text", "max_length": 120},
                                    ),
                                    26: (
                                        "wagtail.blocks.PageChooserBlock",
                                        (),
                                        {"label": "Page", "required": False},
                                    ),
                                    27: (
                                        "wagtail.blocks.URLBlock",
                                        (),
                                        {"label": "Or an address", "required": False},
                                    ),
                                    28: (
                                        "wagtail.blocks.StructBlock",
                                        [[("text", 25), ("page", 26), ("url", 27)]],
                                        {},
                                    ),
                                },
                                verbose_name="body",
                            ),
                        ),
                        ("start", models.DateTimeField(verbose_name="starts")),
                        ("end", models.DateTimeField(verbose_name="ends")),
                        (
                            "timezone",
                            models.CharField(
                                choices=wagtail_events.models.events.timezone_choices,
                                default=wagtail_events.models.events.default_timezone,
                                help_text="Start and end are entered in this time zone.",
                                max_length=64,
                                verbose_name="time zone",
                            ),
                        ),
                        (
                            "all_day",
                            models.BooleanField(
                                default=False,
                                help_text="Only the dates are shown; the times are ignored.",
                                verbose_name="all day",
                            ),
                        ),
                        (
                            "attendance_mode",
                            models.CharField(
                                choices=[
                                    ("in_person", "In person"),
                                    ("online", "Online"),
                                    ("mixed", "In person and online"),
                                ],
                                default="in_person",
                                max_length=16,
                                verbose_name="attendance",
                            ),
                        ),
                        (
                            "livestream_url",
                            models.URLField(blank=True, verbose_name="livestream link"),
                        ),
                        (
                            "recording_url",
                            models.URLField(
                                blank=True,
                                help_text="Shown on the event page, in calendars and to search engines once the event is over.",
                                verbose_name="recording link",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("scheduled", "Scheduled"),
                                    ("cancelled", "Cancelled"),
                                    ("postponed", "Postponed"),
                                    ("rescheduled", "Rescheduled"),
                                    ("moved_online", "Moved online"),
                                ],
                                default="scheduled",
                                max_length=16,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "status_note",
                            models.TextField(
                                blank=True,
                                help_text="Shown with the status, e.g. why the event was cancelled or where it moved.",
                                verbose_name="status note",
                            ),
                        ),
                        (
                            "previous_start",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="previous start"
                            ),
                        ),
                        (
                            "sequence",
                            models.PositiveIntegerField(
                                default=0, verbose_name="calendar sequence"
                            ),
                        ),
                        (
                            "registration_required",
                            models.BooleanField(
                                default=False, verbose_name="registration required"
                            ),
                        ),
                        (
                            "registration_url",
                            models.URLField(blank=True, verbose_name="registration link"),
                        ),
                        (
                            "is_free",
                            models.BooleanField(default=True, verbose_name="free admission"),
                        ),
                        (
                            "price",
                            models.CharField(
                                blank=True,
                                help_text="For example “NOK 200, students free”.",
                                max_length=255,
                                verbose_name="price",
                            ),
                        ),
                        (
                            "capacity",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="capacity"
                            ),
                        ),
                        (
                            "spoken_languages",
                            wagtail_events.models.events.SpokenLanguagesField(
                                blank=True, default=list, verbose_name="languages spoken"
                            ),
                        ),
                        (
                            "wheelchair_accessible",
                            models.BooleanField(
                                blank=True, null=True, verbose_name="wheelchair-accessible venue"
                            ),
                        ),
                        (
                            "accessible_toilet",
                            models.BooleanField(
                                blank=True, null=True, verbose_name="accessible toilet"
                            ),
                        ),
                        (
                            "hearing_loop",
                            models.BooleanField(blank=True, null=True, verbose_name="hearing loop"),
                        ),
                        (
                            "sign_language_interpreting",
                            models.BooleanField(
                                default=False, verbose_name="sign-language interpreting"
                            ),
                        ),
                        (
                            "accessibility_note",
                            models.TextField(blank=True, verbose_name="accessibility note"),
                        ),
                        (
                            "event_type",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtail_events.eventtype",
                                verbose_name="event type",
                            ),
                        ),
                        (
                            "image",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailimages.image",
                                verbose_name="image",
                            ),
                        ),
                        (
                            "topics",
                            modelcluster.fields.ParentalManyToManyField(
                                blank=True,
                                related_name="+",
                                to="wagtail_events.topic",
                                verbose_name="topics",
                            ),
                        ),
                        (
                            "venue",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtail_events.venue",
                                verbose_name="venue",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "event",
                        "verbose_name_plural": "events",
                        "db_table": "wagtail_events_eventpage",
                    },
                    bases=(
                        wagtail_events.routes.EventPageRoutesMixin,
                        "wagtailcore.page",
                        models.Model,
                    ),
                ),
                migrations.CreateModel(
                    name="EventOrganiser",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "organisation",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtail_events.organisation",
                                verbose_name="organisation",
                            ),
                        ),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="organisers",
                                to="wagtail_events_pages.eventpage",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "organiser",
                        "verbose_name_plural": "organisers",
                        "db_table": "wagtail_events_eventorganiser",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.CreateModel(
                    name="PersonPage",
                    fields=[
                        (
                            "page_ptr",
                            models.OneToOneField(
                                auto_created=True,
                                on_delete=django.db.models.deletion.CASCADE,
                                parent_link=True,
                                primary_key=True,
                                serialize=False,
                                to="wagtailcore.page",
                            ),
                        ),
                        ("given_name", models.CharField(max_length=128, verbose_name="given name")),
                        (
                            "family_name",
                            models.CharField(max_length=128, verbose_name="family name"),
                        ),
                        (
                            "job_title",
                            models.CharField(
                                blank=True,
                                help_text="Events copy this when the person is added, and keep it if it later changes.",
                                max_length=255,
                                verbose_name="current title",
                            ),
                        ),
                        (
                            "bio",
                            wagtail.fields.RichTextField(
                                blank=True, max_length=2000, verbose_name="short biography"
                            ),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="email"),
                        ),
                        (
                            "email_public",
                            models.BooleanField(
                                default=False,
                                help_text="Off by default: the address is only for editors unless you tick this.",
                                verbose_name="show email publicly",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=32, verbose_name="phone"),
                        ),
                        (
                            "phone_public",
                            models.BooleanField(
                                default=False,
                                help_text="Off by default: the number is only for editors unless you tick this.",
                                verbose_name="show phone publicly",
                            ),
                        ),
                        (
                            "links",
                            wagtail.fields.StreamField(
                                [("link", 2)],
                                blank=True,
                                block_lookup={
                                    0: (
                                        "wagtail.blocks.CharBlock",
                                        (),
                                        {"label": "Label", "max_length": 120},
                                    ),
                                    1: ("wagtail.blocks.URLBlock", (), {"label": "Address"}),
                                    2: (
                                        "wagtail.blocks.StructBlock",
                                        [[("label", 0), ("url", 1)]],
                                        {},
                                    ),
                                },
                                verbose_name="links",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtail_events.organisation",
                                verbose_name="current organisation",
                            ),
                        ),
                        (
                            "portrait",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtailimages.image",
                                verbose_name="portrait",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "person",
                        "verbose_name_plural": "people",
                        "db_table": "wagtail_events_personpage",
                    },
                    bases=(
                        wagtail_events.routes.PersonPageRoutesMixin,
                        "wagtailcore.page",
                        models.Model,
                    ),
                ),
                migrations.CreateModel(
                    name="EventPerson",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                        ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                        (
                            "role",
                            models.CharField(
                                choices=wagtail_events.models.events.role_choices,
                                default="participant",
                                max_length=32,
                                verbose_name="role",
                            ),
                        ),
                        (
                            "name",
                            models.CharField(
                                blank=True,
                                help_text="Filled in from the person. Give it yourself only for someone without a page.",
                                max_length=255,
                                verbose_name="name",
                            ),
                        ),
                        (
                            "title",
                            models.CharField(
                                blank=True,
                                help_text="Left blank, the person's current title is copied in when you save.",
                                max_length=255,
                                verbose_name="title at the event",
                            ),
                        ),
                        (
                            "phone",
                            models.CharField(blank=True, max_length=32, verbose_name="phone"),
                        ),
                        (
                            "email",
                            models.EmailField(blank=True, max_length=254, verbose_name="email"),
                        ),
                        (
                            "contact_public",
                            models.BooleanField(
                                default=False,
                                help_text="Off by default. Tick it only if the person agreed to be reached publicly.",
                                verbose_name="show phone and email on this event",
                            ),
                        ),
                        (
                            "locale",
                            models.ForeignKey(
                                editable=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtailcore.locale",
                                verbose_name="locale",
                            ),
                        ),
                        (
                            "organisation",
                            models.ForeignKey(
                                blank=True,
                                help_text="Left blank, the person's current organisation is copied in when you save.",
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to="wagtail_events.organisation",
                                verbose_name="organisation at the event",
                            ),
                        ),
                        (
                            "page",
                            modelcluster.fields.ParentalKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="event_people",
                                to="wagtail_events_pages.eventpage",
                            ),
                        ),
                        (
                            "person",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="event_roles",
                                to="wagtail_events_pages.personpage",
                                verbose_name="person",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "person in the event",
                        "verbose_name_plural": "people in the event",
                        "db_table": "wagtail_events_eventperson",
                        "ordering": ["sort_order"],
                        "abstract": False,
                    },
                ),
                migrations.AddIndex(
                    model_name="eventpage",
                    index=models.Index(
                        fields=["start", "end"], name="wagtail_events_start_end_idx"
                    ),
                ),
                migrations.AddIndex(
                    model_name="eventpage",
                    index=models.Index(fields=["end"], name="wagtail_events_end_idx"),
                ),
                migrations.AddIndex(
                    model_name="eventpage",
                    index=models.Index(fields=["status"], name="wagtail_events_status_idx"),
                ),
                migrations.AlterUniqueTogether(
                    name="eventperson",
                    unique_together={("translation_key", "locale")},
                ),
            ],
        ),
        migrations.RunPython(create_missing_tables, migrations.RunPython.noop),
        migrations.RunPython(relabel_content_types, migrations.RunPython.noop),
    ]
