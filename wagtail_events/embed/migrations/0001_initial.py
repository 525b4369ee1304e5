# The embed profiles, moved here from the wagtail_events app with their tables' names (the
# profiles' and their organisers' and topics'). On a database made before the move the tables
# and rows are there already: the model joins this app's state, its content type is relabelled
# (so permissions, search index entries, log entries and references keep pointing at it), and
# nothing is created. On a new database, or one whose tables were dropped, they are created.

import django.core.validators
import modelcluster.fields
import modelsearch.index
import wagtail_events.models.embeds
from django.db import migrations, models


MOVED = ["embedprofile"]


def relabel_content_types(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        if not ContentType.objects.filter(app_label="wagtail_events_embed", model=model).exists():
            ContentType.objects.filter(app_label="wagtail_events", model=model).update(
                app_label="wagtail_events_embed"
            )


def create_missing_tables(apps, schema_editor):
    existing = set(schema_editor.connection.introspection.table_names())
    for model in MOVED:
        model_class = apps.get_model("wagtail_events_embed", model)
        if model_class._meta.db_table not in existing:
            schema_editor.create_model(model_class)


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtail_events", "0007_embed_profile_moved"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="EmbedProfile",
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
                        ("name", models.CharField(max_length=255, verbose_name="name")),
                        (
                            "slug",
                            models.SlugField(
                                help_text="The host site uses it in the widget, e.g. profile=hemit.",
                                max_length=64,
                                unique=True,
                                verbose_name="slug",
                            ),
                        ),
                        (
                            "allowed_origins",
                            models.TextField(
                                blank=True,
                                help_text="The host sites that may embed the widget, one per line, e.g. https://www.hemit.no.",
                                validators=[wagtail_events.models.embeds.validate_origins],
                                verbose_name="allowed origins",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=wagtail_events.models.embeds.language_choices,
                                max_length=16,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "limit",
                            models.PositiveSmallIntegerField(
                                default=5,
                                validators=[
                                    django.core.validators.MinValueValidator(1),
                                    django.core.validators.MaxValueValidator(100),
                                ],
                                verbose_name="number of events",
                            ),
                        ),
                        (
                            "accent_colour",
                            models.CharField(
                                default="#005a9c",
                                max_length=7,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^#[0-9a-fA-F]{6}$",
                                        "Give the colour as # and six hexadecimal digits, e.g. #005a9c.",
                                    )
                                ],
                                verbose_name="accent colour",
                            ),
                        ),
                        (
                            "text_colour",
                            models.CharField(
                                default="#1a1a1a",
                                max_length=7,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^#[0-9a-fA-F]{6}$",
                                        "Give the colour as # and six hexadecimal digits, e.g. #005a9c.",
                                    )
                                ],
                                verbose_name="text colour",
                            ),
                        ),
                        (
                            "background_colour",
                            models.CharField(
                                default="#ffffff",
                                max_length=7,
                                validators=[
                                    django.core.validators.RegexValidator(
                                        "^#[0-9a-fA-F]{6}$",
                                        "Give the colour as # and six hexadecimal digits, e.g. #005a9c.",
                                    )
                                ],
                                verbose_name="background colour",
                            ),
                        ),
                        (
                            "organisers",
                            modelcluster.fields.ParentalManyToManyField(
                                blank=True,
                                help_text="Show only events by these organisers. None: every organiser.",
                                related_name="+",
                                to="wagtail_events.organisation",
                                verbose_name="organisers",
                            ),
                        ),
                        (
                            "topics",
                            modelcluster.fields.ParentalManyToManyField(
                                blank=True,
                                help_text="Show only events on these topics. None: every topic.",
                                related_name="+",
                                to="wagtail_events.topic",
                                verbose_name="topics",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "embed profile",
                        "verbose_name_plural": "embed profiles",
                        "db_table": "wagtail_events_embedprofile",
                        "ordering": ["name"],
                    },
                    bases=(modelsearch.index.Indexed, models.Model),
                ),
            ],
        ),
        migrations.RunPython(create_missing_tables, migrations.RunPython.noop),
        migrations.RunPython(relabel_content_types, migrations.RunPython.noop),
    ]
