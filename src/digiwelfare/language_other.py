"""Paragraphs in a language the compendium does not analyse: a German or Finnish summary in a
Nordic report, a French page among English ones, a benefits page in Polish, Somali, Arabic or
Ukrainian. :mod:`digiwelfare.language` tells English, Bokmål, Nynorsk, Danish and Swedish
apart; asked about any other text it would still answer one of those five, and the paragraph
would reach that language's stop words, lemmatiser and models. This module names such a
paragraph's own language instead (its ISO 639-1 code; ``und`` when no detector knows it), so
that it keeps its text and its row in the token table but reaches no model, and notebook 02
lists it with the reason.

Two signs must agree for a paragraph in the Latin alphabet: its words (at least
:data:`MIN_HITS` distinct function words of one listed language, ``lexicon/
other_languages.yaml``, that are in none of the five languages' stop-word lists, making up
at least :data:`MIN_SHARE` of its words, :func:`other_language_evidence`; or words with
letters none of the five writes, :func:`foreign_letters`), and lingua, asked with the listed
languages beside the five, naming a listed language. Invented words and a
name or quotation in a foreign language inside an English or Scandinavian paragraph give
neither sign. A paragraph whose letters are mostly of another script
(:func:`other_script`) is named by lingua among every language it knows.
"""

from __future__ import annotations

import re
from functools import lru_cache

import yaml
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from digiwelfare.config import lexicon_file

#: A paragraph shows another language with at least this many distinct function words of it
MIN_HITS = 3
#: ... making up at least this share of its words.
MIN_SHARE = 0.1
#: A paragraph is in another script when at least this share of its letters (and at least
#: :data:`MIN_SCRIPT_LETTERS` of them) are no Latin letters.
MIN_SCRIPT_SHARE = 0.5
MIN_SCRIPT_LETTERS = 12
#: The code of a paragraph in another script that no detector here knows (ISO 639-2's
#: "undetermined").
UNDETERMINED = "und"
_WORD = re.compile(r"[^\W\d_]+")
_LETTER = re.compile(r"[^\W\d_]")
#: Latin letters: Basic Latin, Latin-1, Latin Extended A and B, IPA, Latin Extended Additional.
_LATIN = re.compile("[A-Za-z\u00c0-\u02af\u1e00-\u1eff]")
#: A letter (as :data:`_LETTER`) that is none of :data:`_LATIN`'s: counted in one pass.
_OTHER_LETTER = re.compile("[^\\W\\d_A-Za-z\u00c0-\u02af\u1e00-\u1eff]")


@lru_cache(maxsize=1)
def other_language_words() -> dict[str, frozenset[str]]:
    """The listed languages' function words (``lexicon/other_languages.yaml``), each without
    the words that are in a stop-word list of English, Bokmål, Nynorsk, Danish or Swedish
    and without words of one letter."""
    from digiwelfare.runs import LANGUAGES
    from digiwelfare.tokens import stopwords_read

    ours = frozenset().union(*(stopwords_read(code) for code in LANGUAGES))
    listed = yaml.safe_load(lexicon_file("other_languages.yaml").read_text(encoding="utf-8"))
    out = {}
    for code, words in (listed or {}).items():
        code = str(code).lower()
        if code in LANGUAGES or not hasattr(IsoCode639_1, code.upper()):
            raise ValueError(f"lexicon/other_languages.yaml: '{code}' is no ISO 639-1 code of a "
                             "language lingua knows, or one the compendium analyses; use "
                             "another language's two-letter code")
        out[code] = frozenset(w for w in str(words).lower().split() if len(w) > 1) - ours
    return out


_ANY: list = [None, frozenset()]  # the lists the union was made of, the union


def _listed_any(listed: dict[str, frozenset[str]]) -> frozenset[str]:
    """The words of every listed language together (``listed``: :func:`other_language_words`),
    made again when the lists are read again."""
    if _ANY[0] is not listed:
        _ANY[:] = [listed, frozenset().union(*listed.values())]
    return _ANY[1]


def other_language_evidence(text: str) -> str | None:
    """The listed language (:func:`other_language_words`) whose function words make up a
    paragraph, by :data:`MIN_HITS` and :data:`MIN_SHARE`, or None (the one with the most
    when two qualify; ties by code).

    >>> other_language_evidence("Die Ämter sind noch nicht so weit, und viele Anträge werden "
    ...                         "auf Papier gestellt.")
    'de'
    >>> other_language_evidence("Smith et al. see the door to welfare as closed, per se.")
    """
    words = _WORD.findall(text.lower())
    if len(words) < MIN_HITS:
        return None
    seen = set(words)
    languages = other_language_words()
    if len(seen & _listed_any(languages)) < MIN_HITS:  # no language can have as many hits
        return None
    best, most = None, 0
    for code, listed in sorted(languages.items()):
        hits = len(seen & listed)
        if hits > most and hits >= MIN_HITS and \
                sum(w in listed for w in words) >= MIN_SHARE * len(words):
            best, most = code, hits
    return best


#: Latin letters that none of English, Bokmål, Nynorsk, Danish and Swedish writes (é, ü, á
#: and the like are left out: Nordic and English texts use them in loanwords and names).
FOREIGN_LETTERS = frozenset("ąęłńśźżćčďěňřšťůžőűğışþðñçãõâêîôûàèìòùœßāēīōūėįųșțăľĺŕóíúý")
#: A paragraph shows another language by its letters with at least :data:`MIN_HITS` words
#: holding one of :data:`FOREIGN_LETTERS`, making up at least this share of its words.
MIN_LETTER_SHARE = 1 / 6


def foreign_letters(text: str) -> bool:
    """Whether enough of a paragraph's words (:data:`MIN_HITS`, :data:`MIN_LETTER_SHARE`)
    hold a letter none of the five languages writes.

    >>> foreign_letters("Większość listów trafia do skrzynki, a w urzędzie pomożemy założyć konto.")
    True
    >>> foreign_letters("Łukasz Wiśniewski (invented) led the project in Bærum and Oslo.")
    False
    """
    lower = text.lower()
    if FOREIGN_LETTERS.isdisjoint(lower):  # most paragraphs: no such letter at all
        return False
    words = _WORD.findall(lower)
    marked = sum(1 for w in words if not FOREIGN_LETTERS.isdisjoint(w))
    return marked >= MIN_HITS and marked >= MIN_LETTER_SHARE * len(words)


def other_script(text: str) -> bool:
    """Whether most of a paragraph's letters are of a script other than the Latin alphabet
    (Cyrillic, Arabic, Greek, Ethiopic, ...).

    >>> other_script("Заява на житлову субсидію подається онлайн."), other_script("NAV og Skatt")
    (True, False)
    """
    other = len(_OTHER_LETTER.findall(text))
    return other >= MIN_SCRIPT_LETTERS and other >= MIN_SCRIPT_SHARE * len(
        _LETTER.findall(text))


@lru_cache(maxsize=1)
def _detector_listed():
    from digiwelfare.language import CANDIDATES

    codes = [*CANDIDATES, *sorted(other_language_words())]
    return LanguageDetectorBuilder.from_iso_codes_639_1(
        *(getattr(IsoCode639_1, c.upper()) for c in codes)).build()


@lru_cache(maxsize=1)
def _detector_all():
    # every language lingua knows; its models are read when a text's script needs them
    return LanguageDetectorBuilder.from_all_languages().build()


def _code(found: Language | None) -> str:
    return found.iso_code_639_1.name.lower() if found is not None else UNDETERMINED


def texts_other_language(texts: list[str]) -> list[str | None]:
    """For each paragraph, the code of the language it is in when that is none of the five
    the compendium analyses (:func:`other_script`, or both signs of the module's description),
    else None. Lingua sees only the paragraphs that show a sign, in one batch each."""
    out: list[str | None] = [None] * len(texts)
    script = [i for i, text in enumerate(texts) if other_script(text)]
    if script:
        found = _detector_all().detect_languages_in_parallel_of([texts[i] for i in script])
        for i, lang in zip(script, found, strict=True):
            out[i] = _code(lang)
    listed = other_language_words()
    signs = [i for i, text in enumerate(texts) if out[i] is None and
             (other_language_evidence(text) is not None or foreign_letters(text))]
    if signs:
        found = _detector_listed().detect_languages_in_parallel_of([texts[i] for i in signs])
        for i, lang in zip(signs, found, strict=True):
            if lang is not None and _code(lang) in listed:
                out[i] = _code(lang)
    return out


def texts_listed_language(texts: list[str]) -> list[str | None]:
    """For each paragraph, the listed language (:func:`other_language_words`) lingua names
    when asked with the listed languages beside the five, or None when it names one of the
    five. For the paragraphs of a document mostly in a listed language
    (:func:`digiwelfare.language.language_tag`): there the document is the sign, and a short
    German line ("4. Gutschein für den Einkauf erhalten.") need not show one of its own."""
    if not texts:
        return []
    listed = other_language_words()
    found = _detector_listed().detect_languages_in_parallel_of(texts)
    return [code if lang is not None and (code := _code(lang)) in listed else None
            for lang in found]
