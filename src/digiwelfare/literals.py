"""The strings a regular expression cannot match without, and an index that uses them to
skip patterns that cannot match a line.

Most debris rules (``lexicon/debris.yaml``) name words: a cookie notice needs "cookie" or
"informasjonskapsel", a skip link "skip", "jump", "gå" or "hopp". A line without any of a
rule's words cannot match it, and finding that out costs a set look-up instead of running
the pattern. :func:`pattern_literals` reads the words off the parsed pattern itself, so an
edited or added rule needs nothing else; :class:`LiteralIndex` finds a line's candidate
rules word by word: which literals a word can belong to is worked out once per word
(through its three-letter slices, as a trigram index does: Cox 2012, "Regular expression
matching with a trigram index", https://swtch.com/~rsc/regexp/regexp4.html) and kept.

The index only ever skips a rule that cannot match: its answers are those of trying every
rule (``tests/test_literals.py`` checks this on every line of every fixture set). Matching
ignores case as :mod:`re` does with ``IGNORECASE``: both sides are lower-cased, with the
letters :mod:`re` treats as equal besides (the long s and "s", the Kelvin sign and "k")
made one.
"""

from __future__ import annotations

import re
from re import _constants as sre
from re import _parser

try:  # the letters re matches to each other besides their lower case (Python 3.11+)
    from re._casefix import _EXTRA_CASES
except ImportError:  # pragma: no cover - an older re: only lower case is folded
    _EXTRA_CASES = {}

#: A character class of at most this many characters counts as a choice of literals.
CLASS_CHARS = 10

# lower case, then every letter re treats as equal to another mapped to the lowest of them;
# "İ" lower-cases to two characters in str.lower but matches "i" in re
_FOLD = {0x130: "i"}
for _low, _others in _EXTRA_CASES.items():
    _FOLD.update({o: chr(min(_low, *_others)) for o in (_low, *_others)})


_FOLD = {c: f for c, f in _FOLD.items() if chr(c) != f}
_SPECIAL = re.compile("[" + re.escape("".join(map(chr, _FOLD))) + "]")


def text_fold(text: str) -> str:
    """``text`` lower-cased as :mod:`re` compares letters when it ignores case.

    >>> text_fold("Skip ſTRASSE")
    'skip strasse'
    """
    low = text.lower()
    if _SPECIAL.search(text) or _SPECIAL.search(low):
        return text.translate(_FOLD).lower().translate(_FOLD)
    return low


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two literal sets: the one whose shortest string is longer (a
    long word is rarer), then the smaller one."""
    if a is None or b is None:
        return a if b is None else b
    return max(a, b, key=lambda s: (min(map(len, s)), -len(s)))


def _class(items) -> frozenset[str] | None:
    chars: set[str] = set()
    for op, value in items:
        if op is sre.LITERAL:
            chars.add(chr(value))
        elif op is sre.RANGE and value[1] - value[0] < CLASS_CHARS:
            chars.update(chr(c) for c in range(value[0], value[1] + 1))
        else:  # a negation, a category (\w, \d, \s) or a wide range: anything may match
            return None
    folded = frozenset(text_fold(c) for c in chars)
    return folded if 0 < len(folded) <= CLASS_CHARS else None


def _sequence(items) -> frozenset[str] | None:
    """A set of strings one of which every match of the parsed sequence holds, or None."""
    best: frozenset[str] | None = None
    run = ""
    for op, value in items:
        if op is sre.LITERAL:
            run += chr(value)
            continue
        if run.strip():  # a space alone is in nearly every line: no use as a filter
            best = _better(best, frozenset({text_fold(run)}))
        run = ""
        found = None
        if op is sre.IN:
            found = _class(value)
        elif op is sre.SUBPATTERN:
            found = _sequence(value[3])
        elif op is sre.ATOMIC_GROUP:
            found = _sequence(value)
        elif op is sre.BRANCH:
            choices = [_sequence(branch) for branch in value[1]]
            found = None if any(c is None for c in choices) else frozenset().union(*choices)
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and value[0] >= 1:
            found = _sequence(value[2])
        elif op is sre.ASSERT:  # a lookahead or lookbehind reads the same line
            found = _sequence(value[1])
        best = _better(best, found)
    if run.strip():
        best = _better(best, frozenset({text_fold(run)}))
    return best


def pattern_literals(pattern: re.Pattern | str) -> frozenset[str] | None:
    """Strings (folded by :func:`text_fold`) of which every match of ``pattern`` holds at
    least one, or None where the pattern can match without any (it starts with ``.*`` and
    names no word, say). A pattern that cannot be parsed gives None.

    >>> sorted(pattern_literals(r"(skip|jump) to (main )?content"))
    ['content']
    >>> sorted(pattern_literals(r"(?=.*\\b(cookies?|javascript)\\b).*"))
    ['cookie', 'javascript']
    >>> pattern_literals(r"\\d+ .*") is None
    True
    """
    source, flags = (pattern.pattern, pattern.flags) if isinstance(pattern, re.Pattern) \
        else (pattern, 0)
    try:
        found = _sequence(_parser.parse(source, flags))
    except Exception:  # noqa: BLE001 - an internal parser of another Python: try the pattern
        return None
    return found if found and "" not in found else None


#: The most words :class:`LiteralIndex` keeps its answer for (then it starts afresh): about
#: 25 MB a process. Words longer than :data:`WORD_KEPT_CHARS` are worked out each time.
WORDS_KEPT = 200_000
WORD_KEPT_CHARS = 40


def _key(literal: str) -> str:
    """The longest run of ``literal`` without white space (the first such, on a tie): a line
    holding the literal holds the run inside one of its words."""
    return max(literal.split(), key=len, default="")


class LiteralIndex:
    """Which of a list of patterns can match a line at all, from their literals
    (:func:`pattern_literals`): a pattern without literals is always a candidate.

    A line holds a literal only if one of its words (runs without white space) holds the
    literal's longest run without white space (:func:`_key`). So the index asks, word by
    word, which literals' runs the word holds, keeps that answer for the word (text repeats
    its words), and then checks each literal so found against the whole line. The answer
    is the set of patterns with a literal in the line, as a substring search of every
    literal would give it. A word met for the first time has its slices searched; text
    repeats its words, and a repeated word costs a dictionary look-up (4,000 planted
    documents: four times quicker than searching each line's slices).

    >>> index = LiteralIndex([r"skip to .*", r"\\d+", r"(?=.*cookie).*"])
    >>> sorted(index.candidates("We use Cookies."))
    [1, 2]
    """

    def __init__(self, patterns):
        self.always: list[int] = []
        self.anywhere: list[tuple[str, int]] = []  # literals of white space only
        by_key: dict[str, list[tuple[str, int]]] = {}
        for i, pattern in enumerate(patterns):
            literals = pattern_literals(pattern)
            if literals is None:
                self.always.append(i)
                continue
            for literal in sorted(literals):
                key = _key(literal)
                if key:
                    by_key.setdefault(key, []).append((literal, i))
                else:
                    self.anywhere.append((literal, i))
        # a word's keys: those of three letters or more found through the word's three-letter
        # slices (a trigram index, taken by map in C), the shorter ones by a substring search
        self._by_key = {key: tuple(pairs) for key, pairs in by_key.items()}
        self._by_gram: dict[str, list[str]] = {}
        self._short: list[str] = []
        for key in sorted(by_key):
            if len(key) < 3:
                self._short.append(key)
            else:
                self._by_gram.setdefault(key[:3], []).append(key)
        self._grams = frozenset(self._by_gram)
        self._words: dict[str, tuple[tuple[str, int], ...]] = {}

    def _word(self, word: str) -> tuple[tuple[str, int], ...]:
        """The literals (with their patterns) whose key ``word`` holds."""
        keys = [key for key in self._short if key in word]
        grams = self._grams.intersection(map(word.__getitem__, [slice(j, j + 3) for j in
                                                                  range(len(word) - 2)]))
        for gram in sorted(grams):
            keys.extend(key for key in self._by_gram[gram] if key in word)
        return tuple(pair for key in keys for pair in self._by_key[key])

    def candidates(self, line: str) -> set[int]:
        """The indices of the patterns that may match ``line``."""
        folded = text_fold(line)
        found = set(self.always)
        for literal, i in self.anywhere:
            if literal in folded:
                found.add(i)
        words = self._words
        for word in set(folded.split()):
            pairs = words.get(word)
            if pairs is None:
                pairs = self._word(word)
                if len(word) <= WORD_KEPT_CHARS:
                    if len(words) >= WORDS_KEPT:
                        words.clear()
                    words[word] = pairs
            for literal, i in pairs:
                if i not in found and literal in folded:
                    found.add(i)
        return found
