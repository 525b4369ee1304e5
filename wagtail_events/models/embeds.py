"""What an embed profile's fields accept: colours, origins, languages and the most events.

The profiles themselves are the ``wagtail_events.embed`` app's (``wagtail_events.embed.models``).
These stay in the core, which needs no embed app for them: the core's first migration names the
validators, and the events API allows as many events per page as a profile may ask for.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from ..origins import split_origins

COLOUR = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Give the colour as # and six hexadecimal digits, e.g. #005a9c.")
)
COLOUR_USES = ("accent", "text", "background")
# The most events one profile or request may ask for, as in the API.
MAX_LIMIT = 100


MIN_CONTRAST = 4.5


def _luminance(colour):
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first, second):
    """WCAG 2.1 contrast ratio of two #rrggbb colours."""
    lighter, darker = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def language_choices():
    return list(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES))


def default_language():
    """The site's default language, where it is a content language; else the first of them.

    A new profile starts on it, instead of an empty choice the editor must make first.
    """
    codes = [code for code, _name in language_choices()]
    return settings.LANGUAGE_CODE if settings.LANGUAGE_CODE in codes else codes[0]


def parse_origins(text):
    """The origins in ``text``, one a line, as browsers write them; lines that are none are
    left out (they can be stored only by code that skips validation)."""
    return split_origins((text or "").splitlines())[0]


def validate_origins(text):
    refused = split_origins((text or "").splitlines())[1]
    if refused:
        raise ValidationError(
            [
                ValidationError(
                    _(
                        "Not an origin (http:// or https://, a host name and, if needed, a "
                        "port; nothing more, e.g. https://www.hemit.no): “%(origin)s”"
                    ),
                    code="invalid_origin",
                    params={"origin": line},
                )
                for line in refused
            ]
        )
