"""The package's ready-made pages on Wagtail's default ``Page``: an app of their own.

Add ``"wagtail_events.pages"`` to ``INSTALLED_APPS`` after ``"wagtail_events"``. A site that
swaps Wagtail's base page (``WAGTAIL_PAGE_MODEL``) leaves it out and builds its own pages from
the mixins; see docs/explanation/swappable-base-page.md.
"""
