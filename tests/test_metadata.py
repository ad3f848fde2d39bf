"""Titles from a report's cover and a page's head (titles.title_find)."""

import pytest

from digiwelfare.clean import lines_classify, text_normalize
from digiwelfare.titles import title_find, title_from_cover, title_is_plausible

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


# --- years: more label shapes, a final report's end, guards -------------------------------

from digiwelfare.metadata import year_derive  # noqa: E402

TODAY = __import__("datetime").date(2026, 1, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Om tjenesten\nPublication status\tPublished - 2019\nLes mer", (2019, "published")),
    ("Om tjenesten\nPubliseringsstatus\nPublisert - 2018\n", (2018, "published")),
    ("Forside\nDato:\n3. mars 2021\nTekst", (2021, "published")),
    ("Kommunen\nRapport 12/2017\n\nEn tekst om tenestene.", (2017, "report number")),
    ("Omslag\n\nTryck: Ett tryckeri, Malmö 2016\n\nLång text här.", (2016, "print line")),
])
def test_labelled_dates_in_more_shapes(text, expected):
    assert year_derive(text, today=TODAY) == expected


@pytest.mark.parametrize("text", [
    "Mål\nInnen 2030 skal alle tjenester være digitale.\nFrist: 1. mai 2024",   # horizon
    "© Kommunen 2024\n\nEn tekst om tenestene.",                               # copyright alone
    "Prosjektperiode: 2021–2025\nProsjektet avsluttes i 2025.",                 # ongoing period
    "Status\nRapport 12/2017 er sitert i teksten.",                              # not a lone line
])
def test_guards_against_invented_years_hold(text):
    assert year_derive(text, today=TODAY) == (None, "")


def test_a_projects_completion_dates_only_a_final_report():
    final = ("Sluttrapport\n\nProsjektet ble avsluttet i november 2020 etter fire år.\n"
             "Prosjektperiode: 2016–2020")
    assert year_derive(final, today=TODAY) == (2020, "completed")
    ongoing = "Om prosjektet\n\nProsjektet ble avsluttet i november 2020 etter fire år.\n"
    assert year_derive(ongoing, today=TODAY) == (None, "")
    english = "Final report\n\nThe project was completed in June 2019."
    assert year_derive(english, today=TODAY) == (2019, "completed")
    # the report's own cover date wins over the end of the project it reports on
    cover = "Sluttrapport\nBergen, april 2021\n\nProsjektet ble avsluttet i 2020."
    assert year_derive(cover, today=TODAY) == (2021, "cover date")


def test_a_modified_stamp_can_be_ignored_and_the_next_rule_then_decides():
    page = "Prosjekt\nSist endret 3. mai 2024\n\nProsjektet følger fire kommuner."
    assert year_derive(page, today=TODAY) == (2024, "modified")
    assert year_derive(page, today=TODAY, ignore=frozenset({"modified"})) == (None, "")


# --- titles: skip links, date lines, Markdown headings, wrapped lines, organisations --------

from digiwelfare.readers import markdown_strip, markdown_title  # noqa: E402


def test_a_markdown_pages_level_one_heading_is_its_title_not_what_stands_above_it():
    saved = ("[Skip to main content](#content)\n![Town hall logo](/logo.svg)\n"
             "## Services\n**Decided 4 May 2021**\n\n# Letters that *nobody* reads\n\n"
             "```\n# not a heading\n```\nCaseworkers wrote to users every day.\n")
    assert markdown_title(saved) == "Letters that nobody reads"
    assert "Town hall logo" not in markdown_strip(saved)
    assert markdown_title("## Only a second-level heading\n\nText.") == ""
    assert markdown_title("```\n# code comment\n```\nText.") == ""


def test_skip_links_and_date_lines_are_never_titles():
    text = ("Skip to main content\nVedtatt i bystyret 12. mai 2020\n"
            "Tenester nær folk\n\nKommunen skal gje betre digitale tenester til alle.\n")
    assert title_find(text) == "Tenester nær folk"
    # a title that names a date inside it but does not end in one stays a title
    assert title_find("Seminar 2021 om digitale tenester\n\nVi møttest i Bergen i fjor.\n") \
        == "Seminar 2021 om digitale tenester"


def test_a_title_wrapped_onto_a_lower_case_line_is_joined_a_sentence_below_is_not():
    wrapped = ("Conference 2024 · Abstracts 12\n\nHow caseworkers read the data of their\n"
               "own office\nAnne Berg, Ola Dahl\n\nWe interviewed twenty caseworkers in "
               "three towns about their dashboards.\n")
    assert title_find(wrapped) == "How caseworkers read the data of their own office"
    sentence = wrapped.replace("own office\n", "own office, as we learnt in three towns.\n")
    assert title_find(sentence) == "How caseworkers read the data of their"


def test_an_organisation_named_in_the_plural_is_no_cover_title():
    lines = ["Danske Kommuner og Regioner", "", "Data i ældreplejen i to kommuner", "en vejledning",
             "", "Indhold", "1 Indledning ........ 3"]
    reasons = [None] * 5 + ["contents dot leaders"] * 2
    assert title_from_cover(lines, reasons) == "Data i ældreplejen i to kommuner en vejledning"


def test_year_of_a_final_report_is_its_period_end_not_start():
    # a fact sheet of a closed project: its start date comes first in the head, its end
    # date is the year of the final report the page gives
    sheet = ("Status: Closed project\nStart date: 3 March 2017\nEnd date: 30 June 2020\n\n"
             "## Final report summary\n\nThe project tested shared case files.")
    assert year_derive(sheet, today=TODAY) == (2020, "completed")
    period = "Final report\n\nProject period\n2016 – 2019\n\nThe study followed four offices."
    assert year_derive(period, today=TODAY) == (2019, "completed")


def test_year_of_a_running_project_is_not_its_period_end():
    # a final report promised in prose makes no page a final report, and a start date alone
    # is no date of the page
    plan = ("**Prosjektperiode:** 2022–2025\n\nEin sluttrapport kjem når prosjektet er "
            "ferdig.\n\nStart date: 3 March 2022")
    assert year_derive(plan, today=TODAY) == (None, "")


def test_year_of_a_newsletter_issue_line_and_a_date_label_above_its_year():
    letter = ("Nyhedsbrev nr. 7 – marts 2024\n\nKære læsere\n\nI dette nummer skriver vi om "
              "digitale nøgler i hjemmeplejen.\n\nTidligere numre\nNyhedsbrev nr. 6 – december "
              "2023")
    assert year_derive(letter, today=TODAY) == (2024, "cover date")
    record = "Utgivelsesdato\nForfatter\nTittel\n\nTittel\nDigitale vedtak\nUtgivelsesdato\n2018\n"
    assert year_derive(record, today=TODAY) == (2018, "published")


def test_a_numbered_item_with_a_month_is_no_issue_line():
    # a list of points, a count of participants: no newsletter's issue line
    points = "Tiltak 3 – mars 2024 blir eit nytt kurs\n\nVi hadde 12 – mai 2024 deltakarar"
    assert year_derive(points, today=TODAY) == (None, "")


def test_a_final_report_heading_after_the_projects_acronym_dates_the_page_by_its_end():
    page = ("HOMEWATCH final report summary\nLast updated 2 March 2022\n"
            "Project period: May 2018 – October 2021\n\nThe pilots ran in three towns.")
    assert year_derive(page, today=TODAY, ignore=frozenset({"modified"})) == (2021, "completed")
    # a download link or a sentence naming the final report is no heading of the page
    link = page.replace("HOMEWATCH final report summary", "Download the full final report (PDF)")
    assert year_derive(link, today=TODAY, ignore=frozenset({"modified"})) == (None, "")
    promise = page.replace("HOMEWATCH final report summary",
                           "The final report is written this year.")
    assert year_derive(promise, today=TODAY, ignore=frozenset({"modified"})) == (None, "")


def test_a_cover_title_that_names_its_genre_before_the_organisation_is_the_title():
    lines = ["Lia kommune", "Handlingsplan for Lia kommune", "Alle skal kunne logge inn",
             "2024–2027", "Utgiver: Lia kommune", "Innhold", "1 Mål ........ 3"]
    reasons = [None] * 5 + ["contents dot leaders"] * 2
    assert title_from_cover(lines, reasons) == (
        "Handlingsplan for Lia kommune: Alle skal kunne logge inn")
    # the organisation's own name above it is still passed over
    assert not title_from_cover(lines, reasons).startswith("Lia kommune")


def test_an_affiliation_or_a_footnote_is_never_a_title():
    page = ("Welfare Days 2024 · Book of abstracts\n"
            "Letters nobody opens: digital post and older users\n"
            "Anna Berg¹, Jonas Lind²\n"
            "¹ University of Tromsø, Norway; ² Lund University, Sweden\n"
            "We followed forty older people who receive their letters from the agency on a "
            "screen.\n")
    assert title_find(page) == "Letters nobody opens: digital post and older users"
    assert not title_is_plausible("¹ University of Tromsø, Norway; ² Lund University, Sweden")
    assert not title_is_plausible("² Figures for 2023 are provisional")
    assert title_is_plausible("Universities and the welfare state")


def test_a_headline_asked_as_a_question_over_its_date_is_the_title():
    page = ("Fagbloggen\nForsiden\nSøk i bloggen\n"
            "Hvem svarer når chatboten ikke vet?\nPublisert: 4. april 2023\n"
            "Av Kari Holm\n\nKommunen har brukt en chatbot i to år, og vi har lest samtalene.\n")
    assert title_find(page) == "Hvem svarer når chatboten ikke vet?"
    # a question in the text, with text under it, is a sentence of the text
    prose = ("Digitale samtaler i tre kommuner\n\nHvem svarer når chatboten ikke vet?\nDet "
             "spurte vi ti saksbehandlere i tre kommuner i fjor.\n")
    assert title_find(prose) == "Digitale samtaler i tre kommuner"


def test_a_web_pages_fields_are_no_report_cover():
    """An ISSN among a portal page's fields is no colophon: skip links above it say the page
    is a web page, so its first menu item is no cover title."""
    page = ("Skip to main content\nHelp & FAQ\nProfiles\nProjects\n"
            "Letters on a screen: how older people read digital post\nAnna Berg\n"
            "We followed forty older people who get their letters on a screen.\n"
            "ISSN 1234-5678\n")
    assert title_find(page) == "Letters on a screen: how older people read digital post"


def test_a_council_or_an_agency_named_on_a_cover_is_an_organisation():
    lines = ["Nordic Council of Welfare Ministers", "Screens for everyone",
             "An action plan 2025–2028", "Contents", "1 Goals ........ 3"]
    reasons = [None] * 3 + ["contents dot leaders"] * 2
    assert title_from_cover(lines, reasons) == "Screens for everyone: An action plan 2025–2028"


def test_a_title_field_gives_the_title_unless_a_cover_gives_it_with_its_subtitle():
    front = ("University of the North\nFACULTY OF HEALTH\nStudy programme:\nMaster in Care\n"
             "Autumn semester, 2023\nTitle of master's thesis:\nSensors at night: who wakes "
             "up?\nPages: 80\n\nAbstract\n\nWe studied how night staff use sensors in homes.\n")
    assert title_find(front) == "Sensors at night: who wakes up?"
    colophon = ("Lia kommune\n\nSkjermen og skranken\nSluttrapport fra et prosjekt i to "
                "kommuner\n\nTittel: Skjermen og skranken\nISBN 978-82-0000-000-0\n\n"
                "Prosjektet fulgte ti saksbehandlere gjennom to år med nye skjema.\n")
    assert title_find(colophon) == (
        "Skjermen og skranken: Sluttrapport fra et prosjekt i to kommuner")
    # "Title:" with no plausible value is no title field
    assert title_find("Title:\n12345\n\nDigital letters to older users\n\nWe read 400 "
                      "letters.\n") == "Digital letters to older users"


def test_a_season_on_a_cover_or_an_issue_line_dates_the_document():
    thesis = "Hjelp på skjermen\nMasteroppgave i sosialt arbeid\nVåren 2024\n\nSammendrag\nTekst."
    assert year_derive(thesis, today=TODAY) == (2024, "cover date")
    issue = "Bulletin from the network\nNr. 3 | Winter 2021\n\nThree short items follow."
    assert year_derive(issue, today=TODAY) == (2021, "cover date")
    # a season in a sentence, or a season in the future, is no date of the document
    prose = "The pilot ran through the autumn 2021 term in two districts.\n"
    assert year_derive(prose, today=TODAY) == (None, "")
    assert year_derive("Call for papers\nSpring 2031\n", today=TODAY) == (None, "")


def test_a_footer_saying_when_the_page_was_last_updated_dates_it():
    page = ("Nyhed\nKommunen prøver noget nyt\n\nEn tekst om det.\n\n"
            "Siden er sidst opdateret 4.5.2022")
    assert year_derive(page, today=TODAY) == (2022, "modified")
    english = "A story.\n\nThis page was last updated on 9 June 2020"
    assert year_derive(english, today=TODAY) == (2020, "modified")
    # and, as every "modified" stamp, it is ignored where the import ignores those
    assert year_derive(page, today=TODAY, ignore=frozenset({"modified"})) == (None, "")
