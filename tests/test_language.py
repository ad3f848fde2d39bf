from conftest import EN_1, EN_2, NB_1, NB_2

from digiwelfare.language import (
    corpus_language_parts,
    language_detect,
    paragraphs_split,
    text_language_guess,
    text_languages_split,
)


def test_detect_between_tagged_languages():
    assert language_detect(EN_1, ("en", "nb")) == "en"
    assert language_detect(NB_1, ("en", "nb")) == "nb"
    assert language_detect(NB_2, ("en", "nb", "da", "sv")) == "nb"


def test_paragraphs_split_on_blank_lines():
    assert paragraphs_split("a b\n\n\n c d \n \nе") == ["a b", "c d", "е"]


def test_bilingual_text_is_split_and_nothing_is_dropped():
    text = f"Back to search\n\n{EN_1}\n\n{EN_2}\n\nNorsk sammendrag\n\n{NB_1}\n\n{NB_2}"
    parts = text_languages_split(text, "en;nb")
    assert list(parts) == ["en", "nb"]
    assert EN_1 in parts["en"] and EN_2 in parts["en"]
    assert NB_1 in parts["nb"] and NB_2 in parts["nb"]
    assert "Back to search" in parts["en"]  # a short opening line joins the paragraph after it
    assert "Norsk sammendrag" in parts["en"]  # a heading joins the paragraph before it
    joined = sorted(p for part in parts.values() for p in paragraphs_split(part))
    assert joined == sorted(paragraphs_split(text))


def test_single_language_tag_keeps_whole_text():
    assert text_languages_split(f"  {EN_1}\n\n{NB_1} ", "en") == {"en": f"{EN_1}\n\n{NB_1}"}


def test_corpus_parts_filter_by_language(small_corpus):
    from digiwelfare.corpus import corpus_load

    parts = corpus_language_parts(corpus_load(small_corpus), "nb")
    assert list(parts["id"]) == ["b1", "b2", "c1"]
    assert NB_1 in parts.set_index("id").loc["c1", "text"]
    assert EN_1 not in parts.set_index("id").loc["c1", "text"]


def test_guess_goes_with_the_majority_of_words():
    assert text_language_guess(f"{NB_1}\n\n{NB_2}\n\n{EN_1}") == "nb"
    assert text_language_guess(f"Kort.\n\n{EN_1}\n\n{EN_2}\n\n{NB_1}") == "en"
    assert text_language_guess("Hei") in ("en", "nb", "nn", "da", "sv")
