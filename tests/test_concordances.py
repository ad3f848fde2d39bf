"""Concordances: context, wildcards, lemmas, sorting, punctuation-only words, HTML."""

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiwelfare.concordances import concordance_build, term_pattern
from digiwelfare.explorers import concordance_html


def test_concordance_context_wildcard_and_punctuation():
    docs = pd.DataFrame({"id": ["d2", "d1"],
                         "text": ["One two Discretion, three four.", "digitalisation and digital"]})
    kwic = concordance_build(docs, "discretion", window=2)
    assert kwic.to_dict("records") == [
        {"id": "d2", "position": 2, "left": "One two", "node": "Discretion,",
         "right": "three four."}]
    wildcard = concordance_build(docs, "digital*", window=1)
    assert list(wildcard["node"]) == ["digitalisation", "digital"]
    assert concordance_build(docs, "absent").empty
    assert term_pattern("a.b").fullmatch("axb") is None


def test_concordance_modes_sorting_and_metadata():
    docs = pd.DataFrame({"id": ["d1", "d2"], "text": [
        "Managers read dashboards. The manager read a dashboard daily.",
        "Caseworkers used discretion; discretionary choices vary."]})
    lemma = concordance_build(docs, "dashboard", language="en", match="lemma", window=2)
    assert list(lemma["node"]) == ["dashboards.", "dashboard"]
    regex = concordance_build(docs, r"discretion\w*", match="regex")
    assert list(regex["node"]) == ["discretion;", "discretionary"]
    phrase = concordance_build(docs, "manager read", window=1)
    assert phrase.iloc[0].to_dict() == {"id": "d1", "position": 4, "left": "The",
                                        "node": "manager read", "right": "a"}
    by_right = concordance_build(docs, "read", sort="right1", window=2)
    assert list(by_right["right"].str.split().str[0]) == ["a", "dashboards."]
    by_left = concordance_build(docs, "read", sort="left1", window=2)
    assert list(by_left["left"].str.split().str[-1]) == ["manager", "Managers"]
    meta = pd.DataFrame({"id": ["d1", "d2"], "year": [2015, 2020]})
    assert "year" in concordance_build(docs, "read", meta=meta).columns
    with pytest.raises(ValueError, match="needs the language"):
        concordance_build(docs, "read", match="lemma")
    with pytest.raises(ValueError, match="sort"):
        concordance_build(docs, "read", sort="right9")


def test_punctuation_only_words_empty_texts_and_queries():
    docs = pd.DataFrame({"id": ["a", "b", "c"], "text": [
        "Tjenester – • & § for brukerne § 12.", "", "ukjentordxyz –"]})
    for language in ("nb", "en"):
        lines = concordance_build(docs, "tjeneste", language=language, match="lemma")
        assert len(lines) <= 1
    assert list(concordance_build(docs, "bruker", language="nb", match="lemma")["id"]) == ["a"]
    assert concordance_build(docs, ".*", match="regex")["node"].str.len().min() > 0
    with pytest.raises(ValueError, match="query is empty"):
        concordance_build(docs, "  ")


def test_concordance_html_escapes_document_text():
    docs = pd.DataFrame({"id": ["x<1>"], "text": [
        'Before <script>alert("x")</script> the node <b>word</b> after']})
    html = concordance_html(concordance_build(docs, "node", window=3))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>node</b>" in html and "&lt;b&gt;word&lt;/b&gt;" in html
    assert "x&lt;1&gt;" in html
    assert "No lines." in concordance_html(concordance_build(docs, "absent"))


def test_concordance_html_exact_markup():
    # The whole table written out by hand: header, one line with an extra column, and the
    # empty table spanning all its columns (id, year, left, node, right: 5).
    table = pd.DataFrame({"id": ["d1"], "year": [2020], "left": ["a <b"], "node": ["x"],
                          "right": ["c & d"]})
    assert concordance_html(table, extra=["year"]) == (
        '<table class="concordance"><thead><tr><th>id</th><th>year</th><th>left</th>'
        "<th>node</th><th>right</th></tr></thead><tbody><tr><td>d1</td><td>2020</td>"
        '<td style="text-align:right">a &lt;b</td><td><b>x</b></td><td>c &amp; d</td></tr>'
        "</tbody></table>")
    two = concordance_html(pd.concat([table, table.assign(id="d2")]))
    assert two.count("</td></tr><tr><td>") == 1  # lines follow each other with nothing between
    assert concordance_html(table.iloc[:0], extra=["year"]) == (
        '<table class="concordance"><thead><tr><th>id</th><th>year</th><th>left</th>'
        '<th>node</th><th>right</th></tr></thead><tbody><tr><td colspan="5">No lines.</td>'
        "</tr></tbody></table>")


def test_sorting_right_and_left_words_and_defaults():
    docs = pd.DataFrame({"id": ["d1", "d2", "d3"], "text": [
        "node zulu alpha. 2020 node beta zeta",
        "x node _really_ yes",
        "node also gamma delta epsilon digits one two three four five six seven"]})
    # right1: the first word after the node: _really_ < also < beta < zulu (lower-cased,
    # "_" sorts before letters); right2: the second: (none) < alpha. < gamma < yes < zeta
    right1 = concordance_build(docs, "node", sort="right1")
    assert [r.split()[0] for r in right1["right"]] == ["_really_", "also", "beta", "zulu"]
    right2 = concordance_build(docs, "node", sort="right2", window=2)
    assert right2["right"].tolist() == ["zulu alpha.", "also gamma", "_really_ yes",
                                        "beta zeta"]
    # left1: no word (the start of a document) sorts first, then 2020, then x
    left1 = concordance_build(docs, "node", sort="left1")
    assert left1["left"].tolist() == ["", "", "node zulu alpha. 2020", "x"]
    assert list(left1.columns) == ["id", "position", "left", "node", "right"]
    assert left1.index.tolist() == [0, 1, 2, 3]
    # the default window is 6 words each side
    assert concordance_build(docs.iloc[[2]], "node")["right"].iloc[0] == (
        "also gamma delta epsilon digits one")
    # an empty text holds no words (no placeholder a pattern could match)
    blank = pd.DataFrame({"id": ["e"], "text": [None]})
    assert concordance_build(blank, "x*").empty


def test_matching_modes_case_and_messages():
    docs = pd.DataFrame({"id": ["d1", "d2"], "text": ["DISCRETION Grüße straße", "more"]})
    assert concordance_build(docs, r"discretion", match="regex")["node"].tolist() == [
        "DISCRETION"]
    assert concordance_build(docs, "straße")["node"].tolist() == ["straße"]
    meta = pd.DataFrame({"id": ["d1"], "year": [2020]})  # d2 has no metadata: kept, no year
    lines = concordance_build(docs, "more", meta=meta)
    assert lines["id"].tolist() == ["d2"] and lines["year"].isna().all()
    with pytest.raises(ValueError, match="^query is empty: give a word, a phrase, a lemma or "
                                         "a pattern$"):
        concordance_build(docs, "")
    with pytest.raises(ValueError, match="^a lemma concordance needs the language of its "
                                         "documents$"):
        concordance_build(docs, "x", match="lemma")
    with pytest.raises(ValueError, match="^match = 'stem': expected word, lemma or regex$"):
        concordance_build(docs, "x", match="stem")
    with pytest.raises(ValueError, match="expected one of None, left1, left2, left3, right1, "):
        concordance_build(docs, "x", sort="up")


def _concordance_by_hand(texts: dict, query: str, window: int) -> list[tuple]:
    """Every place the query's words (whole words, case aside, punctuation at their edges
    stripped) follow one another, with ``window`` words either side: the plain loop."""
    import re

    wanted = query.lower().split()
    rows = []
    for doc_id in sorted(texts):
        words = texts[doc_id].split()
        bare = [re.sub(r"^\W+|\W+$", "", w).lower() for w in words]
        for i in range(len(words) - len(wanted) + 1):
            if bare[i:i + len(wanted)] == wanted:
                k = i + len(wanted)
                rows.append((doc_id, i, " ".join(words[max(0, i - window):i]),
                             " ".join(words[i:k]), " ".join(words[k:k + window])))
    return rows


@settings(max_examples=150, deadline=None)
@given(st.lists(st.lists(st.sampled_from(["nav", "NAV,", "(nav)", "kontor", "kontor.", "og",
                                          "–", "digital", "Digital!"]), max_size=25),
                min_size=1, max_size=4),
       st.sampled_from(["nav", "nav kontor", "digital", "og nav kontor", "kontor og"]))
def test_concordance_is_the_plain_loop(docs, query):
    texts = {f"d{i}": " ".join(words) for i, words in enumerate(docs)}
    table = concordance_build(pd.DataFrame({"id": list(texts), "text": list(texts.values())}),
                              query, window=3)
    assert list(table.itertuples(index=False, name=None)) == _concordance_by_hand(texts, query, 3)
