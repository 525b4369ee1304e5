"""The example site's routes, plus Wagtail's stock pages API and bare JSON views to compare."""

from django.urls import path
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from example_project.urls import urlpatterns as site_urlpatterns

from . import views

# Wagtail's API v2 as it ships, without the project's optimised pages endpoint.
stock_router = WagtailAPIRouter("bench_stock_api")
stock_router.register_endpoint("pages", PagesAPIViewSet)

urlpatterns = [
    path("bench/v2-stock/", stock_router.urls),
    path("bench/json/", views.bare_json),
    path("bench/json/tiny/", views.tiny_json),
    *site_urlpatterns,
]
