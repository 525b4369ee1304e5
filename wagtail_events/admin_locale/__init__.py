"""Norwegian words for Wagtail's and wagtail-localize's admin, where their own catalogues have none.

An app of catalogues only: a site lists it in ``INSTALLED_APPS`` before ``wagtail_localize`` and
the ``wagtail`` apps, and Django's translation lookup then finds these words before theirs. The
site's own ``LOCALE_PATHS`` still come first. See docs/explanation/translation.md.
"""
