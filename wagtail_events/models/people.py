"""People who take part in events, and the index that lists them."""

from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from ..blocks import LinkBlock
from ..i18n import person_links
from ..slugs import slug_from_name
from .taxonomy import Organisation


class PersonPageMixin(models.Model):
    """A person page's content: fields, panels, validation, and what the outputs read from it.

    If you swap Page, combine it with ``routes.PersonPageRoutesMixin`` and your base page model.
    """

    given_name = models.CharField(_("given name"), max_length=128)
    family_name = models.CharField(_("family name"), max_length=128)
    job_title = models.CharField(
        _("current title"),
        max_length=255,
        blank=True,
        help_text=_("Events copy this when the person is added, and keep it if it later changes."),
    )
    organisation = models.ForeignKey(
        "wagtail_events.Organisation",
        verbose_name=_("current organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    portrait = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("portrait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    bio = RichTextField(
        _("short biography"), blank=True, features=["bold", "italic", "link"], max_length=2000
    )
    email = models.EmailField(_("email"), blank=True)
    email_public = models.BooleanField(
        _("show email publicly"),
        default=False,
        help_text=_("Off by default: the address is only for editors unless you tick this."),
    )
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    phone_public = models.BooleanField(
        _("show phone publicly"),
        default=False,
        help_text=_("Off by default: the number is only for editors unless you tick this."),
    )
    links = StreamField([("link", LinkBlock())], verbose_name=_("links"), blank=True)

    content_panels = [
        FieldRowPanel([FieldPanel("given_name"), FieldPanel("family_name")], heading=_("Name")),
        FieldPanel("job_title"),
        FieldPanel("organisation"),
        FieldPanel("portrait"),
        FieldPanel("bio"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("email"), FieldPanel("email_public")]),
                FieldRowPanel([FieldPanel("phone"), FieldPanel("phone_public")]),
            ],
            heading=_("Contact"),
        ),
        FieldPanel("links"),
    ]

    search_fields = [
        index.SearchField("given_name"),
        index.SearchField("family_name"),
        index.AutocompleteField("family_name"),
        index.SearchField("job_title"),
        index.SearchField("bio"),
        # The organisation by every name in every language.
        index.SearchField("organisation_names"),
        # The read layer's publication dates, so public_pages(PersonPage) can be searched.
        index.FilterField("go_live_at"),
        index.FilterField("expire_at"),
    ]

    api_fields = [
        APIField("given_name"),
        APIField("family_name"),
        APIField("job_title"),
        APIField("bio"),
        APIField("public_email"),
        APIField("public_phone"),
        APIField("links"),
        # The organisation and the portrait are the package's API v2 endpoint's to add, in the
        # events API's shapes (wagtail_events.api_v2.fields).
    ]

    # Names, contact details and links are the same in every language; the title is translated.
    override_translatable_fields = [
        SynchronizedField("given_name"),
        SynchronizedField("family_name"),
        SynchronizedField("phone"),
        SynchronizedField("organisation"),
    ]

    class Meta:
        abstract = True

    @property
    def full_name(self):
        return " ".join(part for part in (self.given_name, self.family_name) if part)

    @cached_property
    def in_language(self):
        """What the person page links to, in its language: see ``i18n.PersonLinks``.

        The read floor gives it to the people it loads, all at once (``queries.load_people``);
        a person page loaded otherwise is resolved alone when first asked, by the same resolver.
        """
        (links,) = person_links([self])
        return links

    @cached_property
    def localized_organisation(self):
        return self.in_language.organisation

    def organisation_names(self):
        """The organisation's names in every language, for the search index."""
        return Organisation.names_for_search([self.organisation_id])

    @property
    def public_email(self):
        return self.email if self.email_public else ""

    @property
    def public_phone(self):
        return self.phone if self.phone_public else ""

    def full_clean(self, *args, **kwargs):
        # The page title is the name; keeping them in step here covers code and translations too.
        self._name_page()
        super().full_clean(*args, **kwargs)

    def minimal_clean(self):
        # What Wagtail checks instead of full_clean() when a draft is saved.
        self._name_page()
        super().minimal_clean()

    def _name_page(self):
        self.title = self.full_name or self.title
        # Wagtail would make a blank slug from the title by its own rule, which keeps "ø". Only
        # once the page has its place in the tree can the slug be told apart from its siblings'.
        base_slug = slug_from_name(self.title)
        if not self.slug and self.path and base_slug:
            self.slug = self._get_autogenerated_slug(base_slug)


class PersonIndexPageMixin(models.Model):
    """Lists the people who take part in events.

    If you swap Page, combine it with ``routes.PersonIndexPageRoutesMixin`` and your base page.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [FieldPanel("intro")]

    search_fields = [index.SearchField("intro")]

    api_fields = [APIField("intro")]

    class Meta:
        abstract = True
