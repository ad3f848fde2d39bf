"""The demo corpus meets its own specification (corpus/README.md)."""

import re
import statistics
from collections import defaultdict

import pandas as pd
import pytest

from digiwelfare.config import ROOT
from digiwelfare.corpus import DOC_TYPES, SECTORS, corpus_read
from digiwelfare.language import _language_main, language_detect, paragraphs_split

# Nynorsk is left out of the detector's choices: lingua reads some formal Bokmål prose as
# Nynorsk (two of the 90 Bokmål texts when it was written), so the detector checks Bokmål
# against English, Danish and Swedish, and Nynorsk is ruled out by its own word forms below.
DETECTABLE = ("en", "nb", "da", "sv")
NYNORSK_ONLY = {"ikkje", "eg", "kva", "korleis", "frå", "kvifor", "dei", "vart", "berre",
                "mykje", "heile", "noko", "nokon", "desse", "sjølv", "òg", "gjennomføra"}


@pytest.fixture(scope="module")
def demo():
    return corpus_read(ROOT / "corpus")


def test_size_and_lengths(demo):
    assert len(demo) >= 240
    words = demo["text"].str.split().str.len()
    assert words.between(80, 450).all(), demo.loc[~words.between(80, 450), "id"].tolist()
    assert 180 <= statistics.median(words) <= 220


def test_mix_of_types_languages_years_and_places(demo):
    shares = demo["doc_type"].value_counts(normalize=True)
    # the demo holds the three kinds of its design; programmes and others come with imports
    assert set(shares.index) == set(DOC_TYPES) - {"event_programme", "other"}
    assert (shares >= 0.2).all()
    norwegian = demo["language"].str.split(";").apply(lambda tags: "nb" in tags)
    assert norwegian.mean() >= 1 / 3
    assert (demo["language"] == "nb").mean() >= 1 / 3
    assert (demo["language"] == "en;nb").sum() >= 20
    assert set(demo["language"]) == {"en", "nb", "en;nb"}
    assert demo["year"].between(2012, 2025).all() and demo["year"].nunique() == 14
    assert set(demo["country"]) == {"NO", "DK", "SE", "FI"}
    assert set(demo["sector"]) == set(SECTORS)
    assert demo["org_type"].nunique() >= 4
    assert demo["title"].is_unique
    assert (demo["licence"] == "CC-BY-4.0").all()
    assert demo["provenance"].str.contains("composed for the compendium").all()


def test_language_tags_agree_with_a_detector(demo):
    wrong = []
    for doc in demo.itertuples():
        tags = doc.language.split(";")
        if len(tags) == 1:
            found = _language_main(doc.text, DETECTABLE)
            if found != tags[0]:
                wrong.append(f"{doc.id}: tagged {doc.language}, detected {found}")
            continue
        # A bilingual page: every real paragraph is in one of its languages, and they come
        # in the tagged order (English summary first, then the Norwegian version).
        labels = [language_detect(p, DETECTABLE) for p in paragraphs_split(doc.text)
                  if len(p.split()) >= 8]
        order = list(dict.fromkeys(labels))
        if order != tags:
            wrong.append(f"{doc.id}: tagged {doc.language}, paragraphs read as {labels}")
    assert not wrong, "\n".join(wrong)


def test_norwegian_texts_are_bokmaal_not_nynorsk(demo):
    for doc in demo[demo["language"].str.contains("nb")].itertuples():
        words = set(re.findall(r"\w+", doc.text.lower()))
        assert not words & NYNORSK_ONLY, f"{doc.id}: Nynorsk forms {sorted(words & NYNORSK_ONLY)}"


def test_no_sentence_of_eight_words_or_more_appears_twice(demo):
    seen = defaultdict(list)
    for doc in demo.itertuples():
        for sentence in re.split(r"(?<=[.!?])\s+|\n+", doc.text):
            words = re.findall(r"\w+", sentence.lower())
            if len(words) >= 8:
                seen[" ".join(words)].append(doc.id)
    repeated = {s: ids for s, ids in seen.items() if len(ids) > 1}
    assert not repeated, repeated


def test_web_debris_documents_are_marked_and_carry_debris(demo):
    plan = pd.read_csv(ROOT / "corpus" / "design" / "plan.csv", dtype=str)
    assert list(plan["id"]) == list(demo["id"])
    debris = plan.loc[plan["web_debris"] == "yes", "id"]
    assert 12 <= len(debris) <= 20
    text = demo.set_index("id")["text"]
    for doc_id in debris:
        short_lines = [p for p in paragraphs_split(text[doc_id]) if len(p.split()) <= 6]
        assert short_lines, f"{doc_id} is marked as a web page but has no debris lines"
    themes = {t.split(":")[0] for cell in plan["themes"] for t in cell.split(";")}
    assert len(themes) >= 12


def test_no_personal_identifiers(demo):
    for doc in demo.itertuples():
        assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", doc.text), f"{doc.id}: e-mail address"
        assert not re.search(r"\b\d{6}[-\s]?\d{4,5}\b", doc.text), f"{doc.id}: identity number?"
        assert not re.search(r"(\+\d{2}\s?)?\b\d{2}\s\d{2}\s\d{2}\s\d{2}\b", doc.text), (
            f"{doc.id}: phone number?")


def test_design_plan_covers_every_document_and_every_theme_in_both_languages(demo):
    from digiwelfare.plan import plan_read

    plan = plan_read(ROOT / "corpus" / "design" / "plan.csv")  # shares sum to 1, or it raises
    assert sorted(plan.index) == sorted(demo["id"])
    assert plan.shape[1] == 13  # the thirteen themes of corpus/README.md
    tags = demo.set_index("id")["language"].str.split(";")
    for code in ("en", "nb"):
        ids = tags[tags.apply(lambda t, c=code: c in t)].index
        assert (plan.loc[ids] > 0).sum().min() >= 10, code  # each theme in 10+ documents
