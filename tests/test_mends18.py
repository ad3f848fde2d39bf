"""Mends of the eighteenth session, after the first scoring of the blind sets geyser, skerry,
fjord and fjell (tests/fixtures/exported/first_scores.csv), with cases of our own words; the
code before each mend got at least one case of each test wrong (a comment marks the cases
that held already, as guards)."""

import datetime

import pytest
from conftest import case

from digiwelfare.clean import text_clean
from digiwelfare.doctypes import doc_type_classify
from digiwelfare.linetypes import line_is_affiliation
from digiwelfare.metadata import year_derive
from digiwelfare.titles import title_find

TODAY = datetime.date(2026, 12, 5)
STUDY = ("Vi følgde tolv innbyggjarar gjennom søknaden om stønad og såg korleis dei fekk hjelp "
         "av tilsette ved servicetorget.")


@pytest.mark.parametrize("line", [
    # a Nynorsk site's statement that it uses cookies ("nyttar"; geyser b02)
    case("nn-we", "Vi nyttar informasjonskapslar."),
    case("nn-site", "Heradet nyttar informasjonskapslar til statistikk."),
    # held before: the Bokmål verb
    case("nb-held", "Kommunen bruker informasjonskapsler til statistikk."),
])
def test_a_nynorsk_cookie_statement_is_debris(line):
    assert text_clean(f"{line}\n\n{STUDY}")[0] == STUDY


def test_a_sentence_on_cookies_in_a_study_stays():
    # held before and after: a finding that mentions what a site uses cookies for
    finding = ("Berre tre av dei tjue vi intervjua visste kva kommunen nyttar "
               "informasjonskapslar til, sjølv etter at dei hadde lese meldinga på sida.")
    assert text_clean(f"{finding}\n\n{STUDY}")[0] == f"{finding}\n\n{STUDY}"


PROSE = ("We interviewed staff in nine organisations about how they help people claim "
         "benefits online.")


@pytest.mark.parametrize("line", [
    # a newsletter's or a page's foot: registration as a charity or a company, with its
    # number (geyser t01, skerry t02)
    case("charity-and-company", "Helping Hands Online (invented) is a registered charity "
         "(0000000) and a company limited by guarantee (00000000)."),
    case("registered-in", "Give monthly | The Kinship Trust (invented) is a charity "
         "registered in England and Wales (0000000) and in Scotland (SC000000)."),
    # held before: a label and its number alone, an address line with a company number
    case("number-label", "Registered charity no. 0000000"),
    case("company-number", "Registered office: 0 Invented Street, Leeds. Company number "
         "00000000."),
])
def test_a_charity_s_or_company_s_registration_is_debris(line):
    assert text_clean(f"{PROSE}\n\n{line}")[0] == PROSE


@pytest.mark.parametrize("sentence", [
    # held before and after: findings about charities hold no registration number
    case("finding", "Of the 40 organisations we surveyed, 12 were registered charities and "
         "9 were companies limited by guarantee."),
    case("finding-year", "Charities registered in England after 2019 were more likely to "
         "offer help by telephone than by chat."),
])
def test_a_finding_about_charities_stays(sentence):
    assert text_clean(f"{PROSE}\n\n{sentence}")[0] == f"{PROSE}\n\n{sentence}"


@pytest.mark.parametrize("text", [
    # an open call's last day to apply (fjell h15)
    case("sista-dag", "Utlysning\nDigitala verktyg i rehabiliteringen\nSista ansökningsdag: "
         "4 mars 2026\nBeslut: juni 2026"),
    # held before: "senest" marked it
    case("ansoegning", "Pulje til digital hjælp\nAnsøgning senest 1. februar 2026"),
])
def test_an_application_s_date_in_the_head_is_no_date_of_the_page(text):
    assert year_derive(text, today=TODAY) == (None, "")


def test_a_final_report_is_still_dated_by_its_end():
    # held before and after: the end of the period a final report reports on
    text = "Final report summary\nDIGICARE\nProject period\n2021 - 2024\nEnd date: 31 May 2024"
    assert year_derive(text, today=TODAY) == (2024, "completed")


@pytest.mark.parametrize("text, year", [
    # an event's name of several words, "and" among them, and a symposium or a workshop
    # (geyser b01)
    case("symposium", "Book of abstracts\nNordic Welfare and Digital Services Symposium, "
         "3 October 2024\nSession 2", 2024),
    case("workshop", "Abstracts\nCare Data Workshop, Bergen, 12. mars 2025\nPanel 1", 2025),
    # held before: a conference's line
    case("conference", "Programme\nNordic Care Conference, 7 May 2025\nDay 1", 2025),
])
def test_an_event_line_dates_its_abstracts(text, year):
    assert year_derive(text, today=TODAY) == (year, "event date")


@pytest.mark.parametrize("line, expected", [
    # an author's line naming a Nordic college, institute or directorate by a compound
    # (fjord t03)
    case("hoyskole", "Kari Nord (oppdiktet), Handelshøyskolen BI", True),
    case("institutt", "Per Dal, Samfunnsforskningsinstituttet, Oslo", True),
    case("direktorat", "Eva Lund, Helsedirektoratet", True),
    # held before and after: prose naming such places, a list of services
    case("prose", "Vi intervjuet ansatte ved Handelshøyskolen, Nav og kommunen.", False),
    case("services", "Sykehusinnkjøp, Helsedirektoratet og Nav leverte data til studien.",
         False),
])
def test_an_affiliation_with_a_compound_institution(line, expected):
    assert line_is_affiliation(line) is expected


JOURNAL_PAGE = """Skip to Main Content
Invented Academic
Journals
Books
Issues
Advance articles
Volume 00, Issue 0
May 2024
Article Contents
Original Paper
{title}
K Nord (invented), P Dal (invented), H Berg (invented)
Journal of Invented Work Studies, Volume 00, Issue 0, May 2024, Pages 000–000
Published: 2 May 2024
Abstract
Background
Electronic sick notes were meant to bring advice on work to employers sooner.
Methods
We read the free-text advice on 1 200 electronic sick notes from three practices.
Results
Most advice was a single phrase without a time frame."""


@pytest.mark.parametrize("title", [
    # a journal's title asked as a question, its subtitle on the same line, long and with
    # function words enough to read as a sentence (fjell t04: the file's name was the title)
    case("question-subtitle", "Who fills in the box for work? A study of the electronic sick "
         "notes from three general practices"),
    case("survey", "Is it read at all? A survey of what the employers in two regions do with "
         "the digital notes"),
    # held before: a shorter one, and the question alone
    case("short", "Who writes the advice? A study of electronic sick notes in three practices"),
    case("question", "Who writes the advice on electronic sick notes?"),
])
def test_a_question_and_its_subtitle_is_a_journal_page_s_title(title):
    assert title_find(JOURNAL_PAGE.format(title=title)) == title


@pytest.mark.parametrize("header", [
    # a copied e-mail's header: the subject is the mail's, however much it reads as a
    # heading (fjell t02); it is debris, not the title, not text
    case("en", "From: Invented Institute <[email protected]>\nTo: [email protected]\nSubject: "
         "Monthly update: what happens after the sick note?\nDate: Thu, 6 Mar 2025 08:02"),
    case("nb", "Fra: Oppdiktet senter\nSendt: 6. mars 2025 08:02\nTil: Liste\nEmne: "
         "Nyhetsbrev: hva skjer etter sykmeldingen?"),
])
def test_a_mail_header_is_debris_and_no_title(header):
    body = ("Sick notes after the reform\n\nOur interviews with managers in forty firms "
            "suggest that faster notes have not brought faster talks about returning to work.")
    text = f"{header}\n\n{body}"
    cleaned, reasons = text_clean(text)
    # every header line removed (From, To and Date were field labels before), the subject
    # as the mail's header
    assert "mail header" in reasons[:len(header.split("\n"))]
    assert cleaned.startswith("Our interviews") and "?" not in cleaned
    assert title_find(text) == "Sick notes after the reform"


def test_header_like_lines_in_a_message_are_text():
    # held before and after: a field inside the message, or a lone "Subject:" line, is no
    # mail header
    text = ("We asked managers what they need.\n\nSubject: the note's advice field, and "
            "whether it helps them plan a return to work.")
    assert text_clean(text)[0] == text


@pytest.mark.parametrize("text, title", [
    # a note's or a short page's heading of one or two words, all there is before the text
    # (found while writing the export scorer's test: the file's name was the title)
    case("en", "Field notes\n\nThe office opened a desk for digital help in March. Most "
         "visitors asked about their tax card.", "Field notes"),
    case("nb", "Digital hjelp\n\nKontoret åpnet en skranke for digital hjelp i mars. De "
         "fleste spurte om skattekortet.", "Digital hjelp"),
    # held before and after: a skip link alone is no title, nor is one of two menu words
    case("skip-link", "Skip to main content\n\nThe office opened a desk for digital help in "
         "March. Most visitors asked about their tax card.", ""),
    case("two-menu-words", "Meny\nForside\n\nKontoret åpnet en skranke for digital hjelp i "
         "mars. De fleste spurte om skattekortet.", ""),
])
def test_a_short_heading_alone_over_the_text_is_its_title(text, title):
    assert title_find(text) == title


CALL_EN = """Call for proposals: pilot grants on digital sick notes

Deadline

1 April 2027, 12:00 CET

Amount

Up to NOK 300 000

Who can apply

Researchers at the faculty

The faculty invites short project proposals on how employers and doctors use digital sick notes.

We welcome projects that combine register data with interviews at workplaces.

How to apply

Write a project description of at most three pages and attach a budget.

Applicants hear the result within two months, and projects start in the autumn."""

CALL_NB = """Utlysning: midler til digitale møteplasser for unge

Søknadsfrist

1. mars 2027

Beløp

Inntil 200 000 kroner per prosjekt

Hvem kan søke?

Kommuner og frivillige lag

Fondet lyser ut midler til prosjekter som prøver ut digitale møteplasser for unge.

Vi ønsker særlig prosjekter der ungdom selv er med og utformer tilbudet.

Slik søker du

Skriv en prosjektbeskrivelse på høyst tre sider og legg ved et budsjett.

Søkerne får svar innen to måneder, og prosjektene starter til høsten."""

PROJECT_NB = """Digital samhandling i hjemmetjenesten
Prosjektnummer
000000
Utlysning
Helse og velferd 2022
Søknadstype
Forskerprosjekt
Prosjektperiode
2023 - 2026
Prosjektet undersøker hvordan hjemmetjenesten deler opplysninger digitalt med fastleger.
Vi intervjuer ansatte og brukere i fire kommuner."""


@pytest.mark.parametrize("text, kind", [
    # a funder's call: its deadline, who may apply, how much, how to apply (fjord h12; the
    # words of its project description had made it a project report)
    case("call-en", CALL_EN, "other"),
    case("call-nb", CALL_NB, "other"),
    # held before and after: a project's catalogue page names the call that funded it
    case("project-page", PROJECT_NB, "project_report"),
])
def test_a_call_for_proposals_is_no_project_report(text, kind):
    assert doc_type_classify(text, text.split("\n")[0])[0] == kind


@pytest.mark.parametrize("text, title", [
    # a copied e-mail whose message repeats its subject as its heading (scarp t02): the
    # heading, though it reads as a field ("Resettlement news: June")
    case("subject-repeated", "From: Invented Network\nSent: 03 June 2025 10:02\nTo:\nSubject: "
         "Welcome news: June\nView this email in your browser\nWelcome news: June\nThis "
         "month's update is for everyone who helps newcomers settle in the region.",
         "Welcome news: June"),
    # the subject's end after the newsletter's name (fjell t02)
    case("subject-end", "From: Invented Institute\nTo:\nSubject: Work Update: what happens "
         "after the sick note?\nDate: Thu, 6 Mar 2025\nWork Update\nWhat happens after the "
         "sick note?\nOur interviews with managers suggest that faster notes have not brought "
         "faster talks.", "What happens after the sick note?"),
    # held before and after: a mail whose message does not repeat its subject
    case("subject-alone", "From: Invented Institute\nTo:\nSubject: June update\n\nDigital "
         "help in libraries\n\nThe libraries in the region now offer help with benefit forms "
         "every Tuesday.", "Digital help in libraries"),
])
def test_a_mail_s_heading_named_by_its_subject_is_its_title(text, title):
    assert title_find(text) == title


def _cover(lines: list[tuple[str, float, float]]) -> list[list]:
    from digiwelfare.pdf_text import Line

    body = [Line("Brødtekst i rapporten som fyller siden med vanlige ord.", 400.0 - 14 * i, 11.0)
            for i in range(20)]
    return [[Line(text, y, size, True) for text, y, size in lines], body]


@pytest.mark.parametrize("lines, title", [
    # a cover's title over a subtitle in the same size, a wider step between them (scarp w02)
    case("subtitle-apart", [("Evaluering av digital hjelp i", 654.0, 18.0),
                            ("introduksjonsprogrammet", 629.0, 18.0),
                            ("Sluttrapport til kommunen", 595.0, 18.0)],
         "Evaluering av digital hjelp i introduksjonsprogrammet: Sluttrapport til kommunen"),
    # held before and after: a title wrapped over three even steps
    case("even-steps", [("Evaluering av digital hjelp", 654.0, 18.0),
                        ("i introduksjonsprogrammet", 629.0, 18.0),
                        ("for nye innbyggere", 604.0, 18.0)],
         "Evaluering av digital hjelp i introduksjonsprogrammet for nye innbyggere"),
])
def test_a_cover_s_subtitle_in_the_title_s_size_is_parted_by_its_step(lines, title):
    from digiwelfare.pdf_text import cover_title

    assert cover_title(_cover(lines)) == title


@pytest.mark.parametrize("line, debris", [
    # a minutes' record of a vote (ravine p01; sastrugi h07 of an earlier round)
    case("nn-label", "Røysting: Vedteke mot 2 røyster.", True),
    case("nn-formula", "Vedteke samrøystes i møtet.", True),
    # held before (short lines and field labels): Swedish, Danish and Bokmål votes
    case("sv-formula", "Enhälligt antaget", True),
    case("da-label", "Afstemning: 7 for, 2 imod", True),
    case("nb-label", "Votering: Enstemmig vedtatt", True),
    # held before and after: a sentence with its subject
    case("sentence", "Forslaget ble vedtatt mot to stemmer etter et langt ordskifte.", False),
    case("decision", "Vedtaket var enstemmig.", False),
])
def test_a_vote_record_in_minutes_is_debris(line, debris):
    prose = "Kommunestyret drøfta saka om digitale søknader i eit lengre ordskifte."
    assert (text_clean(f"{prose}\n\n{line}")[0] == prose) is debris


@pytest.mark.parametrize("text, title", [
    # a report named by its kind and its year over a short field line (lahar w02)
    case("annual-report", "Årsrapport 2023\n\nUtdrag: Digital jobbsøking\n\nVerkstedet fulgte "
         "opp mange deltakere, og nesten alle fikk en digital CV.", "Årsrapport 2023"),
    case("plan", "Handlingsplan 2025-2028\n\nTiltak: Digital hjelp\n\nKommunen vil gi alle "
         "innbyggere tilbud om hjelp med digitale tjenester.", "Handlingsplan 2025-2028"),
    # held before and after: a code with a year is no title
    case("code", "Sak 2023\n\nSaksnr: 00/000\n\nKommunen vil gi alle innbyggere tilbud om "
         "hjelp med digitale tjenester.", ""),
])
def test_a_document_named_by_its_kind_and_year_is_titled_so(text, title):
    assert title_find(text) == title


@pytest.mark.parametrize("text, title", [
    # minutes whose Word header names the body and the kind over the fuller heading (skerry
    # p03, maar p04)
    case("motebok", "Heradet kommune – Møtebok\n\nMøtebok for levekårsutvalet\n\nMøtedato: "
         "12.04.2018\n\nUtvalet drøfta digitale søknader om hjelpemiddel i eit lengre "
         "ordskifte.", "Møtebok for levekårsutvalet"),
    case("protokoll", "Fjellby kommune – Møteprotokoll\n\nMøteprotokoll: Fjellby kommunestyre"
         "\n\nKommunestyret drøftet digitale tjenester ved dødsfall i et langt ordskifte.",
         "Møteprotokoll: Fjellby kommunestyre"),
    # held before and after: a series' line with its number is no fuller heading
    case("series", "Digital hjelp i biblioteket – Rapport\n\nRapport 2/2024\n\nBibliotekene "
         "hjelper mange innbyggere med digitale skjema hver uke.",
         "Digital hjelp i biblioteket – Rapport"),
])
def test_a_running_head_gives_way_to_the_heading_it_names(text, title):
    assert title_find(text) == title


@pytest.mark.parametrize("text, year", [
    # a meeting's running head over one of its abstracts, without the body's name (maar t03;
    # doline t05 of an earlier round)
    case("compound", "Nasjonal velferdskonferanse 2023 – Sammendrag\n14\nSesjon 3B\nNår "
         "søknaden blir et skjema\n\nVi intervjuet tolv ergoterapeuter i seks kommuner.", 2023),
    # held before: the same in English with a bar
    case("days", "Nordic Care Days 2024 | Abstracts\n\nForms at home\n\nWe interviewed twelve "
         "therapists in six towns.", 2024),
    # held before and after: a sentence that mentions a conference and a year
    case("sentence", "Vi var på konferanse 2023 - sammendrag følger.\n\nVi intervjuet tolv "
         "ergoterapeuter.", None),
])
def test_a_meeting_s_running_head_dates_its_abstract(text, year):
    assert year_derive(text, today=TODAY)[0] == year


@pytest.mark.parametrize("text, year", [
    # a page's review stamp (caldera h11; tombolo h02 of an earlier round)
    case("last-reviewed", "Applying online\n\nLast reviewed: January 2025\n\nYou can apply for "
         "the benefit online or by phone.", 2025),
    # a Nynorsk book of abstracts' name ("Bok over samandrag"; caldera t04)
    case("bok-over-samandrag", "Bok over samandrag 2025\n\nPensjonistar og digital post\n\n"
         "Vi intervjua tolv pensjonistar om digital post.", 2025),
    # held before and after: a sentence that says something was reviewed in a year
    case("sentence", "Background\n\nThe report was reviewed in 2019 by the board, which asked "
         "for more.", None),
])
def test_a_review_stamp_and_a_nynorsk_book_of_abstracts(text, year):
    assert year_derive(text, today=TODAY)[0] == year


def test_a_call_that_names_itself_is_other():
    """A call that names itself and offers its full text to download, with little else of a
    call's phrasing (tuff h16; caldera h15 and lahar h14 alike): a call, not a policy
    document."""
    text = ("Open call\n\nCall for proposals: fair digital access to housing support\n\n"
            "Deadline\n\n15 January 2027, 13:00 CET\n\nBudget\n\nUp to EUR 000,000 per project"
            "\n\nDuration\n\n24–36 months\n\nThe fund invites research teams to study how "
            "people apply online for housing allowances and social housing, and who falls out "
            "along the way.\n\nProjects must include at least one municipality as a partner "
            "and should involve applicants in the design of the study.\n\nFunded projects are "
            "expected to start in the autumn of 2027.\n\nDownload the full call text (PDF, 2 "
            "MB)\n\nQuestions?")
    assert doc_type_classify(text, "Open call")[0] == "other"
