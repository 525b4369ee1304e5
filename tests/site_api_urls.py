"""A site with a NinjaAPI of its own, which mounts the events API's router under its own prefix,
besides the package's own API included at /api/ (``wagtail_events.api.urls``)."""

from django.urls import include, path
from ninja import NinjaAPI

from example_project.urls import urlpatterns as example_urlpatterns
from wagtail_events.api.views import add_exception_handlers, router

site_api = NinjaAPI(title="The site's API", version="2", urls_namespace="site_api")
add_exception_handlers(site_api)
site_api.add_router("/programme/", router)

urlpatterns = [
    path("site-api/", site_api.urls),
    path("api/", include("wagtail_events.api.urls")),
    # The example project's other URLs (its own mount of the package's API left out).
    *(pattern for pattern in example_urlpatterns if str(pattern.pattern) != "api/"),
]
