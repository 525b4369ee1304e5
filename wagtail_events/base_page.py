"""The site's base page model: Wagtail's ``Page``, or the one a site swaps in with Wagtail 8's
``WAGTAIL_PAGE_MODEL``.

Code that queries pages of every type asks :func:`page_model` (inside functions: it needs the
models loaded); ``isinstance`` checks use ``AbstractPage``, the ancestor of every page model.
"""

import swapper

# Read WAGTAIL_PAGE_MODEL even when this app comes before wagtail in INSTALLED_APPS.
swapper.set_app_prefix("wagtailcore", "wagtail")


def page_model():
    return swapper.load_model("wagtailcore", "Page")
