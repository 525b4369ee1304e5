"""The example site's routes, plus Wagtail's stock pages API and bare JSON views to compare."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from example_project.urls import urlpatterns as site_urlpatterns
from wagtail_events.api_v2.views import EventFieldsMixin

from . import views


class StockPagesAPIViewSet(EventFieldsMixin, PagesAPIViewSet):
    """Wagtail's pages endpoint as it loads pages, giving the package's related fields."""


# Wagtail's API v2 as it ships, without the project's optimised pages endpoint.
stock_router = WagtailAPIRouter("bench_stock_api")
stock_router.register_endpoint("pages", StockPagesAPIViewSet)

urlpatterns = [
    path("bench/v2-stock/", stock_router.urls),
    path("bench/json/", views.bare_json),
    path("bench/json/tiny/", views.tiny_json),
    *site_urlpatterns,
]
