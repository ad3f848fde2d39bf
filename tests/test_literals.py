"""The literal prefilter of the debris rules (digiwelfare.literals): it may only skip a rule
that cannot match, so every answer is checked against trying every pattern."""

import random
import re

import pytest
from fixturesets import SETS, visible_lines
from hypothesis import given, settings
from hypothesis import strategies as st

from digiwelfare import clean
from digiwelfare.literals import LiteralIndex, _key, pattern_literals, text_fold


def _slow_debris(line: str) -> str | None:
    """line_debris without the index: every rule tried in order (the reference)."""
    stripped = line.strip()
    n = len(stripped.split())
    for rule in clean.debris_rules():
        if n <= rule.max_words and rule.pattern.fullmatch(stripped):
            if not rule.sentence_ok and clean.line_is_sentence(stripped):
                continue
            return rule.name
    return None


def _all_lines() -> list[str]:
    lines = []
    for folder in sorted(p for p in SETS.iterdir() if p.is_dir()):
        for path in sorted(folder.iterdir()):
            if path.suffix in {".html", ".txt", ".md"} and path.name != "README.md":
                lines += visible_lines(path)
    return lines


def test_the_index_gives_every_fixture_line_the_rule_trying_every_pattern_gives():
    lines = sorted({ln.strip() for ln in _all_lines() if ln.strip()})
    assert len(lines) > 3000
    clean.line_debris.cache_clear()
    got = [clean.line_debris(ln) for ln in lines]
    want = [_slow_debris(ln) for ln in lines]
    assert got == want
    assert sum(w is not None for w in want) > 500  # the rules do match many of these lines


def test_literals_are_needed_by_every_match_of_random_and_case_changed_lines():
    # a line a rule matches keeps matching with its case changed; the index must agree
    rng = random.Random(4)
    rules = clean.debris_rules()
    index = LiteralIndex([r.pattern for r in rules])
    matched = [(i, ln.strip()) for ln in _all_lines() for i, r in enumerate(rules)
               if r.pattern.fullmatch(ln.strip())]
    assert len(matched) > 300
    for i, line in matched:
        changed = "".join(c.upper() if rng.random() < 0.5 else c.lower() for c in line)
        for variant in (line, changed, line.upper()):
            if rules[i].pattern.fullmatch(variant):
                assert i in index.candidates(variant), (rules[i].name, variant)


@pytest.mark.parametrize(("pattern", "want"), [
    (r"(skip|jump) to (main )?content", {"content"}),  # the longest needed word wins
    (r"skip to .*", {"skip to "}),
    (r"(?=.*\b(cookies?|javascript)\b).*", {"cookie", "javascript"}),
    (r"[|·•] .*", {"|", "·", "•"}),
    (r"(page )?\d+", None),             # the literal is optional: nothing is needed
    (r"[a-z]+", None),                  # a wide range: any letter
    (r"(a|.*)b", {"b"}),                # one branch needs nothing, the "b" after it is needed
    (r"(ab){2,}x?", {"ab"}),
    (r"(?!cookie).*", None),            # a negative lookahead needs nothing
])
def test_pattern_literals_worked_by_hand(pattern, want):
    got = pattern_literals(re.compile(pattern, re.IGNORECASE))
    assert got == (None if want is None else frozenset(want))


def test_case_is_folded_as_re_folds_it():
    # re with IGNORECASE matches the long s to "s", the Kelvin sign to "k" and the dotted
    # capital I to "i"; the folded text must hold the folded literal in each case
    for pattern, line in [("skip", "ſkip"), ("kontakt", "\u212aontakt"), ("ikke", "\u0130kke")]:
        assert re.fullmatch(pattern, line, re.IGNORECASE)
        assert text_fold(pattern) in text_fold(line)
        assert 0 in LiteralIndex([re.compile(pattern, re.IGNORECASE)]).candidates(line)


def test_a_line_without_a_rules_words_is_not_a_candidate():
    index = LiteralIndex([re.compile(r"(?=.*\bcookies?\b).*", re.I),
                          re.compile(r"skip to .*", re.I), re.compile(r"\d+")])
    assert index.candidates("The study followed twelve caseworkers") == {2}
    assert index.candidates("We use COOKIES here") == {0, 2}
    assert index.candidates("Skip to main content") == {1, 2}


def _literal_rules(patterns) -> tuple[set[int], list[tuple[str, int]]]:
    always, pairs = set(), []
    for i, pattern in enumerate(patterns):
        literals = pattern_literals(pattern)
        if literals is None:
            always.add(i)
        else:
            pairs += [(literal, i) for literal in literals]
    return always, pairs


_RULES = [r.pattern for r in clean.debris_rules()]
_ALWAYS, _PAIRS = _literal_rules(_RULES)
# pieces of the rules' own literals, cut anywhere, with white space of several kinds between
_PIECES = sorted({lit[a:b] for lit, _ in _PAIRS for a, b in [(0, 3), (1, 5), (2, 99), (0, 99)]})
_INDEX = LiteralIndex(_RULES)  # one for every example: words it kept from one serve the next


@settings(max_examples=400, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_PIECES), st.sampled_from(
    [" ", "  ", "\t", "\u00a0", "\n", "", "-", "Ä", "ſ", "2019", "x"]),
    st.text(alphabet="abkrstæøå ßİ", max_size=6)), max_size=14))
def test_the_word_index_names_the_patterns_a_substring_search_of_every_literal_names(parts):
    # the reference: a pattern is a candidate when any of its literals is in the folded line
    line = "".join(parts)
    folded = text_fold(line)
    want = _ALWAYS | {i for lit, i in _PAIRS if lit in folded}
    assert _INDEX.candidates(line) == want
    assert _INDEX.candidates(line) == want  # the second time from the words it kept


def test_a_literal_spanning_words_is_found_only_where_the_line_holds_it_whole():
    index = LiteralIndex([re.compile(r"back to (the )?start", re.I), re.compile(r" ", re.I)])
    assert _key("back to ") == "back"
    assert 0 in index.candidates("Back to start")
    assert 0 not in index.candidates("Back, to start")  # "back" there, "back to " not
    assert 0 not in index.candidates("Go back")


def test_the_index_answers_the_same_when_it_forgets_its_words_and_for_long_words(monkeypatch):
    import digiwelfare.literals as literals

    monkeypatch.setattr(literals, "WORDS_KEPT", 2)  # starts afresh every few words
    index = LiteralIndex(_RULES)
    lines = ["Skip to main content", "We use cookies on this site", "Back to top",
             "Tilbake til forsiden", "x" * 60 + "cookie" + "y" * 60, "Skip to main content"]
    for line in lines * 2:
        folded = text_fold(line)
        assert index.candidates(line) == _ALWAYS | {i for lit, i in _PAIRS if lit in folded}
    assert len(index._words) <= 2
    assert not any(len(w) > literals.WORD_KEPT_CHARS for w in index._words)
