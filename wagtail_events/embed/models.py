"""Embed profiles: what one host site's widget shows, and which origins may show it."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.search import index

from ..models.embeds import (
    COLOUR,
    COLOUR_USES,
    MAX_LIMIT,
    MIN_CONTRAST,
    contrast_ratio,
    default_language,
    language_choices,
    parse_origins,
    validate_origins,
)


class EmbedProfile(index.Indexed, ClusterableModel):
    """A host site's widget settings, chosen with ``?profile=<slug>`` on the widget and API."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(
        _("slug"),
        max_length=64,
        unique=True,
        help_text=_("The host site uses it in the widget, e.g. profile=hemit."),
    )
    allowed_origins = models.TextField(
        _("allowed origins"),
        blank=True,
        validators=[validate_origins],
        help_text=_(
            "The host sites that may embed the widget, one per line, e.g. https://www.hemit.no."
        ),
    )
    organisers = ParentalManyToManyField(
        "wagtail_events.Organisation",
        verbose_name=_("organisers"),
        blank=True,
        related_name="+",
        help_text=_("Show only events by these organisers. None: every organiser."),
    )
    topics = ParentalManyToManyField(
        "wagtail_events.Topic",
        verbose_name=_("topics"),
        blank=True,
        related_name="+",
        help_text=_("Show only events on these topics. None: every topic."),
    )
    language = models.CharField(
        _("language"), max_length=16, choices=language_choices, default=default_language
    )
    limit = models.PositiveSmallIntegerField(
        _("number of events"),
        default=5,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LIMIT)],
    )
    accent_colour = models.CharField(
        _("accent colour"), max_length=7, default="#005a9c", validators=[COLOUR]
    )
    text_colour = models.CharField(
        _("text colour"), max_length=7, default="#1a1a1a", validators=[COLOUR]
    )
    background_colour = models.CharField(
        _("background colour"), max_length=7, default="#ffffff", validators=[COLOUR]
    )

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("slug")]),
        FieldPanel("allowed_origins"),
        MultiFieldPanel(
            [
                FieldPanel("organisers"),
                FieldPanel("topics"),
                FieldRowPanel([FieldPanel("language"), FieldPanel("limit")]),
            ],
            heading=_("Events shown"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("accent_colour"),
                        FieldPanel("text_colour"),
                        FieldPanel("background_colour"),
                    ]
                )
            ],
            heading=_("Colours"),
        ),
    ]

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("allowed_origins"),
    ]

    class Meta:
        # The table the core app made before the profiles had an app of their own.
        db_table = "wagtail_events_embedprofile"
        verbose_name = _("embed profile")
        verbose_name_plural = _("embed profiles")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        # The widget must stay readable (WCAG 2.1 AA asks 4.5:1 for text).
        errors = {}
        for name in ("text_colour", "accent_colour"):
            colours = (getattr(self, name), self.background_colour)
            if not all(COLOUR.regex.match(colour or "") for colour in colours):
                continue  # the field validators already say what is wrong
            ratio = contrast_ratio(*colours)
            if ratio < MIN_CONTRAST:
                errors[name] = _(
                    "Too little contrast with the background (%(ratio).1f:1); "
                    "text needs at least 4.5:1."
                ) % {"ratio": ratio}
        if errors:
            raise ValidationError(errors)

    @property
    def origins(self):
        return parse_origins(self.allowed_origins)

    def colours(self):
        """The colours by use (accent, text, background), as the API gives them.

        A stored value that is not a colour (saved by code that skips validation) gives way to
        the default, so it never reaches a style sheet.
        """
        colours = {}
        for use in COLOUR_USES:
            field = self._meta.get_field(f"{use}_colour")
            value = getattr(self, field.attname)
            valid = isinstance(value, str) and COLOUR.regex.fullmatch(value)
            colours[use] = value if valid else field.default
        return colours

    def css_properties(self):
        """The colours as the widget's CSS custom properties (name -> value)."""
        return {f"--we-{use}": colour for use, colour in self.colours().items()}
