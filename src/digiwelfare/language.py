"""Per-paragraph language: English, Norwegian Bokmål, Norwegian Nynorsk, Danish and Swedish
kept apart, so that each language's analysis (and lemmatiser) sees only its own text.

Detection uses lingua (its models ship inside the package; nothing is downloaded) on
paragraphs of at least :data:`MIN_WORDS` words. Bokmål and Nynorsk are then told apart by their
own word forms (Nynorsk *ikkje, eit, dei, frå, korleis*; Bokmål *ikke, et, de, fra, hvordan*),
because lingua reads formal Bokmål as Nynorsk now and then. Shorter paragraphs (headings,
navigation lines) carry too little to judge: they go with a neighbour and never make a
document bilingual.

A paragraph whose stop words leave no doubt (:func:`language_clear`) is decided without lingua;
the others go to lingua together, in one batch on every core
(``detect_languages_in_parallel_of``, the same answers as one call each), so a corpus is
detected in one pass (:func:`corpus_language_parts`). Before that, a paragraph in a language
none of the five is (German, Finnish, Polish, Ukrainian, ...) is named as such
(:mod:`digiwelfare.language_other`) rather than forced into one of them.
"""

from __future__ import annotations

import re
from functools import lru_cache

import pandas as pd
from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

from digiwelfare.language_nordic import (  # noqa: F401 - norwegian_standard is used from here
    danish_or_norwegian,
    norwegian_standard,
    one_norwegian_standard,
)

#: Paragraphs shorter than this (in words) are too short to detect; they join a neighbour.
MIN_WORDS = 8
#: A language is in a document's tag when its detected paragraphs hold at least this share of
#: the words and at least :data:`MIN_PART_WORDS` words.
MIN_SHARE = 0.15
MIN_PART_WORDS = 30
#: A part in a language of the other family (English in a Scandinavian text, or the
#: reverse) counts with this many words whatever its share: a summary of a paragraph or two
#: (an English abstract under a Norwegian article; the labelled sets' one-sentence summaries
#: run from fifteen words up). Between Bokmål, Nynorsk, Danish and
#: Swedish a paragraph read as a sister language is more often a detector's slip than a part,
#: so there :data:`MIN_SHARE` and :data:`MIN_PART_WORDS` hold.
MIN_OTHER_FAMILY_WORDS = 15
CANDIDATES = ("en", "nb", "nn", "da", "sv")

@lru_cache(maxsize=16)
def _detector(codes: tuple[str, ...]):
    langs = [Language.from_iso_code_639_1(getattr(IsoCode639_1, c.upper())) for c in codes]
    if len(langs) == 1:  # lingua needs two candidates; a lone one is the answer anyway
        langs.append(Language.DANISH if langs[0] != Language.DANISH else Language.SWEDISH)
    return LanguageDetectorBuilder.from_languages(*langs).build()


#: A paragraph is clearly English (:func:`language_clear`) with at least this many words, of
#: which at least :data:`CLEAR_EN_HITS` are English-only stop words and at least
#: :data:`CLEAR_SHARE` English stop words; clearly Norwegian with at least
#: :data:`CLEAR_NO_HITS` Norwegian-only stop words and that share of Norwegian ones.
CLEAR_EN_WORDS = 15
CLEAR_EN_HITS = 5
CLEAR_NO_HITS = 3
CLEAR_SHARE = 0.3
_NORDIC_LETTERS = re.compile("[æøåäö]")


@lru_cache(maxsize=1)
def _stop_profiles() -> dict[str, frozenset[str]]:
    """Stop words (``lexicon/stopwords_*.txt``) that tell the candidates apart: each
    group's words in no other group's list (``en``, ``no`` for Bokmål and Nynorsk together,
    ``da``, ``sv``), ``scand``: Scandinavian stop words that are no English ones, and each of
    ``en_all`` and ``no_all``: every stop word of English and of Norwegian."""
    from digiwelfare.tokens import stopwords_read

    lists = {code: stopwords_read(code) for code in CANDIDATES}
    groups = {"en": lists["en"], "no": lists["nb"] | lists["nn"], "da": lists["da"],
              "sv": lists["sv"]}
    only = {g: frozenset(w for w in words if not any(w in other for h, other in
                                                     groups.items() if h != g))
            for g, words in groups.items()}
    scand = (groups["no"] | groups["da"] | groups["sv"]) - groups["en"]
    return only | {"scand": scand, "en_all": groups["en"], "no_all": groups["no"]}


def language_clear(text: str) -> str | None:
    """The language of a paragraph when its stop words leave no doubt, else None (lingua
    decides). Clearly English: at least :data:`CLEAR_EN_WORDS` words, :data:`CLEAR_EN_HITS`
    English-only stop words, :data:`CLEAR_SHARE` of its words English stop words, no
    Scandinavian stop word, no letter æ, ø, å, ä or ö (lingua reads a short English line
    with Nordic names as Danish or Swedish now and then). Clearly Norwegian: at least
    :data:`CLEAR_NO_HITS` stop words of Bokmål or Nynorsk alone, that share of Norwegian stop
    words, and no stop word of English, Danish or Swedish alone; Bokmål or Nynorsk then by
    :func:`norwegian_standard` (as for lingua's answer), None on its tie. The thresholds
    were set on every paragraph of the demo corpus and the labelled export fixtures with a
    margin (lingua agreed on each one decided here, as ``tests/test_language.py`` checks on
    texts of its own); stop-word profiles for language identification go back to Grefenstette
    (1995, *Comparing two language identification schemes*).

    >>> language_clear("The caseworkers said that most of the users had been able to do it "
    ...                "on their own, but only after they were shown how.")
    'en'
    >>> language_clear("Kontoret er stengt.") is None
    True
    """
    words = re.findall(r"[^\W\d_]+", text.lower())
    prof = _stop_profiles()
    en = sum(w in prof["en"] for w in words)
    scand = [w for w in words if w in prof["scand"]]
    if scand and _english_with_a_name(words, en, scand):
        return "en"
    if scand:
        if en or any(w in prof["da"] or w in prof["sv"] for w in words):
            return None
        no = sum(w in prof["no"] for w in words)
        if no >= CLEAR_NO_HITS and sum(w in prof["no_all"] for w in words) >= \
                CLEAR_SHARE * len(words):
            return norwegian_standard(text)
        return None
    if len(words) >= CLEAR_EN_WORDS and en >= CLEAR_EN_HITS and \
            sum(w in prof["en_all"] for w in words) >= CLEAR_SHARE * len(words) and \
            not _NORDIC_LETTERS.search(text.lower()):
        return "en"
    return None


#: An English paragraph naming something Scandinavian is clearly English
#: (:func:`_english_with_a_name`) with at least this many English-only stop words.
CLEAR_EN_NAMED_HITS = 5


def _english_with_a_name(words: list[str], en: int, scand: list[str]) -> bool:
    """Whether a paragraph is English with a Scandinavian name in it ("... findings from the
    project Arbejdsevnen på skærmen, which runs ..."): :data:`CLEAR_EN_NAMED_HITS`
    English-only stop words, one Scandinavian stop word at most (the name's), at most three
    words with æ, ø, å, ä or ö, and English stop words :data:`CLEAR_SHARE` of its words and
    of at least :data:`CLEAR_EN_WORDS`. Lingua read such a sentence as Danish, and its
    fifteen words made a Danish part of an English working paper."""
    prof = _stop_profiles()
    return en >= CLEAR_EN_NAMED_HITS and len(scand) <= 1 and len(words) >= CLEAR_EN_WORDS and \
        sum(bool(_NORDIC_LETTERS.search(w)) for w in words) <= 3 and \
        sum(w in prof["en_all"] for w in words) >= CLEAR_SHARE * len(words)


def _code(found, text: str, candidates: tuple[str, ...]) -> str:
    code = found.iso_code_639_1.name.lower() if found else candidates[0]
    code = danish_or_norwegian(code, text, candidates)
    if code in ("nb", "nn") and "nb" in candidates and "nn" in candidates:
        code = norwegian_standard(text) or code
    return code


def texts_settled(texts: list[str], candidates: tuple[str, ...] = CANDIDATES
                  ) -> tuple[list[str | None], list[int]]:
    """What :func:`texts_language` decides before lingua: each text's code where its stop
    words (:func:`language_clear`) or another language's signs
    (:func:`digiwelfare.language_other.texts_other_language`) settle it, else None; and the
    positions of the texts left to lingua. Only with every language of :data:`CANDIDATES`
    a candidate; with fewer, every text is left to lingua."""
    fast = set(candidates) == set(CANDIDATES)
    out = [language_clear(t) if fast else None for t in texts]
    rest = [i for i, code in enumerate(out) if code is None]
    if rest and fast:  # a paragraph the stop words leave in doubt may be in another language
        from digiwelfare.language_other import texts_other_language

        for i, code in zip(rest, texts_other_language([texts[i] for i in rest]), strict=True):
            out[i] = code
        rest = [i for i in rest if out[i] is None]
    return out, rest


def texts_language(texts: list[str], candidates: tuple[str, ...] = CANDIDATES) -> list[str]:
    """:func:`language_detect` of each of ``texts``: the clear ones by their stop words
    (:func:`language_clear`, with every language of :data:`CANDIDATES` a candidate), the
    rest by lingua in one batch on every core. With every candidate, a paragraph in a
    language none of them is keeps that language's code
    (:func:`digiwelfare.language_other.texts_other_language`: ``de``, ``fi``, ``uk``, ...)."""
    out, rest = texts_settled(texts, candidates)
    if rest:
        found = texts_lingua([texts[i] for i in rest], candidates)
        for i, lang in zip(rest, found, strict=True):
            out[i] = _code(lang, texts[i], candidates)
    return out


def texts_lingua(texts: list[str], candidates: tuple[str, ...] = CANDIDATES) -> list:
    """Lingua's answer for each of ``texts`` among ``candidates`` (a ``Language`` or None),
    in one batch on every core: the texts :func:`texts_settled` leaves to it."""
    return _detector(tuple(sorted(candidates))).detect_languages_in_parallel_of(texts)


def language_detect(text: str, candidates: tuple[str, ...] = CANDIDATES) -> str:
    """Return the ISO 639-1 code of the most likely of ``candidates`` for ``text``.

    >>> language_detect("Tjenestene ble utviklet sammen med brukerne.", ("en", "nb"))
    'nb'
    """
    return texts_language([text], candidates)[0]


def _is_heading(line: str) -> bool:
    """A short line with no end punctuation: a heading, not a line of a paragraph."""
    return len(line.split()) < MIN_WORDS and not re.search(r"[.!?,;:\-–]$", line)


def paragraphs_split(text: str) -> list[str]:
    r"""Paragraphs of a text: blocks separated by one or more blank lines, stripped, each cut
    again at a line break that ends a paragraph: after a sentence's end when the next line
    starts with a capital, and around a short line with no end punctuation (a heading). Text
    copied from a page often keeps one paragraph a line with no blank line between them, so
    a summary in another language would otherwise hide inside one block; a line wrapped in
    mid-sentence stays with its paragraph.

    >>> paragraphs_split("Vi fulgte fire kontorer.\nSummary\nWe followed four\noffices.")
    ['Vi fulgte fire kontorer.', 'Summary', 'We followed four\noffices.']
    """
    out: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln.strip() for ln in block.split("\n") if ln.strip()]
        unit: list[str] = []
        for k, line in enumerate(lines):
            unit.append(line)
            after = lines[k + 1] if k + 1 < len(lines) else ""
            ends = re.search(r"[.!?:][»\"”’)]?$", line) is not None
            if not after or (after[:1].isupper() and
                             (ends or _is_heading(line) or _is_heading(after))):
                out.append("\n".join(unit))
                unit = []
    return out


def _detectable(paragraphs: list[str]) -> list[str]:
    """The texts :func:`_paragraphs_language` detects: each paragraph of at least
    :data:`MIN_WORDS` words, or all of them joined when none has that many."""
    long = [p for p in paragraphs if len(p.split()) >= MIN_WORDS]
    return long or ([" ".join(paragraphs)] if paragraphs else [])


def _paragraphs_language(paragraphs: list[str], candidates: tuple[str, ...] = CANDIDATES,
                         known: dict[str, str] | None = None) -> list[str]:
    """The language of each paragraph. Paragraphs under :data:`MIN_WORDS` words take the
    language of the paragraph before them (of the one after, at the start). ``known`` maps
    the texts of :func:`_detectable` to their language when a whole corpus was detected at
    once."""
    if known is None:
        texts = _detectable(paragraphs)
        known = dict(zip(texts, texts_language(texts, candidates), strict=True))
    labels: list[str | None] = [
        known[p] if len(p.split()) >= MIN_WORDS else None for p in paragraphs]
    if set(candidates) == set(CANDIDATES):
        labels = _foreign_document(paragraphs, labels)
    if "nb" in candidates and "nn" in candidates:
        labels = one_norwegian_standard(paragraphs, labels)
    if not any(labels):  # only short paragraphs: judge them together
        whole = known[" ".join(paragraphs)] if paragraphs else candidates[0]
        return [whole] * len(paragraphs)
    last = next(lab for lab in labels if lab)
    out = []
    for lab in labels:
        last = lab or last
        out.append(last)
    return out


def _foreign_document(paragraphs: list[str], labels: list[str | None]) -> list[str | None]:
    """The labels of a document's paragraphs, where most of its words are in a language the
    compendium does not analyse but lists (``lexicon/other_languages.yaml``), by its
    paragraphs' labels or by the whole text's signs, with each
    paragraph that only lingua read as one of the five (not settled by its stop words, see
    :func:`language_clear`) read again with the listed languages among the candidates
    (:func:`digiwelfare.language_other.texts_listed_language`): a German page's short lines
    are German, not Swedish."""
    from digiwelfare.language_other import (
        other_language_evidence,
        other_language_words,
        texts_listed_language,
    )

    words: dict[str, int] = {}
    for para, lab in zip(paragraphs, labels, strict=True):
        if lab:
            words[lab] = words.get(lab, 0) + len(para.split())
    if not words:
        return labels
    if max(sorted(words), key=words.__getitem__) not in other_language_words():
        # paragraphs too short to show their language one by one ("Heute werde es starten.")
        # show it together: the whole text's function words and lingua, asked about the whole
        # with the listed languages, agree on one (a Bokmål report with a German summary
        # holds too few German words for that)
        whole = " ".join(paragraphs)
        pooled = other_language_evidence(whole)
        if pooled is None or texts_listed_language([whole])[0] != pooled:
            return labels
    again = [i for i, lab in enumerate(labels) if lab in CANDIDATES and
             language_clear(paragraphs[i]) is None]
    out = list(labels)
    for i, code in zip(again, texts_listed_language([paragraphs[i] for i in again]),
                       strict=True):
        out[i] = code or out[i]
    return out


def language_tag(text: str, candidates: tuple[str, ...] = CANDIDATES) -> str:
    """A metadata language tag for ``text``: each language holding at least
    :data:`MIN_SHARE` of the words of its detectable paragraphs (and :data:`MIN_PART_WORDS`
    words), in reading order (``en``, ``nb``, ``en;nb``). The main language always counts, and
    so does a summary in the other family (English in a Scandinavian text or the reverse) of
    :data:`MIN_OTHER_FAMILY_WORDS` words or more, the largest part of its family.
    """
    paragraphs = paragraphs_split(text)
    words: dict[str, int] = {}
    for para, code in zip(paragraphs, _paragraphs_language(paragraphs, candidates), strict=True):
        if (len(para.split()) >= MIN_WORDS or len(paragraphs) == 1) and not _reference(para):
            words[code] = words.get(code, 0) + len(para.split())
    if not words:
        return _language_main(text, candidates)
    total = sum(words.values())
    main = max(sorted(words), key=words.__getitem__)
    # the largest part of each family: a sister language's smaller part is held to the share
    lead = {}
    for code in sorted(words, key=lambda c: (-words[c], c)):
        lead.setdefault(_family(code), code)
    return ";".join(code for code, n in words.items()
                    if code == main or (n >= MIN_SHARE * total and n >= MIN_PART_WORDS)
                    or (_family(code) != _family(main) and lead[_family(code)] == code
                        and n >= MIN_OTHER_FAMILY_WORDS))


def _reference(paragraph: str) -> bool:
    """Whether a paragraph is an entry of a reference list (:func:`digiwelfare.clean.
    line_debris` names it a reference): a cited work's language is not the text's."""
    from digiwelfare.clean import line_debris

    return (line_debris(" ".join(paragraph.split())) or "").startswith("reference")


def _family(code: str) -> str:
    """English, or the Scandinavian languages (Bokmål, Nynorsk, Danish, Swedish), whose
    paragraphs a detector mistakes for each other far more often than for English; any
    other language a family of its own."""
    return "scandinavian" if code in ("nb", "nn", "da", "sv") else code


def _language_main(text: str, candidates: tuple[str, ...] = CANDIDATES) -> str:
    """The language of most of ``text``'s words, judged paragraph by paragraph."""
    paragraphs = paragraphs_split(text) or [text]
    votes: dict[str, int] = {}
    for para, code in zip(paragraphs, _paragraphs_language(paragraphs, candidates), strict=True):
        votes[code] = votes.get(code, 0) + len(para.split())
    return max(sorted(votes), key=votes.__getitem__)


def text_languages_split(text: str, tag: str = "", known: dict[str, str] | None = None
                         ) -> dict[str, str]:
    """Split ``text`` by language into ``{code: text}``, paragraph by paragraph.

    Every paragraph goes to the language detected for it (short ones with a neighbour), so a
    Norwegian summary in a page tagged ``en`` reaches the Norwegian analysis, not the English
    lemmatiser. ``tag`` (the metadata's languages) orders the result and breaks no ties; a
    part in a language the tag lacks is kept all the same. Nothing is dropped. ``known``:
    the languages of the paragraphs, as :func:`corpus_language_parts` detects them.
    """
    paragraphs = paragraphs_split(text)
    if not paragraphs:
        return {}
    labels = _paragraphs_language(paragraphs, known=known)
    parts: dict[str, list[str]] = {}
    for para, lab in zip(paragraphs, labels, strict=True):
        parts.setdefault(lab, []).append(para)
    tagged = tag.split(";")
    order = [c for c in tagged if c in parts] + [c for c in parts if c not in tagged]
    return {code: "\n\n".join(parts[code]) for code in order}


def corpus_detectable(texts) -> list[str]:
    """Every distinct text whose language :func:`corpus_language_parts` detects in ``texts``
    (the paragraphs of :func:`_detectable`), sorted."""
    return sorted({t for text in texts for t in _detectable(paragraphs_split(text))})


def corpus_language_parts(corpus: pd.DataFrame, language: str | None = None) -> pd.DataFrame:
    """One row per document and language part: ``id, language, text`` (sorted by language, id).

    With ``language`` given, only the parts in that language. The paragraphs of every document
    are detected in one batch (:func:`texts_language`).
    """
    texts = corpus_detectable(corpus["text"])
    known = dict(zip(texts, texts_language(texts), strict=True))
    rows = [(doc.id, code, part)
            for doc in corpus.itertuples(index=False)
            for code, part in text_languages_split(doc.text, str(doc.language or ""),
                                                   known).items()
            if language is None or code == language]
    table = pd.DataFrame(rows, columns=["id", "language", "text"])
    return table.sort_values(["language", "id"], kind="stable").reset_index(drop=True)
