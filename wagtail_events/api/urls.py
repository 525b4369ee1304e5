"""The events API's URLs, for a site that includes them: ``path("api/", include(...))``.

They are those of the package's own ``NinjaAPI`` (``views.api``), under its namespace,
``wagtail_events_api``. A site with a ``NinjaAPI`` of its own mounts ``views.router`` instead.
"""

from .views import api

urlpatterns, _app_name, app_name = api.urls
