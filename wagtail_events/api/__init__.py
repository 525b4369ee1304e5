"""The events API (django-ninja): an optional app (``wagtail_events.api``)."""
