"""Mends after the twenty-first session's four blind page sets (pahoehoe, ventifact,
dreikanter, gneiss), each scored once before any change: a sentence under a Word table's
rows was taken for a notice in the footer; a newsletter's "view the e-mail in the browser"
line without "this" stayed and became the title; a short Bokmål paragraph was made Danish by
lingua; a browser-printed programme's slots were joined into one line with the sentence on
the next page; a cookie dialog's second sentence, a company's registration "in Scotland"
and a press release's closing words on its publisher stayed. Each case is ours, written for
the shape, and failed on the code before; the prose beside each guards the new rules."""

from __future__ import annotations

import pytest

from digiwelfare.clean import line_debris, lines_classify
from digiwelfare.language import CANDIDATES, texts_language
from digiwelfare.language_nordic import danish_or_norwegian
from digiwelfare.pdf_text import Line, pdf_pages_join
from digiwelfare.titles import title_find


def _reasons(lines: list[str]) -> dict[str, str | None]:
    return dict(zip(lines, lines_classify(lines, frozenset()), strict=True))


# -- a table's rows are the text's own: a sentence under them is no footer notice ---------

_LETTER = [
    "Høringssvar om digitale aktivitetsplaner for unge",
    "Vi støtter at kommunene får bedre verktøy for å følge opp unge som står utenfor skole og "
    "arbeid, men vi mener forslaget undervurderer behovet for personlig kontakt.",
    "Mange av de unge vi møter, svarer ikke på meldinger i en app, men kommer når noen de "
    "kjenner ringer dem og avtaler et møte ansikt til ansikt.",
    "Tiltak | Hvorfor",
    "Fast kontaktperson i kommunen | Unge trenger en de kjenner fra før",
    "Påminnelse på telefon før møter | Varsler i appen blir ofte oversett",
    "Ungdomsrådet bør delta når løsningen prøves ut i kommunene.",
]


def test_a_sentence_under_a_tables_rows_is_text():
    reasons = _reasons(_LETTER)
    assert reasons["Ungdomsrådet bør delta når løsningen prøves ut i kommunene."] is None


def test_a_sentence_under_a_footers_labelled_fields_is_still_a_notice():
    lines = [*_LETTER[:3], "Kontakt oss", "Telefon: 22 00 00 00 | E-post: post at example.no",
             "Org.nr.: 900 000 000 | Besøk: Storgata 1", "Åpent: 08.00 | Stengt: 15.30",
             "Vi svarer på henvendelser innen to virkedager."]
    assert _reasons(lines)["Vi svarer på henvendelser innen to virkedager."] is not None


# -- a newsletter's "view in the browser" line, with or without "this" ---------------------

@pytest.mark.parametrize("line", [
    "Vis e-posten i nettleseren", "Opne e-posten i nettlesaren", "View email in browser",
    "View the newsletter in your browser", "Se nyhedsbrevet i din browser",
    "Visa mejlet i webbläsaren"])
def test_a_newsletters_view_in_the_browser_line_is_debris(line):
    assert line_debris(line) == "newsletter footer"


def test_a_newsletters_view_in_the_browser_line_is_no_title():
    text = ("Fra: Fondet <post at example.no>\nDato: 3. juni 2025\nEmne: Nyhetsbrev juni\n"
            "Vis e-posten i nettleseren\n\nNyhetsbrev fra fondet\n\nFondet har delt ut "
            "midler til fire nye prosjekter om digitale vedtak i kommunene, og søknadene var "
            "flere enn noen gang.\n")
    assert title_find(text) == "Nyhetsbrev fra fondet"


@pytest.mark.parametrize("sentence", [
    "Mange eldre klarer ikke å åpne e-posten i nettleseren og ringer derfor kontoret.",
    "Older users could view the newsletter in a browser only after a volunteer showed them "
    "how, the evaluation found."])
def test_a_sentence_on_reading_mail_in_a_browser_stays(sentence):
    assert _reasons([sentence])[sentence] is None


# -- Danish and Norwegian by the stop words only one of them writes ------------------------

def test_a_short_bokmaal_paragraph_with_a_norwegian_pronoun_is_not_danish():
    text = "Du kan reservere deg mot digital post hvis du heller vil ha brev på papir."
    assert texts_language([text]) == ["nb"]


@pytest.mark.parametrize(("code", "text", "expected"), [
    ("da", "Du kan reservere deg mot digital post.", "nb"),
    ("da", "Eg vil ikkje ha brev frå kommunen.", "nn"),
    ("nb", "Det er uden tvivl en del af løsningen.", "da"),
    ("da", "Det er uden tvivl en del af løsningen, sa hun til deg.", "da"),  # both: lingua
    ("nb", "Kommunen sender brev til innboksen.", "nb"),  # neither: lingua
    ("sv", "Du kan reservere deg mot digital post.", "sv"),  # Swedish is not asked here
    ("da", "Appen «Hva skjer med deg» er norsk, og den bliver brugt i Danmark.", "da"),
])
def test_danish_or_norwegian(code, text, expected):
    assert danish_or_norwegian(code, text, CANDIDATES) == expected


def test_without_danish_among_the_candidates_nothing_changes():
    assert danish_or_norwegian("nb", "Det er en del af løsningen.", ("en", "nb", "nn")) == "nb"


# -- a printed programme's slots: one line each, and the next page's sentence apart --------

def _page(texts: list[str], top: float = 800.0) -> list[Line]:
    return [Line(t, y=top - 14.0 * k, size=10.0) for k, t in enumerate(texts)]


def test_a_printed_programmes_slots_and_the_sentence_after_them_stay_apart():
    prose = ("This year the seminar asks how digital identity can include people who "
             "depend on relatives to use public services, and what that asks of support")
    pages = [_page([prose, "desks in the municipalities and in the agencies.",
                    "09:00–10:30 Opening and a keynote on mandates",
                    "11:00–12:30 Session 1: Registers of who may act for whom",
                    "13:30–15:00 Session 2: Complaints about login pages"]),
             _page(["Speakers are asked to send their slides to the organisers one day "
                    "before their session.", "More information follows by e-mail."])]
    lines = pdf_pages_join(pages).split("\n")
    assert "11:00–12:30 Session 1: Registers of who may act for whom" in [
        ln.strip() for ln in lines]
    assert any(ln.startswith("Speakers are asked") for ln in lines)
    assert not any("Complaints about login pages Speakers" in ln for ln in lines)


def test_a_sentence_that_opens_with_a_time_in_lower_case_goes_on():
    pages = [_page(["The office in the town hall is open every weekday from nine, and the "
                    "last appointments of the day are given out at",
                    "14.30 and no later, so that every case can be closed the same day.",
                    "Second paragraph of the page that ends here."])]
    assert "given out at 14.30 and no later" in pdf_pages_join(pages)


# -- a cookie dialog's sentences between its notice and its buttons ------------------------

def test_a_cookie_dialogs_second_sentence_is_debris():
    lines = ["Vi bruker informasjonskapsler",
             "Noen er nødvendige for at nettstedet skal virke, andre gjør det bedre.",
             "Godta alle Bare nødvendige",
             "Digitalt tilsyn om natten",
             "Fagdagen er for ledere og ansatte i hjemmetjenesten som har tatt i bruk, eller "
             "skal ta i bruk, digitalt tilsyn om natten."]
    reasons = _reasons(lines)
    assert reasons[lines[1]] is not None and reasons[lines[4]] is None


def test_a_paragraph_on_cookies_in_a_study_without_buttons_stays():
    lines = ["Vi bruker informasjonskapsler",
             "Studien fant at de fleste brukerne trykket på den første knappen de så, uten "
             "å lese hva nettstedet ville lagre om dem.",
             "Digital kompetanse blant eldre",
             "Resultatene viser at hjelp fra biblioteket gjorde mest for dem som var usikre."]
    assert _reasons(lines)[lines[1]] is None


# -- a company's registration "in Scotland 000000" ----------------------------------------

def test_a_company_registered_in_scotland_with_its_number_is_debris():
    line = "Carers North is a company limited by guarantee, registered in Scotland 000000."
    assert _reasons([line])[line] == "charity or company registration"


def test_people_registered_in_scotland_are_text():
    line = ("The charity helped 400 people registered in Scotland in 2023, and a company "
            "limited by guarantee ran the helpline.")
    assert _reasons([line])[line] is None


# -- a press release's closing words on its publisher -------------------------------------

_RELEASE = [
    "Press release",
    "Support desks see more relatives signing in for others",
    "Help desks across the region received more calls from relatives who want to sign in "
    "for a parent, according to a short survey of the desks.",
    "The agency recommends a clear route for acting on behalf of another person instead of "
    "shared passwords.",
    "Media contact",
]


def test_about_the_publisher_under_the_releases_furniture_is_debris():
    lines = [*_RELEASE, "About the Agency",
             "The agency works for secure and accessible digital services across the region."]
    reasons = _reasons(lines)
    assert reasons["About the Agency"] == "about the publisher"
    assert reasons[lines[-1]] == "about the publisher"
    assert reasons[lines[3]] is None


@pytest.mark.parametrize("heading", ["About the survey", "Om undersøkelsen", "About the project"])
def test_about_the_texts_own_study_stays(heading):
    lines = [*_RELEASE, heading,
             "The survey asked 120 help desks in spring about the calls they had in a week."]
    assert _reasons(lines)[lines[-1]] is None


def test_about_the_agency_with_the_text_going_on_stays():
    lines = [*_RELEASE[:4], "About the Agency",
             "The agency was set up in 2004 to advise public bodies on security.",
             "It now has a staff of 300 and offices in three countries.",
             "Its budget grew by a third last year, mostly for work on digital identity.",
             "Its board meets four times a year and publishes its minutes online."]
    reasons = _reasons(lines)
    assert all(reasons[ln] is None for ln in lines[5:])


def test_a_heading_that_opens_a_clause_with_om_is_no_publisher_note():
    lines = ["Boka tid för pass", "Du kan boka en tid på ditt närmaste servicecenter via "
             "e-tjänsten, och du behöver ditt personnummer när du bokar.",
             "Dela", "Om du inte hittar en ledig tid",
             "Nya tider läggs ut varje vardag, så det lönar sig att titta igen senare."]
    assert _reasons(lines)[lines[-1]] is None


def test_a_records_fields_without_colons_are_no_table_of_the_text():
    # a research portal's record prints its fields as "Label | value" rows: they are the
    # page's furniture, and a short sentence under them is still a notice in the footer
    lines = ["Digital dashboards for managers in home care",
             "This paper studies how managers in home care read the dashboards that report "
             "their units' visits, and what they do when the figures look wrong.",
             "Original language | English", "Title of host publication | Proceedings of a "
             "Nordic conference on information systems", "Number of pages | 14",
             "Publication status | Published - 27 Nov 2023", "Research topics",
             "See which topics the paper touches on. Together they make its profile."]
    assert _reasons(lines)[lines[-1]] is not None


# -- a page out of a book of abstracts: the collection's name, then a session's heading -----

def test_a_session_abstract_out_of_a_book_of_abstracts_is_an_abstract():
    from digiwelfare.doctypes import doc_type_classify

    text = ("Skip to content\nHome\nResearch\nConferences\nBook of abstracts\n"
            "Nordic seminar on welfare services, Bodø, 3–4 April 2024\n"
            "Session 2A: Digital contact with young people\n"
            "Chat as a way in: how caseworkers keep in touch with young people at a distance\n"
            "We interviewed caseworkers in three rural municipalities about their chat "
            "conversations with young people who had left school.\n"
            "Chat kept many conversations going, but it also made caseworkers answer late in "
            "the evening.\nNext abstract\nContact us\n")
    assert doc_type_classify(text, "Chat as a way in")[0] == "abstract"


def test_a_programme_with_a_link_to_its_book_of_abstracts_is_no_abstract():
    from digiwelfare.doctypes import doc_type_classify

    text = ("Home\nProgramme\nBook of abstracts\nVenue\nRegistration\n"
            "Nordic seminar on welfare services, Bodø, 3–4 April 2024\n"
            "09:00–09:30 Opening\n09:30–10:30 Session 1: Digital contact with young people\n"
            "11:00–12:00 Session 2: Appeals and legal certainty\n12:00–13:00 Lunch\n"
            "13:00–14:30 Session 3: Data sharing between agencies\n")
    assert doc_type_classify(text, "Programme")[0] == "event_programme"


def test_a_menus_about_us_above_the_text_is_no_publisher_note():
    lines = ["Skip to main content", "Study", "Research", "About the University", "Events",
             "Research seminar: Digital frontline work",
             "The seminar gathers researchers who study how caseworkers meet people through "
             "screens and chat.",
             "We want to discuss what frontline work looks like when most contact is written.",
             "The seminar is open to all, but we ask you to register."]
    reasons = _reasons(lines)
    assert all(reasons[ln] is None for ln in lines[6:])


def test_a_cookie_dialog_with_an_ok_button():
    lines = ["Nettstedet bruker informasjonskapsler.",
             "Du kan lese mer i personvernerklæringen.", "OK | Innstillinger",
             "Hopp til hovedinnhold", "Utlysning: Digitale tjenester",
             "Fondet lyser ut midler til forskning på digitale helsetjenester for personer som "
             "mottar ytelser."]
    assert _reasons(lines)[lines[1]] is not None


def test_a_contact_boxs_question_over_a_sentence_with_a_phone_number():
    lines = ["Assistert selvhjelp på nett",
             "Assistert selvhjelp er et program på nett der du jobber med angst i ditt eget "
             "tempo, med en veileder som svarer deg.", "Trenger du hjelp?",
             "Ring oss på 55 00 00 00"]
    assert _reasons(lines)["Trenger du hjelp?"] == "contact heading"


def test_a_sentence_on_the_link_sent_the_day_before_is_text():
    line = "Du logger ind med MitID og får et link i Digital Post dagen før mødet."
    lines = ["Samtaler med din rådgiver over video",
             "Hvis du modtager kontanthjælp, kan du holde dine samtaler med rådgiveren over "
             "video.", line, "Sådan gør du"]
    assert _reasons(lines)[line] is None


def test_a_link_note_in_a_field_is_debris():
    assert line_debris("Zoom (link sent after registration)") == "meeting link notice"


def test_about_the_alliance_taken_for_a_run_of_short_lines_is_still_the_publishers():
    lines = [*_RELEASE, "Phone: 00 00 00 00", "About the Alliance",
             "The alliance is a membership body for the public digital health services of the "
             "region."]
    assert _reasons(lines)[lines[-1]] == "about the publisher"


# -- after skarn's first score --------------------------------------------------------------

@pytest.mark.parametrize("line", ["Hei! Lurer du på noe om hjelpemidler?",
                                  "Hej! Behöver du hjälp med ansökan?",
                                  "Hi, do you have a question about your equipment?"])
def test_a_chat_widgets_greeting_with_a_question_is_debris(line):
    assert line_debris(line) == "chat widget"


def test_a_greeting_in_reported_speech_stays():
    assert line_debris("Hei! sa hun, og spurte om hun kunne få hjelp med skjemaet?") is None


def test_a_booking_button_is_debris_and_a_sentence_on_booking_stays():
    assert line_debris("Book your place") == "registration or deadline"
    assert line_debris("Book your place at the library and learn to use your digital ID "
                       "with a volunteer on Tuesdays.") is None


def test_a_charity_number_of_six_digits_in_brackets():
    line = "Carers North is a registered charity in England and Wales (000000)."
    assert line_debris(line) == "charity or company registration"


def test_a_contact_boxs_question_and_call_on_one_line():
    line = "Trenger du hjelp? Ring rådgivningstelefonen vår."
    lines = ["Slik klager du", "Får du avslag på en søknad, har du rett til å klage innen seks "
             "uker etter at du fikk vedtaket.", line, "Telefon: 22 00 00 00"]
    assert _reasons(lines)[line] == "contact heading"


def test_a_byline_of_a_person_and_an_institution_under_a_title():
    line = "Turid Hauge, Høgskulen i Volda"
    lines = ["Kven har ordet i den digitale søknaden?", line, "Samandrag",
             "Når søknaden blir fylt ut digitalt, endrar det kven som formulerer behovet, og "
             "kven som får siste ordet i møtet."]
    assert _reasons(lines)[line] == "affiliation"
    sentence = ("Turid Hauge, som leiar prosjektet ved Høgskulen i Volda, seier at dei har "
                "lært mykje.")
    assert _reasons([*lines[:1], sentence, *lines[2:]])[sentence] is None


# -- after the third round's first scores ----------------------------------------------------

def test_an_evaluation_named_in_a_covers_subtitle_is_a_project_report():
    from digiwelfare.doctypes import doc_type_classify

    text = ("Analysehuset Vest\nDigital rådgivning i NAV-kontor\nEvaluering av en "
            "forsøksordning\nRapport 3/2024\nJuni 2024\nInnhold\nSammendrag ........ 3\n"
            "1 Innledning ........ 4\n2 Funn ........ 6\nSammendrag\nForsøket ble prøvd ut "
            "ved seks kontor i halvannet år, og brukerne kom raskere til en første samtale.\n")
    assert doc_type_classify(text, "Digital rådgivning i NAV-kontor")[0] == "project_report"


def test_a_sign_up_button_for_participants_is_debris():
    assert line_debris("Meld på deltakere") == "registration or deadline"
    assert line_debris("Kommunen meldte på 40 deltakere til kurset i fjor, og alle "
                       "fullførte.") is None


# -- after the fourth round's first scores ---------------------------------------------------

def test_a_clock_time_that_ends_a_wrapped_sentence_is_no_slot():
    pages = [_page(["Vedtak: Rådet ber kommunedirektøren om å endre samtykkesiden før appen "
                    "tas i bruk, og ønsker å se den nye",
                    "teksten i neste møte. Det ble ikke meldt inn saker, og møtet ble hevet "
                    "klokken", "18.45.", "Protokollen er godkjent elektronisk."])]
    assert "møtet ble hevet klokken 18.45." in pdf_pages_join(pages)


def test_a_byline_opening_with_a_name_the_names_list_lacks():
    line = "Eli Nordby, Universitetet i Tromsø"
    lines = ["Intern revisjon av journaler: kontroll eller læring?", line,
             "Mange barnevernstjenester gjennomfører nå interne revisjoner der ledere leser et "
             "utvalg journaler etter en mal."]
    assert _reasons(lines)[line] == "affiliation"
    assert _reasons([lines[0], "Universitetet i Bergen, Høgskulen på Vestlandet", lines[2]])[
        "Universitetet i Bergen, Høgskulen på Vestlandet"] is None


def test_minutes_case_items_are_debris_when_there_are_several():
    lines = ["Fjellvik kommune", "Protokoll frå møte i levekårsutvalet",
             "Møtedato: 12.03.2019", "PS 4/19 Godkjenning av innkalling og sakliste",
             "Innkalling og sakliste vart godkjende utan merknader frå nokon av medlemmene.",
             "PS 5/19 Nytt fagsystem for barnevernstenesta", "Utvalet fekk ei orientering om "
             "kva det nye fagsystemet vil bety for dokumentasjonen i sakene."]
    reasons = _reasons(lines)
    assert reasons[lines[3]] == reasons[lines[5]] == "case number and its title"
    assert reasons[lines[4]] is None


def test_a_single_case_heading_is_the_documents_title():
    text = ("Fjellvik kommune\nMøtebok\nSak 14/25 Høyring om digitalt tilsyn i heimetenesta\n"
            "Rådet har lese høyringa og meiner at digitalt tilsyn berre bør brukast når "
            "brukaren sjølv har sagt ja.\nRådet ber kommunen om å evaluere ordninga etter eitt "
            "år.\n")
    assert title_find(text) == "Sak 14/25 Høyring om digitalt tilsyn i heimetenesta"


def test_a_book_of_abstracts_running_foot_is_debris():
    line = "Nordisk konferanse om barnevernsforskning – Book of abstracts"
    assert line_debris(line) == "book of abstracts running head"


def test_a_written_question_is_dated_by_its_answer():
    from digiwelfare.metadata import year_derive

    text = ("Skriftligt spørgsmål om bestilling af kørsel uden app\nStillet 9. december 2024\n"
            "Spørgsmål\nVil borgmesteren oplyse, hvordan ældre uden smartphone kan bestille "
            "kørsel?\nSvar\nBorgere kan fortsat ringe til kundecentret.\n"
            "Besvaret 14. januar 2025\n")
    assert year_derive(text) == (2025, "answered")


# -- after the fifth round's first scores ----------------------------------------------------

@pytest.mark.parametrize(("text", "year"), [
    ("Strategi\nVedtatt juni 2021\nInnhold\n", 2021),
    ("Årsmelding\nVedtatt på landsmøtet 2021\nSide 1\n", 2021),
])
def test_an_adoption_line_with_a_month_or_a_year_alone_dates_a_cover(text, year):
    from digiwelfare.metadata import year_derive

    assert year_derive(text) == (year, "adopted")


def test_an_adoption_in_a_sentence_that_goes_on_is_no_date():
    from digiwelfare.metadata import year_derive

    assert year_derive("Vedtatt i 2021 og revidert i 2023.\n")[0] is None


def test_a_deadline_under_a_label_of_several_words_is_no_date():
    from digiwelfare.metadata import year_derive

    text = ("Decision support for case routing\nNotice number\n000000-0000\n"
            "Deadline for receipt of tenders\n12/03/2026 12:00\nDescription\nThe buyer "
            "seeks a supplier of a decision support module.\n")
    assert year_derive(text, today=__import__("datetime").date(2026, 12, 5))[0] is None


def test_a_link_to_the_next_abstract_makes_an_abstracts_page():
    from digiwelfare.doctypes import doc_type_classify

    text = ("Skip to main content\nConference\nBook of abstracts\nSession 3\nChat before keys: "
            "digital first contact in housing offices\nSeveral housing offices now answer "
            "first enquiries in a chat before anyone is offered a meeting.\nWe analysed chat "
            "logs from two offices.\nShare\nNext abstract\nContact us\n")
    assert doc_type_classify(text, "Chat before keys")[0] == "abstract"


@pytest.mark.parametrize("line", ["Add to calendar", "Legg til i kalender",
                                  "Lägg till i kalendern"])
def test_a_calendar_button_is_debris(line):
    assert line_debris(line) == "calendar button"

