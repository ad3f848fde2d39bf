"""Titles from a report's cover and a page's head (metadata.title_find)."""

from digiwelfare.clean import lines_classify, text_normalize
from digiwelfare.metadata import title_find, title_from_cover

_TOC = "Innhold\n1 Innledning ........................................ 3\n2 Funn ........ 7"
_TEXT = ("Kommunen har prøvd ut digitale tavler i fire team, og denne rapporten samler det "
         "de ansatte og lederne har fortalt oss om arbeidet.")


def _cover(text: str) -> str:
    lines = text_normalize(text).split("\n")
    return title_from_cover(lines, lines_classify(lines, frozenset()))


def test_cover_title_and_subtitle_after_organisation_and_report_number():
    cover = ("Høgskulen i Innlandet\nRapport nr. 12 – 2023\nTavla på veggen\n"
             "Digitale tavler i heimetenesta i fire kommunar\nKari Holm og Ola Dahl\n"
             f"Lillehammer, mars 2023\n\n{_TOC}\n\n{_TEXT}")
    assert _cover(cover) == "Tavla på veggen: Digitale tavler i heimetenesta i fire kommunar"
    assert title_find(cover) == _cover(cover)


def test_cover_in_five_languages_with_kicker_acronym_and_wrapped_subtitle():
    covers = {
        "Social- og Ældreministeriet\n\nREDEGØRELSE\nData i sagsbehandlingen\n\nMaj 2022":
            "Data i sagsbehandlingen",
        "Institutet för välfärdsanalys\nRapport 2023:4\nVem loggar in?\nTillit och "
        "digitala kontakter\nInstitutet för välfärdsanalys":
            "Vem loggar in? Tillit och digitala kontakter",
        "Nordic Centre for Welfare and Social Issues\n\nNo one left behind\nDigital "
        "inclusion in the Nordic\ncountries": "No one left behind: Digital inclusion in "
                                              "the Nordic countries",
        "Vestbrekke kommune\nEining for helse og omsorg\n\nDIGIHEIM\nDigitale verktøy i "
        "heimetenesta\nSluttrapport": "DIGIHEIM: Digitale verktøy i heimetenesta: Sluttrapport",
        "NOU\nNorges offentlige utredninger 2024: 3\nSammen om data\n\nAvgitt 2. mai 2024.":
            "Sammen om data",
    }
    for cover, title in covers.items():
        assert _cover(f"{cover}\n\n{_TOC}\n\n{_TEXT}") == title, cover


def test_an_organisations_block_is_no_title_and_a_colophon_ends_the_cover():
    cover = ("Vestland County Municipality\nKS Vestland\n\nDigital services for all\n\n"
             "Title: Digital services for all\nISBN 978-82-000-0000-0\n\n" + _TEXT)
    assert _cover(cover) == "Digital services for all"


def test_no_cover_without_contents_or_colophon():
    page = f"Hjem\nTjenester\nDigitale tavler i heimetenesta\n\n{_TEXT}"
    assert _cover(page) == ""
    assert title_find(page) == "Digitale tavler i heimetenesta"


def test_a_title_with_a_colon_wins_over_a_field_but_a_field_is_no_title():
    page = ("Arrangementer\nFagdag: Velferdsteknologi og kompetanse i heimetenesta\n"
            "Tid: tysdag 14. november, kl. 10.00\nStad: Kommunehuset i Fjordbotn, store sal\n\n"
            + _TEXT)
    assert title_find(page) == "Fagdag: Velferdsteknologi og kompetanse i heimetenesta"
    fields = ("Program for samlinga om heimetenester\nStad: Kommunehuset i Fjordbotn, store "
              f"sal\nTid: tysdag 14. november\n\n{_TEXT}")
    assert title_find(fields) == "Program for samlinga om heimetenester"


def test_a_heading_printed_twice_close_together_is_a_title_a_site_name_far_apart_is_not():
    page = ("Sandvoll kommune\nHelse og omsorg\nSlik bruker vi sensorer\nSlik bruker vi sensorer"
            f"\n\n{_TEXT}\n\n{_TEXT}\n\n{_TEXT}\n\nPersonvern\nSandvoll kommune")
    assert title_find(page) == "Slik bruker vi sensorer"


def test_report_series_numbers_are_passed_over():
    for number in ("NORCE Report 12-2023", "Arbeidsnotat 2022:3", "Rapport nr. 4 – 2023"):
        cover = (f"{number}\nDigital home care in rural areas\nA mixed-methods evaluation\n"
                 f"Kari Holm, Ola Dahl\nNORCE Norwegian Research Centre AS\n\n{_TOC}\n\n{_TEXT}")
        assert _cover(cover) == "Digital home care in rural areas: A mixed-methods evaluation"


def test_a_title_after_a_long_menu_is_found():
    menu = "\n".join(f"Menu item {k}" for k in range(40))
    page = f"{menu}\nThe tech intermediaries: coordination work in home care\n\n{_TEXT}"
    assert title_find(page) == "The tech intermediaries: coordination work in home care"
