"""CDN purges through Wagtail's frontend cache (``wagtail.contrib.frontend_cache``)."""
