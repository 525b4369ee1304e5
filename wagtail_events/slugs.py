"""The one rule for slugs the package makes from names: ASCII letters, digits and hyphens.

Norwegian and Sami letters take their usual ASCII spellings (ø → o, æ → ae, å → a, č → c), as
Norwegian addresses write them, rather than being dropped ("milj") or kept ("miljø", which
some host sites' URL handling and filter links mangle).
"""

from anyascii import anyascii
from django.utils.text import slugify


def slug_from_name(name, max_length=255):
    return slugify(anyascii(name or ""))[:max_length]
