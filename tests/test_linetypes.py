"""Shapes of lines (linetypes): sentences, author lists, affiliations, fields, dates."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from digiwelfare import linetypes
from digiwelfare.linetypes import (
    line_ends_in_date,
    line_has_date,
    line_is_affiliation,
    line_is_author_list,
    line_is_fields,
    line_is_sentence,
)


def test_affiliation_shapes_and_what_they_are_not():
    assert line_is_affiliation("Aalborg Universitet, Institut for Sociologi og Socialt Arbejde")
    assert line_is_affiliation("² Høgskulen på Vestlandet, Bergen; ³ NTNU, Trondheim")
    assert not line_is_affiliation("Oslo, Bergen and Trondheim took part in the survey.")
    assert not line_is_affiliation("University of Agder")  # one part: a name, not the shape
    assert not line_is_affiliation("The University of Oslo, the University of Bergen and "
                                   "NTNU took part.")
    assert line_is_author_list("Tor Inge Aasen¹, Mette Lindgaard Sørensen²")
    assert line_is_author_list("Marte Sæther1,2 and Olav Lien3")
    assert line_is_author_list("Kari Holm (NTNU) og Ola Dahl (Universitetet i Bergen)")
    assert not line_is_author_list("Kari Holm (NTNU) og Ola Dahl (UiB) ledet prosjektet.")
    assert not line_is_author_list("Digital Welfare Encounters (TRUSTDIG)")  # a title
    assert not line_is_author_list("Anne Grete Fossheim, Bjørn Ivar Tollefsrud og Lene Hagen")
    assert not line_is_author_list("Digital Boards, Home Care and Welfare Technology")


def test_sentences_by_function_words_or_by_shape_and_what_is_no_sentence():
    assert line_is_sentence("Kommunen dekker tiltakene innenfor vedtatt budsjett.")
    assert line_is_sentence("Fagdagen er gratis.")
    assert not line_is_sentence("Kilde: Statistisk sentralbyrå.")  # a label, not prose
    assert not line_is_sentence("No publications found")
    assert not line_is_sentence("Digitale Tavler, Velferd Nå.")  # title case: no prose


def test_fields_and_dates():
    assert line_is_fields("Abstract submission deadline: 15 January 2025. Notification of "
                          "acceptance: 1 March 2025.")
    assert line_is_fields("Søknadsfrist: 15. januar 2025. Svar: 1. mars 2025.")
    assert not line_is_fields("Conclusion: Self-service shifts burdens onto applicants. "
                              "Method: We interviewed staff in two offices over a year.")
    assert line_ends_in_date("Avgitt til Helse- og omsorgsdepartementet 14. juni 2024.")
    assert not line_ends_in_date("Fra 1. mars 2024 kan du chatte med NAV.")
    assert line_has_date("Vedtatt i kommunestyret 15.06.2023, sak 58/23")
    assert not line_has_date("Digitaliseringsstrategi 2024–2028")


def test_a_sentence_with_a_footnotes_mark_after_its_full_stop_is_a_sentence():
    from digiwelfare.linetypes import line_is_sentence

    assert line_is_sentence("Vi leste 40 saker fra 2023 og intervjuet ledere ved kontoret.²")
    assert line_is_sentence("We read forty case files from one office.¹")
    assert not line_is_sentence("Tabell 2 Saker per år¹")  # a caption with a mark: no end


def _author_list_before(line: str) -> bool:
    # the function as it was, with one pattern for marks and glued digits (the reference)
    line = line.strip()
    one = re.compile(r"[\u00b9\u00b2\u00b3\u2070-\u2079*†‡]|[^\W\d_]\d")
    marked = one.search(line) or (line.endswith(")") and linetypes._BRACKETS_JOINED.search(line))
    return bool(marked) and bool(linetypes._AUTHOR_LIST.fullmatch(line))


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(["Kari", "Holm", "Ola", "Dahl", "Siri", "Berg", "og", "and",
                                 ",", ", ", " ", "(NTNU)", ")", "¹", "²", "³", "*", "†", "‡",
                                 "1", "\u0663", "2,3", "Ø", "_"]), max_size=12))
def test_author_lists_are_found_as_the_single_pattern_of_marks_found_them(parts):
    # "\u0663" is an Arabic-Indic digit, which \d matches too
    line = "".join(parts)
    assert line_is_author_list(line) == _author_list_before(line)


@pytest.mark.parametrize("line", [
    "Kari Holm¹, Ola Dahl² og Siri Berg*", "Kari Holm1, Ola Dahl2 and Siri Berg3",
    "Kari Holm1,2, Ola Dahl2", "Kari Holm (NTNU), Ola Dahl (UiB)", "Kari Holm\u0663, Ola Dahl",
    "Kari Holm, Ola Dahl og Siri Berg", "Kari Holm‡ and Ola Dahl†", "Room 12, Floor 3"])
def test_author_list_examples_as_the_single_pattern_found_them(line):
    assert line_is_author_list(line) == _author_list_before(line)
