"""Which of the texts the Norwegian admin shows are English, or, in Nynorsk, Bokmål.

One check for the browser walk of the editor's path (tests/browser/test_docs_screenshots.py)
and the screens checked from the rendered HTML (tests/test_admin_screens.py): the English
messages of Django, Wagtail, wagtail-localize and this package, and the short list of texts
that are allowed.
"""

import re
from functools import cache
from pathlib import Path

import django
import polib
import wagtail
import wagtail.admin
import wagtail_localize
from django.conf import settings
from django.utils import translation

import wagtail_events
import wagtail_events.admin_locale

# What the Norwegian admin may show that is also an English message of Django, Wagtail,
# wagtail-localize or this package: words that are the same in Norwegian, and the names the
# site gives its languages (WAGTAIL_CONTENT_LANGUAGES), which are its own content.
SAME_IN_NORWEGIAN = {"Status", "Person", "Moderator", "Type"}
# wagtail-localize 1.14's translation editor writes this screen-reader text in English in its
# JavaScript, past every catalogue: it is allowed there and nowhere else.
HARD_CODED_IN_TRANSLATION_EDITOR = {"More actions"}

_PLACEHOLDER = re.compile(r"%\([^)]+\)[sdif]|%[sdif]|\{[a-z_]*\}")


def catalogues(language):
    """The .po files of Django, Wagtail, wagtail-localize and this package in ``language``."""
    roots = [Path(module.__file__).parent for module in (django, wagtail, wagtail_localize)]
    roots.append(Path(wagtail_events.__file__).parent)
    for root in roots:
        yield from root.glob(f"**/locale/{language}/LC_MESSAGES/*.po")


@cache
def english_messages():
    """Every English message, as the exact texts and as patterns for those with placeholders.

    A placeholder matches any text, and a message with a space at either end (the rest is
    joined on in code) any text around it.
    Messages with markup are split into several text nodes and left out, as are those whose
    words are too short to tell from anything else.
    """
    exact, patterns = set(), []
    for path in catalogues("en"):
        for entry in polib.pofile(str(path)):
            for message in filter(None, (entry.msgid, entry.msgid_plural)):
                parts = [re.sub(r"\s+", " ", part) for part in _PLACEHOLDER.split(message)]
                if "<" in message or sum(c.isalpha() for c in "".join(parts)) < 4:
                    continue
                if len(parts) == 1 and message == message.strip():
                    exact.add(parts[0].strip())
                # One word and a placeholder ("Status %(status)s") matches Norwegian texts
                # that start with the same word: a pattern needs two words of its own.
                elif len(re.findall(r"[^\W\d_]+", "".join(parts))) >= 2:
                    pattern = ".+".join(re.escape(part) for part in parts)
                    patterns.append(f".*{pattern}.*" if len(parts) == 1 else pattern)
    return exact, re.compile("|".join(patterns))


@cache
def bokmal_fallbacks():
    """Bokmål texts of Wagtail and wagtail-localize that are no message's Nynorsk words.

    Wagtail has no Nynorsk catalogue, and Django falls back from a message a language lacks to
    the site's LANGUAGE_CODE: a Bokmål site would show these in its Nynorsk admin. A text named
    once, in the language active at the time, shows them too, though its message has Nynorsk
    words. Which words are Nynorsk is asked of Django's own merged catalogue, without its
    fallback.
    """
    catalogues_nn = (translation.trans_real.translation("nn"), javascript_catalogue("nn"))
    nynorsk_words = {words for nn in catalogues_nn for _, words in nn._catalog.items()}
    return {
        entry.msgstr
        for path in catalogues("nb")
        if "wagtail_events" not in path.parts
        for entry in polib.pofile(str(path))
        # A Bokmål word that is also the Nynorsk one of a message is Nynorsk too.
        if entry.msgstr and entry.msgstr not in nynorsk_words
    }


@cache
def javascript_catalogue(language):
    """The JavaScript catalogues the translation editor loads, in their order, the last winning:
    Wagtail's, wagtail-localize's, then this package's admin words (see its wagtail_hooks)."""
    apps = (wagtail.admin, wagtail_localize, wagtail_events.admin_locale)
    return translation.trans_real.DjangoTranslation(
        language,
        domain="djangojs",
        localedirs=[str(Path(app.__file__).parent / "locale") for app in apps],
    )


def untranslated(texts, language, in_translation_editor=False):
    """The ``texts`` that are English, or, in Nynorsk, Bokmål."""
    exact, patterns = english_messages()
    allowed = SAME_IN_NORWEGIAN | {str(name) for _, name in settings.WAGTAIL_CONTENT_LANGUAGES}
    if in_translation_editor:
        allowed |= HARD_CODED_IN_TRANSLATION_EDITOR
    found = []
    for text in texts:
        if text in allowed:
            continue
        if text in exact or patterns.fullmatch(text):
            found.append(text)
        elif language == "nn" and text in bokmal_fallbacks():
            found.append(f"{text} (Bokmål)")
    return found
