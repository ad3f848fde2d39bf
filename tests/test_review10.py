"""Review of the rules of dbaac44, f680f1d, f5183f5 and 8d14a6c (2026-12-04): cases a careful
reader treats differently from the rules.

The first section holds cases that FAIL at 812cc47 (each test asserts what a careful reader
expects), in order of the harm they do to an analysis; the second holds cases tried that the
rules handle correctly (they pass, and guard the rules against a fix that overshoots).
All texts are written for this review; people in them are invented.
"""

import datetime
from pathlib import Path

import pytest

from digiwelfare.clean import line_debris, text_clean
from digiwelfare.metadata import year_derive
from digiwelfare.organisations import line_is_organisation
from digiwelfare.readers_html import html_read
from digiwelfare.titles import title_find

_TODAY = datetime.date(2026, 12, 4)


def _year(text: str) -> tuple[int | None, str]:
    return year_derive(text, today=_TODAY)


def _page(body: str, heading: str = "Digitale tilsyn i hjemmetjenesten") -> str:
    html = (f"<html><head><title>{heading}</title></head><body><article><h1>{heading}</h1>"
            f"{body}</article></body></html>")
    return html_read(Path("x.html"), html.encode("utf-8"), "x.html")[0]


_INTRO_NB = ("<p>Kommunen har prøvd ut digitale tilsyn i tre år, og vi har intervjuet ansatte "
             "og brukere om erfaringene deres i fire bydeler.</p>")
_OUTRO_NB = ("<p>De fleste ansatte mente at tilsynet ga mer ro om natten, men noen pårørende "
             "var bekymret for at færre besøk ville gjøre brukerne ensomme.</p>")
_INTRO_EN = ("<p>The municipality tested digital night-time supervision for three years, and "
             "we interviewed staff and users in four districts.</p>")
_OUTRO_EN = ("<p>Most staff said that supervision gave users more peace at night, but some "
             "relatives feared that fewer visits would make users lonely.</p>")


# ---------------------------------------------------------------------------------------
# FAILING: cases the rules get wrong (in order of harm)
# ---------------------------------------------------------------------------------------

# 1. Years: the cover date's new "Place i month year" takes any capitalised word before
#    "i"/"in", so a deadline, a project's start or a heading in a table of contents dates the
#    document -- ahead of a report number, which is trusted less than a cover date.

@pytest.mark.parametrize("text", [
    "Utlysning: Digital inkludering i kommunene\n\nSøknadsfrist i januar 2025\n\n"
    "Kommuner kan søke om midler til å prøve ut nye tiltak for innbyggere som står utenfor "
    "digitale tjenester. Vi prioriterer samarbeid mellom flere kommuner.",
    "Deadline in March 2025\n\nMunicipalities may apply for funds to test new ways of "
    "reaching residents who do not use digital services.",
    "Prosjekt: Trygg hjemme med sensor\n\nOppstart i august 2019\n\nProsjektet prøver ut "
    "sensorer i hjemmet til eldre med demens. Kommunen samarbeider med et lokalt firma og "
    "med høgskolen.",
    "Om tjenesten\n\nEtablert i januar 2015\n\nTjenesten gir veiledning til innbyggere som "
    "trenger hjelp med digitale skjemaer. Vi har fått mange nye besøkende det siste året.",
])
def test_a_deadline_a_start_or_a_founding_in_month_year_is_no_cover_date(text):
    # the module says a call deadline is never a document's date; _NOT_OURS looks only at
    # the text before the match, and the new alternative puts the label inside the match
    assert _year(text) == (None, "")


def test_a_contents_heading_in_month_year_does_not_outrank_the_report_number():
    report = ("Evaluation of the digital benefit portal\nRapport 2023:4\n\nContents\n"
              "Background\nLockdown in March 2020\nFindings\n\nBackground\n\n"
              "The agency opened the portal to all applicants after the first lockdown. This "
              "evaluation covers the years 2020 to 2022.")
    assert _year(report) == (2023, "report number")


# 2. Text: inline_runs_split breaks sentences written in spans, <strong> and <em>.

def test_a_list_item_of_spans_keeps_its_words_apart():
    # a rich-text editor's list: the spaces sit inside the spans, so once each span is a
    # block of its own they are stripped and the words glue ("Tilsyneterstattet ikkede")
    record = _page(_INTRO_NB + "<ul><li><span>Tilsynet </span><strong>erstattet ikke</strong>"
                   "<span> de faste besøkene om dagen.</span></li><li><span>Ansatte </span>"
                   "<em>valgte selv</em><span> hvilke brukere som fikk kamera.</span></li>"
                   "</ul>" + _OUTRO_NB)
    assert "Tilsynet erstattet ikke de faste besøkene om dagen." in record.text
    assert "Ansatte valgte selv hvilke brukere som fikk kamera." in record.text


@pytest.mark.parametrize("body, sentence", [
    (_INTRO_NB + "<div class='text'><span>I 2023</span> <strong>fikk 412 brukere</strong> "
     "<span>kamera om natten</span> <em>i stedet for besøk.</em></div>" + _OUTRO_NB,
     "I 2023 fikk 412 brukere kamera om natten i stedet for besøk."),
    (_INTRO_EN + "<div class='text'><span>In 2023</span> <strong>412 users</strong> "
     "<span>had a camera at night</span> <em>instead of visits.</em></div>" + _OUTRO_EN,
     "In 2023 412 users had a camera at night instead of visits."),
])
def test_a_sentence_set_in_emphasis_stays_one_sentence_and_stays(body, sentence):
    # split into four lines, the first three are a "short-line run" and cleaning drops them:
    # the finding (412 users) is lost, "i stedet for besøk." is left alone
    text = text_clean(_page(body).text)[0]
    assert sentence in text



def test_a_quote_with_its_speaker_in_emphasis_stays_one_sentence():
    record = _page(_INTRO_NB + "<div class='quote'><em>«Jeg sover bedre nå»,</em> <strong>sier "
                   "Kari Holm (oppdiktet),</strong> <span>som har hatt kamera i to år.</span>"
                   "</div>" + _OUTRO_NB)
    assert "«Jeg sover bedre nå», sier Kari Holm (oppdiktet), som har hatt kamera i to år." \
        in record.text


def test_a_definitions_value_keeps_the_space_between_its_parts():
    # the blank tail between <strong> and <span> is lost once each is a block: "412i fire"
    record = _page(_INTRO_NB + "<dl><dt>Antall brukere</dt><dd><strong>412</strong> "
                   "<span>i fire bydeler</span></dd></dl>" + _OUTRO_NB)
    assert "412i" not in record.text

# 3. Years: a copyright line that is a site's footer or a picture's credit.

def test_a_footer_copyright_above_the_footer_links_does_not_date_a_short_page():
    page = ("Digital help at the library\n\nResidents can book an hour with a librarian to "
            "get help with the tax return, BankID or the health portal. The service is free."
            "\n\nOpening hours\nMonday to Friday 10 to 15\n© 2019 Oslo Public Library\n"
            "Privacy\nCookies\nAccessibility statement\nContact us\nFollow us\nFacebook\n"
            "Instagram")
    assert _year(page) == (None, "")


@pytest.mark.parametrize("credit", ["© 2018 Colourbox", "© OpenStreetMap contributors 2020"])
def test_a_picture_or_map_credit_is_no_colophon(credit):
    article = (f"Nytt kartverktøy for hjemmetjenesten\n\n{credit}\n\nKommunen har tatt i bruk "
               "et nytt kart som viser hvor brukerne bor, slik at rutene blir kortere.\n\n"
               "Ansatte sier at de bruker mindre tid i bilen.\n\nDel\nSkriv ut\nPersonvern\n"
               "Kontakt\nFølg oss")
    # a picture's credit dates the picture, if anything
    assert _year(article)[0] is None, credit


# 4. Years: capitals and a number over a year are as often a case number or a revision date
#    as a journal's issue; a line opening "Proceedings of" may announce them.

def test_a_case_number_in_capitals_does_not_outrank_the_meeting_date():
    agenda = ("Møteinnkalling\n\nUtvalg: Helse- og omsorgsutvalget\nMøtedato: 14.03.2024\n\n"
              "SAKSLISTE\nPS 38/2023 Oppfølging av tidligere vedtak\n"
              "PS 13/2024 Digital hjemmeoppfølging\n\nSaken gjelder videreføring av prosjektet "
              "med digital hjemmeoppfølging av kronisk syke.")
    year, source = _year(agenda)
    assert year == 2024, f"{year} from {source}: PS 38/2023 is a case's number, no issue"



def test_a_procedures_next_revision_in_capitals_is_no_issue():
    # a municipal quality system's header: the date of the next revision is no date of the
    # document (the module's "neste" is a word of someone else's date)
    procedure = ("Prosedyre: Digitalt tilsyn om natten\nEnhet: Hjemmetjenesten\n"
                 "NESTE REVISJON 06/2025\n\nFormål\nProsedyren beskriver hvordan ansatte bruker "
                 "kamera og sensorer når brukeren har samtykket.")
    assert _year(procedure)[0] != 2025


def test_a_call_for_papers_promising_proceedings_is_not_dated_by_them():
    # the running-head rule takes any line that opens "Proceedings of" and ends in a year,
    # a sentence about a plan included
    call = ("Call for papers: Nordic Workshop on Digital Welfare\n\nProceedings of the "
            "workshop will be published open access in 2025.\n\nWe invite papers on how "
            "welfare agencies in the Nordic countries use data, automation and digital "
            "channels in their work with citizens.")
    assert _year(call) == (None, "")

# 5. Debris: the new sentence rules take the field's own findings (consent and accessible
#    formats are topics of digital welfare research, so the loss is not random).

@pytest.mark.parametrize("sentence", [
    'By clicking "I agree", users accept terms they have not read, as our interviews showed.',
    "Ved å klikke «Godta» aksepterer brukeren vilkår som få har lest, viser undersøkelsen.",
    "Genom att klicka på knappen godkänner den sökande att uppgifterna hämtas från andra "
    "myndigheter, vilket få sökande förstod.",
    "Only three of the twelve municipalities offered letters in braille or large print, and "
    "then only on request.",
    "Lettlest informasjon ble bare gitt ved henvendelse til kontoret.",
    "Lättlästa versioner av beslut fanns bara på begäran, vilket drabbade personer med "
    "intellektuell funktionsnedsättning.",
])
def test_a_finding_about_consent_or_formats_is_no_debris(sentence):
    assert line_debris(sentence) is None


def test_findings_about_consent_and_formats_stay_in_a_report():
    text = ("Consent in digital welfare services\n\nThe portal asks each applicant to accept "
            "that the agency may fetch income data from the tax authority. Few of the "
            "applicants we interviewed knew what they had agreed to.\n\nBy clicking \"I agree\", "
            "users accept terms they have not read, as our interviews showed.\n\nOnly three "
            "of the twelve municipalities offered letters in braille or large print, and then "
            "only on request.\n\nThe agency has since changed the wording of the consent page.")
    clean = text_clean(text)[0]
    assert "users accept terms they have not read" in clean
    assert "braille or large print" in clean


# 6. Debris and titles: headings of the field taken for a platform's prompts and stamps.

#: Section headings of reports on digital services: none is a prompt or a post's stamp.
_HEADINGS = ("Why users fail to log in", "Hvorfor eldre ikke klarer å logge inn",
             "Därför kan äldre inte logga in", "How citizens create an account on Helsenorge",
             "Et år siden MitID kom", "What we knew 20 years ago",
             "Digitaliseringen för 10 år sedan")


def test_a_heading_about_logging_in_or_looking_back_is_no_widget():
    taken = {heading: line_debris(heading) for heading in _HEADINGS}
    assert {heading: why for heading, why in taken.items() if why} == {}


# 7. Titles: subtitles dropped as publishers, titles called organisations.

@pytest.mark.parametrize("heading", [
    # the full stop of "St." taken for the title's end: "Nye tjenester fra St"
    "Nye tjenester fra St. Olavs Hospital HF",
    "Care at home in St. Albans City and District Council",
    # a subtitle that ends in an organisation's word taken for the publisher
    "Digitale tjenester for eldre - Erfaringer fra Bergen kommune",
    "Digital welfare at the margins - Lessons from Aarhus Municipality",
    "Velferdsteknologi i praksis - En studie fra Lillesand kommune",
    "From pilot to practice - The role of the county",
    "Sammen om digital inkludering - Et råd for alle generasjoner",
    "Velferdsteknologi i Sør-Trøndelag. Erfaringer fra Trondheim kommune",
])
def test_a_heading_keeps_its_subtitle_and_is_not_cut_at_an_abbreviation(heading):
    body = ("<p>Kommunen har prøvd ut digitale tilsyn i tre år, og vi har intervjuet ansatte "
            "og brukere om erfaringene deres.</p>")
    assert _page(body, heading).title == heading


@pytest.mark.parametrize("title", [
    "Nytt senter for velferdsteknologi i Trondheim",
    "Eget råd for digital inkludering",
    "A council for the digital age",
    "One agency for work and welfare",
    "Ny stiftelse for eldre og teknologi",
    "Ett råd för digital välfärd",
])
def test_a_title_about_a_new_body_is_no_organisation(title):
    # the "X institutt for ..." rule takes any capitalised first word ("Nytt", "A", "One")
    assert not line_is_organisation(title)


_USABILITY = ("Why users fail to log in\n\nOlder users of the municipal portal often gave up "
              "before they reached the form. Of the 40 people we observed, 17 could not "
              "complete the identification step without help from a relative.\n\nThe most "
              "common obstacle was the code sent by text message, which expired before users "
              "had found it.")
_NEWS = ("Nytt senter for velferdsteknologi i Trondheim\n\nKommunen åpner i høst et senter der "
         "ansatte og innbyggere kan prøve ut ny teknologi. Senteret skal også gi opplæring til "
         "hjemmetjenesten.\n\nLeder for senteret sier at målet er at flere skal bo trygt "
         "hjemme lenger.")
_COVER_COUNCIL = ("Sygnefjell kommune\n\nRapport 2024:3\n\nEt råd for digital inkludering\n"
                  "Forslag til organisering i kommunen\n\nInnhold\n1 Bakgrunn ........ 3\n"
                  "2 Forslag ........ 5\n\n1 Bakgrunn\n\nKommunen har mange innbyggere som "
                  "ikke bruker digitale tjenester. Arbeidsgruppen foreslår et eget råd som skal "
                  "gi råd om digital inkludering.")
# the joined-parts rule wants "Xxx-" as the first word; "Barne-," with its comma (three
# parts) is missed, and the directorate becomes the report's title
_COVER_BUFDIR = ("Barne-, ungdoms- og familiedirektoratet\n\nRapport 2024:3\n\n"
                 "Digitale tjenester for unge\nErfaringer fra fire kommuner\n\nInnhold\n"
                 "1 Bakgrunn ........ 3\n2 Funn ........ 5\n\n1 Bakgrunn\n\nMange unge "
                 "bruker digitale tjenester for å få hjelp, men de finner ikke alltid fram. Vi "
                 "har intervjuet unge og ansatte i fire kommuner.")


@pytest.mark.parametrize("text, title", [
    (_USABILITY, "Why users fail to log in"),  # taken for a log-in prompt
    (_NEWS, "Nytt senter for velferdsteknologi i Trondheim"),  # taken for an organisation
    (_COVER_COUNCIL, "Et råd for digital inkludering: Forslag til organisering i kommunen"),
    (_COVER_BUFDIR, "Digitale tjenester for unge: Erfaringer fra fire kommuner"),
])
def test_the_title_a_careful_reader_reads(text, title):
    assert title_find(text) == title


# 8. Debris: a chronology's entry taken for an event's day and place.

@pytest.mark.parametrize("line", [
    "Tuesday 12 May, Storting rejects the proposal",
    "Fredag 4. mars, Statsministeren la fram planen",
])
def test_a_dated_event_in_a_chronology_is_no_weekday_date_line(line):
    # the "place" after the comma may be any capitalised word and four more: a subject and
    # its verb
    assert line_debris(line) != "weekday date"


# 9. Notices: six words still say who leads a session.

# mended after the review: under the slots, a short sentence that names a person stays
def test_who_leads_a_session_under_the_programme_stays():
    body = ("Fagdagen handler om hvordan kommunene kan bruke digitale verktøy i omsorgen uten å "
            "miste kontakten med brukerne. Vi samler ansatte, ledere og forskere til en dag med "
            "foredrag og samtaler.")
    page = (f"Fagdag om omsorg\n\n{body}\n\nProgram\n\n09.00–09.30 | Kaffe\n\n"
            "09.30–10.30 | Foredrag\n\n10.30–11.00 | Samtale\n\n"
            "Kari Holm (oppdiktet) leder samtalen.\n\nDel\n\nSkriv ut")
    assert "Kari Holm (oppdiktet) leder samtalen." in text_clean(page)[0]


# 10. Contact line (older than today's rules; f680f1d's whole-word fix leaves it): a title
#     that opens with "Telephone", "Phone", "Mobil", "E-post" or "Mail" is a contact line.

@pytest.mark.parametrize("title", [
    "Telephone follow-up of heart patients after discharge",
    "Phone consultations in general practice",
    "Mobil omsorg i hjemmetjenesten",
    "E-post og SMS i kommunal saksbehandling",
])
def test_a_title_opening_with_a_contact_word_is_no_contact_line(title):
    assert line_debris(title) is None


# 11. Planted corpora (72f5b1f): past about 28,800 words an English word with "ai" and the
#     coda "ng" is spelt as a Norwegian one with "a" and the coda "ing" ("rabaing"), so the
#     two vocabularies share surface forms (the default 3,000 words are clear).

def test_planted_vocabularies_of_a_large_corpus_share_no_word():
    from digiwelfare.synth import words_spell

    assert not set(words_spell(30_000, "en")) & set(words_spell(30_000, "nb"))


# ---------------------------------------------------------------------------------------
# PASSING: cases tried that the rules handle correctly
# ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("line, rule", [
    ("answered 2 months ago", "relative time stamp"),
    ("besvart for 3 måneder siden", "relative time stamp"),
    ("Logg inn for å kommentere", "log-in prompt"),
    ("Logga in för att svara", "log-in prompt"),
    ("By clicking Send, you agree to our terms.", "terms accepted by a click"),
    ("Ved å klikke «Send» godtar du vilkårene.", "terms accepted by a click"),
    ("This report is available in large print on request.", "other formats on request"),
    ("Rapporten finnes i lettlest versjon ved henvendelse.", "other formats on request"),
    ("Vedtatt av kommunestyret 12. mars 2024", "adopted by line"),
    ("Antagen av socialnämnden 2025-02-18.", "adopted by line"),
    ("Tysdag 14. oktober, Kulturhuset i Nordfjordeid", "weekday date"),
    ("Torsdag 3. april, Oslo", "weekday date"),
    ("Telefon: 22 00 00 00", "contact line"),
])
def test_passing_debris_the_new_rules_take(line, rule):
    assert line_debris(line) == rule


@pytest.mark.parametrize("line", [
    "Brukerne må logge inn med BankID før de kan sende søknaden.",
    "Planen ble vedtatt av kommunestyret 12. mars 2024.",
    "Reformen kom for 5 år siden.",
    "Fredag 4. mars, og da kom pandemien",
    "Telemedicine in the municipalities: a review",
    "Mobility as a service",
])
def test_passing_prose_and_titles_the_new_rules_leave(line):
    assert line_debris(line) is None


@pytest.mark.parametrize("line, expected", [
    ("Norsk institutt for forskning om oppvekst, velferd og aldring", True),
    ("Arbeids- og velferdsdirektoratet", True),
    ("Kommunal- og distriktsdepartementet", True),
    ("Handlingsplan for Lia kommune", False),
    ("Strategi for digital inkludering", False),
])
def test_passing_organisations(line, expected):
    assert line_is_organisation(line) is expected


@pytest.mark.parametrize("heading, title", [
    # the publisher a viewer appends was once dropped; the review found subtitles that end in
    # an organisation ("- Erfaringer fra Bergen kommune") dropped with it, so a heading is
    # now kept whole, publisher and all
    ("Strategi for velfærdsteknologi - Lolland Kommune",
     "Strategi for velfærdsteknologi - Lolland Kommune"),
    ("Digital services - a report for Oslo kommune",
     "Digital services - a report for Oslo kommune"),
])
def test_passing_publisher_dropped_from_a_heading(heading, title):
    body = ("<p>Kommunen har prøvd ut digitale tilsyn i tre år, og vi har intervjuet ansatte "
            "og brukere om erfaringene deres.</p>")
    assert _page(body, heading).title == title


@pytest.mark.parametrize("text, expected", [
    ("Digitale tenester i kommunane\nEin studie av fire kommunar\n© NOVA 2008\n"
     "Rapport frå eit forskingsprosjekt\n\nInnhald\n1 Innleiing\n2 Metode\n3 Funn\n\n"
     "1 Innleiing\n\nKommunane har teke i bruk mange digitale tenester dei siste åra, og "
     "denne rapporten ser på korleis dei tilsette opplever dei.\n\nVi har intervjua "
     "tilsette i fire kommunar.", (None, "")),
    ("Digital hjelp på biblioteket\n\nBiblioteket tilbyr hjelp med BankID, Helsenorge og "
     "skattemeldingen. Du kan bestille en time hos en bibliotekar.\n\nÅpningstider\n"
     "Personvern\nKontakt oss\n© 2019 Oslo kommune", (None, "")),
    ("Omsorgsteknologi i praktiken\nGöteborg i september 2007\n\nRapporten beskriver hur "
     "fyra kommuner har infört trygghetslarm och kameror i hemtjänsten.", (None, "")),
    ("VÅRD I NORDEN 2/2007. PUBL. NO. 86 VOL. 27 NO. 2 PP 4-9\nDigital care at a distance\n\n"
     "The article examines how nurses in three Nordic countries use video calls with "
     "patients at home.", (None, "")),
    ("Proceedings of IRIS 28, 2005\nDesigning for the caseworker\n\nWe report on a study of "
     "how caseworkers in a welfare agency used a new case-handling system over two years.",
     (2005, "cover date")),
])
def test_passing_years(text, expected):
    # after the review the copyright line needs a colophon's field beside it, a journal's
    # line in capitals must be printed on more than one page, and "Place i month year" is
    # no cover date: three of these are now missing years, the price of no wrong ones
    assert _year(text) == expected


def test_passing_widgets_go_and_running_text_with_links_stays():
    record = _page("<nav><a href='/'>Forside</a><a href='/helse'>Helse og omsorg</a>"
                   "<a href='/tilsyn'>Digitale tilsyn</a></nav>" + _INTRO_NB +
                   "<div>Most users <em>did not</em> get help when they called, as "
                   "<a href='#'>the survey</a> shows.</div>" + _OUTRO_NB +
                   "<div class='share'><a href='#'>Del</a><a href='#'>Skriv ut</a>"
                   "<button>Tips en venn</button></div>")
    lines = [ln.strip() for ln in record.text.splitlines() if ln.strip()]
    assert "Most users did not get help when they called, as the survey shows." in lines
    assert not any("Skriv ut" in ln or "Helse og omsorg" in ln for ln in lines)


def test_passing_planted_words_are_distinct_and_the_languages_share_none():
    from digiwelfare.synth import words_spell

    en, nb = words_spell(3000, "en"), words_spell(3000, "nb")
    assert len(set(en)) == len(en) and len(set(nb)) == len(nb)
    assert not set(en) & set(nb)
