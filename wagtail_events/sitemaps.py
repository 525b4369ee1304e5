"""A sitemap of the site in every language, holding only what the read layer shows the public."""

from django.db.models import Q
from django.utils import timezone
from wagtail.contrib.sitemaps import Sitemap as WagtailSitemap
from wagtail.models import Page

from .queries import public_pages


def within_publication_dates(page, now=None):
    """Whether a page already in hand has gone live and not yet expired.

    The dates :func:`~wagtail_events.queries.public_pages` filters on. Wagtail leaves a page live
    past its expiry date until the ``publish_scheduled`` command runs.
    """
    now = now or timezone.now()
    has_gone_live = page.go_live_at is None or page.go_live_at <= now
    return has_gone_live and (page.expire_at is None or page.expire_at > now)


class Sitemap(WagtailSitemap):
    """Wagtail's sitemap, for every language version of the site and only its public pages.

    Each language has its own page tree, so Wagtail's sitemap, which walks the site's root page,
    would list the default language alone.
    """

    def items(self):
        trees = Q()
        for root in self.get_wagtail_site().root_page.get_translations(inclusive=True):
            trees |= Q(path__startswith=root.path)
        return public_pages(Page).filter(trees).order_by("path").defer_streamfields().specific()
