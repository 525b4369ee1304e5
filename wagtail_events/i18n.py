"""Showing linked objects in the language of the page that links to them."""


def in_locale(obj, locale):
    """The object's translation in ``locale`` (a Locale or its id), or the object itself.

    Links on translated pages are synchronised, so they point at source-language objects.
    """
    locale_id = getattr(locale, "pk", locale)
    if obj is None or obj.locale_id == locale_id:
        return obj
    return obj.get_translation_or_none(locale_id) or obj
