"""Years a careful reader derives (metadata.year_derive): labelled dates, covers and issue
lines, a final report's end, and the guards against years that are not the document's."""

from datetime import date

import pytest

from digiwelfare.metadata import year_derive

TODAY = __import__("datetime").date(2026, 1, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("Om tjenesten\nPublication status\tPublished - 2019\nLes mer", (2019, "published")),
    ("Om tjenesten\nPubliseringsstatus\nPublisert - 2018\n", (2018, "published")),
    ("Forside\nDato:\n3. mars 2021\nTekst", (2021, "date label")),
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


def test_on_a_project_page_a_date_under_a_record_field_dates_no_report():
    """A running project's record prints when the grant was decided and when the record was
    last updated, as short labels with their dates: neither dates a report. A sentence that
    says the page was updated is no field, and on a page that is no project the same field
    dates the page."""
    decided = ("# Older people and digital-first services\n\n**Decision number:** 000000\n"
               "**Decision date:** 12 June 2024\n\nThe project studies service points.")
    assert year_derive(decided, today=TODAY, ignore=frozenset({"modified"})) == (None, "")
    assert year_derive(decided, today=TODAY) == (2024, "date in the head")
    registry = ("Remote follow-up at home\nSponsor\nA hospital trust\nLast Update Posted\n"
                "2025-02-03\nBrief Summary\nThe study tests daily measurements.")
    assert year_derive(registry, today=TODAY, ignore=frozenset({"modified"})) == (None, "")
    # the end of a running or unreported project's period, as a field over its date
    period = ("Digital help points for adult learners\nStart date\n01-03-2022\nEnd date\n"
              "28-02-2024\nSummary\nVolunteers ran sessions in village halls.")
    assert year_derive(period, today=TODAY, ignore=frozenset({"modified"})) == (None, "")
    assert year_derive(period.replace("End date", "Sluttdato"), today=TODAY,
                       ignore=frozenset({"modified"})) == (None, "")
    assert year_derive(period, today=TODAY) == (2024, "date in the head")
    said = ("Erklæringa for søknadsskjemaet\nErklæringa vart sist oppdatert 28.04.2025\n\n"
            "Kommunen har retta dei fleste avvika.")
    assert year_derive(said, today=TODAY, ignore=frozenset({"modified"})) == (
        2025, "date in the head")


def test_a_catalogues_final_report_field_and_a_wikis_last_edit_date_their_pages():
    """"Sluttrapport levert: 15.02.2024" dates the report a project's record gives, not the
    end of its period; "This page was last edited on ..." dates a wiki page, not the comments'
    signatures above it; a report still to be delivered dates nothing."""
    record = ("Digital leksehjelp\nProsjektperiode: 2021–2023\nSluttrapport levert: 15.02.2024"
              "\n\nProsjektet ble avsluttet i 2023.\n")
    assert year_derive(record, today=TODAY, ignore=frozenset({"modified"})) == (
        2024, "final report")
    assert year_derive(record.replace("levert:", "levert innen"), today=TODAY,
                       ignore=frozenset({"modified"}))[1] != "final report"
    wiki = ("Talk: Digital welfare state\nSigned 3 March 2021\nReply 4 June 2024\n"
            + "A comment.\n" * 30 + "This page was last edited on 14 May 2025, at 10:12.\n")
    assert year_derive(wiki, today=TODAY) == (2025, "modified")
    assert year_derive(wiki.replace("This page was last edited", "Sida vart sist redigert"),
                       today=TODAY) == (2025, "modified")


def test_a_report_series_line_dates_a_report_in_the_plural_too():
    """A series printed in the plural over the title ("Reports 00/2025", "Rapporter 3/2024")
    numbers the report as the singular does; a series line with more after it is no
    report number."""
    cover = ("A county's services\nReports 00/2025\nRemote care: final report\n"
             "Project period 2022–2024\nThe project ended in 2024.\n")
    assert year_derive(cover, today=TODAY) == (2025, "report number")
    assert year_derive(cover.replace("Reports", "Rapporter"), today=TODAY) == (
        2025, "report number")
    assert year_derive(cover.replace("Reports 00/2025", "Reports 00/2025 and later notes"),
                       today=TODAY) == (2024, "completed")


def test_a_sentence_that_dates_the_final_report_beats_the_period_it_reports_on():
    """"Slutrapporten blev offentliggjort i marts 2025" dates the report a project page gives,
    not the end of the project (2024) nor the page's later update; a report of someone
    else's named in passing is no final report."""
    page = ("Afsluttet projekt\nTelemedicin i eget hjem\nPeriode\n2021–2024\n\n"
            "Projektet gav patienter en tablet.\nSlutrapporten blev offentliggjort i marts "
            "2025 og viser færre genindlæggelser.\nSenest opdateret 02.04.2025\n")
    assert year_derive(page, today=TODAY, ignore=frozenset({"modified"})) == (
        2025, "final report")
    english = ("Final report\n\nThe project ended in 2023. The final report was published in "
               "May 2024.\n")
    assert year_derive(english, today=TODAY) == (2024, "final report")
    # another report's, in passing or in the background of a report with its own date; a
    # final report still to come
    for text, expected in (
            ("Nyhet\n\nVi leste sluttrapporten, som ble publisert i 2019 av et institutt.\n",
             (None, "")),
            ("NOU 2023: 4\nDigital velferd\n\nSluttrapporten ble lagt fram i juni 2019, og "
             "utvalget bygger på den.\n", (2023, "report number")),
            ("Evaluering av tavler\nMars 2024\n\nSluttrapporten ble publisert i mars 2019.\n",
             (2024, "cover date")),
            ("Final report\n\nThe final report is published in June 2026.\n", (None, ""))):
        assert year_derive(text, today=TODAY) == expected, text


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


def test_a_deadline_printed_above_its_date_and_a_span_of_days_under_a_dates_label():
    today = __import__("datetime").date(2026, 12, 3)
    # a job advert copied with its fields as label lines above value lines: the deadline is
    # no date of the advert, and there is no other
    advert = ("Stipendiat i helseinformatikk\nArbeidsgiver\nHøgskolen i Sørli\nSøknadsfrist\n"
              "01.02.2026\nTiltredelse\nEtter avtale\nOm stillingen\n"
              "Stillingen er knyttet til en forskergruppe om digitale tjenester.")
    assert year_derive(advert, today=today) == (None, "")
    assert year_derive(advert.replace("Søknadsfrist\n01.02.2026", "Annonsert\n14.11.2025"),
                       today=today) == (2025, "date in the head")
    # a course's days under a plural label, far below the head of the page
    course = "Meny\n" * 30 + ("Kurs i feltarbeid\nDatoer: 9.–10. april 2026\n"
                              "Påmeldingsfrist: 1. mars 2026\nSted: Bergen")
    assert year_derive(course, today=today) == (2026, "event date")
    assert year_derive(course.replace("2026", "2027"), today=today) == (None, "")


def test_an_events_page_is_dated_by_the_event_and_an_adverts_dates_are_not_its_own():
    """The labelling convention: an event is dated by the event, not by the day its page went
    online; a date labelled as a deadline (also a compound, "Ansøgningsfrist: ..."), as an
    appointment's first day or as an end of validity is never the page's."""
    page = "Fagdag om velferdsteknologi\nPublisert 3. desember 2025\nDato: 4. februar 2026\n"
    assert year_derive(page) == (2025, "published")  # a page in general: its publication
    assert year_derive(page, first=("event date", "date label")) == (2026, "date label")
    programme = "Seminar\nPublished 2 May 2024\nTuesday 11 June 2024\n09.00 Welcome"
    assert year_derive(programme, first=("event date", "date label")) == (2024, "event date")
    # the other rules keep their order of trust behind the ones asked for first
    assert year_derive("Sist endret 3.1.2024\nPublisert 2.2.2023",
                       first=("event date",)) == (2023, "published")
    # a page that is no programme (a newsletter, a news item) dated by its issue line, not by
    # the coming seminar its text announces; with nothing else, the seminar still dates it
    letter = ("Newsletter: Care at Home\nNo. 3 · October 2025\nDear colleagues\n"
              "Our next open seminar takes place on 12 February 2026 at 10:00.\n")
    assert year_derive(letter, today=date(2026, 3, 1)) == (2026, "event date")
    assert year_derive(letter, today=date(2026, 3, 1), last=("event date",)) == (
        2025, "cover date")
    alone = "Webinar on sensors\n" + "Menu\n" * 30 + "It takes place on 12 February 2026.\n"
    assert year_derive(alone, today=date(2026, 3, 1), last=("event date",)) == (
        2026, "event date")
    for advert in ("Ansøgningsfrist: 15. januar 2026\nTiltrædelse: 1. april 2026",
                   "Søknadsfrist 15.01.2026\nTiltredelse 01.04.2026",
                   "Application deadline: 15 January 2026\nStart date: 1 April 2026",
                   "Appointment from 1 April 2026",
                   "Tilbudet er gyldig til 31. mars 2026"):
        assert year_derive(advert) == (None, ""), advert
    # a date in the head that is the page's own still counts
    assert year_derive("Stilling ledig\n3. mars 2025\nVi søker en stipendiat") == (
        2025, "date in the head")


def test_a_date_a_change_takes_effect_is_not_the_pages():
    from datetime import date

    from digiwelfare.metadata import year_derive

    today = date(2026, 12, 3)
    # a guide that announces a change "from 1 July 2026" has no date of its own
    assert year_derive("Søg om kontanthjælp\nFra 1. juli 2026 ændres reglerne for "
                       "beregning.\n", today=today) == (None, "")
    assert year_derive("Nye regler med virkning fra 1. juli 2026 for alle søkere.\n",
                       today=today) == (None, "")
    # minutes "from the meeting" of a day, and a date standing alone, are the page's
    assert year_derive("Referat fra møtet 12. mars 2025\nTil stede: leder og sekretær\n",
                       today=today) == (2025, "date in the head")
    assert year_derive("Nyhet\n1. juli 2026\nFrom 1 July 2026 the rules change.\n",
                       today=today) == (2026, "date in the head")


def test_a_courses_term_under_its_selector_or_label_is_not_the_pages_date():
    """A course page's "Choose semester" over "Autumn 2026" (or "Academic year: 2022", the
    issue's menu line) names the teaching term; a season on a cover still dates the cover."""
    course = "Courses\nSOS4250\nChoose semester\nAutumn 2026\nFacts about this course\n"
    assert year_derive(course, today=date(2026, 12, 3)) == (None, "")
    assert year_derive("Studier\nSemester\nHøsten 2025\nOm emnet\n",
                       today=date(2026, 12, 3)) == (None, "")
    cover = "Digital tilsyn i hjemmetjenesten\nMasteroppgave\nHøsten 2025\n"
    assert year_derive(cover, today=date(2026, 12, 3)) == (2025, "cover date")


def test_a_records_kicker_and_a_title_pages_imprint_date_the_document():
    """"Conference Paper · September 2023" under a record's title, and the imprint of a
    title page ("Luxembourg: Publications Office of the European Union, 2024"); an imprint
    far down the text (a reference list's line) or a label line without a publisher is no
    date of the document."""
    record = "Boards on the ward\nConference Paper · September 2023\nAbstract\nText.\n"
    assert year_derive(record, today=TODAY) == (2023, "cover date")
    imprint = ("Digital social security coordination\nFinal summary\n"
               "Luxembourg: Publications Office of the European Union, 2024\nText.\n")
    assert year_derive(imprint, today=TODAY) == (2024, "print line")
    far = "A study\n" + "A line of prose.\n" * 40 + "Oslo: Universitetsforlaget, 2019.\n"
    assert year_derive(far, today=TODAY) == (None, "")
    assert year_derive("Merk: Dette gjelder fra, 2019\n", today=TODAY) == (None, "")


def test_an_ordinal_date_under_a_posted_label_and_an_events_named_line_date_the_document():
    """"Posted Date: June 11th, 2025" (a preprint server) and "ESPAnet Conference 2025 ·
    3–5 September 2025" (an abstract system's event line, the event named first); an
    ordinal in prose and an event line opening in lower case are no date."""
    posted = "Algorithms at the front door\nPosted Date: June 11th, 2025\nAbstract\nText.\n"
    assert year_derive(posted, today=TODAY) == (2025, "published")
    event = "Nudged by notifications\nESPAnet Conference 2025 · 3–5 September 2025\nText.\n"
    assert year_derive(event, today=TODAY) == (2025, "event date")
    prose = ("A study\n" + "A line of prose.\n" * 40 +  # below the head's dates
             "the annual conference on 3 May 2019 was the first of its kind.\n"
             "Nordic Welfare Conference 2019 in Oslo: 3 May 2019.\n".lower())
    assert year_derive(prose, today=TODAY) == (None, "")


def test_a_repositorys_date_issued_and_a_working_papers_number_after_a_bar_date_it():
    """A repository record's "Date Issued" over "2025-06"; a series line "Working papers
    000 | 2025"; an "Issued by ..." sentence is no date."""
    record = "A thesis\nFiles\nDate Issued\n2025-06\nAuthor\nA. Writer\n"
    assert year_derive(record, today=TODAY) == (2025, "published")
    series = "Working papers 000 | 2025\nDigital guidance\nText.\n"
    assert year_derive(series, today=TODAY) == (2025, "report number")
    issued = "A note\nIssued by the ministry in 2019 after a long debate about it.\n"
    assert year_derive(issued, today=TODAY) == (None, "")


def test_an_adoption_date_in_brackets_under_the_title_dates_the_document():
    text = ("Recommendation on automated decision-making\n"
            "(Adopted by the Committee of Ministers on 10 April 2024)\nText.\n")
    assert year_derive(text, today=TODAY) == (2024, "adopted")


def test_a_records_source_line_a_title_pages_institution_and_a_dateline_date_a_document():
    """Four places a reader finds a document's year: the journal's source line on an
    article's record (opening with the volume; a reference opens with its authors), a
    "Publication Year" field over its value, a thesis's title page ("Universitetet i
    Stavanger, 2025", in the head), a cover's "Organisation, City, month year", and a dateline
    that signs a bill or a letter ("Stockholm den 18 september 2025"). A person's name and a
    date ("Kari Vestby, 04.01.2021") is no dateline, nor a field's label over a date on the
    next line, nor a reference that names a university press."""
    source = ("Chat guidance at NAV\nJournal of Social Work\n"
              "Volume 27, Issue 3, Pages 000-000, 2024\n")
    assert year_derive(source, today=TODAY) == (2024, "cover date")
    field = "Digital exclusion of older adults\nPublication Year\n2022\nData collected in 2021.\n"
    assert year_derive(field, today=TODAY) == (2022, "published")
    thesis = "Digitalt skjøn\nDoktoravhandling\nUniversitetet i Stavanger, 2025\n\nSamandrag\n"
    assert year_derive(thesis, today=TODAY) == (2025, "print line")
    cover = "Digital arbetsmiljö\nVårdförbundet, Stockholm, november 2024\n\nSammanfattning\n"
    assert year_derive(cover, today=TODAY) == (2024, "cover date")
    bill = ("Budgetpropositionen\n\nUnder 2024 fick kommunerna bidrag.\n\n"
            "Stockholm den 18 september 2025\n\nMinistern\n")
    assert year_derive(bill, today=TODAY) == (2025, "dateline")
    # the page's own report number beats a dateline of its appendix, an access date or a
    # comment; a label made of one compound word is no place; an edition, a lower-case
    # genre word or a document named with its year are no cover or title-page dates
    for text, expected in (
            ("Rapport 2023:3\nDigitale tavler\n\nTekst.\n\nLest den 12.03.2024\n",
             (2023, "report number")),
            ("SOU 2024:12\nDigitala kanaler\n\nBilaga 1\nStockholm den 18 februari 2021\n",
             (2024, "report number")),
            ("Innlegg\n\nTekst.\n\nOla, 3. mars 2024\n", None),
            ("Prosjekt\n\nProsjektstart den 01.01.2022\nTekst.\n", None),
            ("Rapport 2024:3\n" + "Tekst.\n" * 30 + "Berg, A. Tavler.\nVol. 12, No. 3 (2019).\n",
             (2024, "report number")),
            ("Digitale tavler\nFørste utgave, Oslo, mars 2019\n\nTekst.\n", None),
            ("Digitale tavler\nsluttevaluering, desember 2025\n\nTekst.\n", None),
            ("Universitetet i Agder – årsrapport 2023\n\nÅret i korte trekk.\n", None)):
        got = year_derive(text, today=TODAY)
        if expected is None:
            assert got[1] not in ("dateline", "cover date", "print line"), (text, got)
        else:
            assert got == expected, text
    assert year_derive("A talk\n\nKari Vestby, 04.01.2021\n", today=TODAY)[1] != "dateline"
    assert year_derive("Ny plan\n\nOppdatert 03.05.2024\n", today=TODAY,
                       ignore=frozenset({"modified"}))[1] != "dateline"
    for text in ("Job\n\nSøknadsfrist 15.01.2025\n\nVi søker en rådgiver.\n",
                 "Job\n\nSøknadsfrist\n15.01.2025\n\nVi søker en rådgiver.\n",
                 "Review\n\nThe Automated Caseworker. Lena Brock. Bristol University Press. "
                 "2022.\n"):
        assert year_derive(text, today=TODAY) == (None, ""), text


def test_old_reports_running_heads_a_cover_place_and_a_colophons_copyright_date_them():
    """What PDF text of older reports and papers shows: a paper's running head in its
    proceedings or its journal's issue in capitals on every page, and a colophon's copyright
    line near the top beside the colophon's fields; a copyright line among the last lines is
    a site's footer, and a heading that names a later year is no cover date."""
    body = "\n".join(["Saksbehandlerne brukte det nye systemet hver dag i to år."] * 8)
    assert year_derive(f"Proceedings of IRIS 28, 2005\nCaseworkers as designers\n{body}",
                       today=TODAY) == (2005, "cover date")
    head = "VÅRD I NORDEN 2/2007. PUBL. NO. 00 VOL. 27"
    assert year_derive(f"{head}\nDistansmöten\n{body}\n{head}\n{body}",
                       today=TODAY) == (2007, "cover date")
    # printed once, such a line is a case number or a revision date
    assert year_derive(f"{head}\nDistansmöten\n{body}", today=TODAY) == (None, "")
    assert year_derive(f"Skjermbesøk\n© NOVA 2008\nISBN 000-00-0000-000-0\n{body}",
                       today=TODAY) == (2008, "copyright")
    assert year_derive(f"Copyright © 2021 Fafo\nFafo-rapport 2021:00\nISSN 0000-0000\n{body}",
                       today=TODAY) == (2021, "report number")
    assert year_derive(f"Rapport\nCopyright © 2021 Fafo\nAll rights reserved\n{body}",
                       today=TODAY) == (2021, "copyright")
    assert year_derive(f"{body}\n© 2024 Kommunen\nPersonvern", today=TODAY) == (None, "")
    assert year_derive("Kort side\n© 2024 Kommunen\nPersonvern", today=TODAY) == (None, "")
    # a later year in the same forms is never taken
    assert year_derive(f"AGENDA 2/2030\n{body}", today=TODAY) == (None, "")
    assert year_derive(f"Hele Norge i 2030\n{body}", today=TODAY) == (None, "")


def test_a_calls_dates_are_deadlines_a_menus_call_is_not_the_page():
    """A call for papers names itself in a heading with its subject; every date in its head
    is then a deadline or a milestone ("Full papers: 31 March 2026"), so none dates it. A
    menu item "Call for papers" on a conference's programme, or a digest's numbered item
    naming a call, leave the page's own date alone. A Swedish "senast" marks a deadline as
    "senest" does."""
    call = ("Journal of Welfare\nCall for Papers: Comparing Digital Welfare States\n"
            "We invite comparative work.\nTimeline\nExtended abstracts: 15 October 2025\n"
            "Full papers: 31 March 2026\n")
    assert year_derive(call, today=date(2026, 12, 1)) == (None, "")
    programme = ("Home\nCall for papers\nRegistration\nNordic conference on welfare\n"
                 "14 May 2025\nProgramme of the day.\n")
    assert year_derive(programme, today=date(2026, 12, 1)) == (2025, "date in the head")
    swedish = ("Temanummer\nSammanfattningar skickas senast den 1 december 2025.\n"
               "Numret utkommer hösten 2026.\n")
    assert year_derive(swedish, today=date(2026, 12, 1)) == (None, "")


def test_a_cover_imprint_of_a_place_and_a_year_and_a_publications_office_date_a_report():
    """A working paper's cover gives its place and year under the authors ("Brussels,
    2025"); an EU summary's colophon its imprint in Swedish ("Luxemburg: Europeiska unionens
    publikationsbyrå, 2025"). A place and a year inside a sentence, or further down than the
    head, do not date it."""
    cover = ("Working Paper\nAlgorithmic management\nNadia Petrov and Tomas Lind\n"
             "Brussels, 2025\nAbstract\nWe interviewed caseworkers in 2021 and 2023.\n")
    assert year_derive(cover, today=date(2026, 12, 1)) == (2025, "print line")
    imprint = ("Sammanfattning\nLuxemburg: Europeiska unionens publikationsbyrå, 2025\n"
               "Undersökningen gjordes 2024.\n")
    assert year_derive(imprint, today=date(2026, 12, 1)) == (2025, "print line")
    prose = "Rapporten\nVi besökte Bergen, 2019 var det första året med appen.\n"
    assert year_derive(prose, today=date(2026, 12, 1)) == (None, "")
    deep = "Rapporten\n" + "Kommunen prøvde ut en ny app med ansatte og brukere.\n" * 40 + \
        "Oslo, 2019\n"
    assert year_derive(deep, today=date(2026, 12, 1)) == (None, "")


@pytest.mark.parametrize(("text", "expected"), [
    ("FÖRVALTNINGSRÄTTSLIG TIDSKRIFT\nNr 3 2024 s. 401–428\n\nMotivering av beslut",
     (2024, "cover date")),
    ("Juristen\nJuristen nr. 2/2025, s. 12–30\nResumé", (2025, "cover date")),
    ("Norsk statsvitenskapelig tidsskrift\nÅrgang 41, nr. 2-2025, s. 5–22\nArtikkel",
     (2025, "cover date")),
    # a case or a decision's number has no pages: not an issue line
    ("Vedtak\nSak nr. 12/2025\nKlagen er tatt til følge.", (None, "")),
])
def test_a_journals_issue_line_with_the_articles_pages_dates_the_article(text, expected):
    assert year_derive(text, today=date(2026, 12, 1)) == expected


def test_a_covers_month_and_year_a_series_number_and_a_journals_dotted_line_date_it():
    """"Publisert: 03/2025" is a month and a year; a publication series' name with
    "2025:00", a named working paper series ("Social Policy Working Paper 0/2025") and a
    journal's line "· Årgång 127 · 2025 · nr 1" date the document; a project period written
    in months is still no date of a page."""
    assert year_derive("Digital inkludering for alle\nPublisert: 03/2025\n", today=TODAY) == (
        2025, "published")
    assert year_derive("Publications of the Ministry of Finance 2025:00\n\nAction Programme\n",
                       today=TODAY) == (2025, "report number")
    assert year_derive("University of Turku\nSocial Policy Working Paper 0/2025\n\nAuthorised "
                       "by whom?\n", today=TODAY) == (2025, "report number")
    assert year_derive("Statsvetenskaplig tidskrift · Årgång 127 · 2025 · nr 1\n\nAtt företräda "
                       "någon annan\n", today=TODAY) == (2025, "cover date")
    # a series named in a sentence, and a month's deadline, are not the page's
    assert year_derive("The report series began in 2019: 12 reports so far.\n", today=TODAY) \
        == (None, "")
    assert year_derive("Søknadsfrist: 03/2025\n", today=TODAY) == (None, "")
    assert year_derive("Prosjektperiode: 01/2021 – 12/2024\n", today=TODAY,
                       ignore=frozenset({"modified"})) == (None, "")


def test_a_date_something_has_run_since_is_no_date_of_the_page():
    """ "... sedan den 1 september 2024" in a page's prose says when a task began (the
    hummock set's undated questions-and-answers page); a date stamped on the page still
    dates it."""
    today = date(2026, 12, 3)
    page = ("Registerkontroller – frågor och svar\nMyndigheten jämför uppgifter från flera "
            "myndigheter.\nMyndigheten har haft i uppdrag att samordna kontrollerna sedan den "
            "1 september 2024.\n")
    assert year_derive(page, today=today) == (None, "")
    for since in ("siden 1. mars 2023", "since 1 March 2023", "gjeldende fra 1. mars 2023"):
        assert year_derive(f"Tjenesten har vært i drift {since}.\n", today=today) == (None, "")
    stamped = page.replace("Registerkontroller – frågor och svar\n",
                           "Registerkontroller – frågor och svar\nPublicerad 3 mars 2025\n")
    assert year_derive(stamped, today=today)[0] == 2025


@pytest.mark.parametrize(("text", "expected"), [
    # a book of abstracts' running head over one abstract (the conference's year)
    ("NOPSA Congress 2024 · Book of abstracts            88\nDigital letters and trust\n"
     "Ola Nord (invented)\nWe study how residents read letters from the municipality.",
     (2024, "cover date")),
    ("Book of Abstracts – Welfare Days 2023   12\nA paper title\nWe ask who answers.",
     (2023, "cover date")),
    # a journal's name with its year and issue as a PDF's first page heads the article
    ("Tidsskrift for sosialpolitikk 2022/3   117\ns. 117–139\nEn artikkel om skjema\n"
     "Artikkelen drøftar korleis skjema vert lesne.", (2022, "cover date")),
    # an edition's year alone on a cover's line
    ("Fjordby kommune\nVegvisar for nye innbyggjarar\n2. utgåve 2021\n\nInnhald\n"
     "Teksten fortel kva du gjer først.", (2021, "cover date")),
])
def test_running_heads_journal_heads_and_editions_date_the_text(text, expected):
    assert year_derive(text, today=TODAY) == expected


@pytest.mark.parametrize("text", [
    # a later edition announced in prose, a year and issue with no journal's name (a case),
    # the book of abstracts cited in a sentence of the text
    "Fjordby kommune\nUtgave 2026 av vegvisaren kjem til hausten.\nTeksten fortel meir.",
    "Sak 2023/1   12\nKommunen svarte på klagen i eit brev.",
    "Abstract\nWe build on the Book of Abstracts of the 2019 meeting, which listed 40 papers.",
])
def test_no_running_head_journal_head_or_edition_where_the_text_only_mentions_one(text):
    assert year_derive(text, today=TODAY) == (None, "")


@pytest.mark.parametrize("text", [
    # a funder's catalogue page: the round that awarded the grant is no date of the page
    "Projekt\nProjektperiode\n2025–2028\nBevillingsrunde\nEfterår 2024\nProjektet følger ...",
    "Prosjekt\nTildelt\nHøsten 2023\nProsjektet følgjer tilsette i heimetenesta.",
    "Project\nFunding round\nSpring 2022\nThe project follows caseworkers.",
])
def test_a_funding_rounds_season_dates_no_catalogue_page(text):
    assert year_derive(text, today=TODAY) == (None, "")



def test_a_series_dated_by_its_weekday_in_a_month_under_a_dates_label():
    """A seminar series' page gives its dates as a weekday in a month ("Dates" over
    "Thursdays in March 2025", "Datoer: tirsdager i mai 2024"): the event's year; the same
    words in a sentence with no label date nothing."""
    assert year_derive("Seminars\nDates\nThursdays in March 2025\nCost\nFree\n",
                       today=date(2026, 1, 1)) == (2025, "event date")
    assert year_derive("Kurs\nDatoer: tirsdager i mai 2024\nVi møtes i biblioteket.\n",
                       today=date(2026, 1, 1)) == (2024, "event date")
    assert year_derive("We met on Thursdays in March 2025 to plan the work.\n",
                       today=date(2026, 1, 1))[1] != "event date"


def test_a_day_a_change_takes_effect_from_is_not_the_pages_date():
    """An FAQ's question and a notice name the day a change applies from ("Kva endrar seg frå
    1. januar 2026?", "Vad ändras från den 1 juli 2025?", "The new rules apply from 1 March
    2025"): a change to come, not the page's date; a published date still dates it."""
    for text in ("Spørsmål og svar\nKva endrar seg frå 1. januar 2026?\nKommunen får eit "
                 "nytt tilbod.\n",
                 "Frågor och svar\nVad ändras från den 1 juli 2025?\nDu kan söka i appen.\n",
                 "Questions\nThe new rules apply from 1 March 2025.\nYou can claim online.\n"):
        assert year_derive(text, today=date(2026, 12, 5)) == (None, ""), text
    assert year_derive("Kva endrar seg frå 1. januar 2026?\nPublisert 3. mars 2025\n",
                       today=date(2026, 12, 5)) == (2025, "published")


def test_a_journals_issue_and_a_conferences_name_date_an_abstracts_page():
    """An article's page heads it with its journal's issue ("Tidsskrift for omsorgsforskning
    2/2023", "Volume 12, March 2024, 100123" with the article's number after the year); an
    abstract's page with its conference's name and year ("Velferdskonferansen 2023",
    "Nordic Welfare Conference 2024"); further down, in a sentence or a reference, they date
    nothing."""
    today = date(2026, 12, 5)
    assert year_derive("Tidsskrift for omsorgsforskning\nArkiv\nTidsskrift for "
                       "omsorgsforskning 2/2023\nSkjermen i stua\n", today=today)[0] == 2023
    assert year_derive("Skip to main content\nJournals\nCare Studies\nVolume 12, March 2024, "
                       "100123\nScreens in the living room\n", today=today)[0] == 2024
    assert year_derive("Velferdskonferansen 2023\nSammendrag av innlegg\nSkjermen i stua\n"
                       "Vi fulgte fire team.\n", today=today) == (2023, "cover date")
    assert year_derive("Nordic Welfare Conference 2024\nAbstract\nScreens at home\n",
                       today=today) == (2024, "cover date")
    later = ("Skjermen i stua\nVi fulgte fire team gjennom eit år.\nDei la fram funna i "
             "fjor.\nDei fekk mange spørsmål.\nVelferdskonferansen 2023\n")
    assert year_derive(later, today=today) == (None, "")


def test_start_fields_online_publishers_listed_papers_and_a_journals_repeated_name():
    """A catalogue page's start date under its label ("Prosjektstart" over "1.9.2024") is no
    page date; "Published online by <publisher>: <date>" is a published date; a working
    paper's number in a project page's list, under the page's text, dates nothing; a
    journal site's issue line right under the journal's name ("Sosialpedagogen" ...
    "Sosialpedagogen 4/2023") dates its article."""
    today = date(2026, 12, 5)
    assert year_derive("Prosjekt NETTSKJEMA\nProsjektstart\n1.9.2024\nProsjektslutt\n"
                       "31.8.2027\n", today=today) == (None, "")
    assert year_derive("Journal of Care\nArticle\nScreens at home\nPublished online by "
                       "Nordic Press: 12 March 2024\n", today=today) == (2024, "published")
    assert year_derive("Digital Care at Home (DIGICARE)\nProject period\n2022–2025\nStatus\n"
                       "Ongoing\nThe project follows forty families who get care at home.\n"
                       "Publications\nDIGICARE Working Paper 2/2024\n", today=today) == (None, "")
    assert year_derive("Digitale søknader\nProsjektperiode 2022–2024\nRapport 3/2025\n",
                       today=today)[0] == 2025  # the report's own number on its cover
    assert year_derive("Sosialpedagogen\nSosialpedagogen 4/2023\nFagartikkel\nSkjermen i "
                       "stua\n", today=today)[0] == 2023
    assert year_derive("Meny\nSak 4/2023\nKommunestyret\n", today=today)[0] != 2023


def test_a_congress_named_with_its_field_and_year_dates_its_abstracts_page():
    """"Nordisk kongress i gerontologi 2024" heads an abstract's page as "Velferdskonferansen
    2023" does: the congress's field between its word and its year."""
    assert year_derive("Nordisk kongress i sosialmedisin 2024\nAbstract 000\nSkjermen i stua\n",
                       today=date(2026, 12, 5)) == (2024, "cover date")
    assert year_derive("Congress on Ageing 2023\nAbstract\nScreens at home\n",
                       today=date(2026, 12, 5)) == (2023, "cover date")


def test_a_nordic_abstracts_running_head_dates_its_page():
    """"Norsk sykepleierforbund · Vårkonferansen 2024 · Abstrakter" heads one abstract's page
    as a book of abstracts' head does: the year of the meeting."""
    assert year_derive("Faggruppen · Vårmøtet 2024 · Abstrakter\nSesjon 2\nSkjermen i stua\n"
                       "Kari Dal (oppdiktet), Sykehuset\n", today=date(2026, 12, 5)) == \
        (2024, "cover date")
