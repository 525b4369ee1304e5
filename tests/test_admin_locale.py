"""The package's Norwegian words for Wagtail and wagtail-localize reach the admin, and only
where those packages have none."""

from pathlib import Path

import polib
import pytest
import wagtail
import wagtail_localize
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import translation
from wagtail.users.models import UserProfile

import wagtail_events.admin_locale
from wagtail_events.admin_locale.apps import NAME, check_position, misplaced

CATALOGUES = Path(wagtail_events.admin_locale.__file__).parent / "locale"
UPSTREAM = [Path(wagtail.__file__).parent, Path(wagtail_localize.__file__).parent]


def entries(language, domain):
    return polib.pofile(str(CATALOGUES / language / "LC_MESSAGES" / f"{domain}.po"))


def upstream(language, domain):
    """Wagtail's and wagtail-localize's own entries in ``language``, by message."""
    found = {}
    for root in UPSTREAM:
        for path in root.glob(f"**/locale/{language}/LC_MESSAGES/{domain}.po"):
            for entry in polib.pofile(str(path)):
                found.setdefault(entry.msgid, []).append(entry)
    return found


@pytest.fixture(autouse=True)
def _fresh_catalogues():
    """Django keeps each language's catalogue once built; settings changed here rebuild it."""
    translation.trans_real._translations = {}
    yield
    translation.trans_real._translations = {}


@pytest.mark.parametrize(
    ("message", "nb", "nn"),
    [
        # wagtail-localize leaves it English in Bokmål, and has no Nynorsk.
        ("Sync translated pages", "Synkroniser oversatte sider", "Synkroniser omsette sider"),
        # Wagtail's "Locale" column, English in Bokmål.
        ("Locale", "Språk", "Språk"),
        # Bokmål in Wagtail already: only the Nynorsk is the package's.
        ("Save draft", "Lagre kladd", "Lagre utkast"),
    ],
)
def test_the_admin_speaks_bokmal_and_nynorsk_through_django(message, nb, nn):
    with translation.override("nb"):
        assert translation.gettext(message) == nb
    with translation.override("nn"):
        assert translation.gettext(message) == nn


def test_the_example_lists_the_words_before_the_apps_they_translate(settings):
    """Django takes an app's words before those of the apps listed after it."""
    assert misplaced(list(settings.INSTALLED_APPS)) == []
    assert check_position() == []


def test_a_site_that_lists_them_after_wagtail_is_warned(monkeypatch):
    apps = ["wagtail_localize", "wagtail.admin", NAME, "wagtail"]
    assert misplaced(apps) == ["wagtail_localize", "wagtail.admin"]
    # Set without override_settings, which would load the apps again.
    monkeypatch.setattr(django_settings, "INSTALLED_APPS", apps)
    (warning,) = check_position()
    assert warning.id == "wagtail_events_admin_locale.W001"
    assert "wagtail_localize, wagtail.admin" in warning.msg


def test_a_sites_own_locale_paths_still_win(settings, tmp_path):
    site = polib.POFile()
    site.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "nb"}
    site.append(polib.POEntry(msgid="Sync translated pages", msgstr="Oppdater oversettelsene"))
    (tmp_path / "nb" / "LC_MESSAGES").mkdir(parents=True)
    site.save_as_mofile(str(tmp_path / "nb" / "LC_MESSAGES" / "django.mo"))
    settings.LOCALE_PATHS = [tmp_path, *settings.LOCALE_PATHS]
    with translation.override("nb"):
        assert translation.gettext("Sync translated pages") == "Oppdater oversettelsene"
        assert translation.gettext("Locale") == "Språk"


@pytest.mark.django_db
def test_the_admin_loads_the_javascript_words_after_wagtails(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "pw")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "nn"
    profile.save()
    client.force_login(user)
    url = reverse("wagtail_events_admin_locale_javascript_catalogue")
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    # After Wagtail's own catalogue, and once more deferred, after the translation editor's.
    assert dashboard.index(reverse("wagtailadmin_javascript_catalog")) < dashboard.index(url)
    assert f'<script defer src="{url}">' in dashboard
    catalogue = client.get(url).content.decode()
    assert '"Collapse all": "G\\u00f8ym alle"' in catalogue
    assert '"Publish in ": "Publiser p\\u00e5 "' in catalogue


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_nynorsk_has_every_bokmal_message(domain):
    assert {e.msgid for e in entries("nb", domain)} <= {e.msgid for e in entries("nn", domain)}


@pytest.mark.parametrize("language", ["nb", "nn"])
@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_only_messages_upstream_has_and_leaves_untranslated(language, domain):
    """Each message is Wagtail's or wagtail-localize's, translated, and missing from their own
    catalogue in that language (or left English there): the package copies none of theirs."""
    english = upstream("en", domain)
    theirs = upstream(language, domain)
    for entry in entries(language, domain):
        assert entry.msgid in english, f"{entry.msgid!r} is not a message of theirs"
        assert entry.translated() and not entry.obsolete, entry.msgid
        translated = [e for e in theirs.get(entry.msgid, []) if e.translated()]
        assert all(e.msgstr == e.msgid for e in translated), (
            f"{entry.msgid!r} is already {language} upstream"
        )
