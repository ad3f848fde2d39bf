"""The explorers: relevance as LDAvis ranks it, the views' contents, the widget callbacks
(driven without a browser) and a static copy that is the same bytes on every run."""

import numpy as np
import pandas as pd
import pytest

from digiwelfare.explorers import (
    ConcordanceExplorer,
    TopicBrowser,
    explore_concordances,
    explore_topics,
    frontend_live,
    textstat_relevance,
    textstat_topic_prevalence,
    topic_documents_select,
)


def _planted(seed: int = 3, k: int = 3, v: int = 40, d: int = 30):
    rng = np.random.default_rng(seed)
    phi = rng.dirichlet(np.full(v, 0.3), size=k)
    theta = rng.dirichlet(np.full(k, 0.5), size=d)
    lengths = rng.integers(20, 80, size=d)
    freq = ((theta * lengths[:, None]) @ phi).sum(axis=0)  # expected count of each word
    vocab = [f"word{i:02d}" for i in range(v)]
    return phi, theta, lengths, freq, vocab


def _topic_words(phi, freq, vocab) -> pd.DataFrame:
    """The tidy table notebook 04 writes: every word of every topic, probability and lift."""
    p_w = freq / freq.sum()
    rows = [(k + 1, vocab[w], phi[k, w], phi[k, w] / p_w[w])
            for k in range(phi.shape[0]) for w in range(phi.shape[1])]
    return pd.DataFrame(rows, columns=["topic", "word", "probability", "lift"])


def test_relevance_worked_by_hand():
    # Two words: a is common everywhere (p_w 0.5), b rare (p_w 0.1) but as probable in topic 1.
    table = pd.DataFrame({"topic": [1, 1], "word": ["a", "b"], "probability": [0.3, 0.2],
                          "lift": [0.3 / 0.5, 0.2 / 0.1]})
    assert textstat_relevance(table, 1, lam=1.0)["word"].tolist() == ["a", "b"]
    low = textstat_relevance(table, 1, lam=0.0)
    assert low["word"].tolist() == ["b", "a"]
    assert low["relevance"].tolist() == pytest.approx([np.log(2.0), np.log(0.6)])
    # At 0.5: a = 0.5 log 0.3 + 0.5 log 0.6 = -0.857; b = 0.5 log 0.2 + 0.5 log 2 = -0.458.
    half = textstat_relevance(table, 1, lam=0.5)
    assert half["relevance"].tolist() == pytest.approx([-0.4581454, -0.8573992], abs=1e-6)


@pytest.mark.parametrize("lam", [0.0, 0.3, 0.6, 1.0])
def test_relevance_ranks_words_as_pyldavis_does(lam):
    import pyLDAvis

    phi, theta, lengths, freq, vocab = _planted()
    data = pyLDAvis.prepare(topic_term_dists=phi, doc_topic_dists=theta, doc_lengths=lengths,
                            vocab=vocab, term_frequency=freq, sort_topics=False, mds="pcoa",
                            n_jobs=1, start_index=1, R=8)
    info = data.topic_info
    words = _topic_words(phi, freq, vocab)
    for k in (1, 2, 3):
        # pyLDAvis keeps, for each topic, the terms that are in the top R at some lambda and
        # ranks them in the page by lambda * logprob + (1 - lambda) * loglift.
        theirs = info[info.Category == f"Topic{k}"]
        theirs = theirs.assign(r=lam * theirs.logprob + (1 - lam) * theirs.loglift)
        expected = theirs.sort_values("r", ascending=False).Term.head(5).tolist()
        assert textstat_relevance(words, k, lam=lam, n=5)["word"].tolist() == expected


def test_relevance_refuses_a_weight_or_topic_that_does_not_exist():
    phi, _, _, freq, vocab = _planted()
    words = _topic_words(phi, freq, vocab)
    with pytest.raises(ValueError, match="between 0 and 1"):
        textstat_relevance(words, 1, lam=1.5)
    with pytest.raises(ValueError, match="topic 9.*1, 2, 3"):
        textstat_relevance(words, 9)


@pytest.fixture
def topic_fixture():
    phi, theta, lengths, freq, vocab = _planted()
    ids = [f"d{i:02d}" for i in range(len(theta))]
    doc_topics = pd.DataFrame(theta, columns=["1", "2", "3"])  # as read back from Parquet
    doc_topics.insert(0, "id", ids)
    docs = pd.DataFrame({
        "id": ids, "title": [f"Title <{i}>" for i in range(len(ids))],
        "doc_type": ["abstract", "policy_document", "project_report"] * 10,
        "year": [2015.0, 2018.0, np.nan, 2021.0, 2024.0, 2015.0] * 5,
        "text": [f"Text of document {i}. <script>alert(1)</script> " + "more words " * 80
                 for i in range(len(ids))]})
    return _topic_words(phi, freq, vocab), doc_topics, docs, theta


def test_topic_documents_and_prevalence_are_computed_from_the_shares(topic_fixture):
    words, doc_topics, docs, theta = topic_fixture
    top = topic_documents_select(doc_topics, docs, 2, n=3, chars=40)
    assert top["id"].tolist() == [f"d{i:02d}" for i in np.argsort(-theta[:, 1])[:3]]
    assert top["proportion"].tolist() == pytest.approx(sorted(theta[:, 1])[::-1][:3])
    assert all(len(e) <= 44 and e.endswith("...") for e in top["excerpt"])
    by_year = textstat_topic_prevalence(doc_topics, docs, 2, "year")
    years = docs["year"].to_numpy()
    for row in by_year.itertuples():
        chosen = years == row.group
        assert row.prevalence == pytest.approx(theta[chosen, 1].mean())
        assert row.documents == chosen.sum()
    assert by_year["documents"].sum() == docs["year"].notna().sum()  # no year: left out


def test_topic_browser_widget_callbacks_show_the_chosen_topic_and_weight(topic_fixture):
    words, doc_topics, docs, _ = topic_fixture
    browser = TopicBrowser(words, doc_topics, docs, {1: "T1 one", 2: "T2 two", 3: "T3 three"})
    browser.widget()
    assert browser.output.value == browser.view_html(1, 0.6)
    browser.topic_control.value = 3
    browser.lam_control.value = 0.2
    assert browser.output.value == browser.view_html(3, 0.2)
    assert "T3 three" in browser.output.value and "(relevance weight 0.20)" in browser.output.value
    expected = textstat_relevance(words, 3, lam=0.2, n=10)["word"].tolist()
    html = browser.output.value
    positions = [html.index(f"<td>{w}</td>") for w in expected]
    assert positions == sorted(positions)  # in the order of relevance
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_topic_browser_static_copy_is_the_same_bytes_every_time(topic_fixture):
    words, doc_topics, docs, _ = topic_fixture
    first = explore_topics(words, doc_topics, docs, lam=0.6, live=False).data
    second = explore_topics(words.sample(frac=1, random_state=1), doc_topics, docs, lam=0.6,
                            live=False).data
    assert first == second
    assert all(f"T{k} (relevance weight 0.60)" in first for k in (1, 2, 3))
    assert "model_id" not in first


PARTS = pd.DataFrame({
    "id": ["a", "b", "c"],
    "text": ["Caseworkers use discretion daily. Discretion matters.",
             "Managers limit discretion with dashboards.",
             "Automated decisions replace discretionary judgement."]})
META = pd.DataFrame({"id": ["a", "b", "c"], "doc_type": ["abstract", "policy_document",
                                                         "abstract"],
                     "year": [2019.0, 2021.0, 2019.0], "country": ["NO", "NO", "DK"]})


def test_concordance_explorer_filters_by_metadata_and_sorts():
    explorer = ConcordanceExplorer(PARTS, META, "en", "discretion")
    every = explorer.table("discretion", "word")
    assert every[["id", "position"]].values.tolist() == [["a", 2], ["a", 4], ["b", 2]]
    only = explorer.table("discretion", "word", where={"doc_type": "policy_document"})
    assert only["id"].tolist() == ["b"]
    assert explorer.table("discretion", "word", where={"year": 2019,
                                                       "country": "(all)"})["id"].tolist() \
        == ["a", "a"]
    by_left = explorer.table("discretion", "word", sort="left1")
    assert by_left["left"].str.split().str[-1].tolist() == ["daily.", "limit", "use"]
    assert explorer.table("discretion*", "word")["node"].tolist()[-1] == "discretionary"
    assert explorer.levels("year") == [2019, 2021]


def test_concordance_explorer_widget_callbacks_follow_the_controls():
    explorer = ConcordanceExplorer(PARTS, META, "en", "discretion")
    explorer.widget()
    assert "3 lines in 2 documents" in explorer.output.value
    explorer.filter_controls["country"].value = "DK"
    explorer.query_control.value = "automate"
    explorer.match_control.value = "lemma"
    assert "1 lines in 1 documents" in explorer.output.value
    assert "<b>Automated</b>" in explorer.output.value
    explorer.match_control.value = "regex"
    explorer.query_control.value = "(unclosed"
    assert "Cannot search for" in explorer.output.value  # a message, not a traceback


def test_concordance_static_copy_is_deterministic_and_escaped():
    parts = PARTS.assign(text=PARTS.text + " <img src=x onerror=alert(1)>")
    first = explore_concordances(parts, META, "en", "discretion", live=False).data
    second = explore_concordances(parts.iloc[::-1], META, "en", "discretion", live=False).data
    assert first == second
    assert "<img" not in first and "&lt;img" in first
    assert "<td>abstract</td><td>2</td><td>1</td>" in first  # lines and documents by type


def test_the_static_copy_builds_its_concordance_once_or_takes_the_notebooks(monkeypatch):
    import digiwelfare.explorers as explorers
    from digiwelfare.concordances import concordance_build

    built = []

    def counted(*args, **kwargs):
        built.append(args[1])
        return concordance_build(*args, **kwargs)

    alone = explore_concordances(PARTS, META, "en", "discretion", live=False).data
    monkeypatch.setattr(explorers, "concordance_build", counted)
    assert explore_concordances(PARTS, META, "en", "discretion", live=False).data == alone
    assert built == ["discretion"]  # once, though the copy shows it twice
    lines = concordance_build(PARTS, "discretion", language="en", window=8, meta=META)
    assert explore_concordances(PARTS, META, "en", "discretion", live=False,
                                lines=lines).data == alone
    assert built == ["discretion"]  # not again
    # a filter or another query is still built
    explorer = ConcordanceExplorer(PARTS, META, "en", "discretion", lines=lines)
    assert explorer.table("discretion", "word", where={"country": "DK"}).empty
    assert built == ["discretion", "discretion"]


def test_no_live_frontend_in_a_pipeline_step(monkeypatch):
    for name in ("DIGIWELFARE_PIPELINE", "DIGIWELFARE_OUT", "MAKELEVEL"):
        monkeypatch.delenv(name, raising=False)
    assert frontend_live() is False  # no kernel in pytest
    monkeypatch.setenv("MAKELEVEL", "1")
    assert frontend_live() is False


def test_topic_browser_reads_the_shown_texts_from_the_corpus_folder(topic_fixture, tmp_path):
    """Without a text column the browser reads the few documents it shows from the corpus
    folder, and shows the same bytes as with every text held (notebook 04 at 100,000
    documents need not read them all); a document without a file gets an empty excerpt."""
    words, doc_topics, docs, _ = topic_fixture
    (tmp_path / "texts").mkdir()
    for doc_id, text in zip(docs["id"], docs["text"], strict=True):
        (tmp_path / "texts" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
    held = explore_topics(words, doc_topics, docs, lam=0.6, live=False).data
    read = explore_topics(words, doc_topics, docs.drop(columns="text"), lam=0.6, live=False,
                          corpus=tmp_path).data
    assert read == held and "Text of document" in read
    top = topic_documents_select(doc_topics, docs.drop(columns="text"), 2, n=3,
                                 corpus=tmp_path / "elsewhere")
    assert top["excerpt"].tolist() == ["", "", ""]
