"""Every UI string is translated in every language, and the storefront speaks them."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

LOCALES = ["de", "fr", "es", "ja", "zh_Hans"]
ROOT = Path(settings.BASE_DIR) / "locale"


def _entries(path: Path):
    """(msgid, [msgstr...]) pairs of a .po file (enough of the format for this check)."""
    text = path.read_text(encoding="utf-8")
    for block in text.split("\n\n"):
        if "#, fuzzy" in block and 'msgid ""\nmsgstr ""' not in block:
            yield "FUZZY", [""]
        ids = re.findall(r'^msgid "(.*)"\n((?:".*"\n?)*)', block, re.M)
        strs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"\n?((?:".*"\n?)*)', block, re.M)
        if not ids:
            continue
        msgid = ids[0][0] + "".join(re.findall(r'"(.*)"', ids[0][1]))
        if not msgid:
            continue  # header
        yield msgid, [first + "".join(re.findall(r'"(.*)"', rest)) for first, rest in strs]


@pytest.mark.parametrize("locale", LOCALES)
def test_po_file_is_complete(locale):
    path = ROOT / locale / "LC_MESSAGES" / "django.po"
    entries = list(_entries(path))
    assert len(entries) > 100
    missing = [msgid for msgid, strs in entries if not strs or any(not s for s in strs)]
    assert not missing, missing[:10]


@pytest.mark.parametrize(
    "language,expected",
    [("de", "Nicht auf Lager"), ("fr", "Rupture de stock"), ("es", "Agotado"), ("ja", "在庫切れ"), ("zh-hans", "缺货")],
)
def test_compiled_catalogue_is_used(language, expected):
    with translation.override(language):
        assert translation.gettext("Out of stock") == expected
