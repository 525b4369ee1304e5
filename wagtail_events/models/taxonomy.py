"""Snippets shared by events: organisations, venues, event types and topics."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..slugs import slug_from_name


class SluggedSnippet(TranslatableMixin, models.Model):
    """A translatable snippet with a name and a slug that is unique within its locale."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=255,
        blank=True,
        help_text=_("Used in addresses and filters. Left blank, it is made from the name."),
    )

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale"),
    ]

    # A translation keeps its source's slug, so filters and addresses work in every language.
    override_translatable_fields = [SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.slug = self.slug or slug_from_name(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        super().clean()
        self.slug = self.slug or slug_from_name(self.name)
        if not self.slug:
            raise ValidationError({"name": _("The name needs at least one letter or digit.")})
        clash = type(self).objects.filter(slug=self.slug, locale_id=self.locale_id)
        # A translation shares its source's slug, so only other objects clash.
        clash = clash.exclude(translation_key=self.translation_key)
        if self.locale_id and clash.exists():
            raise ValidationError({"slug": _("Another entry in this language uses this slug.")})


class Organisation(index.Indexed, SluggedSnippet):
    short_name = models.CharField(
        _("short name"), max_length=64, blank=True, help_text=_("For example “NTNU”.")
    )
    url = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("url"),
        FieldPanel("logo"),
    ]

    search_fields = [
        *SluggedSnippet.search_fields,
        index.SearchField("short_name"),
        index.AutocompleteField("short_name"),
    ]

    api_fields = [APIField("name"), APIField("short_name"), APIField("slug"), APIField("url")]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="wagtail_events_organisation_slug_locale"
            )
        ]

    @classmethod
    def names_for_search(cls, ids):
        """Every name and short name of these organisations, in every language, as one text.

        Pages link to an organisation in one language; indexing all its names lets a visitor
        find the page by the name in theirs, or by "NTNU" as well as the full name.
        """
        ids = [pk for pk in ids if pk is not None]
        if not ids:
            return ""
        groups = cls.objects.filter(pk__in=ids).values("translation_key")
        names = cls.objects.filter(translation_key__in=groups).values_list("name", "short_name")
        return " ".join(sorted({name for pair in names for name in pair if name}))


def _coordinate_validators(limit, message):
    return [
        MinValueValidator(Decimal(-limit), message=message),
        MaxValueValidator(Decimal(limit), message=message),
    ]


class Venue(index.Indexed, SluggedSnippet):
    street_address = models.CharField(_("street address"), max_length=255, blank=True)
    postcode = models.CharField(_("postcode"), max_length=16, blank=True)
    city = models.CharField(_("city"), max_length=128, blank=True)
    country = models.CharField(_("country"), max_length=128, blank=True, default="Norge")
    country_code = models.CharField(
        _("country code"),
        max_length=2,
        default="NO",
        validators=[
            RegexValidator(r"^[A-Z]{2}$", _("Use the two capital letters of ISO 3166, e.g. NO."))
        ],
        help_text=_("Two letters, e.g. NO. Used by calendars and search engines."),
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=_coordinate_validators(90, _("Latitude must be between -90 and 90.")),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=_coordinate_validators(180, _("Longitude must be between -180 and 180.")),
    )
    wheelchair_accessible = models.BooleanField(_("wheelchair-accessible venue"), default=False)
    accessible_toilet = models.BooleanField(_("accessible toilet"), default=False)
    hearing_loop = models.BooleanField(_("hearing loop"), default=False)
    accessibility_note = models.TextField(_("accessibility note"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("postcode"), FieldPanel("city")]),
                FieldRowPanel([FieldPanel("country"), FieldPanel("country_code")]),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("wheelchair_accessible"),
                FieldPanel("accessible_toilet"),
                FieldPanel("hearing_loop"),
                FieldPanel("accessibility_note"),
            ],
            heading=_("Accessibility"),
            help_text=_("What the building offers. Each event starts from these and may differ."),
        ),
    ]

    search_fields = [
        *SluggedSnippet.search_fields,
        index.SearchField("street_address"),
        index.SearchField("city"),
        index.FilterField("city"),
    ]

    api_fields = [
        APIField("name"),
        APIField("slug"),
        APIField("street_address"),
        APIField("postcode"),
        APIField("city"),
        APIField("country"),
        APIField("country_code"),
        APIField("latitude"),
        APIField("longitude"),
    ]

    override_translatable_fields = [
        *SluggedSnippet.override_translatable_fields,
        SynchronizedField("street_address"),
        SynchronizedField("postcode"),
        SynchronizedField("country_code"),
    ]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="wagtail_events_venue_slug_locale"
            )
        ]

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            raise ValidationError({"longitude": _("Give both latitude and longitude, or neither.")})

    @property
    def address_lines(self):
        """The postal address as display lines, leaving out what is blank."""
        postcode_city = " ".join(part for part in (self.postcode, self.city) if part)
        return [line for line in (self.street_address, postcode_city, self.country) if line]


class EventType(index.Indexed, SluggedSnippet):
    description = RichTextField(_("description"), blank=True, features=["bold", "italic", "link"])

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]

    api_fields = [APIField("name"), APIField("slug")]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("event type")
        verbose_name_plural = _("event types")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="wagtail_events_eventtype_slug_locale"
            )
        ]


class Topic(index.Indexed, SluggedSnippet):
    panels = [FieldPanel("name"), FieldPanel("slug")]

    api_fields = [APIField("name"), APIField("slug")]

    class Meta(SluggedSnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(
                fields=["slug", "locale"], name="wagtail_events_topic_slug_locale"
            )
        ]
