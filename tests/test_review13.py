"""Review of the import rules added since 93f4cf6 (years from a date something runs since,
a letter's signature, no title of another work ending in a full stop, no navigation in a
field block, more Nynorsk/Bokmål doublets, and the document-type cues of the thirteenth
session), case by case in the five languages. Every text is invented, every person in it
too; cases the rules get wrong are strict xfails whose reason says what goes wrong."""

from datetime import date

import pytest

from digiwelfare.clean import text_clean
from digiwelfare.doctypes import doc_type_classify, doc_type_features
from digiwelfare.language import language_tag
from digiwelfare.metadata import year_derive
from digiwelfare.readers import spaced_items_split
from digiwelfare.titles import title_find

TODAY = date(2026, 12, 3)

# two paragraphs of body text before a line under test and two after it (Bokmål, English, Danish)
NB_BEFORE = ("Kommunene har tatt i bruk mange nye fagsystemer de siste årene, og det har gitt "
             "store endringer for de ansatte i tjenestene.\n\n"
             "Undersøkelsen viser at de fleste ansatte er positive, men at mange savner "
             "opplæring og tid til å lære de nye rutinene.\n")
NB_AFTER = ("\nVi anbefaler at staten gir mer støtte til små kommuner som ikke har egne "
            "fagmiljøer på feltet.\n\nKommunene bør også dele erfaringer med hverandre gjennom "
            "faste nettverk og felles opplæring.\n")
EN_BEFORE = ("The municipalities have adopted many new case systems in recent years, and this "
             "has changed daily work for staff in every service.\n\n"
             "The survey shows that most staff are positive, but many miss training and time "
             "to learn the new routines.\n")
EN_AFTER = ("\nWe recommend that the state gives more support to small municipalities without "
            "their own expert staff.\n\nThe municipalities should also share experience "
            "through standing networks and joint training.\n")
DA_BEFORE = ("Kommunerne har taget mange nye fagsystemer i brug de seneste år, og det har "
             "ændret arbejdet for medarbejderne.\n\n"
             "Undersøgelsen viser, at de fleste medarbejdere er positive, men at mange savner "
             "uddannelse og tid til at lære de nye rutiner.\n")
# a research report's body: interviews, as a study reports them
STUDY = ("\n\nVi har intervjuet 40 ansatte i fire kommuner om hvordan de bruker nettbrett i "
         "hjemmetjenesten, og vi har fulgt tre team over et år.\n")


def kept(text: str) -> str:
    """The text that cleaning keeps."""
    return text_clean(text)[0]


def fired(text: str, title: str = "") -> set[str]:
    """The names of the cues that fire anywhere (not the 'in the lead' copies)."""
    return {name for name, value in doc_type_features(text, title).items()
            if value and not name.endswith("in the lead")}


def kind(text: str, title: str = "") -> str:
    """The document type the classifier gives."""
    return doc_type_classify(text, title)[0]


# --- years: a date something has run since or takes effect from -----------------------------

def test_since_in_a_bokmal_sentence_dates_nothing():
    # "i drift siden 1. mars 2023" says when a service started, not when the page was written
    page = "Chat for unge\nTjenesten har vært i drift siden 1. mars 2023 og svarer hver kveld.\n"
    assert year_derive(page, today=TODAY) == (None, "")


def test_swedish_sedan_den_task_start_dates_nothing():
    # "har sedan den 1 juli 2024 haft i uppdrag" is when an assignment began
    page = ("Chattbotar i socialtjänsten\nMyndigheten har sedan den 1 juli 2024 haft i uppdrag "
            "att följa utvecklingen i kommunerna.\n")
    assert year_derive(page, today=TODAY) == (None, "")


def test_nynorsk_fra_og_med_a_law_takes_effect_dates_nothing():
    # "Lova gjeld frå og med 1. januar 2025" is the law's start, not the page's date
    page = "Ny lov om sosiale tenester\nLova gjeld frå og med 1. januar 2025 for alle kommunar.\n"
    assert year_derive(page, today=TODAY) == (None, "")


def test_a_published_stamp_still_dates_a_page_with_an_effective_date():
    # English: the effective date is skipped, the stamp dates the page
    page = ("New rules on housing benefit\nThe rules apply with effect from 1 April 2024.\n"
            "Published 3 February 2025\n")
    assert year_derive(page, today=TODAY) == (2025, "published")


def test_a_danish_date_line_over_a_siden_sentence_still_dates_the_page():
    # a dateline of its own over "Siden 1. januar 2024 ..." is the page's date
    page = "Nyheder\n3. marts 2025\nSiden 1. januar 2024 har kommunen tilbudt chat til unge.\n"
    assert year_derive(page, today=TODAY) == (2025, "date in the head")


# Broke in the review, mended: Danish 'sidst' means 'last', not 'since': 'Opdateret sidst 3.
# marts 2025' and 'Revideret sidst den 3. marts 2025' are the page's own last-modified stamps,
# and the old code dated the page 2025 from them; _SINCE_DATE lists 'sidst' among the
# since-words, so the page now has no year at all
def test_danish_opdateret_sidst_is_the_pages_own_stamp():
    # a Danish guidance page stamped "Opdateret sidst ..." under its title
    for stamp in ("Opdateret sidst 3. marts 2025", "Revideret sidst den 3. marts 2025"):
        page = f"Hjælp til boligen\n{stamp}\nKommunen kan give hjælp til huslejen.\n"
        assert year_derive(page, today=TODAY)[0] == 2025


# Broke in the review, mended: Swedish 'sedan' is also 'then, afterwards': 'publicerades sedan
# den 3 mars 2025' says when the report was published, which the old code took as the year; the
# since-rule reads it as 'since' and the page loses its only date
def test_swedish_sedan_as_afterwards_keeps_the_publication_date():
    # a report's page: handed over in February, "then published on 3 March 2025"
    page = ("Rapporten om chattbotar\nRapporten lämnades till regeringen i februari och "
            "publicerades sedan den 3 mars 2025.\n")
    assert year_derive(page, today=TODAY)[0] == 2025


# --- debris: a letter's signature under its place and date -----------------------------------

def test_a_danish_consultation_responses_signature_goes_and_the_annex_stays():
    # place and date, signer and role go; the annex's sentence under them stays
    letter = (DA_BEFORE + "København, den 3. marts 2025\nHanne Dahl (opdigtet)\nFormand\n\n"
              "Bilag 1\nForeningen har tidligere sendt et brev om den samme sag til "
              "ministeriet i 2023.\n")
    text = kept(letter)
    assert "Hanne Dahl" not in text and "København, den 3. marts" not in text
    assert "Foreningen har tidligere sendt et brev" in text


def test_a_written_questions_signer_goes_and_the_answer_stays():
    # Bokmål written question: place and date, the member's name, then the answer's prose
    question = ("Skriftlig spørsmål til arbeids- og inkluderingsministeren\nFlere kommuner "
                "bruker nå chatboter som gir råd før brukeren får snakke med en veileder.\n"
                "Hvordan vil statsråden sikre at brukerne alltid kan nå et menneske?\n"
                "Tromsø, 3. mars 2025\nKari Nordmann (oppdiktet) /Sp\nEtter "
                "sosialtjenesteloven har brukeren rett til råd fra en kvalifisert ansatt.\n")
    text, why = text_clean(question)
    assert "Kari Nordmann" not in text and "signature" in why
    assert "Hvordan vil statsråden" in text and "Etter sosialtjenesteloven" in text


def test_a_nynorsk_written_questions_signer_goes_and_the_answer_stays():
    # the same in Nynorsk, signed in Førde
    question = ("Skriftleg spørsmål til statsråden\nFleire kommunar brukar no chatbotar som "
                "gir råd før brukaren får snakke med ein rettleiar.\nKorleis vil statsråden "
                "sikre at brukarane alltid kan nå eit menneske?\nFørde, 3. mars 2025\n"
                "Kari Nordmann (oppdikta) /Sp\nEtter lova har brukaren rett til råd frå ein "
                "kvalifisert tilsett.\n")
    text, why = text_clean(question)
    assert "Kari Nordmann" not in text and "Etter lova har brukaren" in text


# Broke in the review, mended: a news item's place and date after a paragraph, then its next
# subheading 'Slik bruker du chatten': the heading is marked 'signature' and lost, though no
# one signs a news item; a signature is a name and a role, not a heading over more text
def test_a_bokmal_subheading_under_a_dateline_is_no_signature():
    # dateline mid-article, then a subheading and more paragraphs
    page = NB_BEFORE + "Bergen, 3. mars 2025\nSlik bruker du chatten\n" + NB_AFTER
    assert "Slik bruker du chatten" in kept(page)


# Broke in the review, mended: English: 'What the survey asked' under 'Leeds, 3 March 2025' is
# a section heading over two more paragraphs, taken for the signer's name and lost (kept before
# the rule)
def test_an_english_subheading_under_a_place_and_date_is_no_signature():
    # a report's dated foreword ends, the next section's heading follows
    page = EN_BEFORE + "Leeds, 3 March 2025\nWhat the survey asked\n" + EN_AFTER
    assert "What the survey asked" in kept(page)


# Broke in the review, mended: 'Tirsdag 4. mars 2025' is a weekday, not a place: _PLACE_DATE
# takes any capitalised word, so a blog entry's date makes its headline 'Nye satser for
# sosialhjelp' a signature and it is lost
def test_a_weekday_date_is_no_place_of_a_signature():
    # a dated blog entry in the running text: the weekday date, then its headline
    page = NB_BEFORE + "Tirsdag 4. mars 2025\nNye satser for sosialhjelp\n" + NB_AFTER
    assert "Nye satser for sosialhjelp" in kept(page)


# --- debris: a line ending in a full stop is no title of another work ------------------------

ROUTINE_NN = ("4 Klage på vedtak\nNår søkjaren klagar, skal kontoret alltid vurdere saka på nytt "
              "før klaga blir send vidare til statsforvaltaren.\n")
FIELD_NN = "\n\nAnsvarleg: Avdelingsleiar, Nav Sunnfjord\n"


def test_a_nynorsk_routines_last_sentence_over_its_responsible_field_stays():
    # a sentence ending in a full stop over "Ansvarleg: ..., Nav ..." is the routine's own
    routine = (ROUTINE_NN + "Rutinen skal gåast gjennom kvart år, og oftare dersom lova blir "
               "endra." + FIELD_NN)
    assert "Rutinen skal gåast gjennom" in kept(routine)


def test_a_sentence_closing_on_a_parenthesis_and_full_stop_stays():
    # the full stop after a closing parenthesis still ends a sentence
    routine = (ROUTINE_NN + "Rutinen skal gåast gjennom kvart år (sjå vedlegg 3 om "
               "endringar)." + FIELD_NN)
    assert "sjå vedlegg 3" in kept(routine)


def test_a_question_title_over_its_affiliation_in_a_book_of_abstracts_still_goes():
    # the next abstract's title, a question, over its author's affiliation
    book = ("Abstracts\nThe paper follows two municipalities that put a chatbot on their web "
            "pages and asks who answers it when it fails.\n"
            "Who owns the rota in home care?\nAnna Berg, University of Bergen\n")
    text, why = text_clean(book)
    assert "Who owns the rota" not in text and "title of another work" in why


# Broke in the review, mended: a routine's last sentence is a question over the labelled field
# 'Ansvarleg: Avdelingsleiar, Nav Sunnfjord'; the mend only spares lines ending in a full stop,
# so the question is still taken for the title of another work and lost, though a labelled
# field ('Ansvarleg:') is no author's affiliation
def test_a_nynorsk_question_over_a_responsible_field_stays():
    # the routine ends by asking who reviews it
    routine = (ROUTINE_NN + "Kven skal gå gjennom rutinen dersom lova blir endra før 2026?"
               + FIELD_NN)
    assert "Kven skal gå gjennom rutinen" in kept(routine)


# Broke in the review, mended: Swedish: a routine's last sentence ends in '!' over 'Ansvarig:
# Enhetschef, ...'; only a full stop spares it, so a sentence of text is lost as another work's
# title
def test_a_swedish_exclamation_over_a_responsible_field_stays():
    # an exclamation closes the routine above its "Ansvarig:" field
    routine = ("4 Överklagande\nNär den sökande överklagar ska kontoret alltid pröva ärendet "
               "på nytt innan det skickas vidare.\nRutinen ska ses över varje år, och oftare "
               "om lagen ändras!\n\nAnsvarig: Enhetschef, Försäkringskassan Luleå\n")
    assert "Rutinen ska ses över varje år" in kept(routine)


# --- debris: navigation is no field of a field block -----------------------------------------

def test_a_nynorsk_press_releases_headline_under_its_menu_is_its_title():
    # skip link, site name, "Meny", breadcrumb and kicker over the headline
    page = ("Hopp til hovudinnhaldet\nSunnfjord kommune\nMeny\nSøk\nForsida / Aktuelt / "
            "Pressemeldingar\nPressemelding\nChatboten svarar no på nynorsk\n"
            "Publisert 12.03.2024\nFrå i dag kan innbyggjarane skrive til chatboten på "
            "nynorsk og få svar på nynorsk.\n")
    assert title_find(page) == "Chatboten svarar no på nynorsk"


def test_a_swedish_facts_box_is_still_a_block_of_fields():
    # "Datum / Plats / Pris" over their values is a facts box, navigation or not
    facts = ("Datum\nTisdag 11 mars\nPlats\nStadshuset, sal 2\nPris\nKostnadsfritt\n"
             "Seminariet samlar forskare och anställda i kommunerna till en dag om digitala "
             "tjänster.\n")
    text, why = text_clean(facts)
    assert why.count("field block") >= 4 and "Seminariet samlar forskare" in text


# Broke in the review, mended: an event page: menu, breadcrumb, kicker 'Arrangement' and
# headline over a facts box ('Dato / Sted / Pris'); the headline was paired into the field
# block, and the title found was the site's name 'Bodø kommune'
def test_an_event_pages_headline_over_its_facts_box_is_its_title():
    # the headline of an event page stands right above its facts box
    page = ("Hopp til hovedinnhold\nBodø kommune\nMeny\nSøk\nForsiden / Aktuelt / "
            "Arrangementer\nArrangement\nFagdag om digitale tjenester for eldre\n"
            "Dato\nTirsdag 11. mars\nSted\nRådhuset, sal 2\nPris\nGratis\n"
            "Fagdagen samler ansatte i kommunene til en dag om digitale tjenester for eldre.\n")
    assert title_find(page) == "Fagdag om digitale tjenester for eldre"


# --- types: a report from a project -----------------------------------------------------------

@pytest.mark.parametrize("page", [
    # Bokmål: the report names the project it was written in
    "Digital hjelp i hjemmet\nRapporten er skrevet i prosjektet HJEMDIG ved universitetet.\n"
    + STUDY,
    # Nynorsk: "skriven i forskingsprosjektet"
    "Digital hjelp i heimen\nRapporten er skriven i forskingsprosjektet HEIMDIG.\n\nVi har "
    "intervjua 40 tilsette i fire kommunar om korleis dei brukar nettbrett i heimetenesta.\n",
    # Danish: the first working paper from a project
    "Digitale borgere\nArbejdspapiret er det første fra projektet BORGDIG.\n\nVi har "
    "interviewet 40 medarbejdere i fire kommuner om, hvordan de bruger selvbetjening.\n",
    # Swedish: the project's funding and period, without the word report
    "Digitala invånare\nProjektet finansierades av Forte och pågick 2022–2024.\n\nVi har "
    "intervjuat 40 handläggare i fyra kommuner om hur de använder e-tjänster.\n",
    # English: a working paper from a funded project
    "Digital citizens at the counter\nThis working paper is the second from the project "
    "CITDIG, funded by the Research Council.\n\nWe interviewed 40 caseworkers in four "
    "municipalities about self-service.\n",
])
def test_a_report_that_names_its_project_is_a_project_report(page):
    # since the review, a project's funding or period is a cue of its own (the Swedish page);
    # since the seventeenth session, a working paper saying "this working paper" is too
    assert doc_type_classify(page) in (("project_report", "cue: a report from a project"),
                                       ("project_report", "cue: a project's funding or period"),
                                       ("project_report", "cue: a working paper speaks of itself"))


# Broke in the review, mended: a news item that reports on 'En ny rapport fra prosjektet
# ...', with its publication date under the headline, was typed project_report; a careful
# reader sees news about a report, not the report
def test_news_about_a_project_report_is_news():
    # Bokmål news page on a report's launch
    page = ("Ny rapport om eldre og digitale tjenester\nPublisert 3. mars 2025\nEn ny rapport "
            "fra prosjektet HJEMDIG viser at mange eldre trenger hjelp til å logge inn.\n"
            "Rapporten ble lagt fram på et seminar i Oslo i dag, og kommunene skal nå drøfte "
            "funnene.\n")
    assert kind(page) == "other"


# Broke in the review, mended: news that both quotes a source ('– ..., sier prosjektleder ...')
# and names 'rapport fra prosjektet' is still typed project_report: the new quote cue (2) loses
# to the new project cue (3), so the news sign added for exactly this case does not decide it
def test_news_quoting_a_project_leader_about_the_report_is_news():
    # the same launch, with the project leader quoted as news quotes
    page = ("Ny rapport: eldre sliter med digitale tjenester\nPublisert 3. mars 2025\nEn ny "
            "rapport fra prosjektet HJEMDIG viser at mange eldre trenger hjelp.\n– Vi ser at "
            "mange gir opp før de har fått logget inn, sier prosjektleder Kari Nordmann "
            "(oppdiktet).\nRapporten ble lagt fram i dag.\n")
    assert kind(page) == "other"


@pytest.mark.xfail(strict=True, reason=(
    "a funder's news of a grant ('tildelt 12 millioner til et prosjekt som går fra 2025') "
    "is typed project_report by the project's period; an award notice is no report"))
def test_a_grant_award_notice_is_no_project_report():
    # a research council's award news
    page = ("Tildeling 2025\nForskningsrådet har tildelt 12 millioner til et prosjekt som går "
            "fra 2025 til 2028 om digitale tjenester i Nav.\nProsjektet ledes av "
            "universitetet.\n")
    assert kind(page) != "project_report"


# Broke in the review, mended (eighteenth session: the call-for-proposals cue): a call for
# proposals ('Prosjektet som går fra 2026 må ha en partner i kommunen') was typed
# project_report by a project's period; the call names projects that do not exist yet
def test_a_call_for_proposals_is_no_project_report():
    # a funder's call page with its deadline
    page = ("Utlysning: Digitale velferdstjenester\nSøknadsfrist 1. april 2025\nVi lyser ut "
            "midler til prosjekter. Prosjektet som går fra 2026 må ha en partner i kommunen.\n")
    assert kind(page) != "project_report"


# Broke in the review, mended: an agency's annual report ('Årsrapport 2024', Nav Vestland) that
# mentions 'Rapporten fra prosjektet Ung Inn' is typed project_report (was policy_document):
# one sentence about a project outweighs the annual report's own kind
def test_an_annual_report_mentioning_a_project_report_stays_a_policy_document():
    # the annual report's opening lines
    page = ("Årsrapport 2024\nNav Vestland\nI 2024 fikk kontoret ny leder. Rapporten fra "
            "prosjektet Ung Inn viser at flere unge kom i arbeid.\n")
    assert kind(page) == "policy_document"


# --- types: a method chapter in the contents --------------------------------------------------

def test_a_method_chapter_with_dot_leaders_fires_the_cue():
    # "2 Metode .......... 9" in a report's contents
    page = ("Nettbrett i hjemmetjenesten\nInnhold\n1 Innledning .......... 5\n"
            "2 Metode .......... 9\n3 Funn .......... 14" + STUDY)
    assert "a method chapter in the contents" in fired(page)


def test_an_english_data_and_methods_chapter_with_a_page_number_fires_the_cue():
    # "2 Data and methods 9" without dot leaders
    page = ("Tablets in home care\nContents\n1 Introduction 5\n2 Data and methods 9\n"
            "3 Findings 14\n\nWe interviewed 40 staff in four municipalities.\n")
    assert "a method chapter in the contents" in fired(page)


def test_a_numbered_method_heading_without_a_page_number_is_no_contents_line():
    # "2 Metode" as a heading in the text, no page number
    page = ("Digital søknad\nSammendrag\n2 Metode\nVi har intervjuet 40 ansatte." + STUDY)
    assert "a method chapter in the contents" not in fired(page)


@pytest.mark.xfail(strict=True, reason=(
    "a qualitative research report (contents with '2 Metode', interviews) that quotes its "
    "informants the usual way ('– ..., sier en hjelpepleier') was typed other by 'a quoted "
    "source says'; since the review an informant quoted by role is no news source, but the "
    "report is now typed policy_document by its contents list: the method chapter's weight 1 "
    "cannot hold it"))
def test_a_research_report_quoting_its_informants_is_a_project_report():
    # findings chapter with two informant quotes
    page = ("Nettbrett i hjemmetjenesten\nInnhold\n1 Innledning .......... 5\n"
            "2 Metode .......... 9\n3 Funn .......... 14\n\n3 Funn\nDe ansatte beskriver at "
            "opplæringen kom for sent.\n– Vi fikk nettbrettet før vi fikk vite hva det skulle "
            "brukes til, sier en hjelpepleier.\n– Det tok lang tid før vi stolte på det, sier "
            "en annen.\n")
    assert kind(page) == "project_report"


@pytest.mark.xfail(strict=True, reason=(
    "a study's contents with '2 Metode' and an interview design is still typed "
    "policy_document by the table of contents: the method chapter cue (weight 1) fires but "
    "never decides, so it adds nothing on a report with contents"))
def test_a_study_with_a_method_chapter_is_a_project_report():
    # the same report without quotes
    page = ("Nettbrett i hjemmetjenesten\nInnhold\n1 Innledning .......... 5\n"
            "2 Metode .......... 9\n3 Funn .......... 14" + STUDY)
    assert kind(page) == "project_report"


# --- types: a commissioning client -------------------------------------------------------------

def test_a_consultancys_report_naming_its_client_is_a_project_report():
    # "Oppdragsgiver:" in the colophon of a commissioned study
    page = ("Chat i sosialtjenesten\nOppdragsgiver: Arbeids- og velferdsdirektoratet\n"
            "Utført av: Rådgiverfirma AS\n" + STUDY)
    assert doc_type_classify(page) == ("project_report", "cue: a commissioning client named")


def test_a_tender_notice_with_its_client_stays_a_procurement_notice():
    # a procurement notice names "Oppdragsgiver" too; its own cue outweighs
    page = ("Kunngjøring av konkurranse\nOppdragsgiver: Bergen kommune\nAnbudsfrist: 1. april "
            "2025\nKommunen skal kjøpe en chatløsning til innbyggertjenesten.\n")
    assert doc_type_classify(page) == ("other", "cue: procurement notice")


# Broke in the review, mended: a job advert placed by a staffing agency ('Oppdragsgiver:
# Vikarbyrå AS på vegne av Bergen kommune') is typed project_report by the client cue alone; a
# client in a job advert is no sign of a study
def test_a_job_advert_naming_its_client_is_no_project_report():
    # a job advert's fields
    page = ("Stilling ledig: rådgiver\nOppdragsgiver: Vikarbyrå AS på vegne av Bergen kommune\n"
            "Søknadsfrist: 1. april 2025\nVi søker en rådgiver til digitaliseringsavdelingen.\n")
    assert kind(page) != "project_report"


# --- types: an evaluation in the title after its report's kind -------------------------------

@pytest.mark.parametrize("title", [
    "Delrapport: Evaluering av digital sosialhjelp",  # Bokmål interim report
    "Report: Evaluation of the chatbot in three municipalities",  # English
])
def test_an_evaluation_after_its_reports_kind_is_a_project_report(title):
    assert kind(STUDY, title) == "project_report"


def test_a_news_headline_about_an_evaluation_stays_news():
    # "Rapport: Evaluering av chatboten er klar" as a news headline with its date
    title = "Rapport: Evaluering av chatboten er klar"
    page = (f"Nyheter\n{title}\nPublisert 3. mars 2025\nEvalueringen viser at chatboten "
            "svarer riktig på de fleste spørsmål.\n")
    assert kind(page, title) == "other"


# --- types: a statement's kicker and a guidance kicker ---------------------------------------

@pytest.mark.parametrize("page", [
    # Bokmål statement
    "Uttalelse\nDigital søknad må ikke bli en ny terskel for de svakeste\n3. mars 2025\n"
    "Landsforeningen mener at alle må kunne søke på papir eller ved oppmøte.\n",
    # Nynorsk statement
    "Fråsegn\nDigital søknad må ikkje bli ein ny terskel for dei svakaste\n3. mars 2025\n"
    "Landslaget meiner at alle må kunne søkje på papir.\n",
    # Danish guidance
    "Vejledning\nSådan søger du om hjælp til boligen digitalt\nDu logger ind med MitID og "
    "udfylder skemaet.\n",
    # Swedish guidance
    "Vägledning\nSå handlägger du ansökningar om ekonomiskt bistånd digitalt\nHandläggaren "
    "ska alltid kontrollera uppgifterna.\n",
])
def test_a_kicker_right_above_its_headline_makes_a_policy_document(page):
    assert kind(page) == "policy_document"


def test_an_ombudsmans_news_page_with_guidance_in_its_menu_stays_news():
    # "Veiledning" among menu items, a dated news item below
    page = ("Forside\nVeiledning\nRettigheter og plikter for arbeidsgivere\nOm ombudet\n"
            "Nyheter\nOmbudet kritiserer Nav for lang saksbehandling\nPublisert 3. mars 2025\n"
            "Ombudet har fått mange klager på saksbehandlingstiden i Nav.\n")
    assert kind(page) == "other"


def test_a_menu_copied_on_one_line_and_split_fires_no_guidance_kicker():
    # "Forside  Veiledning  Klage på vedtak  Om ombudet" split into menu lines
    page = spaced_items_split(
        "Forside  Veiledning  Klage på vedtak  Om ombudet\nOmbudet kritiserer Nav for lang "
        "saksbehandling\nPublisert 3. mars 2025\nOmbudet har fått mange klager på "
        "saksbehandlingstiden i Nav i år.\n")
    assert "Veiledning\nKlage på vedtak" in page and "a guidance kicker" not in fired(page)


# Broke in the review, mended: the guidance kicker still fires on a menu: 'Veiledning' over the
# next menu item 'Rettigheter og plikter for arbeidsgivere' (five words) passes as its
# headline; the mend only asks for four words under it, which a long menu item has
def test_guidance_in_a_menu_over_a_long_menu_item_is_no_kicker():
    # the ombudsman's menu again, a cue-level check
    page = ("Forside\nVeiledning\nRettigheter og plikter for arbeidsgivere\nOm ombudet\n"
            "Nyheter\nOmbudet kritiserer Nav for lang saksbehandling\nPublisert 3. mars 2025\n"
            "Ombudet har fått mange klager på saksbehandlingstiden i Nav.\n")
    assert "a guidance kicker" not in fired(page)


# Broke in the review, mended: a Danish thesis's front page prints its supervisor as a field,
# 'Vejledning' over 'Lektor Hanne Dahl (opdigtet)' (four words), and is typed policy_document
# by the guidance kicker; the cue left out 'Veileder' for this reason but not 'Vejledning'
def test_a_danish_thesis_supervisor_field_is_no_guidance_kicker():
    # a master's thesis front page, label over value
    page = ("Speciale\nKandidatuddannelsen i socialt arbejde\nVejledning\nLektor Hanne Dahl "
            "(opdigtet)\nDigital selvbetjening på jobcentret\nSpecialet undersøger, hvordan "
            "borgere bruger selvbetjening.\n")
    assert kind(page) != "policy_document"


# Broke in the review, mended: a newspaper's opinion section 'Standpunkt' over a signed op-ed
# by one person (was other) is typed policy_document by the statement's kicker; a column's
# section name is no body's statement
def test_an_op_ed_under_a_standpunkt_section_is_no_policy_document():
    # an op-ed with byline and date
    page = ("Standpunkt\nDigitaliseringen har gått for fort i Nav, og brukerne betaler prisen\n"
            "Av Kari Nordmann (oppdiktet), rådgiver\nPublisert 3. mars 2025\nJeg har jobbet i "
            "Nav i tjue år, og aldri har jeg sett så mange brukere gi opp.\n")
    assert kind(page) != "policy_document"


# --- types: a quoted source says --------------------------------------------------------------

@pytest.mark.parametrize("page", [
    # Nynorsk: dash quote, "seier"
    "Chatboten svarar heile døgnet\nFrå i dag kan innbyggjarane stille spørsmål til kommunen "
    "heile døgnet.\n– Vi ser at mange skriv til oss seint på kvelden, seier rådgjevar Kari "
    "Nordmann (oppdikta).\n",
    # Swedish: dash quote, "säger"
    "Chattboten svarar dygnet runt\nFrån i dag kan invånarna ställa frågor till kommunen "
    "dygnet runt.\n– Vi ser att många skriver sent på kvällen, säger handläggaren Anna Berg "
    "(påhittad).\n",
    # English: quotation marks, "said"
    "The chatbot now answers at night\nFrom today residents can ask the council questions at "
    "any hour.\n\"We see that many people write to us late in the evening,\" said adviser "
    "Jane Roe (invented).\n",
])
def test_a_quoted_source_marks_news(page):
    assert doc_type_classify(page) == ("other", "cue: a quoted source says")


# Broke in the review, mended: 'Sier du opp jobben selv, ...' (if you resign) in a guidance
# page's list item is read as a quote's 'sier' after a full stop: the deciding cue is 'a quoted
# source says' on a page that quotes no one (the type 'other' is right only by luck)
def test_sier_du_opp_in_guidance_is_no_quote():
    # Nav-style guidance list on resigning and benefit
    page = ("Dagpenger når du slutter selv\n\n- Du må være registrert som arbeidssøker. Sier "
            "du opp jobben selv, får du vanligvis en ventetid på 12 uker.\n- Du må sende "
            "meldekort hver fjortende dag.\n")
    assert "a quoted source says" not in fired(page)


# Broke in the review, mended: Swedish 'Säger du upp dig själv' (if you resign) in an
# unemployment fund's list is taken for a quoted source's 'säger'; no one is quoted
def test_sager_du_upp_in_swedish_guidance_is_no_quote():
    # an unemployment fund's guidance list
    page = ("A-kassa när du slutar själv\n\n- Du måste vara inskriven på Arbetsförmedlingen. "
            "Säger du upp dig själv får du oftast en avstängning i 45 dagar.\n- Du ska söka "
            "arbete varje vecka.\n")
    assert "a quoted source says" not in fired(page)


# --- languages: Nynorsk and Bokmål doublets ---------------------------------------------------

def test_a_short_nynorsk_guidance_text_is_nynorsk():
    # "Fyrste gong ... sjå ... opplysningane ... desse": read as Bokmål before the doublets
    text = ("Fyrste gong du loggar inn, må du sjå gjennom opplysningane dine. Nav brukar desse "
            "opplysningane når saka di skal handsamast.")
    assert language_tag(text) == "nn"


def test_bokmal_news_quoting_a_nynorsk_unit_leader_stays_bokmal():
    # a Bokmål article with one Nynorsk quote ("meiner", "gjer", "fleire", "seier")
    text = ("Kommunen i Vestland har innført en ny chat for unge som trenger hjelp med "
            "økonomien. Tjenesten er åpen hver kveld, og de ansatte svarer innen en time.\n\n"
            "– Vi meiner dette gjer det lettare for dei unge, fordi fleire tør å spørje når dei "
            "slepp å ringe, seier einingsleiaren.")
    assert language_tag(text) == "nb"


# Broke in the review, mended: a Nynorsk page written with forms Nynorsk allows ('søke',
# 'søker', 'i gang') next to 'leggje', 'dei', 'månadene', 'innan', 'veker', 'løysinga' is now
# tagged nb (was nn): the new Bokmål list counts 'søke', 'søker' and 'gang', which are also
# Nynorsk forms, and outvotes the few Nynorsk markers
def test_nynorsk_with_allowed_soke_forms_stays_nynorsk():
    # a municipality's Nynorsk page on applying for social assistance
    text = ("Søknad om sosialhjelp\n\nDu kan søke om økonomisk stønad digitalt. Når du søker, "
            "må du leggje ved kontoutskrift for dei tre siste månadene. Du får svar innan to "
            "veker. Arbeidet med den nye løysinga kom i gang i fjor.")
    assert language_tag(text) == "nn"


def test_swedish_with_words_shared_with_bokmal_stays_swedish():
    # "helt", "gång", "egen" are Swedish words too
    text = ("Kommunen har helt ändrat sitt erbjudande till äldre som bor hemma. Varje gång de "
            "har frågor kan de ringa direkt utan att vänta i kö, och deras egen handläggare "
            "svarar.")
    assert language_tag(text) == "sv"
