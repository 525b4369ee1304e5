"""Which stored addresses the public outputs may offer as links.

Forms and blocks accept only web addresses, but code that saves without validating (a
snippet's ``save()``, a queryset ``update()``, raw StreamField data) could store a
``javascript:`` one. Pages, JSON-LD and calendars link an address only if this says so.
"""


def web_url(value):
    """``value`` if it is an http or https address, else None."""
    scheme = (value or "").partition(":")[0]
    return value if scheme.lower() in ("http", "https") and value == value.strip() else None
