"""Titles (titles.title_find): report covers, government papers, page heads, fields, Markdown
headings, wrapped lines and organisations."""

import pytest

from digiwelfare.clean import lines_classify, text_normalize
from digiwelfare.readers import markdown_strip, markdown_title
from digiwelfare.titles import title_find, title_from_cover, title_is_plausible

_TOC = "Innhold\n1 Innledning ........................................ 3\n2 Funn ........ 7"
_TEXT = ("Kommunen har prøvd ut digitale tavler i fire team, og denne rapporten samler det "
         "de ansatte og lederne har fortalt oss om arbeidet.")
_BODY = ("Regjeringen legger her fram en melding om hvordan kommunene kan bruke digitale "
         "verktøy i oppfølgingen av eldre som bor hjemme.")


def _cover(text: str) -> str:
    lines = text_normalize(text).split("\n")
    return title_from_cover(lines, lines_classify(lines, frozenset()))


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
    colophon = ("Lia kommune\n\nSkjermen og skranken\nErfaringer fra et prosjekt i to "
                "kommuner\n\nTittel: Skjermen og skranken\nISBN 978-82-0000-000-0\n\n"
                "Prosjektet fulgte ti saksbehandlere gjennom to år med nye skjema.\n")
    assert title_find(colophon) == (
        "Skjermen og skranken: Erfaringer fra et prosjekt i to kommuner")
    # a line that names the report's kind and its project is no subtitle (every labelled
    # cover of the fixture sets leaves it out of the title)
    assert title_find(colophon.replace("Erfaringer fra", "Sluttrapport fra")) == (
        "Skjermen og skranken")
    # "Title:" with no plausible value is no title field
    assert title_find("Title:\n12345\n\nDigital letters to older users\n\nWe read 400 "
                      "letters.\n") == "Digital letters to older users"


def test_a_draft_label_in_capitals_above_a_cover_title_is_no_project_acronym():
    cover = ["UTKAST", "Digital samhandling i Fjordvik kommune 2026–2030", "Fjordvik kommune",
             "Kommunedirektøren", "", "Innhold", "1 Bakgrunn ........ 3"]
    reasons = [None] * 5 + ["contents dot leaders"] * 2
    assert title_from_cover(cover, reasons) == "Digital samhandling i Fjordvik kommune 2026–2030"
    draft = ["DRAFT"] + cover[1:]
    assert title_from_cover(draft, reasons) == "Digital samhandling i Fjordvik kommune 2026–2030"
    # a project's acronym above its title stays part of it
    project = ["HJEMVEG", "Digital samhandling om utskrivning", "", "Innhold",
               "1 Bakgrunn ........ 3"]
    assert title_from_cover(project, [None] * 3 + ["contents dot leaders"] * 2) == \
        "HJEMVEG: Digital samhandling om utskrivning"


def test_a_summary_kicker_and_a_swedish_agencys_name_stand_above_a_cover_title():
    lines = ["Myndigheten för vård- och omsorgsanalys", "Digitala tjänster i äldreomsorgen",
             "En uppföljning av kommunernas arbete", "Rapport 2025:4", "", "Innehåll",
             "1 Inledning ........ 9"]
    reasons = [None] * 5 + ["contents dot leaders"] * 2
    assert title_from_cover(lines, reasons) == (
        "Digitala tjänster i äldreomsorgen: En uppföljning av kommunernas arbete")
    kicker = ["Summary", "Hands that help: who helps with digital government?", "",
              "Contents", "1 Why ........ 3"]
    assert title_from_cover(kicker, [None] * 3 + ["contents dot leaders"] * 2) == (
        "Hands that help: who helps with digital government?")


def test_a_two_word_genre_kicker_and_a_venues_address_are_no_title():
    lines = ["THE NATIONAL AUDIT OFFICE", "", "Performance audit",
             "Digital services of the insurance administration", "", "Report to parliament",
             "", "Contents", "Summary ........ 3"]
    reasons = [None] * 7 + ["contents dot leaders"] * 2
    assert title_from_cover(lines, reasons) == "Digital services of the insurance administration"
    page = ("Till innehållet\nKalender\nSeminarium\n\n"
            "Vision seminarium: Digitaliseringen och arbetsmiljön\n\nOnsdag 22 april 2026\n"
            "Vision, Olof Palmes gata 17, Stockholm och digitalt\n\n"
            "Vi bjuder in till ett seminarium om hur digitala system förändrar arbetet.\n")
    assert title_find(page) == "Vision seminarium: Digitaliseringen och arbetsmiljön"


def test_rime_kinds_of_title():
    """A name written with a small first letter ("eKommune 2026: ...") can be a title; a
    breadcrumb of three parts parted by slashes cannot, a bilingual title parted by one can;
    a line giving the event's day is not the title's second line; a one-word agency
    ("Riksrevisjonen") and a "Dokument 3:00 (2024–2025)" number stand above a cover title."""
    assert title_is_plausible("eKommune 2026: Tjenester som henger sammen")
    assert not title_is_plausible("og tjenester som henger sammen")  # a wrapped line still
    page = ("Skip to main content\nArchive Home / Institute of Research / Working papers\n"
            "Who helps the helpers? Local digital inclusion work\nAbstract\n"
            "Municipal libraries now do much of the everyday work of helping citizens online.\n")
    assert title_find(page) == "Who helps the helpers? Local digital inclusion work"
    both = "Velferdsteknologiens dag / Welfare Technology Day\nProgram\n09.00 Velkommen\n"
    assert title_find(both) == "Velferdsteknologiens dag / Welfare Technology Day"
    event = ("Hopp til innhold\nArrangementer\nDigital kveld for seniorer: Trygg på nett\n"
             "torsdag 12. mars\nKl. 18.00–20.30\nMange eldre får meldinger som ser ut til å "
             "komme fra banken, og det kan være vanskelig å vite hva som er ekte.\n")
    assert title_find(event) == "Digital kveld for seniorer: Trygg på nett"
    cover = ["Riksrevisjonen", "Dokument 3:00 (2024–2025)",
             "Riksrevisjonens undersøkelse av digital samhandling", "Oslo, 6. mai 2025", "",
             "Innhold", "1 Hovedfunn ........ 3"]
    reasons = [None] * 5 + ["contents dot leaders"] * 2
    assert title_from_cover(cover, reasons) == (
        "Riksrevisjonens undersøkelse av digital samhandling")


def test_organisations_by_their_compounds_and_acronyms_are_no_title_a_gathering_is():
    """An organisation named by a compound whose head is a body ("Velferdsteknologinettverket
    i Agder"), or after its acronym ("ISF: Inspektionen för ..."), loses to the page's
    heading; a gathering whose name opens with an institution's stem ("Nettverkssamling
    for ...") is the title; a heading that ends in "municipality" is no site name."""
    from digiwelfare.organisations import line_is_organisation

    assert line_is_organisation("Velferdsteknologinettverket i Agder")
    assert line_is_organisation("ISF: Inspektionen för socialförsäkringen")
    assert line_is_organisation("IFAU – Institutet för arbetsmarknadspolitisk utvärdering")
    assert not line_is_organisation("Nettverkssamling for velferdsteknologi i Agder")
    assert not line_is_organisation("NOU: Digital velferd for alle")
    programme = ("Velferdsteknologinettverket i Agder\nPROGRAM\n"
                 "Nettverkssamling for velferdsteknologi i Agder\nTirsdag 10. juni\n\n"
                 "Samlingen er for ledere i hjemmetjenesten i de 25 kommunene.\n")
    assert title_find(programme) == "Nettverkssamling for velferdsteknologi i Agder"
    copy = ("Skip to main content\nNorwegian Centre for E-health Research\nResearch\n"
            "Projects\nWho follows up? Remote follow-up between hospital and municipality\n"
            "Project period:\n2024–2027\n\nThe project follows patients home from hospital.\n")
    assert title_find(copy) == (
        "Who follows up? Remote follow-up between hospital and municipality")


def test_a_common_noun_with_a_bodys_ending_is_no_organisation():
    """"Nattilsynet i hjemmetjenesten" (night-time supervision), "Hjemmekontoret i pandemien"
    and "Rammeverket for digital kompetanse" end as an agency's name does, but name a thing;
    a body's compound before a place needs the place's capital."""
    from digiwelfare.organisations import line_is_organisation

    for heading in ("Nattilsynet i hjemmetjenesten", "Hjemmekontoret i pandemien",
                    "Rammeverket for digital kompetanse"):
        assert not line_is_organisation(heading), heading
    page = ("Hjem / Helse\nRammeverket for digital kompetanse\n\n"
            "Rammeverket beskriver hva ansatte i helse og omsorg bør kunne.\n")
    assert title_find(page) == "Rammeverket for digital kompetanse"



def test_names_of_bodies_in_joined_parts_or_with_a_field_are_organisations():
    """An agency named in joined parts ("Arbeids- og velferdsdirektoratet") and an institute
    "for" a field, however long, name a body; a strategy "for" a field, services "in" the
    municipalities and joined parts that end in services name none."""
    from digiwelfare.organisations import line_is_organisation

    for name in ("Sosial- og helsedirektoratet", "Arbeids- og velferdsdirektoratet",
                 "Helse- og omsorgsdepartementet",
                 "Norsk institutt for forskning om oppvekst, velferd og aldring",
                 "Danish Institute for Human Rights"):
        assert line_is_organisation(name), name
    for heading in ("Nasjonal strategi for digital velferd", "Sosial- og helsetjenester i "
                    "kommunene", "Digitale tjenester for eldre i kommunene"):
        assert not line_is_organisation(heading), heading
    cover = ("Sosial- og helsedirektoratet\n\nIKT i pleie og omsorg – fra forsøk til drift\n\n"
             "Rapport fra konferansen\n\n"
             "Konferansen samlet ansatte fra kommunene som har tatt i bruk elektronisk journal.\n")
    assert title_find(cover) == "IKT i pleie og omsorg – fra forsøk til drift"


def test_a_postal_address_an_events_day_and_place_and_a_phone_like_word_are_no_title():
    letter = ("Postboks 8011 Dep\n0030 Oslo\n\nHøringsuttalelse om elektroniske meldinger\n\n"
              "Kommunen støtter forslaget om elektronisk meldingsutveksling mellom tjenestene.\n")
    assert title_find(letter) == "Høringsuttalelse om elektroniske meldinger"
    assert title_find("Postboks 8011 Dep\n\nKommunen støtter forslaget om elektronisk "
                      "meldingsutveksling mellom tjenestene.\n") == ""
    leaflet = ("Seminar\nTelemedicine in the municipalities: experiences and next steps\n"
               "Tuesday 4 June, Tromsø\n\nThe seminar brings together staff from the "
               "municipalities who have tested telemedicine in home care.\n")
    assert title_find(leaflet) == "Telemedicine in the municipalities: experiences and next steps"
    assert not title_is_plausible("Tysdag 14. oktober, Kulturhuset i Nordfjordeid") or \
        title_find("Tysdag 14. oktober, Kulturhuset i Nordfjordeid\n\nFagdag om tryggleik\n\n"
                   "Dagen er for tilsette i heimetenesta og andre som er interesserte.\n") \
        == "Fagdag om tryggleik"


def test_a_funders_line_over_a_cover_is_no_title_and_no_web_page():
    cover = ("Co-funded by the Erasmus+ Programme of the European Union\n"
             "Digital Bridges: final report\nFinal report, April 2024\n\n"
             "Contents\n1 Background ........................ 2\n2 Results ........ 4\n")
    assert _cover(cover) == "Digital Bridges: final report"


def test_a_citation_with_its_doi_is_never_a_title():
    assert not title_is_plausible("Tidsskr Nor Legeforen 2022; 142. doi: 10.4045/tidsskr.22.0001")
    assert not title_is_plausible("Nordic Welfare Research 8(2), https://doi.org/10.18261/nwr.8.2")
    assert title_is_plausible("Digital Welfare 2.0: Ten Years of Self-Service")


def test_a_company_a_faculty_with_its_university_and_a_name_with_a_note_are_organisations():
    """A cover's organisation lines are passed over for the title: a company by its form
    ("Revisjon Vest IKS", "Agenda Kaupang AS"), a faculty and its university in one line, a
    name with a note in brackets after it. A title with a comma, or one with a year in
    brackets, is no organisation."""
    from digiwelfare.organisations import line_is_organisation

    for name in ("Revisjon Vest IKS", "Agenda Kaupang AS", "Norconsult AB",
                 "Det juridiske fakultet, Universitetet i Oslo",
                 "Revisjon Vest IKS (oppdikta)"):
        assert line_is_organisation(name), name
    for title in ("Bruk av algoritmar i sakshandsaminga", "Tilsyn med algoritmer, en rapport",
                  "Digitale tavler i fire kommunar (2023)", "Oslo, Bergen, Trondheim"):
        assert not line_is_organisation(title), title
    cover = ("Senter for rettsinformatikk\nDet juridiske fakultet, Universitetet i Oslo\n\n"
             "ALGOTILSYN – sluttrapport\nTilsyn med algoritmer i velferdsforvaltningen\n\n"
             "ISBN 978-82-0000-000-0\nOslo, november 2025\n\nInnhold\nForord ........ 2\n"
             "Forord\nRapporten er skrevet ved senteret.\n")
    assert title_find(cover).startswith("ALGOTILSYN – sluttrapport")


def test_a_price_line_is_never_a_title_a_headline_about_money_is():
    for line in ("Medlem kr 2 900 / ikkje medlem kr 3 900", "Pris: 450 kr",
                 "Deltakaravgift 1 200 kr"):
        assert not title_is_plausible(line), line
    for line in ("Hva koster 100 kr i måneden for eldre?",
                 "Why a €50 fee keeps people from the service",
                 "Budsjett 2025: 12 millioner kroner til velferdsteknologi"):
        assert title_is_plausible(line), line


def test_more_bodies_a_cover_passes_over_and_a_policy_named_for_its_municipality_is_a_title():
    """A government, a journal, a department of a municipality and a university named after a
    dash are bodies; "Handicappolitik for Esbjerg Kommune" opens with its genre (a policy), so
    it is the title, not the municipality."""
    from digiwelfare.organisations import line_is_organisation

    for name in ("Regeringen", "Tidsskrift for boligforskning", "Journal of Social Policy",
                 "Tenesteområde helse og omsorg", "OsloMet – storbyuniversitetet"):
        assert line_is_organisation(name), name
    for title in ("Handicappolitik for Esbjerg Kommune", "Årsmelding for Førde kommune",
                  "Forvaltning for alle", "Avdelingen som forsvant: digitalisering i NAV"):
        assert not line_is_organisation(title), title


def test_a_headline_question_over_its_subtitle_is_the_title():
    """A journal article's page: the journal's name, its issue line, then the article's title
    asked as a question with its subtitle under it. The question is the title (it reads as a
    sentence, but its subtitle, not text, follows it); a question followed by text is not."""
    page = ("Tidsskrift for boligforskning\nÅrgang 7, nr. 2-2024, s. 10–30\n"
            "Bostøtte uten søknad?\n"
            "Automatisk beregning og kommunenes ansvar for vanskeligstilte\n"
            "Lars Nygård, Universitetet i Agder\nSammendrag\n"
            "Bostøtten beregnes i dag automatisk ut fra opplysninger i skatteetatens registre.\n")
    assert title_find(page) == "Bostøtte uten søknad?"
    text = page.replace("Automatisk beregning og kommunenes ansvar for vanskeligstilte\n",
                        "Vi har spurt fem kommuner om hva de merker av endringen.\n")
    assert title_find(text) != "Bostøtte uten søknad?"


def _cover_lines(lines: list[str]) -> str:
    lines = [*lines, "Innhold", "1 Innledning ........................ 3",
             "2 Funn ........................ 5"]
    return title_from_cover(lines, lines_classify(lines, frozenset()))


def test_a_covers_body_byline_and_genre_lines_are_no_part_of_its_title():
    """Above a report's title: the body's name that the title names again, a "Prepared by"
    line, a parliamentary paper's kind with its note in brackets; under it: the line that
    names the report's kind and its project. A subtitle proper is still joined."""
    assert _cover_lines(["Arbetsförmedlingen", "It-strategi för Arbetsförmedlingen", "2025–2028"]) \
        == "It-strategi för Arbetsförmedlingen"
    assert _cover_lines(["Audit Scotland", "Prepared by Audit Scotland for the Auditor General",
                   "Social Security Scotland: modernising the benefits IT", "June 2025"]) \
        == "Social Security Scotland: modernising the benefits IT"
    assert _cover_lines(["Prop. 000 L", "(2024–2025)", "Proposisjon til Stortinget (forslag til "
                   "lovvedtak)", "Lov om saksbehandlinga i offentleg forvaltning"]) \
        == "Lov om saksbehandlinga i offentleg forvaltning"
    assert _cover_lines(["Rättssäkerhet i algoritmisk förvaltning",
                   "Slutrapport från projektet LECALG 2022–2025", "Uppsala, december 2025"]) \
        == "Rättssäkerhet i algoritmisk förvaltning"
    # a subtitle that is no kind of a project's report is still the title's
    assert _cover_lines(["Rättssäkerhet i algoritmisk förvaltning",
                         "Erfarenheter från fyra kommuner", "Uppsala, december 2025"]) \
        == "Rättssäkerhet i algoritmisk förvaltning: Erfarenheter från fyra kommuner"
    # a title that only opens with the words of the line above is no repetition of a name
    assert _cover_lines(["Digitale tavler", "Digitale tavler i fire team"]).startswith(
        "Digitale tavler")


def test_bodies_named_by_a_compound_head_or_a_company_form_are_organisations():
    from digiwelfare.organisations import line_is_organisation
    for name in ("Nasjonal sikkerhetsmyndighet", "Juridiska institutionen",
                 "Teknisk-naturvitenskapelig forening",
                 "SNF – Samfunns- og næringslivsforsking AS"):
        assert line_is_organisation(name), name
    for heading in ("Ny forening", "Om foreningen", "Handlingsplan for sikkerhetsmyndighet",
                    "Kjøp av kunstig intelligens i kommunene"):
        assert not line_is_organisation(heading), heading


def test_a_journals_source_line_is_no_title_and_dates_the_article():
    """A PDF's first page prints the journal's source line over the article's title, in
    Vancouver style or with the volume and the supplement: never the title, and in the
    head it dates the article."""
    from digiwelfare.metadata import year_derive
    for source in ("Norsk Epidemiologi 2024; 32 (1): 00–00",
                   "The European Journal of Public Health, Volume 34, Supplement 3, 2024",
                   "Arbetsmarknad & Arbetsliv, årg. 30, nr 2, 2024",
                   "Søkelys på arbeidslivet 2024, 42(1)"):
        page = (f"{source}\n\nDigitale sykmeldinger fra legevakt: en registerstudie\n"
                "Forsker A¹, Forsker B²\n\nSammendrag\nVi undersøkte alle sykmeldinger som ble "
                "skrevet ved tre legevakter i 2022 og 2023.\n")
        assert source not in title_find(page)
        assert year_derive(page) == (2024, "cover date")
        assert not title_is_plausible(source)
    # a sentence that gives a year and a clause in brackets is no source line
    assert title_is_plausible("Hvem ringer legevakten 2024; og hvorfor (igjen)?")
    # nor a title that names a year and a clause of a law: no title, and no date either
    clause = "Frå 2020, 3(b) til i dag: reforma i praksis"
    assert title_is_plausible(clause)
    assert year_derive(f"{clause}\nKommunane har brukt reforma i fem år.\n") == (None, "")


def test_a_short_name_over_a_numbered_kicker_is_the_body_a_genre_and_a_year_is_a_title():
    assert _cover_lines(["AFA Försäkring", "Slutrapport, diarienummer 000000",
                         "Digitalt stöd för återgång i arbete", "Stockholm, mars 2025"]) \
        == "Digitalt stöd för återgång i arbete"
    assert _cover_lines(["Oslo kommune", "Byrådsavdeling for finans",
                         "Handlingsplan for digital sykefraværsoppfølging 2025–2027",
                         "Oslo, februar 2025"]) \
        == "Handlingsplan for digital sykefraværsoppfølging 2025–2027"
    assert _cover_lines(["Ds 2025:00", "Arbetsmarknadsdepartementet", "",
                         "Genomförande av plattformsdirektivet", "Stockholm i mars 2025"]) \
        == "Genomförande av plattformsdirektivet"
    assert _cover_lines(["Årsrapport 2024", "Skattestyrelsen", "Marts 2025"]) == \
        "Årsrapport 2024"


def test_a_swedish_skip_link_and_a_log_in_link_are_never_titles_nor_a_cover():
    from digiwelfare.clean import line_debris
    assert line_debris("Hoppa till innehåll") == "skip link"
    assert title_find("Hoppa till innehåll\nMeny\nSök\nUngdomsmottagningen\n"
                      "Chatta med Ungdomsmottagningen\nÄr du mellan 13 och 22 år kan du chatta "
                      "med en kurator hos oss.\n") != "Hoppa till innehåll"
    # a journal's page copied whole: its menu and log-in link are no report's cover, though a
    # colophon's field ("Författare:") stands under them
    page = ("Svensk Juristtidning\nSök\nLogga in\nArtiklar\nPublicerad: 2025-02-14\n"
            "Digital kontroll i kriminalvården\nFörfattare: Johan Ek (påhittad)\nSammanfattning\n"
            "Artikeln granskar om de nya kontrollerna vilar på tillräcklig rättslig grund.\n")
    assert "Logga in" not in title_find(page)


def test_a_cover_title_printed_again_below_is_the_title_not_the_theme_above_it():
    """A cover whose first lines are the body's name and its report's number in one block
    with the title, the title printed again as the pages' running head; a draft's notice
    printed on every page is no title (sastrugi and serac showed the first)."""
    cover = ["Studentenes landsforbund", "Forbundets rapport 0/2025", "Alene med skjemaet",
             "Studenters møte med digitale tjenester", "Oktober 2025", "Innhold",
             "Sammendrag ........ 2", "1 Funn ........ 3", "Alene med skjemaet", "2",
             "Sammendrag", "Vi spurte 900 studenter om hvordan de søker om støtte på nett."]
    assert title_find("\n".join(cover)).startswith("Alene med skjemaet")
    draft = ["Digital tillsyn i hemtjänsten", "Utkast – får ej citeras", "", "Socialstyrelsen",
             "", "Artikelnummer 0000-0-0", "Innehåll", "1 Inledning ........ 3",
             "Utkast – får ej citeras",
             "Rapporten beskriver hur tillsynen kan göras på distans."]
    assert title_find("\n".join(draft)).startswith("Digital tillsyn i hemtjänsten")


def test_a_bodys_name_with_the_reports_number_is_no_title():
    """ "Statskontoret" / "Rapport 2023:00" over the title's own block (the shuga set): the
    block of the body and its number is passed over, as a block of names is."""
    cover = ["Statskontoret", "Rapport 2023:00", "", "Bedömningsstöd i arbetsförmedlingen",
             "En granskning av hur bedömningar används", "", "Stockholm, oktober 2023",
             "ISBN 978-91-0000-000-0", "", "Innehåll", "Sammanfattning ........ 3",
             "Rapporten granskar hur stödet används vid inskrivning."]
    assert title_find("\n".join(cover)).startswith("Bedömningsstöd i arbetsförmedlingen")
    # a cover whose only block is the number with the title keeps its title
    alone = ["Rapport 2023:00", "Bedömningsstöd i arbetsförmedlingen", "", "ISBN 978-91-0000-000-0",
             "Innehåll", "Sammanfattning ........ 3", "Rapporten granskar stödet."]
    assert title_find("\n".join(alone)).startswith("Bedömningsstöd i arbetsförmedlingen")


def test_a_field_naming_the_authors_is_never_a_title():
    assert not title_is_plausible("Forfattere: Anne Berg (oppdiktet), Per Dahl (oppdiktet)")
    assert not title_is_plausible("Authors: A. Berg and P. Dahl")
    assert title_is_plausible("Forfatterne og algoritmen: hvem skriver vedtaket?")


def test_a_you_are_here_trail_is_a_breadcrumb_not_a_title():
    from digiwelfare.clean import line_debris

    assert line_debris("Du er her: Lærdal kommune / Aktuelt") == "breadcrumb"
    assert line_debris("You are here: Home") == "breadcrumb"
    page = ("Hopp til hovudinnhald\nTenester\nPolitikk\nDu er her: Lærdal kommune / Aktuelt\n"
            "Dataangrepet: status for innbyggjarane\nSist endra 28.11.2024\n"
            "Heimesjukepleia har fått tilbake journalsystemet, men legekontoret brukar papir.\n")
    assert title_find(page) == "Dataangrepet: status for innbyggjarane"
    # a sentence that says where you are is prose
    assert line_debris("Du er her fordi kommunen har flytta tenesta til nett.") is None


def test_a_swedish_or_danish_region_by_its_name_is_a_body_over_the_cover_title():
    """ "Region Kalmar län" over "Handlingsplan för ..." (grease and calving joined the two as
    the title); "Region og kommune i samarbeid" is a title's words, not a body."""
    from digiwelfare.organisations import line_is_organisation

    for name in ("Region Kalmar län", "Region Västmanland", "Region Midtjylland"):
        assert line_is_organisation(name), name
    assert not line_is_organisation("Region og kommune i samarbeid")
    cover = ["Region Kalmar län", "Handlingsplan för informationssäkerhet i vård och omsorg",
             "Beslutad av regionstyrelsen 2025-04-09", "", "Innehåll",
             "Bakgrund ........ 2", "Mål ........ 3",
             "Intrången hos två leverantörer visade att reservrutinerna var för svaga."]
    assert title_find("\n".join(cover)) == \
        "Handlingsplan för informationssäkerhet i vård och omsorg"


# --- fourteenth session: names over a cover's title, headlines named by their kind ----------

@pytest.mark.parametrize("name", [
    "Statsforvalteren i Nordland",  # a county governor's office
    "Länsstyrelsen i Värmlands län",
    "Nav Solbakken",  # a local welfare office by its place
    "Hamnvik herad",  # a Nynorsk municipality
    "Kystby forsking",  # a research institute named by its place
    "Lia kommune 2024–2027",  # a body's name with its plan's period
    "Nav Solbakken (oppdikta)",  # with a note after it
])
def test_a_cover_names_body_is_not_joined_to_the_title(name):
    from digiwelfare.organisations import line_is_organisation

    assert line_is_organisation(name)
    cover = [name, "Digitale skjema i sosiale tenester", "Dato: 02.05.2024", "",
             "Innhald", "1 Bakgrunn ........ 3"]
    reasons = [None] * 4 + ["contents dot leaders"] * 2
    assert title_from_cover(cover, reasons) == "Digitale skjema i sosiale tenester"


@pytest.mark.parametrize("line", ["Ny forskning", "Anvendt forskning", "Norsk forskning",
                                  "Digital samhandling i Lia kommune 2026–2030",
                                  "Nav og digitalisering"])
def test_headings_like_names_are_no_bodies(line):
    from digiwelfare.organisations import line_is_organisation

    assert not line_is_organisation(line)


def test_a_funding_line_and_a_case_number_are_no_subtitles():
    cover = ["Sluttrapport: Digitale møte i heimetenesta",
             "Eit utviklingsprosjekt finansiert av Statsforvaltaren", "Saksnummer: 24/00000",
             "", "Innhald", "1 Bakgrunn ........ 3"]
    reasons = [None] * 4 + ["contents dot leaders"] * 2
    assert title_from_cover(cover, reasons) == "Sluttrapport: Digitale møte i heimetenesta"
    numbered = ["Saksnummer: 24/00000", "Digitale møte i heimetenesta", "", "Innhald",
                "1 Bakgrunn ........ 3"]
    assert title_from_cover(numbered, [None] * 3 + ["contents dot leaders"] * 2) == (
        "Digitale møte i heimetenesta")


def test_a_plan_named_by_its_kind_alone_is_titled_by_it():
    # the plan's name in two words, then the body with the period, the adoption, a number
    cover = ["Digital handlingsplan", "Lia kommune 2024–2027", "Vedtatt i kommunestyret "
             "3. mai 2024", "Saksnummer: 24/00000", "", "Innhold", "1 Innledning ........ 2"]
    reasons = [None] * 5 + ["contents dot leaders"] * 2
    assert title_from_cover(cover, reasons) == "Digital handlingsplan"
    # a kicker of any report ("Final report") is no title, even alone
    kicker = ["Final report", "Lia kommune", "", "Contents", "1 Background ........ 2"]
    assert title_from_cover(kicker, [None] * 3 + ["contents dot leaders"] * 2) == ""


def test_an_address_with_a_postcode_is_no_title():
    page = ("Boligfonden\nDigitale ansøgninger om almene boliger\nNotat\nBoligfonden, maj "
            "2024\nBoligstræde 0, 3. sal, 1165 København K\nNotatet viser, at de fleste "
            "ansøgninger nu kommer digitalt.\n")
    assert title_find(page) == "Digitale ansøgninger om almene boliger"


@pytest.mark.parametrize("headline", ["Seminarium: Digitala tjänster, äldre och anhöriga",
                                      "Fagdag: Skjønn, skjema og digitale søknader"])
def test_an_event_named_by_its_kind_before_a_colon_beats_a_menu_item(headline):
    page = (f"Kommunförbundet\nUtbildning och evenemang\nLogga in\n{headline}\n"
            "Tisdag 14 oktober 2025, Göteborg\nProgram\n09.00Kaffe\n"
            "Dagen riktar sig till handläggare i kommunerna.\n")
    assert title_find(page) == headline


def test_a_title_printed_again_as_the_running_head_is_the_title():
    # the title under the body's name, printed again over the next page's number
    page = ("Boligfonden\nDigitale ansøgninger om almene boliger\nNotat\nBoligfonden, maj "
            "2024\nResumé\nNotatet viser, at de fleste ansøgninger nu kommer digitalt.\nFonden "
            "anbefaler personlig hjælp til ansøgere uden MitID.\nDigitale ansøgninger om "
            "almene boliger\nSide 2\nAnsøgerne uden MitID får hjælp i boligorganisationens "
            "kontor.\n")
    assert title_find(page) == "Digitale ansøgninger om almene boliger"
    # a running head naming the collection (a book of abstracts) is no title of the part
    book = ("Nordic Welfare Forum 2025 – Book of Abstracts\nBergen, 3–5 June 2025\n12\n"
            "Chatbots at the benefit office\nAnna Lind (invented), Lund University\nWe "
            "observed how claimants used a chatbot in four offices over one year.\n"
            "Nordic Welfare Forum 2025 – Book of Abstracts\n13\n")
    assert title_find(book) == "Chatbots at the benefit office"


def test_a_vancouver_source_line_is_no_title():
    assert not title_is_plausible("Ugeskr Laeger 2024;186:V00000000")
    assert not title_is_plausible("Tidsskr Nor Legeforen 2023;143:e0000")
    assert title_is_plausible("Digital journals in 2024: what changed?")


def test_a_book_of_abstracts_running_head_loses_to_the_abstracts_title():
    # no session line: the book's name at the top, a page number, then the abstract
    page = ("Nordic Welfare Forum 2025 – Book of abstracts\n112\n\nCheck-in apps in the "
            "introduction programme\nKari Lund (invented), University College\nMunicipalities "
            "record attendance through apps that participants check in with.\nWe discuss what "
            "this means for discretion.\n")
    assert title_find(page) == "Check-in apps in the introduction programme"


def test_swedish_and_norwegian_agencies_named_in_one_word_stand_above_a_cover_title():
    """An agency named in one word by its head ("Finansinspektionen", "Försäkringskassan",
    "Arbetsförmedlingen", "Kronofogden", "Lånekassen") is a name, not the title, even when
    the running head prints it again beside the title."""
    from digiwelfare.organisations import line_is_organisation

    for name in ("Finansinspektionen", "Skolinspektionen", "Försäkringskassan",
                 "Arbetsförmedlingen", "Kronofogden", "Lånekassen", "Överklagandenämnden"):
        assert line_is_organisation(name), name
    for word in ("Inspektionen", "Kassen", "Digitale tjenester"):
        assert not line_is_organisation(word), word
    cover = ["Försäkringskassan", "Rapport 2025:00", "Föräldrapenning i appen",
             "En uppföljning av ansökningar", "", "Innehåll", "Sammanfattning ........ 3", "",
             "FÖRSÄKRINGSKASSAN            FÖRÄLDRAPENNING I APPEN", "Sammanfattning"]
    reasons = [None] * 5 + ["contents dot leaders"] * 2 + [None, "numbers or code", None]
    assert title_from_cover(cover, reasons) == (
        "Föräldrapenning i appen: En uppföljning av ansökningar")


def test_a_short_title_over_its_longer_subtitle_on_a_cover_without_contents():
    """A PDF's cover with no contents page: the short title wins over the longer subtitle
    under it (both given, as "Title: subtitle"); a section's two nouns, a search prompt, an
    organiser over a headline naming its kind, or a page's menu above are no title."""
    cover = ("Vestby kommune\nTematisk gjennomgang\nSkjema som forsvinner\n"
             "En gjennomgang av hvordan innbyggerne følger opp digitale søknader\n"
             "Mars 2025\n\nSammendrag\nKommunen har gått gjennom tre hundre søknader som "
             "aldri ble sendt inn.\n")
    assert title_find(cover) == ("Skjema som forsvinner: En gjennomgang av hvordan "
                                 "innbyggerne følger opp digitale søknader")
    section = ("Helse og omsorg\nNye digitale tilbud for pårørende i kommunen\n\n"
               "Pårørende kan nå sende spørsmål til tjenesten gjennom en egen side.\n")
    assert title_find(section) == "Nye digitale tilbud for pårørende i kommunen"
    search = ("Search the archive\nHow caseworkers read automated risk scores in practice\n\n"
              "This paper follows eleven caseworkers through a year of using a new tool.\n")
    assert title_find(search) == "How caseworkers read automated risk scores in practice"
    organiser = ("Nettverk for digitale tenester\nFagdag: Når søknaden kjem på mobil\n\n"
                 "Kl. 09.00 Velkomen\nKl. 09.15 Kva seier brukarane?\n")
    assert title_find(organiser) == "Fagdag: Når søknaden kjem på mobil"


def test_a_company_group_a_research_centre_and_a_foundation_stand_above_a_cover_title():
    """A consultancy named "... Group", a research centre by its compound ("... forskingssenter")
    and a foundation by its word ("Stiftelsen ...") are names over a report's title; a title
    that ends in such a word after a common one ("Det nye helsesenteret") is none."""
    from digiwelfare.organisations import line_is_organisation

    for name in ("Nordic Welfare Group", "Vestkysten forskingssenter", "Regionalt "
                 "kompetansesenter", "Stiftelsen Barn och Familj"):
        assert line_is_organisation(name), name
    for title in ("Det nye helsesenteret", "Stiftelsen og arbeidet", "Focus group"):
        assert not line_is_organisation(title), title
    page = ("Stiftelsen Barn och Familj\nSlutrapport\n\nDokumentation på surfplatta\n"
            "Erfarenheter från fyra hem\n\nSammanfattning\nVi har följt personalen i fyra "
            "hem under ett år.\n")
    assert title_find(page).startswith("Dokumentation på surfplatta")


def test_a_cover_names_its_publisher_over_the_number_and_in_its_date_line_not_as_its_title():
    """A report's cover: the publisher's short name, whatever its case, over the report's
    number ("Statens vegvesen" / "Rapport 2024:07"), or one word the cover's date line names
    again ("Helserådet" ... "Helserådet, mars 2024"), stands above the title; the authors'
    names under the title, one a line and perhaps with a note in brackets, end it."""
    contents = "\n\nInnhold\nSammendrag ........ 3\n1 Innledning ........ 5\n"
    number = ("Norsk luftambulanse\nRapport 2024:07\nVentetid på digitale timer\n"
              "En gjennomgang av tre legevakter\nOslo, mars 2024" + contents)
    assert title_find(number) == ("Ventetid på digitale timer: En gjennomgang av tre "
                                  "legevakter")
    dateline = ("Helserådet\nDigitale timer i allmennpraksis\nHvem faller utenfor?\n"
                "Helserådet, mars 2024" + contents)
    assert title_find(dateline) == "Digitale timer i allmennpraksis: Hvem faller utenfor?"
    authors = ("Rapport nr. 12/24\nSkjemaet som ble borte\nDigitale søknader i tre kommuner\n"
               "Ingrid Lunde (red.)\nMartin Berg\nOslo, mars 2024" + contents)
    assert title_find(authors) == "Skjemaet som ble borte: Digitale søknader i tre kommuner"
    # a title of a few words over a number and a date keeps its place
    own = ("Digitale timer\nRapport 2024:07\nOslo, mars 2024" + contents)
    assert title_find(own) == "Digitale timer"


def test_a_note_in_brackets_is_no_word_of_a_name_over_a_leaflets_title():
    """A leaflet's publisher with a note after its name ("(red.)", "(utkast)") is as short
    as its name: it stands above the title, which is not joined to it; a headline asked as a
    question over its byline is the title, not the session's label above it."""
    leaflet = ("Fjellgard bedriftshelseteneste (utkast)\nNår ein tilsett er sjuk\n"
               "Ei rettleiing for små verksemder\nDenne rettleiinga er for deg som driv ei lita "
               "verksemd utan eigen personalavdeling.\n")
    assert title_find(leaflet).startswith("Når ein tilsett er sjuk")
    session = ("Panel 2A: Support and payments\nWho is missed when support is paid "
               "automatically?\nAnna Berg (invented), University of Bergen\nWe compare three "
               "schemes that paid support to households without an application.\n")
    assert title_find(session) == "Who is missed when support is paid automatically?"


def test_a_title_whose_subtitle_names_its_kind_is_no_field_and_wins_over_a_date_value():
    """"Name: A Webinar Series" in title case reads as a label and its value, but its value
    names the genre: it is the page's title, not the "Dates" field's value under it; a real
    field ("Status: Completed") stays a field."""
    page = ("Skip to content\nHome > Events > Seminars\nCaring at a Distance: A Seminar Series\n"
            "Dates\nThursdays in March 2025\nCost\nFree\nOur spring series asks how care "
            "workers keep in touch with families through screens.\n")
    assert title_find(page) == "Caring at a Distance: A Seminar Series"
    from digiwelfare.titles import _GENRE_SUBTITLE

    assert _GENRE_SUBTITLE.fullmatch("Skjerm og skjønn: en rapport om digitale møter")
    assert not _GENRE_SUBTITLE.fullmatch("Status: Completed")


def test_a_case_number_a_place_date_line_and_an_institute_over_a_number_are_no_title():
    """A letter's or a consultation's cover: a case or diary number ("Saksnr. 24/0000",
    "Dnr 2024/00000") is an id, never the title nor its start; a place and a date above the
    title ("Oslo, 3. september 2025") do not end the cover before it; a research institute
    named "<Name> forsking" over its report number is the publisher; a society named "Norsk
    selskap for ..." is a body, not a page's title."""
    contents = "\n\nInnhold\n1 Innledning ........ 2\n2 Forslaget ........ 3\n"
    letter = ("Helse- og omsorgsdepartementet\nSaksnr. 24/0000\nOslo, 3. september 2025\n"
              "Høring om digitale søknader om reiseutgifter\nHøringsnotat" + contents)
    assert title_find(letter).startswith("Høring om digitale søknader om reiseutgifter")
    plan = ("Region Kronoberg\nDnr 2024/00000\nPlan för digitala resor\n"
            "Fastställd av regionstyrelsen 2024-10-15" + contents)
    assert title_find(plan) == "Plan för digitala resor"
    institute = ("Kystvest forsking\nRapport 2025:04\nSøknader på skjerm\nErfaringar frå fire "
                 "kommunar" + contents)
    assert title_find(institute).startswith("Søknader på skjerm")
    from digiwelfare.organisations import line_is_organisation

    assert line_is_organisation("Norsk selskap for digital helse")
    assert line_is_organisation("Svenska sällskapet för patientsäkerhet")
    assert not line_is_organisation("Et selskap for alle")


def test_a_publisher_over_a_kicker_a_genre_title_or_a_sentence_case_title_is_no_title():
    """On a report's cover, a short name over the line naming the paper's kind ("Position
    paper"), over a title that opens with its genre ("Sluttrapport: ..."), or a Nordic
    name in capitals over a title in sentence case ("Norsk Pasientforening" over "Reiser
    som ingen ser") stands above the title; a case number of five digits is a number; a
    web article's "Contents" tab with no entries under it makes no cover."""
    contents = "\n\nInnhold\n1 Innledning ........ 2\n2 Funn ........ 3\n"
    assert title_find("Carers Nordic\nPosition paper\nDigital services for all families\n"
                      "November 2024" + contents) == "Digital services for all families"
    assert title_find("Vestnett\nSluttrapport: Enkle e-tjenester for alle\nOktober 2023"
                      + contents) == "Sluttrapport: Enkle e-tjenester for alle"
    assert title_find("Norsk Pasientforening\nReiser som ingen ser\nOm pasientreiser og "
                      "digitale krav\nMars 2025" + contents).startswith("Reiser som ingen ser")
    assert title_find("KOMMUNE X\nRemiss KX 2025/00000\nDigitale søknader om stønad\n"
                      "Oslo, 2. mars 2025" + contents).startswith("Digitale søknader om stønad")
    web = ("Care Studies\nResearch article\nFirst published online January 21, 2025\n"
           "Doing the Forms Together: Volunteers as Digital Brokers\nAnna Berg and Ola Lie\n"
           "Contents\nGet access\nAbstract\nVolunteers spend much of their time on forms.\n")
    assert title_find(web) == "Doing the Forms Together: Volunteers as Digital Brokers"


def test_a_response_titled_by_its_genre_and_a_publisher_over_a_title_with_its_subtitle():
    """A consultation response's title opening with its genre ("Remissvar: ...") is no field,
    and beats the sender's name with its motto above it; on a cover, a capitalised name over
    a "Title: subtitle" line is the publisher, not a third part of the title."""
    letter = ("ABC – Aktiv Bred Coalition\nDnr 2024/00000\nStockholm den 20 februari 2025\n"
              "Remissvar: Förslag om digital bokning av sjukresor\nVi delar målet att göra "
              "resorna enklare att boka, men telefonen måste finnas kvar.\n")
    assert title_find(letter) == "Remissvar: Förslag om digital bokning av sjukresor"
    cover = ("Transport North\nAccessible Travel Plan: progress report on online booking\n"
             "Published May 2025\n\nContents\n1 Introduction ........ 2\n2 Findings ........ 3\n")
    assert title_find(cover) == "Accessible Travel Plan: progress report on online booking"


def test_a_company_named_with_an_ampersand_over_its_report_number_is_the_publisher():
    """"Analyse & Strategi" over "Rapport 2023:00" is a consultancy's name; the title is in
    the next block of the cover."""
    cover = ("Vik & Berg\nRapport 2023:00\n\nEvaluering av digitalt innsyn\nSammendrag\n\n"
             "Oslo, oktober 2023\n\nInnhold\n1 Innledning ........ 2\n2 Funn ........ 3\n")
    assert title_find(cover).startswith("Evaluering av digitalt innsyn")


def test_a_danish_bills_number_session_and_submission_line_stand_above_its_title():
    """A Danish bill's cover: "Lovforslag nr. L 000", "Folketinget 2024-25" and "Fremsat den
    ... af ministeren" are its number, session and submission; the title is the bill's name."""
    cover = ("Lovforslag nr. L 123\nFolketinget 2024-25\nFremsat den 2. oktober 2024 af "
             "beskæftigelsesministeren\nForslag til lov om ændring af lov om aktiv "
             "socialpolitik\n\nIndholdsfortegnelse\n1. Indledning ........ 2\n"
             "2. Lovforslagets indhold ........ 3\n")
    assert title_find(cover) == "Forslag til lov om ændring af lov om aktiv socialpolitik"
