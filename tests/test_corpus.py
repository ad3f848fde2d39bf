import pandas as pd
import pytest
from conftest import EN_1, corpus_write, row

from digiwelfare.checks import ParameterError
from digiwelfare.corpus import (
    CorpusError,
    corpus_groups,
    corpus_read,
    corpus_subset,
    metadata_validate,
    textstat_counts,
)


def test_load_valid_corpus_sorted_with_text(small_corpus):
    docs = corpus_read(small_corpus)
    assert list(docs["id"]) == sorted(docs["id"])
    assert len(docs) == 6
    assert docs["year"].dtype.kind == "i"
    assert docs.set_index("id").loc["a1", "text"] == EN_1


def test_bad_value_names_file_row_and_column(tmp_path):
    folder = corpus_write(tmp_path, [row("a1"), row("a2", year="20x9")], {"a1": EN_1, "a2": EN_1})
    with pytest.raises(CorpusError) as err:
        corpus_read(folder)
    message = str(err.value)
    assert "metadata.csv, row 3 (id a2), column 'year'" in message
    assert "'20x9' is not a year from 1900 to 2100" in message


def test_every_problem_is_reported_at_once(tmp_path):
    rows = [row("a1", doc_type="novel"), row("a1"), row("a3", language="English")]
    folder = corpus_write(tmp_path, rows, {"a1": EN_1, "orphan": EN_1})
    with pytest.raises(CorpusError) as err:
        corpus_read(folder)
    message = str(err.value)
    assert "column 'doc_type': 'novel'" in message
    assert "id(s) used more than once: a1" in message
    assert "column 'language': 'English'" in message
    assert "a3.txt: missing" in message
    assert "orphan.txt: has no row in metadata.csv" in message


def test_missing_column_and_non_utf8_text(tmp_path):
    folder = corpus_write(tmp_path, [row("a1")], {"a1": "Bl\xe5b\xe6r".encode("latin-1")})
    with pytest.raises(CorpusError, match=r"a1.txt: not UTF-8"):
        corpus_read(folder)
    meta = pd.DataFrame({"id": ["x"], "doc_type": ["abstract"]})
    assert "missing column(s) title" in metadata_validate(meta)[0]
    # only id and title are required: a year, type or language may be missing
    assert metadata_validate(pd.DataFrame({"id": ["x"], "title": ["t"], "year": [""]})) == []


def test_empty_text_is_an_error(tmp_path):
    folder = corpus_write(tmp_path, [row("a1")], {"a1": "  \n"})
    with pytest.raises(CorpusError, match="a1.txt: empty text"):
        corpus_read(folder)


def test_subset_matches_each_language_of_a_bilingual_document(small_corpus):
    docs = corpus_read(small_corpus)
    assert set(corpus_subset(docs, "language", "nb")["id"]) == {"b1", "b2", "c1"}
    with pytest.raises(ParameterError, match="'group_column' = 'colour'"):
        corpus_subset(docs, "colour", "x")


def test_groups_default_to_the_rest_and_refuse_empty_groups(small_corpus):
    docs = corpus_read(small_corpus)
    a, b = corpus_groups(docs, "doc_type", "policy_document")
    assert set(a["id"]) == {"a2", "b2"}
    assert set(b["id"]) == set(docs["id"]) - {"a2", "b2"}
    with pytest.raises(ParameterError, match=r"'group_a' = \['white_paper'\].*values present"):
        corpus_groups(docs, "doc_type", "white_paper")
    with pytest.raises(ParameterError, match="every document is in group A"):
        corpus_groups(docs, "country", "NO")
    a, b = corpus_groups(docs, "year", [2015, 2021], [2020])
    assert set(a["id"]) == {"a2", "b2"} and set(b["id"]) == {"a1", "b1"}


def test_counts_add_up(small_corpus):
    docs = corpus_read(small_corpus)
    counts = textstat_counts(docs, ["doc_type"])
    assert counts["documents"].sum() == len(docs)
    assert counts["words"].sum() == docs["text"].str.split().str.len().sum()


def test_a_corpus_read_for_its_metadata_only_has_no_texts_but_the_same_rows(tmp_path):
    from digiwelfare.corpus import CorpusError, corpus_read

    folder = tmp_path / "c"
    (folder / "texts").mkdir(parents=True)
    (folder / "metadata.csv").write_text("id,title,year\nb,Second,2021\na,First,\n", "utf-8")
    for doc_id in "ab":
        (folder / "texts" / f"{doc_id}.txt").write_text(f"Text {doc_id}.", "utf-8")
    full, meta = corpus_read(folder), corpus_read(folder, texts=False)
    assert "text" in full.columns and "text" not in meta.columns
    assert full.drop(columns="text").equals(meta)
    (folder / "texts" / "b.txt").unlink()
    with pytest.raises(CorpusError, match="b.txt: missing"):
        corpus_read(folder, texts=False)


def test_a_corpus_read_for_its_word_counts_counts_as_the_texts_do(tmp_path):
    """``words=True`` keeps each text's number of words, not the text: the counts of
    :func:`textstat_counts` are the same as from the texts (counted here by hand), and a
    text that cannot be read is still named."""
    from digiwelfare.corpus import CorpusError, corpus_read

    folder = tmp_path / "c"
    (folder / "texts").mkdir(parents=True)
    (folder / "metadata.csv").write_text(
        "id,title,doc_type\nb,Second,abstract\na,First,abstract\nc,Third,\n", "utf-8")
    bodies = {"a": "One two\tthree\n\nfour.", "b": "  Fem  seks ", "c": "sju"}
    for doc_id, body in bodies.items():
        (folder / "texts" / f"{doc_id}.txt").write_text(body, "utf-8")
    counted = corpus_read(folder, texts=False, words=True)
    assert "text" not in counted.columns
    assert dict(zip(counted["id"], counted["n_words"], strict=True)) == {"a": 4, "b": 2, "c": 1}
    by_type = textstat_counts(counted, ["doc_type"])
    assert by_type.equals(textstat_counts(corpus_read(folder), ["doc_type"]))
    assert by_type["words"].tolist() == [1, 6]  # "" (no type) first, then abstract: 4 + 2
    (folder / "texts" / "c.txt").write_text("  \n", "utf-8")
    with pytest.raises(CorpusError, match="c.txt: empty text"):
        corpus_read(folder, texts=False, words=True)


#: A value each column's rule refuses (an empty id or title: they are required).
_BAD = {"id": "a b", "title": "", "doc_type": "novel", "language": "English", "year": "20x9",
        "country": "Norway", "org_type": "club", "year_source": "guess"}


@pytest.mark.parametrize("column", sorted(_BAD))
def test_a_bad_value_in_any_column_of_any_row_is_named_as_a_row_by_row_check_names_it(column):
    # the reference: each row's value tried against its column's rule, one by one
    from digiwelfare.corpus import SCHEMA

    rows = [row(f"d{i}", org_type="university", year_source="metadata.csv") for i in range(30)]
    rows[17][column] = _BAD[column]
    meta = pd.DataFrame(rows).astype(str)
    rule = next(c for c in SCHEMA if c.name == column)
    assert rule.required if _BAD[column] == "" else not rule.check(_BAD[column])
    got = metadata_validate(meta)
    assert len(got) == 1 and f"row 19 (id {rows[17]['id'] or '?'}), column '{column}'" in got[0]
    assert metadata_validate(pd.DataFrame(rows[:17] + rows[18:]).astype(str)) == []


@pytest.mark.parametrize("year", ["²⁰²⁰", "²", "٢٠٢٠"])
def test_a_year_of_other_digits_than_0_to_9_is_a_problem_named_not_a_crash(year):
    # str.isdigit() is true for superscripts, which int() cannot read, and for Arabic-Indic
    # digits, which the year column's numbers would then lose
    meta = pd.DataFrame([row("a1", year=year)]).astype(str)
    problems = metadata_validate(meta)
    assert len(problems) == 1 and "column 'year'" in problems[0] and "1900 to 2100" in problems[0]
