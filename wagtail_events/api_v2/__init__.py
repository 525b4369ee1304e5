"""Wagtail's API v2 for the package's pages: an optional app (``wagtail_events.api_v2``)."""
