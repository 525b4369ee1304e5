"""A sitemap of the site in every language, holding only what the read layer shows the public."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap

from .base_page import page_model
from .queries import public_pages


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap, for every language version of the site and only its public pages.

    Each language has its own page tree, so Wagtail's sitemap, which walks the site's root page,
    would list the default language alone.
    """

    def items(self):
        trees = Q()
        for root in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            trees |= Q(path__startswith=root.path)
        return (
            public_pages(page_model())
            .filter(trees)
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
