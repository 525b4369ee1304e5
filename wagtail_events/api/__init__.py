"""The events API (django-ninja) and Wagtail API v2 endpoints."""
