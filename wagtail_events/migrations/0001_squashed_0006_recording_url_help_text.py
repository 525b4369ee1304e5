# The app's migrations 0001-0006 in one, without the pages, which moved to the
# wagtail_events_pages app (its 0001 keeps their tables). A database that ran 0001-0006 takes this
# as applied; a new one gets the snippets and embed profiles here.

import django.core.validators
import django.db.models.deletion
import modelcluster.fields
import modelsearch.index
import uuid
import wagtail.fields
import wagtail_events.models.embeds
from decimal import Decimal
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    replaces = [
        ("wagtail_events", "0001_initial"),
        ("wagtail_events", "0002_event_sequence"),
        ("wagtail_events", "0003_embed_profile"),
        ("wagtail_events", "0004_start_end_index"),
        ("wagtail_events", "0005_agenda_item_day"),
        ("wagtail_events", "0006_recording_url_help_text"),
    ]

    dependencies = [
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.CreateModel(
            name="Organisation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        blank=True,
                        help_text="Used in addresses and filters. Left blank, it is made from the name.",
                        max_length=255,
                        verbose_name="slug",
                    ),
                ),
                (
                    "short_name",
                    models.CharField(
                        blank=True,
                        help_text="For example “NTNU”.",
                        max_length=64,
                        verbose_name="short name",
                    ),
                ),
                ("url", models.URLField(blank=True, verbose_name="website")),
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
                    "logo",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="wagtailimages.image",
                        verbose_name="logo",
                    ),
                ),
            ],
            options={
                "verbose_name": "organisation",
                "verbose_name_plural": "organisations",
                "ordering": ["name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Topic",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        blank=True,
                        help_text="Used in addresses and filters. Left blank, it is made from the name.",
                        max_length=255,
                        verbose_name="slug",
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
            ],
            options={
                "verbose_name": "topic",
                "verbose_name_plural": "topics",
                "ordering": ["name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="EmbedProfile",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
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
                "ordering": ["name"],
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="Venue",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        blank=True,
                        help_text="Used in addresses and filters. Left blank, it is made from the name.",
                        max_length=255,
                        verbose_name="slug",
                    ),
                ),
                (
                    "street_address",
                    models.CharField(blank=True, max_length=255, verbose_name="street address"),
                ),
                ("postcode", models.CharField(blank=True, max_length=16, verbose_name="postcode")),
                ("city", models.CharField(blank=True, max_length=128, verbose_name="city")),
                (
                    "country",
                    models.CharField(
                        blank=True, default="Norge", max_length=128, verbose_name="country"
                    ),
                ),
                (
                    "country_code",
                    models.CharField(
                        default="NO",
                        help_text="Two letters, e.g. NO. Used by calendars and search engines.",
                        max_length=2,
                        validators=[
                            django.core.validators.RegexValidator(
                                "^[A-Z]{2}$", "Use the two capital letters of ISO 3166, e.g. NO."
                            )
                        ],
                        verbose_name="country code",
                    ),
                ),
                (
                    "latitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                Decimal("-90"), message="Latitude must be between -90 and 90."
                            ),
                            django.core.validators.MaxValueValidator(
                                Decimal("90"), message="Latitude must be between -90 and 90."
                            ),
                        ],
                        verbose_name="latitude",
                    ),
                ),
                (
                    "longitude",
                    models.DecimalField(
                        blank=True,
                        decimal_places=6,
                        max_digits=9,
                        null=True,
                        validators=[
                            django.core.validators.MinValueValidator(
                                Decimal("-180"), message="Longitude must be between -180 and 180."
                            ),
                            django.core.validators.MaxValueValidator(
                                Decimal("180"), message="Longitude must be between -180 and 180."
                            ),
                        ],
                        verbose_name="longitude",
                    ),
                ),
                (
                    "wheelchair_accessible",
                    models.BooleanField(default=False, verbose_name="wheelchair-accessible venue"),
                ),
                (
                    "accessible_toilet",
                    models.BooleanField(default=False, verbose_name="accessible toilet"),
                ),
                ("hearing_loop", models.BooleanField(default=False, verbose_name="hearing loop")),
                (
                    "accessibility_note",
                    models.TextField(blank=True, verbose_name="accessibility note"),
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
            ],
            options={
                "verbose_name": "venue",
                "verbose_name_plural": "venues",
                "ordering": ["name"],
                "abstract": False,
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.CreateModel(
            name="EventType",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("name", models.CharField(max_length=255, verbose_name="name")),
                (
                    "slug",
                    models.SlugField(
                        blank=True,
                        help_text="Used in addresses and filters. Left blank, it is made from the name.",
                        max_length=255,
                        verbose_name="slug",
                    ),
                ),
                (
                    "description",
                    wagtail.fields.RichTextField(blank=True, verbose_name="description"),
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
            ],
            options={
                "verbose_name": "event type",
                "verbose_name_plural": "event types",
                "ordering": ["name"],
                "abstract": False,
                "constraints": [
                    models.UniqueConstraint(
                        fields=("slug", "locale"), name="wagtail_events_eventtype_slug_locale"
                    )
                ],
                "unique_together": {("translation_key", "locale")},
            },
            bases=(modelsearch.index.Indexed, models.Model),
        ),
        migrations.AddConstraint(
            model_name="organisation",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="wagtail_events_organisation_slug_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="organisation",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="wagtail_events_topic_slug_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="topic",
            unique_together={("translation_key", "locale")},
        ),
        migrations.AddConstraint(
            model_name="venue",
            constraint=models.UniqueConstraint(
                fields=("slug", "locale"), name="wagtail_events_venue_slug_locale"
            ),
        ),
        migrations.AlterUniqueTogether(
            name="venue",
            unique_together={("translation_key", "locale")},
        ),
    ]
