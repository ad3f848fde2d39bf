"""Explorers for JupyterLab: a topic browser and a concordance explorer (ipywidgets).

Each explorer is a class whose ``view_html`` method computes and renders one view (a topic at
a relevance weight; a query with its sort and metadata filters) and whose ``widget`` wires
controls to it; :func:`explore_topics` and :func:`explore_concordances` are the one call a
notebook makes. A pipeline step (papermill under ``make`` or ``python -m digiwelfare run``,
``make nbval``) has no live frontend, and a widget's output there would hold a random model id:
:func:`frontend_live` then says no, and the explorer renders a static HTML page instead, the
same bytes on every run. All document text is escaped.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from html import escape

import numpy as np
import pandas as pd

from digiwelfare.concordances import SORTS, concordance_build

#: Environment variables that mark a run with no live frontend (set by the pipeline).
PIPELINE_MARKERS = ("DIGIWELFARE_PIPELINE", "DIGIWELFARE_OUT", "MAKELEVEL")
_ALL = "(all)"


def frontend_live() -> bool:
    """True when the code runs in an IPython kernel that a person is driving (JupyterLab),
    False in a pipeline step or outside a kernel."""
    if any(os.environ.get(name) for name in PIPELINE_MARKERS):
        return False
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython is a dependency
        return False
    shell = get_ipython()
    return shell is not None and getattr(shell, "kernel", None) is not None


# --- the topic browser --------------------------------------------------------------------

def textstat_relevance(topic_words: pd.DataFrame, topic: int, lam: float = 0.6,
                       n: int = 10) -> pd.DataFrame:
    """The ``n`` most relevant words of ``topic`` at weight ``lam``, as LDAvis ranks them.

    Relevance (Sievert & Shirley 2014, eq. 1) is ``lam * log(phi_kw) + (1 - lam) *
    log(phi_kw / p_w)``: ``lam = 1`` ranks by probability in the topic, ``lam = 0`` by lift
    (how much more probable the word is in the topic than in the corpus). ``topic_words`` is
    the tidy table of :func:`digiwelfare.topics.textstat_topic_words` (``topic, word,
    probability, lift``), with every word of the vocabulary for the ranking to be exact.
    Columns: ``rank, word, probability, lift, relevance``; ties go to the earlier word.
    """
    if not 0.0 <= lam <= 1.0:
        raise ValueError(f"lam = {lam!r}: relevance weights lie between 0 and 1")
    rows = topic_words[topic_words["topic"] == topic]
    if rows.empty:
        known = sorted(topic_words["topic"].unique())
        raise ValueError(f"topic {topic!r}: " + (
            f"the model has topics {', '.join(map(str, known))}" if known else
            "the topic-word table is empty; give the table of textstat_topic_words"))
    with np.errstate(divide="ignore"):
        relevance = (lam * np.log(rows["probability"].to_numpy())
                     + (1 - lam) * np.log(rows["lift"].to_numpy()))
    table = rows[["word", "probability", "lift"]].assign(relevance=relevance)
    table = table.sort_values(["relevance", "word"], ascending=[False, True], kind="stable")
    table = table.head(n).reset_index(drop=True)
    table.insert(0, "rank", np.arange(1, len(table) + 1))
    return table


def _wide(doc_topics: pd.DataFrame) -> pd.DataFrame:
    """A wide document-topic table with whole-number topic columns (Parquet keeps text)."""
    return doc_topics.rename(columns=lambda c: c if c == "id" else int(c))


def topic_documents_select(doc_topics: pd.DataFrame, docs: pd.DataFrame, topic: int,
                           n: int = 3, chars: int = 300, corpus=None) -> pd.DataFrame:
    """The ``n`` documents with the largest share of ``topic``, with the start of their text:
    ``id, proportion, title, doc_type, year, excerpt`` (ties broken by id). The texts are
    ``docs``'s ``text`` column, or, without one, read from the corpus folder ``corpus`` for
    these ``n`` documents only (a large corpus's texts need not all be held for a few)."""
    from digiwelfare.corpus import corpus_text

    wide = _wide(doc_topics)
    top = (wide[["id", topic]].rename(columns={topic: "proportion"})
           .sort_values(["proportion", "id"], ascending=[False, True], kind="stable").head(n))
    top = top.merge(docs[["id", "title", "doc_type", "year"]], on="id", how="left")
    if "text" in docs.columns:
        texts = top["id"].map(docs.set_index("id")["text"])
    else:
        texts = top["id"].map(lambda i: corpus_text(corpus, i) if corpus is not None else "")
    top["excerpt"] = texts.fillna("").map(lambda t: _excerpt(t, chars))
    return top.reset_index(drop=True)


def _excerpt(text: str, chars: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= chars else flat[:chars].rsplit(" ", 1)[0] + " ..."


def textstat_topic_prevalence(doc_topics: pd.DataFrame, docs: pd.DataFrame, topic: int,
                              by: str) -> pd.DataFrame:
    """Mean share of ``topic`` among the documents of each value of ``by`` (documents
    without a value left out): ``group, prevalence, documents``, by group."""
    wide = _wide(doc_topics)
    joined = wide[["id", topic]].merge(docs[["id", by]], on="id", how="left")
    table = (joined.dropna(subset=[by]).groupby(by, sort=True)
             .agg(prevalence=(topic, "mean"), documents=("id", "nunique")).reset_index())
    return table.rename(columns={by: "group"})


def _bars(table: pd.DataFrame, title: str) -> str:
    """A small HTML bar chart of ``group, prevalence, documents`` (no script, no image)."""
    top = max(float(table["prevalence"].max()), 1e-12) if len(table) else 1.0
    rows = "".join(
        f"<tr><td>{escape(str(_plain(r.group)))}</td><td>{r.documents}</td>"
        f'<td><div style="background:#4c72b0;height:0.8em;width:{100 * r.prevalence / top:.0f}'
        f'px"></div></td><td>{r.prevalence:.3f}</td></tr>' for r in table.itertuples())
    return (f"<table><caption>{escape(title)}</caption><tr><th>group</th><th>docs</th>"
            f"<th></th><th>mean share</th></tr>{rows}</table>")


def _plain(value: object) -> object:
    """Years read as floats (a column with gaps) shown as whole numbers."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    return value


class TopicBrowser:
    """Choose a topic: its words with a relevance slider, the documents that carry it most
    (with their text), and its mean share by year and by document type."""

    def __init__(self, topic_words: pd.DataFrame, doc_topics: pd.DataFrame,
                 docs: pd.DataFrame, labels: dict[int, str] | None = None, lam: float = 0.6,
                 n: int = 10, n_docs: int = 3, corpus=None):
        self.topic_words, self.doc_topics, self.docs = topic_words, doc_topics, docs
        self.corpus = corpus  # where the shown documents' texts are read, if docs has none
        self.topics = sorted(int(k) for k in topic_words["topic"].unique())
        self.labels = {k: (labels or {}).get(k, f"T{k}") for k in self.topics}
        self.lam, self.n, self.n_docs = lam, n, n_docs

    def view_html(self, topic: int, lam: float) -> str:
        """One topic at relevance weight ``lam``, as HTML."""
        words = textstat_relevance(self.topic_words, topic, lam, self.n)
        word_rows = "".join(
            f"<tr><td>{r.rank}</td><td>{escape(r.word)}</td><td>{r.probability:.4f}</td>"
            f"<td>{r.lift:.2f}</td></tr>" for r in words.itertuples())
        docs = topic_documents_select(self.doc_topics, self.docs, topic, self.n_docs,
                                      corpus=self.corpus)
        doc_items = "".join(
            f"<li><b>{escape(str(r.title))}</b> ({escape(str(r.doc_type))}, "
            f"{escape(str(_plain(r.year)))}; {escape(str(r.id))}; share {r.proportion:.2f})"
            f"<br>{escape(r.excerpt)}</li>" for r in docs.itertuples())
        by_year = textstat_topic_prevalence(self.doc_topics, self.docs, topic, "year")
        by_type = textstat_topic_prevalence(self.doc_topics, self.docs, topic, "doc_type")
        return (f'<div class="topic-view"><h4>{escape(self.labels[topic])} '
                f"(relevance weight {lam:.2f})</h4>"
                "<table><tr><th>rank</th><th>word</th><th>probability</th><th>lift</th></tr>"
                f"{word_rows}</table><p>Documents with the largest share:</p><ol>{doc_items}</ol>"
                f"{_bars(by_type, 'By document type')}{_bars(by_year, 'By year')}</div>")

    def static_html(self) -> str:
        """Every topic at the browser's weight: what a pipeline run shows."""
        return ("<p>Topic browser, static copy (open the notebook in JupyterLab to choose a "
                "topic and move the relevance slider).</p>"
                + "".join(self.view_html(k, self.lam) for k in self.topics))

    def widget(self):
        """The controls and the view, ready to display."""
        import ipywidgets as w

        self.topic_control = w.Dropdown(
            options=[(self.labels[k], k) for k in self.topics], description="Topic")
        self.lam_control = w.FloatSlider(value=self.lam, min=0.0, max=1.0, step=0.05,
                                         description="Relevance λ", continuous_update=False)
        self.output = w.HTML()
        for control in (self.topic_control, self.lam_control):
            control.observe(lambda _change: self.update(), names="value")
        self.update()
        return w.VBox([w.HBox([self.topic_control, self.lam_control]), self.output])

    def update(self) -> None:
        self.output.value = self.view_html(self.topic_control.value, self.lam_control.value)


# --- the concordance explorer -------------------------------------------------------------

class ConcordanceExplorer:
    """Type a word (``*`` wildcard), a phrase, a lemma or a regular expression; sort by the
    words left or right of it; keep only documents with chosen metadata values."""

    def __init__(self, parts: pd.DataFrame, meta: pd.DataFrame, language: str,
                 query: str = "", match: str = "word", sort: str | None = None,
                 window: int = 8, filters: Iterable[str] = ("doc_type", "year", "country"),
                 max_lines: int = 40, lines: pd.DataFrame | None = None):
        self.parts, self.language = parts, language
        self.filters = [c for c in filters if c in meta.columns]
        self.meta = meta[["id", *dict.fromkeys([*self.filters,
                                                *(c for c in ("doc_type", "year")
                                                  if c in meta.columns)])]]
        self.query, self.match, self.sort, self.window = query, match, sort, window
        self.max_lines = max_lines
        # the last concordance asked for, by its arguments: the static copy shows the same
        # lines twice, and ``lines`` (the notebook's concordance of the first query, built
        # with the same arguments) spares building it again
        self._last: tuple = ()
        if lines is not None:
            columns = ["id", "position", "left", "node", "right", *self.meta.columns[1:]]
            self._last = ((query, match, sort, window, ()), lines[columns])

    def levels(self, column: str) -> list:
        """The values a filter offers, in order (years as whole numbers)."""
        values = self.meta[column].dropna().map(_plain).unique().tolist()
        return sorted(values, key=lambda v: (isinstance(v, str), v))

    def table(self, query: str, match: str = "word", sort: str | None = None,
              window: int = 8, where: dict[str, object] | None = None) -> pd.DataFrame:
        """The concordance of ``query`` in the documents whose metadata match ``where``
        (``{column: value}``; ``None`` or ``"(all)"`` for any value), with their metadata."""
        chosen = tuple((c, v) for c, v in (where or {}).items() if v is not None and v != _ALL)
        key = (query, match, sort, window, chosen)
        if self._last and self._last[0] == key:
            return self._last[1].copy()  # a caller's change does not reach the next view
        meta = self.meta
        for column, value in chosen:
            meta = meta[meta[column].map(_plain) == value]
        parts = self.parts[self.parts["id"].isin(meta["id"])]
        lines = concordance_build(parts, query, language=self.language, window=window,
                                  match=match, sort=sort, meta=meta)
        self._last = (key, lines)
        return lines

    def view_html(self, query: str, match: str = "word", sort: str | None = None,
                  window: int = 8, where: dict[str, object] | None = None) -> str:
        """A count of lines and documents, and the first lines, as HTML; a query that cannot
        be used gives a message instead of an error."""
        try:
            lines = self.table(query, match, sort, window, where)
        except (ValueError, re.error) as err:  # an empty query, a broken pattern
            return f"<p>Cannot search for {escape(repr(query))}: {escape(str(err))}</p>"
        extra = [c for c in ("doc_type", "year") if c in lines.columns]
        shown = lines.head(self.max_lines).assign(
            **{c: lines[c].head(self.max_lines).map(_plain) for c in extra})
        head = (f"<p>{len(lines)} lines in {lines['id'].nunique()} documents for "
                f"<b>{escape(query)}</b> ({escape(match)}, sorted by {escape(str(sort))})"
                + (f"; the first {self.max_lines} shown" if len(lines) > self.max_lines else "")
                + "</p>")
        return head + concordance_html(shown, extra=extra)

    def static_html(self) -> str:
        """The default query with every document, and its lines by document type."""
        lines = self.table(self.query, self.match, self.sort, self.window)
        counts = ""
        if "doc_type" in lines.columns and len(lines):
            by_type = lines.groupby("doc_type")["id"].agg(["size", "nunique"])
            counts = "<table><tr><th>doc_type</th><th>lines</th><th>documents</th></tr>" + "".join(
                f"<tr><td>{escape(str(k))}</td><td>{r['size']}</td><td>{r['nunique']}</td></tr>"
                for k, r in by_type.iterrows()) + "</table>"
        return ("<p>Concordance explorer, static copy (open the notebook in JupyterLab to type "
                "a query, sort and filter).</p>" + counts
                + self.view_html(self.query, self.match, self.sort, self.window))

    def widget(self):
        """The controls and the view, ready to display."""
        import ipywidgets as w

        self.query_control = w.Text(value=self.query, description="Search",
                                    continuous_update=False)
        self.match_control = w.Dropdown(options=["word", "lemma", "regex"], value=self.match,
                                        description="Match")
        self.sort_control = w.Dropdown(options=[("none", None)] + [(s, s) for s in SORTS if s],
                                       value=self.sort, description="Sort")
        self.window_control = w.IntSlider(value=self.window, min=1, max=20,
                                          description="Context", continuous_update=False)
        self.filter_controls = {c: w.Dropdown(options=[_ALL, *self.levels(c)], value=_ALL,
                                              description=c) for c in self.filters}
        self.output = w.HTML()
        controls = [self.query_control, self.match_control, self.sort_control,
                    self.window_control, *self.filter_controls.values()]
        for control in controls:
            control.observe(lambda _change: self.update(), names="value")
        self.update()
        return w.VBox([w.HBox(controls[:4]), w.HBox(controls[4:]), self.output])

    def update(self) -> None:
        where = {c: control.value for c, control in self.filter_controls.items()}
        self.output.value = self.view_html(self.query_control.value, self.match_control.value,
                                           self.sort_control.value, self.window_control.value,
                                           where)


# --- one call from a notebook -------------------------------------------------------------

def _show(explorer, live: bool | None):
    from IPython.display import HTML

    if live if live is not None else frontend_live():
        return explorer.widget()
    return HTML(explorer.static_html())


def explore_topics(topic_words: pd.DataFrame, doc_topics: pd.DataFrame, docs: pd.DataFrame,
                   labels: dict[int, str] | None = None, lam: float = 0.6, n: int = 10,
                   live: bool | None = None, corpus=None):
    """A :class:`TopicBrowser` as widgets in JupyterLab, or its static copy in a pipeline
    run (``live`` forces one or the other). ``docs`` without a ``text`` column: the shown
    documents' texts are read from the corpus folder ``corpus``."""
    return _show(TopicBrowser(topic_words, doc_topics, docs, labels, lam=lam, n=n,
                              corpus=corpus), live)


def explore_concordances(parts: pd.DataFrame, meta: pd.DataFrame, language: str,
                         query: str, match: str = "word", sort: str | None = None,
                         window: int = 8, live: bool | None = None,
                         lines: pd.DataFrame | None = None):
    """A :class:`ConcordanceExplorer` as widgets in JupyterLab, or its static copy in a
    pipeline run (``live`` forces one or the other); ``lines``: the concordance of ``query``
    already built with these arguments and ``meta``, shown first instead of built again."""
    return _show(ConcordanceExplorer(parts, meta, language, query, match, sort, window,
                                     lines=lines), live)


def concordance_html(table: pd.DataFrame, extra: Iterable[str] = ()) -> str:
    """An HTML table of a concordance with the node in bold; all document text is escaped,
    so markup or script inside a document shows as text and never runs."""
    extra = list(extra)
    head = "".join(f"<th>{escape(c)}</th>" for c in ["id", *extra, "left", "node", "right"])
    body = []
    for row in table.itertuples(index=False):
        cells = [escape(str(row.id))] + [escape(str(getattr(row, c))) for c in extra]
        body.append("<tr>" + "".join(f"<td>{c}</td>" for c in cells)
                    + f'<td style="text-align:right">{escape(str(row.left))}</td>'
                    + f"<td><b>{escape(str(row.node))}</b></td><td>{escape(str(row.right))}"
                    "</td></tr>")
    if not body:
        body.append(f'<tr><td colspan="{len(extra) + 4}">No lines.</td></tr>')
    return ('<table class="concordance"><thead><tr>' + head + "</tr></thead><tbody>"
            + "".join(body) + "</tbody></table>")
