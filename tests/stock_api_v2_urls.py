"""A site that registers Wagtail's own API v2 pages endpoint, not the package's, at /api/v2/."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from example_project.urls import urlpatterns as example_urlpatterns

stock_router = WagtailAPIRouter("stockapi")
stock_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("api/v2/", stock_router.urls),
    *(pattern for pattern in example_urlpatterns if str(pattern.pattern) != "api/v2/"),
]
