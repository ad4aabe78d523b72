"""How product search reads: the stored full-text documents (PostgreSQL) and the LIKE spellings (other databases).

Each stemmable language has its own `search_<lang>` tsvector: name (weight A) and description (weight B) in
that language's text-search configuration. Queries match and rank against the stored column through a GIN
index, so search cost does not grow with re-parsing every matching product. Other databases search with LIKE.
"""

import unicodedata

from django.contrib.postgres.search import SearchVector

SEARCH_CONFIGS = {"en": "english", "de": "german", "fr": "french", "es": "spanish"}
# ASCII letters, digits and signs → their full-width forms (Ｔシャツ, ＵＳＢ), as Japanese and Chinese names often write them.
_FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


def word_forms(word: str) -> set[str]:
    """The spellings of a search word to look for with LIKE: as typed, NFKC-normalised (full-width Ｔ → T, half-width
    ｼｬﾂ → シャツ), with ASCII in full width (T → Ｔ), each in lower/upper/capitalised case (SQLite's LIKE folds ASCII
    case only)."""
    plain = unicodedata.normalize("NFKC", word)
    forms = set()
    for base in {word, plain, plain.translate(_FULL_WIDTH)}:
        forms |= {base, base.lower(), base.upper(), base.capitalize()}
    return forms


def document(language: str):
    config = SEARCH_CONFIGS[language]
    return SearchVector(f"name_{language}", weight="A", config=config) + SearchVector(
        f"description_{language}", weight="B", config=config
    )
