"""Titles: government papers' covers, document numbers and blocks of fields (titles.title_find)."""

from digiwelfare.clean import lines_classify
from digiwelfare.titles import title_find

_BODY = ("Regjeringen legger her fram en melding om hvordan kommunene kan bruke digitale "
         "verktøy i oppfølgingen av eldre som bor hjemme.")


def test_a_white_paper_cover_gives_its_title_not_its_number_or_series():
    cover = ("Meld. St. 9\n(2030–2031)\nMelding til Stortinget\nHjemme med skjerm\n"
             "Digitale tilsyn i kommunale tjenester\n\nInnhold\n1 Innledning ........ 5\n"
             f"2 Status ........... 9\n\n{_BODY}")
    assert title_find(cover) == "Hjemme med skjerm: Digitale tilsyn i kommunale tjenester"
    english = ("Report to the Storting (white paper)\nMeld. St. 3 (2029–2030)\nCare at a "
               "distance\n\nContents\n1 Summary ........ 4\n\nThe government sets out here.")
    assert title_find(english) == "Care at a distance"


def test_a_colon_before_a_number_is_no_field_label():
    lines = ["Høringssvar – NOU 2031:4 Velferd på nett", "Tid: 10:15", "Stream 6: Digital care"]
    assert lines_classify(lines, frozenset()) == [None, "field label", "field label"]


def test_a_line_inside_a_block_of_fields_is_no_title_but_one_above_it_is():
    page = ("Hjemmebesøk på video\n\nProsjektleder: Kari Holm\n"
            "Referansegruppe: ansatte og brukere fra begge kommunene og en forsker\n"
            "Foto: kommunen\n\nTo kommuner har prøvd ut video i hjemmetjenesten i to år.")
    assert title_find(page) == "Hjemmebesøk på video"
    catalogue = ("Digitale spor i sosialtjenesten: innsyn og tillit\nProsjektnummer: 123456\n"
                 "Prosjektperiode: 2029–2031\n\nProsjektet undersøker hvordan brukere leser "
                 "journalen sin.")
    assert title_find(catalogue) == "Digitale spor i sosialtjenesten: innsyn og tillit"
