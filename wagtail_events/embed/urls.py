"""Mount with ``path("embed/", include("wagtail_events.embed.urls"))``, outside i18n_patterns."""

from django.urls import path

from . import views

app_name = "wagtail_events_embed"
urlpatterns = [
    path("events/", views.events, name="events"),
]
