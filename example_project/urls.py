from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from wagtail_events.api.views import api as events_api
from wagtail_events.sitemaps import Sitemap

from .api import api_router
from .home import views as home_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("api/", events_api.urls),
    # Every language's pages in one sitemap, outside the language prefixes.
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
]

# The widget, where the site has the embed app (wagtail_events.embed).
if apps.is_installed("wagtail_events.embed"):
    urlpatterns.append(path("embed/", include("wagtail_events.embed.urls")))

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Norwegian pages at /, English at /en/.
urlpatterns += i18n_patterns(
    path("search/", home_views.search, name="search"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
