"""Second review of the thirteenth session's rules: the mends that answered the first review
(tests/test_review13.py) and the rules added after it (7c3e20a..HEAD): years from Swedish
'sedan' and Danish 'sidst', a letter's signer, a kicker over an event's facts box, a labelled
field as no affiliation, cover titles printed again and a body's block with its report
number, authors' fields, 'Region X', breadcrumbs when unwrapping and 'Du er her:', and the
document-type cues (a report from a project, a project's funding or period, a job advert, a
statement's kicker, a quote's verb, news of a new study) and the Bokmål markers. Every text
is invented, every person in it too; cases the rules get wrong are strict xfails whose
reason says what goes wrong."""

import textwrap
from datetime import date

import pytest

from digiwelfare.clean import line_debris, text_clean
from digiwelfare.doctypes import doc_type_classify, doc_type_features
from digiwelfare.language import language_tag
from digiwelfare.linetypes import line_is_affiliation
from digiwelfare.metadata import year_derive
from digiwelfare.readers import lines_unwrap
from digiwelfare.titles import title_find, title_is_plausible

TODAY = date(2026, 12, 4)

# two paragraphs of running text around the line under test (Bokmål)
OPENING = ("Fylket har innført flere digitale tjenester for innbyggerne de siste to årene, og "
           "mange kontorer har endret måten de arbeider på.\n\n"
           "En spørreundersøkelse blant de ansatte viser at de fleste liker de nye verktøyene, "
           "men at mange ønsker bedre opplæring.\n")
CLOSING = ("\nDerfor ber vi departementet om å sette av midler til opplæring i alle "
           "kommunene i fylket.\n\nVi ber også om at brukerne får være med når nye "
           "tjenester skal utvikles.\n")
# a report's contents and its first chapter, under a cover's lines (Bokmål)
CONTENTS = ("\nInnhold\n1 Innledning .......... 5\n2 Bakgrunn .......... 9\n3 Tiltak .......... "
            "14\n\n1 Innledning\nDette dokumentet beskriver hvordan kommunen skal arbeide med "
            "saken.\n")


def kept(text: str) -> str:
    """What cleaning leaves of a page (its reasons dropped)."""
    cleaned, _reasons = text_clean(text)
    return cleaned


def kind(text: str, title: str = "") -> str:
    """The document type given to a page (its deciding cue dropped)."""
    doc_type, _why = doc_type_classify(text, title)
    return doc_type


def cues(text: str, title: str = "") -> set[str]:
    """Every cue that fires on a page; the 'in the lead' doubles are left out."""
    features = doc_type_features(text, title)
    return {cue for cue in features if features[cue] and "in the lead" not in cue}


# --- years: Swedish 'sedan' only in the perfect, Danish 'sidst' no longer 'since' -----------

@pytest.mark.parametrize("sentence", [
    "Kommunen har sedan den 1 juli 2024 erbjudit chatt till alla invånare.",  # Swedish perfect
    "Kommunen hade sedan den 1 juli 2024 erbjudit chatt till alla invånare.",  # pluperfect
    "Kommunen har siden den 1. juli 2024 tilbudt chat til alle borgere.",  # Danish 'siden'
    "Tenesta har vore i drift sidan 1. mars 2023 og svarar kvar kveld.",  # Nynorsk 'sidan'
    "The helpline has been open since 1 March 2023 and answers every evening.",  # English
])
def test_a_start_date_after_since_dates_no_page(sentence):
    # a service's or a task's start in a sentence is not when the page was written
    assert year_derive(f"Chatt for innbyggjarar\n{sentence}\n", today=TODAY) == (None, "")


def test_a_danish_sidst_opdateret_stamp_dates_the_page():
    # the stamp with 'sidst' first ("Sidst opdateret") still dates a guidance page
    page = "Hjælp til huslejen\nSidst opdateret 3. marts 2025\nKommunen kan give hjælp.\n"
    assert year_derive(page, today=TODAY)[0] == 2025


# Broke in the second review, mended: WRONG YEAR: Swedish 'Sedan den 1 juli 2024 gäller nya
# regler' opens a sentence in the present tense: 'sedan' is 'since' (the rules' start), but
# _SEDAN_DATE asks for 'har' or 'hade' before it, so the page is dated 2024 from a rule's start
# date
def test_swedish_sedan_opening_a_present_tense_sentence_dates_nothing():
    # a benefit page: new rules apply since a date
    page = ("Bostadsbidrag för unga\nSedan den 1 juli 2024 gäller nya regler för unga som "
            "söker bostadsbidrag.\n")
    assert year_derive(page, today=TODAY) == (None, "")


# Broke in the second review, mended: YEAR LOST: 'Vi har arbetat med rapporten i två år, och
# den publicerades sedan den 3 mars 2025': 'sedan' is 'then' in the past-tense clause, but
# _SEDAN_DATE matches 'har' anywhere earlier on the line ('.*'), so the page's only publication
# date is skipped
def test_swedish_sedan_as_then_after_a_perfect_clause_keeps_the_date():
    # a report's page: a perfect clause, then 'and it was then published on ...'
    page = ("Rapporten om chattbotar\nVi har arbetat med rapporten i två år, och den "
            "publicerades sedan den 3 mars 2025.\n")
    assert year_derive(page, today=TODAY)[0] == 2025


# Broke in the second review, mended: WRONG YEAR: Danish 'Reglerne blev sidst ændret den 1.
# juli 2019' (the rules were last changed) is the rules' history in a sentence, not the page's
# date; with 'sidst' taken off the since-words nothing else skips it, and the page is dated
# 2019
def test_danish_sidst_aendret_in_a_sentence_dates_no_page():
    # a guidance page telling when the rules last changed
    page = ("Hjælp til huslejen\nReglerne blev sidst ændret den 1. juli 2019, og kommunen kan "
            "stadig give hjælp til huslejen.\n")
    assert year_derive(page, today=TODAY) == (None, "")


# --- debris: a signature is a name, a party's mark or a role under a place and date ---------

def test_a_swedish_signature_with_the_role_first_goes():
    # "Ordförande" over the signer's name: both lines and the dateline go
    letter = OPENING + "Stockholm den 3 mars 2025\nOrdförande\nAnna Berg (påhittad)\n" + CLOSING
    text = kept(letter)
    assert "Ordförande" not in text and "Anna Berg" not in text
    assert "Derfor ber vi departementet" in text


def test_an_english_signature_with_chair_goes():
    # a name and the role "Chair" under a place and date
    letter = OPENING + "Leeds, 3 March 2025\nJane Roe (invented)\nChair\n" + CLOSING
    text = kept(letter)
    assert "Jane Roe" not in text and "Chair" not in text


def test_a_swedish_heading_under_a_dateline_stays():
    # a section heading under a dated paragraph signs nothing
    page = OPENING + "Malmö den 3 mars 2025\nSå använder du chatten\n" + CLOSING
    assert "Så använder du chatten" in kept(page)


# Broke in the second review, mended: PROSE LOST: a magazine's editorial heading 'Leder' under
# a dateline is read as a signer's role (_ROLE matches 'leder' alone) and removed as a
# signature; a careful reader sees the section's heading over the editorial's paragraphs
def test_an_editorial_heading_leder_under_a_dateline_stays():
    # a member magazine's issue: dateline, then the editorial's heading and text
    page = OPENING + "Bergen, 3. mars 2025\nLeder\n" + CLOSING
    assert "Leder" in kept(page)


# Broke in the second review, mended: PROSE LOST: an interview's heading 'Intervju med Kari
# Nordmann (oppdiktet)' under a dateline names a person, so _signer takes it for the signer and
# the heading is lost; a name inside a heading of five words is no signature
def test_an_interview_heading_naming_a_person_under_a_dateline_stays():
    # a newsletter's dated item, then an interview's heading
    page = OPENING + "Bergen, 3. mars 2025\nIntervju med Kari Nordmann (oppdiktet)\n" + CLOSING
    assert "Intervju med Kari Nordmann" in kept(page)


@pytest.mark.parametrize("place, signer, role", [
    ("Oslo, 3. mars 2025", "Kari Nordmann (oppdiktet)", "Forbundsleder"),  # Bokmål union
    ("Førde, 3. mars 2025", "Kari Nordmann (oppdikta)", "Ordførar"),  # Nynorsk mayor
    ("Aarhus, den 3. marts 2025", "Hanne Dahl (opdigtet)", "Borgmester"),  # Danish mayor
])
def test_a_role_the_signature_rule_does_not_know_still_goes(place, signer, role):
    # _ROLE lacks these roles; the short-line run removes the signature all the same
    letter = OPENING + f"{place}\n{signer}\n{role}\n" + CLOSING
    text = kept(letter)
    assert role not in text and signer not in text and "Derfor ber vi" in text


# --- debris: a kicker over a headline above a block of fields --------------------------------

def test_a_swedish_event_with_a_long_first_field_keeps_its_title():
    # "Målgrupp" with a long value without digits opens the facts box under the title
    page = ("Temadag om digitala tjänster för äldre\nMålgrupp\nAnställda i kommunernas "
            "socialtjänst och hemtjänst\nDatum\nTisdag 11 mars\nPlats\nStadshuset, sal 2\n"
            "Temadagen samlar anställda i kommunerna till en dag om digitala tjänster.\n")
    assert title_find(page) == "Temadag om digitala tjänster för äldre"


# Broke in the second review, mended (a kicker word over a headline breaks a block of fields
# anywhere; a facts box's own label never is a kicker): TITLE WRONG: an event's headline of
# three words ('Fagdag om velferdsteknologi') under the kicker 'Arrangement' is under the five
# words the mend asks for, so it is paired into the facts box as a field and no title is found
# at all
def test_a_short_event_headline_over_its_facts_box_is_its_title():
    # the first review's event page with a shorter headline
    page = ("Hopp til hovedinnhold\nBodø kommune\nMeny\nArrangement\nFagdag om "
            "velferdsteknologi\nDato\nTirsdag 11. mars\nSted\nRådhuset, sal 2\nPris\nGratis\n"
            "Fagdagen samler ansatte i kommunene til en dag om digitale tjenester for eldre.\n")
    assert title_find(page) == "Fagdag om velferdsteknologi"


# Broke in the second review, mended (a kicker word over a headline breaks a block of fields
# anywhere; a facts box's own label never is a kicker): TITLE WRONG: an event's headline with
# its year ('Fagdag om digitale tjenester 2025') has a digit, so the mend does not take it for
# a headline; it is paired into the facts box and no title is found
def test_an_event_headline_with_its_year_over_its_facts_box_is_its_title():
    # the same page, the year in the headline
    page = ("Hopp til hovedinnhold\nBodø kommune\nMeny\nArrangement\nFagdag om digitale "
            "tjenester 2025\nDato\nTirsdag 11. mars\nSted\nRådhuset, sal 2\nPris\nGratis\n"
            "Fagdagen samler ansatte i kommunene til en dag om digitale tjenester for eldre.\n")
    assert title_find(page) == "Fagdag om digitale tjenester 2025"


# Broke in the second review, mended (Swedish and Danish kicker words: "Evenemang",
# "Begivenhed", "Seminarium", "Nyheter"): TITLE WRONG: the Swedish twin of the mended event
# page got no title: "Evenemang" was no kicker word, so it and the headline were paired into
# the facts box as a field
def test_a_swedish_event_pages_headline_over_its_facts_box_is_its_title():
    # skip link, site, menu, kicker, headline, facts box
    page = ("Hoppa till huvudinnehållet\nLunds kommun\nMeny\nEvenemang\nTemadag om digitala "
            "tjänster för äldre\nDatum\nTisdag 11 mars\nPlats\nStadshuset, sal 2\nPris\n"
            "Kostnadsfritt\nTemadagen samlar anställda i kommunerna till en dag om digitala "
            "tjänster.\n")
    assert title_find(page) == "Temadag om digitala tjänster för äldre"


def test_a_swedish_event_page_without_a_skip_link_keeps_its_headline():
    # site, menu, breadcrumb, kicker "Evenemang", headline, facts box
    page = ("Lunds kommun\nMeny\nSök\nStartsida / Aktuellt / Evenemang\nEvenemang\nTemadag om "
            "digitala tjänster för äldre\nDatum\nTisdag 11 mars\nPlats\nStadshuset, sal 2\n"
            "Pris\nKostnadsfritt\nTemadagen samlar anställda i kommunerna till en dag om "
            "digitala tjänster.\n")
    assert title_find(page) == "Temadag om digitala tjänster för äldre"


def test_a_nynorsk_events_audience_field_last_in_its_box_leaves_the_title():
    # "For kven" and its long value after "Dato" and "Stad"
    page = ("Fagdag om digitale tenester for eldre\nDato\nTysdag 11. mars\nStad\nRådhuset, "
            "sal 2\nFor kven\nTilsette i heimetenesta og sakshandsamarar i Nav\nFagdagen "
            "samlar tilsette i kommunane til ein dag om digitale tenester.\n")
    assert title_find(page) == "Fagdag om digitale tenester for eldre"


# Broke in the second review, mended (a kicker word over a headline breaks a block of fields
# anywhere; a facts box's own label never is a kicker): TITLE WRONG: a Nynorsk event page whose
# facts box opens with 'For kven' and a long value without digits ('Tilsette i heimetenesta og
# sakshandsamarar i Nav'): the kicker mend skips 'For kven' as a kicker, the block falls to two
# pairs, and the audience becomes the title instead of the headline above it (with 'For kven'
# last the title is right)
def test_a_nynorsk_events_audience_field_is_no_headline():
    # the headline first, then the facts box opening with its audience
    page = ("Fagdag om digitale tenester for eldre\nFor kven\nTilsette i heimetenesta og "
            "sakshandsamarar i Nav\nDato\nTysdag 11. mars\nStad\nRådhuset, sal 2\nFagdagen "
            "samlar tilsette i kommunane til ein dag om digitale tenester.\n")
    assert title_find(page) == "Fagdag om digitale tenester for eldre"


# --- debris: a labelled field is no affiliation ----------------------------------------------

@pytest.mark.parametrize("line, is_affiliation", [
    ("Department of Social Work, University of Bergen, Norway", True),  # a real affiliation
    ("Ansvarlig: Teamleder, Jobcenter Aarhus", False),  # Danish responsible field
    ("Kontaktperson: Anna Berg (påhittad), Lunds kommun", False),  # Swedish contact field
])
def test_a_labelled_field_is_no_affiliation(line, is_affiliation):
    assert line_is_affiliation(line) is is_affiliation


def test_a_danish_routines_question_over_its_responsible_field_stays():
    # a routine's last line asks a question over "Ansvarlig: ..."
    routine = ("4 Klage\nNår borgeren klager, skal jobcentret altid se på sagen igen, før den "
               "sendes videre.\nHvem gennemgår rutinen, hvis loven ændres før 2026?\n\n"
               "Ansvarlig: Teamleder, Jobcenter Aarhus\n")
    assert "Hvem gennemgår rutinen" in kept(routine)


# --- titles: a body's block with its report number, a cover title printed again -------------

@pytest.mark.parametrize("cover, title", [
    # Swedish agency with its report number over the title
    ("Statskontoret\nRapport 2023:00\nChattbotar i statlig förvaltning",
     "Chattbotar i statlig förvaltning"),
    # a Swedish region by its name over the title
    ("Region Skåne\nDigitala vårdmöten i primärvården", "Digitala vårdmöten i primärvården"),
    # a plan's own number in its title is no series block
    ("Nav\nHandlingsplan nr. 2 for digital inkludering",
     "Handlingsplan nr. 2 for digital inkludering"),
    # a plan's school-year span "2024/25" is no report number either
    ("Oslo kommune\nTiltaksplan for digital inkludering 2024/25",
     "Tiltaksplan for digital inkludering 2024/25"),
    # "Region og ..." opening a Danish title is no region's name
    ("Region Midtjylland\nRegion og kommune i samarbejde om digital genoptræning",
     "Region og kommune i samarbejde om digital genoptræning"),
])
def test_a_cover_block_of_a_body_is_passed_over(cover, title):
    assert title_find(cover + CONTENTS) == title


def test_a_cover_title_printed_again_on_the_title_page_is_the_title():
    # KS's cover: body, title and subtitle; the title page prints both again
    page = ("KS\nDigital hjemmeoppfølging i kommunene\nErfaringer fra ti kommuner" + CONTENTS
            + "Digital hjemmeoppfølging i kommunene\nErfaringer fra ti kommuner\n")
    assert title_find(page) == "Digital hjemmeoppfølging i kommunene: Erfaringer fra ti kommuner"


@pytest.mark.xfail(strict=True, reason=(
    "TITLE WRONG: a guide's series name ('Digitale tjenester i kommunene') stands on the "
    "cover above the title and again as the running head of each page; the mend takes the "
    "line printed again as the start of the title and joins the series to it"))
def test_a_series_name_as_running_head_is_no_part_of_the_title():
    # a directorate's guide in a series, the series as the running head
    page = ("Helsedirektoratet\nDigitale tjenester i kommunene\nVeileder for innføring av "
            "digital hjemmeoppfølging" + CONTENTS + "Digitale tjenester i kommunene\n"
            "Veilederen beskriver hvordan kommunene kan ta i bruk oppfølgingen.\n")
    assert title_find(page) == "Veileder for innføring av digital hjemmeoppfølging"


@pytest.mark.parametrize("line, plausible", [
    ("Forfattere: Kari Nordmann (oppdiktet), Per Dahl (oppdiktet)", False),  # Bokmål authors
    ("Redaktør: Hanne Dahl (opdigtet)", False),  # Danish editor
    ("Written by: Jane Roe (invented)", False),  # English byline field
    # a title that opens with "Skrevet av" but is no field: a colon after a longer phrase
    ("Skrevet av kunstig intelligens: brukernes tillit til automatiske svar", True),
])
def test_an_authors_field_is_never_a_title(line, plausible):
    assert title_is_plausible(line) is plausible


# --- readers and debris: breadcrumbs ----------------------------------------------------------

def _wrapped(paragraph: str, head: str = "") -> str:
    """A heading and a paragraph wrapped at 70 characters, as a PDF's text has it."""
    return head + textwrap.fill(paragraph, 70) + "\n"


PARAGRAPH = ("Kommunene har tatt i bruk mange nye digitale tjenester de siste årene, og det har "
             "gitt store endringer for de ansatte. Undersøkelsen viser at de fleste ansatte er "
             "positive, men at mange savner opplæring og tid til å lære de nye rutinene, og at "
             "lederne ikke alltid vet hvem som skal gi den. Vi anbefaler at staten gir mer "
             "støtte til små kommuner som ikke har egne fagmiljøer på feltet, og at kommunene "
             "deler erfaringer gjennom faste nettverk.")


def test_a_breadcrumb_is_never_joined_to_the_line_under_it():
    # a breadcrumb over a heading and a wrapped paragraph
    text = lines_unwrap(_wrapped(PARAGRAPH, "Forside / Tjenester / Sosialhjelp\n"))
    assert "Forside / Tjenester / Sosialhjelp\n" in text


# Broke in the second review, mended: PROSE BROKEN: a wrapped sentence that lists options with
# spaced slashes ('telefon / chat / oppmøte') is taken for a breadcrumb, so it is joined
# neither to the line above nor the one below and the sentence stays in three pieces
def test_a_wrapped_sentence_with_spaced_slashes_is_joined():
    # a wrapped paragraph; one line holds "telefon / chat / oppmøte"
    paragraph = PARAGRAPH.replace("gi den.", "gi den. Brukerne kan velge mellom telefon / "
                                  "chat / oppmøte når de tar kontakt med kontoret.")
    text = lines_unwrap(_wrapped(paragraph))
    assert "telefon / chat / oppmøte når de tar kontakt" in text.replace("\n", " ") and \
        text.count("\n") == 1


@pytest.mark.parametrize("line", [
    "Du er her: Forside / Tjenester / Sosialhjelp",  # Bokmål trail
    "Du är här: Startsida / Socialtjänst",  # Swedish trail
    "You are here: Home",  # English, one step
    "Her er du: Forside / Nyheder",  # Danish trail
])
def test_a_you_are_here_trail_is_a_breadcrumb(line):
    assert line_debris(line) == "breadcrumb"


def test_a_sentence_opening_with_du_er_her_is_no_breadcrumb():
    # a leader's letter: "Du er her: midt i en omstilling ..." ends in a full stop
    assert line_debris("Du er her: midt i en omstilling som berører alle ansatte i "
                       "kommunen.") is None


# Broke in the second review, mended: PROSE LOST: a process guide marks the reader's step with
# 'Du er her: du har sendt søknaden og venter på svar'; the breadcrumb pattern takes any words
# after 'Du er her:' with no full stop, though this is a sentence in lower case and no trail of
# links
def test_du_er_her_marking_a_step_in_a_guide_is_no_breadcrumb():
    # a step in a four-step guide to applying
    assert line_debris("Du er her: du har sendt søknaden og venter på svar") is None


# --- types: a report from a project, a project's funding or period --------------------------

@pytest.mark.parametrize("page", [
    # Bokmål final report
    "Digital hjelp i hjemmet\nSluttrapport fra prosjektet HJEMDIG\n\nVi har intervjuet 40 "
    "ansatte i fire kommuner.\n",
    # Nynorsk
    "Digital hjelp i heimen\nSluttrapport frå prosjektet HEIMDIG\n\nVi har intervjua 40 "
    "tilsette i fire kommunar.\n",
    # Swedish
    "Digitala invånare\nSlutrapport från projektet DIGINV\n\nVi har intervjuat 40 "
    "handläggare i fyra kommuner.\n",
])
def test_a_line_opening_with_the_reports_kind_and_its_project_is_a_project_report(page):
    assert doc_type_classify(page) == ("project_report", "cue: a report from a project")


def test_a_project_report_citing_a_new_study_stays_a_project_report():
    # its introduction cites "En ny studie fra Danmark viser"
    page = ("Digital hjelp i hjemmet\nRapporten er skrevet i prosjektet HJEMDIG ved "
            "universitetet.\n1 Innledning\nEn ny studie fra Danmark viser at mange eldre gir "
            "opp digitale tjenester.\n\nVi har intervjuet 40 ansatte i fire kommuner.\n")
    assert kind(page) == "project_report"


def test_a_project_without_its_name_funded_fires_the_funding_cue():
    # "Prosjektet er finansiert av" with no name between
    page = ("Digital hjelp i hjemmet\nProsjektet er finansiert av Forskningsrådet.\n\nVi har "
            "intervjuet 40 ansatte i fire kommuner.\n")
    assert "a project's funding or period" in cues(page)


@pytest.mark.xfail(strict=True, reason=(
    "TYPE WRONG: news of a final report whose headline opens with the report's kind "
    "('Sluttrapport fra prosjektet HJEMDIG: eldre trenger mer hjelp', dated under it) is typed "
    "project_report; the narrowed cue anchors on the line's start, which a headline has too"))
def test_a_news_headline_opening_with_sluttrapport_is_news():
    # a university's news item on the launch
    page = ("Sluttrapport fra prosjektet HJEMDIG: eldre trenger mer hjelp\nPublisert 3. mars "
            "2025\nProsjektet la i dag fram sin sluttrapport på et seminar i Oslo.\nKommunene "
            "skal nå drøfte funnene.\n")
    assert kind(page) == "other"


# Broke in the second review, mended: TYPE WRONG: an agency's portfolio report ('Denne
# rapporten beskriver status for hvert prosjekt i porteføljen') is typed project_report: 'this
# report ... prosjekt' within 60 characters fires though the report speaks of many projects it
# oversees, not one it comes from
def test_an_agencys_portfolio_report_is_a_policy_document():
    # a directorate's yearly status of its projects
    page = ("Porteføljerapport 2024\nDigitaliseringsdirektoratet\nDenne rapporten beskriver "
            "status for hvert prosjekt i porteføljen.\nDirektoratet følger opp tiltakene i "
            "2025.\n")
    assert kind(page) == "policy_document"


@pytest.mark.parametrize("page", [
    pytest.param(
        "Digital hjelp i hjemmet\nProsjektet HJEMDIG er finansiert av Forskningsrådet.\n\nVi "
        "har intervjuet 40 ansatte i fire kommuner.\n",
        # Broke in the second review, mended: CUE MISSED: Bokmål 'Prosjektet HJEMDIG er
        # finansiert av': the cue's verbs list 'ble', 'vart', 'is', 'was' but not 'er', so a
        # named project's funding fires nothing (without the name 'er' passes as the name)
    ),
    pytest.param(
        "Digitala invånare\nProjektet finansieras av Forte och pågår till 2027.\n\nVi har "
        "intervjuat 40 handläggare i fyra kommuner.\n",
        # Broke in the second review, mended: CUE MISSED: Swedish present passive 'finansieras'
        # is not among the funding verbs (only 'finansiera', 'finansierades', 'finansierat'),
        # and 'pågår till' without 'som' is no period
    ),
    pytest.param(
        "Digitale borgere\nProjektet BORGDIG er finansieret af Velux Fonden.\n\nVi har "
        "interviewet 40 medarbejdere i fire kommuner.\n",
        # Broke in the second review, mended: CUE MISSED: Danish 'Projektet BORGDIG er
        # finansieret af': 'er' is no verb the cue knows, so a named project's funding fires
        # nothing
    ),
])
def test_a_named_projects_funding_in_the_present_fires_the_funding_cue(page):
    assert "a project's funding or period" in cues(page)


# --- types: a job advert's vacancy and its call ----------------------------------------------

@pytest.mark.parametrize("page", [
    # Nynorsk vacancy and call
    "Ledig stilling\nVi søkjer ein rådgjevar til digitaliseringsavdelinga.\nSøknadsfrist 1. "
    "april 2025\nDu vil arbeide med nye digitale tenester.\n",
    # Bokmål vacancy and call
    "Ledig stilling: rådgiver\nVi søker en rådgiver til digitaliseringsavdelingen.\n"
    "Søknadsfrist: 1. april 2025\n",
])
def test_a_vacancy_and_its_call_make_a_job_advert(page):
    assert doc_type_classify(page) == ("other", "cue: job advertisement")


# Broke in the second review, mended: CUE WRONG: a study recruiting informants ('Vi søker en
# gruppe foreldre ...', 'Vi tilbyr et gavekort') fires the job advert cue: 'vi søker en' and
# 'vi tilbyr' are two of its phrases, though no one is hired
def test_a_study_recruiting_informants_is_no_job_advert():
    # a research project's call for parents to interview
    page = ("Vil du være med i forskningsprosjektet?\nVi søker en gruppe foreldre som vil "
            "fortelle om hvordan de bruker Navs digitale tjenester. Vi tilbyr et gavekort som "
            "takk for tiden.\nIntervjuet tar omtrent en time.\n")
    assert "job advertisement" not in cues(page)


# Broke in the second review, mended: CUE WRONG: a Swedish project's call for a partner
# municipality ('Vi söker en kommun som vill pröva chattboten', 'Vi erbjuder handledning')
# fires the job advert cue and is typed by it; a careful reader sees a project's page
def test_a_project_seeking_a_partner_municipality_is_no_job_advert():
    # a project page inviting a municipality to take part
    page = ("Bli med i studien\nVi söker en kommun som vill pröva den nya chattboten. Vi "
            "erbjuder handledning och stöd under hela året.\nProjektet pågår till 2027.\n")
    assert "job advertisement" not in cues(page)


# --- types: a statement's kicker needs a date or text under its headline ---------------------

@pytest.mark.parametrize("page", [
    # Bokmål consultation response, dated under its headline
    "Høringssvar\nForslag til endringer i sosialtjenesteloven om digital kommunikasjon\n3. "
    "mars 2025\nForeningen støtter forslaget, men mener at papir fortsatt må være mulig.\n",
    # Swedish consultation response
    "Remissvar\nPromemorian om digital kommunikation i socialtjänsten\nDatum 3 mars 2025\n"
    "Föreningen tillstyrker förslaget men vill att papper ska finnas kvar.\n",
    # Danish statement, dated under its headline
    "Udtalelse\nDigital post må ikke blive en ny barriere for de svageste borgere\n3. marts "
    "2025\nForeningen mener, at alle skal kunne få post på papir.\n",
])
def test_a_consultation_responses_kicker_makes_a_policy_document(page):
    assert kind(page) == "policy_document"


def test_a_danish_consultation_menu_item_over_short_items_is_no_kicker():
    # a municipality's news page: "Høringssvar" among short menu items over a dated item
    page = ("Borgerservice\nHøringssvar\nSelvbetjening\nKontakt os\nKommunen åbner en chat "
            "for pårørende til ældre\nPubliceret 3. marts 2025\nFra i dag kan pårørende skrive "
            "til kommunen om hjælp i hjemmet.\n")
    assert kind(page) == "other"


@pytest.mark.xfail(strict=True, reason=(
    "TYPE WRONG: 'Høringssvar' as a menu item over two long menu items ('Lønn og tariff i "
    "kommunal sektor i år', 'Kurs og konferanser for tillitsvalgte i fylket') passes the new "
    "test of a headline with text under it, and the union's dated news item is typed "
    "policy_document"))
def test_a_consultation_menu_item_over_long_menu_items_is_no_kicker():
    # a union's news page whose menu has long items under "Høringssvar"
    page = ("Medlemsfordeler\nHøringssvar\nLønn og tariff i kommunal sektor i år\nKurs og "
            "konferanser for tillitsvalgte i fylket\nForbundet vil ha papirskjema tilbake i "
            "Nav\nPublisert 3. mars 2025\nMange medlemmer har fortalt om problemer med de "
            "digitale skjemaene.\n")
    assert kind(page) == "other"


# --- types: a quoted source, its verb in lower case and not 'sier en ...' --------------------

def test_a_capitalised_sa_du_ja_in_a_guidance_list_is_no_quote():
    # a dash list item: "Sa du ja til tilbudet, ..." is a condition, not a quote's verb
    page = ("Når du får tilbud om tiltak\n– Du må sende meldekortet hver fjortende dag. Sa du "
            "ja til tilbudet, må du møte opp første dag.\n– Du må si fra om fravær.\n")
    assert "a quoted source says" not in cues(page)


# Broke in the second review, mended: CUE MISSED: news quoting '... says a spokesperson for the
# council' loses the quote cue, since the mend excludes any speaker after 'a'; a spokesperson
# named by role is how news attributes, not how a study quotes its informants
def test_an_english_spokesperson_quote_marks_news():
    # a council's news item with an attributed quote
    page = ("The council fixes its chatbot\nThe council has changed its chatbot after "
            "complaints from residents.\n– We will make sure that everyone can reach a person, "
            "says a spokesperson for the council.\n")
    assert "a quoted source says" in cues(page)


# Broke in the second review, mended: CUE MISSED: Swedish news quoting 'säger en talesperson
# för kommunen' loses the quote cue by the same exclusion of 'en'; a spokesperson is a news
# source, not an informant
def test_a_swedish_spokesperson_quote_marks_news():
    # the same news item in Swedish
    page = ("Kommunen rättar chattboten\nKommunen har ändrat sin chattbot efter klagomål från "
            "invånarna.\n– Alla ska kunna nå en människa, säger en talesperson för kommunen.\n")
    assert "a quoted source says" in cues(page)


# --- types: news of a new study ----------------------------------------------------------------

@pytest.mark.parametrize("page", [
    # Bokmål news of a report
    "Ny rapport om eldre og digitale tjenester\nEn ny rapport fra NOVA viser at mange eldre "
    "trenger hjelp til å logge inn.\nRapporten ble lagt fram i dag.\n",
    # English, dated
    "Older people struggle to log in\nPublished 3 March 2025\nA new report from the institute "
    "finds that many older people need help.\n",
])
def test_news_of_a_new_report_is_news(page):
    assert kind(page) == "other"


def test_an_evaluations_own_summary_is_no_news():
    # an evaluation report's own summary ('En ny evaluering av digital sosialhjelp viser ...',
    # then its method) was typed other by 'news of a new study' (a strict xfail of the
    # review); since the twenty-first session the evaluation named in its head's first line
    # ('Evaluering av ...') makes it a project report
    # the evaluation's summary and method
    page = ("Evaluering av digital sosialhjelp\nSammendrag\nEn ny evaluering av digital "
            "sosialhjelp viser at søknadene behandles raskere, men at mange søkere trenger "
            "hjelp.\nVi har intervjuet 40 ansatte i fire kommuner og analysert 2 000 "
            "søknader.\n")
    assert kind(page) == "project_report"


@pytest.mark.xfail(strict=True, reason=(
    "TYPE WRONG: a Danish study's own summary ('Den nye undersøgelse viser ...', then its "
    "method) was typed other by 'news of a new study'; since the second review's mend that cue "
    "wants an indefinite 'a new' and no longer fires, but nothing here speaks for a project "
    "report either (no cue: other)"))
def test_a_danish_studys_own_summary_is_no_news():
    # the study's summary and method
    page = ("Digital selvbetjening\nSammenfatning\nDen nye undersøgelse viser, at mange borgere "
            "har brug for hjælp.\nVi har interviewet 40 borgere i fire kommuner.\n")
    assert kind(page) == "project_report"


# --- languages: fewer Bokmål markers -----------------------------------------------------------

@pytest.mark.parametrize("text, tag", [
    # Bokmål with 'søke', 'søker', 'uke' (no longer Bokmål markers)
    ("Du kan søke om støtte hver uke. Søker du før fristen, får du svar innen en uke.", "nb"),
    # Bokmål with 'gang' and 'uker'
    ("Første gang du søker, må du logge inn med BankID. Det tar noen uker før du får svar.",
     "nb"),
    # the Nynorsk twin
    ("Fyrste gongen du søkjer, må du logge inn med BankID. Det tek nokre veker før du får "
     "svar.", "nn"),
    # the Danish twin
    ("Den første gang du søger, skal du logge ind med MitID. Det tager nogle uger, før du får "
     "svar.", "da"),
])
def test_short_guidance_texts_keep_their_language(text, tag):
    assert language_tag(text) == tag
