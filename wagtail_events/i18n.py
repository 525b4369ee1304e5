"""Showing linked objects in the language of the page that links to them."""


def in_locale(obj, locale):
    """The object's translation in ``locale``, or the object itself when it has none yet.

    Links on translated pages are synchronised, so they point at source-language objects.
    """
    if obj is None or obj.locale_id == locale.pk:
        return obj
    return obj.get_translation_or_none(locale) or obj
