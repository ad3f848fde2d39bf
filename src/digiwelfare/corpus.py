"""The corpus: ``metadata.csv`` (one row per document) and ``texts/<id>.txt`` (UTF-8).

The schema is data (:data:`SCHEMA`): each column with whether it must be filled and the
values it allows. :func:`corpus_read` reads and validates a corpus folder and returns one
table with a ``text`` column; every problem is reported with the file, row and column.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from digiwelfare.checks import ParameterError
from digiwelfare.parallel import memory_release

#: Kinds of document. ``event_programme``: a seminar or conference programme; ``other``: a page
#: that is none of the rest (news, general information). Missing (empty) is allowed too.
DOC_TYPES = ("project_report", "policy_document", "abstract", "event_programme", "other")
SECTORS = (
    "health and care", "labour and welfare", "child welfare", "social services",
    "municipal administration",
)
ORG_TYPES = ("university", "university college", "research institute", "agency", "ministry",
             "municipality")
#: Where a derived year came from, in order of trust (``year_source``); empty when the year was
#: given by hand in a corpus folder, or is missing.
YEAR_SOURCES = ("metadata.csv", "record", "file properties", "html meta", "published", "date label",
                "adopted", "answered", "modified", "event date", "cover date", "report number",
                "print line", "final report", "dateline", "completed", "date in the head",
                "copyright", "annual report")


@dataclass(frozen=True)
class Column:
    name: str
    required: bool
    rule: str  # said to the user when a value breaks it
    check: object  # callable(str) -> bool


def _one_of(values):
    return lambda v: v in values


SCHEMA = (
    Column("id", True, "letters, digits, '_' or '-', at most 64, unique",
           lambda v: re.fullmatch(r"[A-Za-z0-9_-]{1,64}", v) is not None),
    Column("title", True, "a non-empty title", lambda v: bool(v.strip())),
    Column("doc_type", False, "one of " + ", ".join(DOC_TYPES), _one_of(DOC_TYPES)),
    Column("language", False, "ISO 639-1 codes joined by ';' in reading order, e.g. en, nb, en;nb",
           lambda v: re.fullmatch(r"[a-z]{2}(;[a-z]{2})*", v) is not None),
    Column("year", False, "a year from 1900 to 2100",
           lambda v: v.isascii() and v.isdigit() and 1900 <= int(v) <= 2100),
    Column("country", False, "an ISO 3166 two-letter code such as NO, DK, SE, FI",
           lambda v: re.fullmatch(r"[A-Z]{2}", v) is not None),
    Column("sector", False, "one of " + ", ".join(SECTORS), _one_of(SECTORS)),
    Column("org_type", False, "one of " + ", ".join(ORG_TYPES), _one_of(ORG_TYPES)),
    Column("provenance", False, "free text", lambda v: True),
    Column("licence", False, "free text", lambda v: True),
    Column("year_source", False, "one of " + ", ".join(YEAR_SOURCES), _one_of(YEAR_SOURCES)),
    Column("doc_type_source", False, "free text: 'metadata.csv', 'record', 'option' or "
           "'cue: <name>'", lambda v: True),
)
COLUMNS = tuple(c.name for c in SCHEMA)


class CorpusError(ValueError):
    """A corpus that does not meet the schema; the message lists every problem found."""


def _column_has_problem(col: Column, values: pd.Series) -> bool:
    """Whether any value of a column breaks its rule (empty in a required column, or failing
    its check), each distinct value tried once."""
    return any((col.required if value == "" else not col.check(value))
               for value in pd.unique(values.to_numpy(dtype=object)))


def metadata_validate(meta: pd.DataFrame, source: str = "metadata.csv") -> list[str]:
    """Return one message per problem in a metadata table read as strings, as
    :func:`corpus_read` reads it (empty if none)."""
    problems = []
    missing = [c.name for c in SCHEMA if c.required and c.name not in meta.columns]
    if missing:
        return [f"{source}: missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}"]
    # each check is a function of the value alone: the rows are gone through one by one (for
    # messages in row order) only when some column's distinct values hold a problem
    rows = meta.itertuples(index=False) if any(
        _column_has_problem(col, meta[col.name]) for col in SCHEMA if col.name in meta.columns
    ) else []
    for i, row in enumerate(rows, start=2):  # row 1 is the header
        values = row._asdict()
        label = f"{source}, row {i} (id {values['id'] or '?'})"
        for col in SCHEMA:
            if col.name not in values:
                continue
            value = values[col.name]
            if value == "":
                if col.required:
                    problems.append(f"{label}, column '{col.name}': empty; expected {col.rule}")
            elif not col.check(value):
                problems.append(f"{label}, column '{col.name}': {value!r} is not {col.rule}")
    dupes = sorted(meta["id"][meta["id"].duplicated() & (meta["id"] != "")].unique())
    if dupes:
        problems.append(f"{source}: id(s) used more than once: {', '.join(dupes)}")
    return problems


def corpus_text(folder: str | Path, doc_id: str) -> str:
    """The text of one document of a corpus folder (``texts/<id>.txt``), as
    :func:`corpus_read` reads it; "" when there is no such file."""
    path = Path(folder) / "texts" / f"{doc_id}.txt"
    return path.read_text(encoding="utf-8") if path.is_file() else ""


def corpus_read(folder: str | Path, texts: bool = True, words: bool = False) -> pd.DataFrame:
    """Read and validate a corpus folder; return metadata with a ``text`` column, sorted by id.

    Raises :class:`CorpusError` naming every bad row and column, every row without a text
    and every text without a row. With ``texts=False`` the texts are not kept (no ``text``
    column; a notebook that needs metadata only, at 100,000 documents half a gigabyte less);
    their files must still be there, but what is in them is checked where they are read.
    With ``words``, each text is read and checked all the same and its number of
    whitespace-separated words kept in a column ``n_words`` (what
    :func:`textstat_counts` counts), with or without the text itself.
    """
    folder = Path(folder)
    meta_file = folder / "metadata.csv"
    if not meta_file.is_file():
        raise CorpusError(f"{meta_file}: not found; a corpus folder holds metadata.csv and texts/")
    try:
        meta = pd.read_csv(meta_file, dtype=str, keep_default_na=False, encoding="utf-8")
    except (UnicodeDecodeError, pd.errors.ParserError) as err:
        raise CorpusError(f"{meta_file}: cannot be read as UTF-8 CSV ({err})") from None
    problems = metadata_validate(meta, str(meta_file))
    texts_dir = folder / "texts"
    on_disk = {p.stem for p in texts_dir.glob("*.txt")} if texts_dir.is_dir() else set()
    for doc_id in sorted(set(meta.get("id", [])) - on_disk - {""}):
        problems.append(f"{texts_dir / (doc_id + '.txt')}: missing (metadata.csv has id {doc_id})")
    for doc_id in sorted(on_disk - set(meta.get("id", []))):
        problems.append(f"{texts_dir / (doc_id + '.txt')}: has no row in metadata.csv")
    contents, counts = {}, {}
    folder_name = str(texts_dir)
    for doc_id in sorted(on_disk & set(meta.get("id", [])) if texts or words else []):
        path = os.path.join(folder_name, f"{doc_id}.txt")  # Path: a second more at 100,000
        try:
            with open(path, encoding="utf-8") as handle:  # what Path.read_text does
                text = handle.read()
        except UnicodeDecodeError as err:
            problems.append(f"{path}: not UTF-8 ({err.reason} at byte {err.start})")
            continue
        if not text.strip():
            problems.append(f"{path}: empty text")
        if texts:
            contents[doc_id] = text
        if words:
            counts[doc_id] = len(text.split())
    if problems:
        shown = problems[:20]
        more = f"\n... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise CorpusError(f"{len(problems)} problem(s) in corpus {folder}:\n"
                          + "\n".join(shown) + more)
    for col in COLUMNS:
        if col not in meta.columns:
            meta[col] = ""
    year = pd.to_numeric(meta["year"].replace("", None), errors="coerce").astype("Int64")
    meta = meta.assign(year=year)
    if texts:
        meta = meta.assign(text=meta["id"].map(contents))
    if words:
        meta = meta.assign(n_words=meta["id"].map(counts).astype("int64"))
    del contents
    meta = meta.sort_values("id", kind="stable").reset_index(drop=True)
    if texts or words:
        memory_release()  # what reading the files left behind
    return meta


def column_known(corpus: pd.DataFrame, column: str, purpose: str = "",
                 echo=print) -> pd.DataFrame:
    """The documents whose ``column`` is known (not missing, not empty), saying how many were
    left out and why, so that missing metadata never stops an analysis nor vanishes silently.

    >>> docs = pd.DataFrame({"id": ["a", "b"], "year": pd.array([2020, None], dtype="Int64")})
    >>> list(column_known(docs, "year", "the year figure", echo=lambda s: None)["id"])
    ['a']
    """
    if column not in corpus.columns:
        echo(f"No column '{column}' in this corpus: {purpose or 'this step'} is left out.")
        return corpus.iloc[0:0]
    known = corpus[column].notna() & (corpus[column].astype(str).str.strip() != "")
    if (~known).any():
        echo(f"{int((~known).sum())} of {len(corpus)} documents have no {column}; they are "
             f"left out of {purpose or 'this step'} (they stay in every other analysis).")
    return corpus[known]


def column_check(corpus: pd.DataFrame, column: object, name: str = "group_column") -> str:
    """Return ``column`` if it is a metadata column of ``corpus``, else raise ParameterError."""
    if column not in corpus.columns or column == "text":
        cols = [c for c in corpus.columns if c != "text"]
        raise ParameterError(name, column, "expected a metadata column: " + ", ".join(cols))
    return str(column)


def corpus_subset(corpus: pd.DataFrame, column: str, values, name: str | None = None
                  ) -> pd.DataFrame:
    """Documents whose ``column`` is one of ``values``; raise if the column or match is missing.

    A document tagged with several languages (``en;nb``) matches each of them. ``name`` is
    the parameter the values came from, for the error message.
    """
    column_check(corpus, column)
    values = [values] if isinstance(values, str | int) else list(values)
    cell = corpus[column].astype(str)
    if column == "language":
        mask = cell.str.split(";").apply(lambda langs: any(str(v) in langs for v in values))
    else:
        mask = cell.isin([str(v) for v in values])
    if not mask.any():
        present = sorted(corpus[column].astype(str).unique())
        known = ("values present are " + ", ".join(present)) if present else \
            "the corpus has no documents; check the corpus folder and the language"
        raise ParameterError(name or column, values,
                             f"no document has it in column '{column}'; {known}")
    return corpus[mask]


def corpus_groups(corpus: pd.DataFrame, column: str, group_a, group_b=None
                  ) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Split documents into group A (``column`` in ``group_a``) and group B (in ``group_b``,
    or every other document when ``group_b`` is None). Both must be non-empty.

    With ``column = "query"`` the groups are pandas query expressions over the metadata,
    such as ``group_a = "year >= 2019 and doc_type != 'abstract'"``.
    """
    if column == "query":
        docs_a = _query(corpus, group_a, "group_a")
        docs_b = (corpus[~corpus["id"].isin(docs_a["id"])] if group_b is None
                  else _query(corpus, group_b, "group_b"))
        if docs_b.empty:
            raise ParameterError("group_b", group_b, "no document is left for group B")
        return docs_a, docs_b
    docs_a = corpus_subset(corpus, column, group_a, name="group_a")
    if group_b is None:
        docs_b = corpus[~corpus["id"].isin(docs_a["id"])]
        if docs_b.empty:
            raise ParameterError("group_a", group_a, "every document is in group A, so there is "
                                 "nothing to compare with; narrow it or set group_b")
    else:
        docs_b = corpus_subset(corpus, column, group_b, name="group_b")
    return docs_a, docs_b


def textstat_counts(corpus: pd.DataFrame, by: list[str]) -> pd.DataFrame:
    """Number of documents and words for each combination of the ``by`` columns; a missing
    value is a group of its own (empty, or <NA> for the year), never left out. Words are the
    whitespace-separated words of ``text``, or the column ``n_words`` when the corpus was read
    with ``words=True`` (the same count)."""
    words = corpus["n_words"] if "n_words" in corpus.columns else \
        corpus["text"].str.split().str.len()
    table = (corpus.assign(words=words).groupby(by, sort=True, dropna=False)
             .agg(documents=("id", "size"), words=("words", "sum")).reset_index())
    return table


def textstat_metadata(corpus: pd.DataFrame) -> pd.DataFrame:
    """How each metadata column was filled: ``column, source, documents``. ``source`` is the
    rule recorded beside the year and the type (``year_source``, ``doc_type_source``; "given"
    when a value has no recorded source), "given" for other known values, and "missing".

    >>> docs = pd.DataFrame({"id": ["a", "b"], "year": pd.array([2020, None], dtype="Int64"),
    ...                      "year_source": ["published", ""]})
    >>> textstat_metadata(docs)[["column", "source", "documents"]].values.tolist()
    [['year', 'missing', 1], ['year', 'published', 1]]
    """
    rows = []
    for col in [c.name for c in SCHEMA if c.name not in ("id", "title") and
                not c.name.endswith("_source") and c.name in corpus.columns]:
        known = corpus[col].notna() & (corpus[col].astype(str).str.strip() != "")
        rule = corpus.get(f"{col}_source", pd.Series("", index=corpus.index)).fillna("")
        source = rule.where(rule != "", "given").where(known, "missing")
        rows += [(col, src, int(n)) for src, n in source.value_counts().items()]
    table = pd.DataFrame(rows, columns=["column", "source", "documents"])
    return table.sort_values(["column", "source"], kind="stable").reset_index(drop=True)


def _query(corpus: pd.DataFrame, expression: object, name: str) -> pd.DataFrame:
    if not isinstance(expression, str):
        raise ParameterError(name, expression, "expected a query such as \"year >= 2019\"")
    try:
        found = corpus.query(expression)
    except Exception as err:  # pandas raises many kinds for a bad expression
        raise ParameterError(name, expression, f"not a valid query ({type(err).__name__}: "
                             f"{err}); columns are " + ", ".join(c for c in corpus.columns
                                                                if c != "text")) from None
    if found.empty:
        raise ParameterError(name, expression, "no document matches it")
    return found
