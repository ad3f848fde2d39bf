import pandas as pd

from digiwelfare.clean import line_debris, text_clean, text_normalize, textstat_debris
from digiwelfare.config import ROOT
from digiwelfare.corpus import corpus_read


def test_normalize_nfc_whitespace_and_paragraphs():
    decomposed = "Bla\u030abær\u00a0 og\t\tsyltetøy\r\n\r\n\r\n\x07Neste  avsnitt"
    assert text_normalize(decomposed) == "Blåbær og syltetøy\n\nNeste avsnitt"


def test_debris_lines_go_and_prose_stays():  # noqa: D103
    page = ("‹ Back to search\n\nNorwegian version of this page\n\n"
            "Programme: Health and welfare (HELSEVEL) – project no. 246118\n\n"
            "The project followed two home care services for four years.\n\n"
            "Publications from the project\n\nNo publications found\n\n"
            "Tags: home care, sensors\n\nPublished 03.05.2019 Last modified 11.02.2021\n\n"
            "09:15-10:30 Session 3B: Digital care\n\nShare | Print")
    text, removed = text_clean(page)
    assert text == "The project followed two home care services for four years."
    assert len(removed) == 9


def test_long_lines_are_never_debris():
    line = ("Back to the question of discretion, the caseworkers we followed said that the "
            "new system made them print more documents than before.")
    assert line_debris(line) is None
    assert line_debris("Print") == "share or print"


def test_cleaning_is_idempotent_and_empty_safe():
    once, _ = text_clean("Tilbake til søk\n\nSaksbehandlerne brukte skjønn.\n\n"
                         "Sist endret 14.02.2025")
    assert text_clean(once) == (once, [])
    assert text_clean("") == ("", [])


def test_demo_corpus_debris_is_found_where_it_was_planted():
    """Every planted page loses lines; elsewhere only headings go (short lines, never a
    sentence): the generic mechanisms must not eat the prose of clean documents."""
    from digiwelfare.clean import ZONE_WORDS, line_is_sentence, lines_classify, lines_repeated

    demo = corpus_read(ROOT / "corpus")
    plan = pd.read_csv(ROOT / "corpus" / "design" / "plan.csv")
    planted = set(plan.loc[plan["web_debris"] == "yes", "id"])
    assert planted <= set(textstat_debris(demo)["id"])
    repeated = lines_repeated(demo["text"])
    for doc in demo[~demo["id"].isin(planted)].itertuples():
        lines = text_normalize(doc.text).split("\n")
        for line, why in zip(lines, lines_classify(lines, repeated), strict=True):
            if why:
                assert len(line.split()) <= ZONE_WORDS, (doc.id, line)
                assert not line_is_sentence(line), (doc.id, line)


def test_prose_that_mentions_numbers_periods_clock_times_and_publications_stays():
    prose = [
        "The project has resulted in four publications and a policy brief.",
        "Møtet starta klokka 09:00 og varte til 15:30, med lunsj kl. 11.30.",
        "I perioden 2019–2023 fulgte vi fire kommuner.",
        "Prosjektet (prosjektnummer 301234) fikk 9,9 millioner kroner.",
        "The grant of 150000 NOK was used to hire two research assistants.",
        "Read more about this in chapter 3.",
        "Publications from the project are listed in the appendix of this report.",
        "12.30 was the time when the caseworkers usually met the managers.",
        "Users must enable JavaScript in the portal, which excluded some older users.",
    ]
    for line in prose:
        text = f"Back to search\n\n{line}\n\nNo publications found"
        assert text_clean(text)[0] == line, line
    assert text_clean("\n\n".join(prose))[0] == "\n\n".join(prose)


def test_generic_mechanisms_remove_what_no_rule_names():
    page = ("Velferdsportalen\nMeny\nHjem\nTjenester\nOm oss\n\n"
            "Digitale tavler i hjemmetjenesten\n\n"
            "Prosjektet undersøker hvordan digitale tavler endrer samarbeidet i fire kommuner.\n\n"
            "Saksnr. intern:\nVT-2291\n\nKULTURMIDLER-VEL\n\nAnsvarlig enhet: Helse og omsorg\n\n"
            "Vi følger innføringen over tre år og intervjuer de ansatte.\n\n"
            "Kart\nPersonvern\nTilgjengelighet\nNettstedskart")
    text, reasons = text_clean(page)
    assert text.split("\n\n") == [
        "Prosjektet undersøker hvordan digitale tavler endrer samarbeidet i fire kommuner.",
        "Vi følger innføringen over tre år og intervjuer de ansatte."]
    assert {"header or footer", "field label", "field value", "numbers or code"} <= set(reasons)


def test_lines_repeated_across_documents_go():
    from digiwelfare.clean import lines_repeated

    footer = "Fylkesmannen i Nordland, Moloveien 10, Bodø"
    texts = [f"Tekst nummer {i} handler om digitale tjenester i kommunen og om brukerne.\n\n"
             f"{footer}" for i in range(4)]
    repeated = lines_repeated(texts)
    assert all(footer not in text_clean(t, repeated)[0] for t in texts)
    assert "repeated" in text_clean(texts[0], repeated)[1] or "header or footer" in text_clean(
        texts[0], repeated)[1]


# --- line shapes and structure (author lists, affiliations, declarations, notices) --------

_BODY = ("Caseworkers in four municipalities described how the new system changed the order "
         "in which they handled applications, and how little time was left for conversation.")
_BODY_NB = ("Saksbehandlerne i fire kommuner fortalte at det nye systemet endret rekkefølgen "
            "de behandlet søknader i, og at det ble mindre tid igjen til samtaler med brukerne.")

#: Prose that merely mentions what the mechanisms look for (publications, authors,
#: affiliations, funding, conflicts, disclaimers, clock times, dates), in the five languages.
MENTIONS = [
    "The study was funded by the Research Council of Norway and has led to three publications.",
    "Professor Kari Holm at the University of Agder led the interviews in Kristiansand.",
    "Several caseworkers reported a conflict of interest between speed and care.",
    "Forskerne ved Høgskolen i Østfold, Universitetet i Oslo og NAV har samarbeidet om studien.",
    "Finansieringen av velferdsteknologi er fortsatt uklar for mange kommuner.",
    "Møtet med leiarane starta klokka 09.00 og vart avslutta 11.30.",
    "Dei tilsette ved Høgskulen på Vestlandet fortalde om interessekonfliktar i turnusen.",
    "Loven om digital post trådte i kraft 1. januar 2024, og kommunene fikk travle uker.",
    "Forfatterne takker alle informantene som tok seg tid til å bli intervjuet.",
    "Medarbejderne på Aarhus Universitet og i Aalborg Kommune havde forskellige erfaringer.",
    "Projektet er finansieret af Velux Fonden og løber frem til udgangen af 2026.",
    "Socialsekreterarna vid Karlstads universitet beskrev att mötena blev kortare.",
    "Studien finansierades av Forte, och ingen av forskarna hade någon intressekonflikt.",
]


def test_author_lists_with_marks_and_affiliations_next_to_them_go():
    page = ("Self-service by default?\n\nKari Holm¹, Ola Dahl² og Siri Berg*\n\n"
            "¹ Department of Social Work, University of Agder, Kristiansand, Norway\n\n"
            "² Institutt for helse og samfunn, Universitetet i Oslo\n\n"
            f"{_BODY}\n\nHedlund, Maria\n\nKarlstads universitet, Fakulteten för humaniora "
            "och samhällsvetenskap, Institutionen för sociala och psykologiska studier.\n\n"
            f"{_BODY_NB}")
    text, reasons = text_clean(page)
    assert text.split("\n\n") == ["Self-service by default?", _BODY, _BODY_NB]
    assert {"author list", "affiliation"} <= set(reasons)
    # the shape alone is not enough: between two paragraphs of text, with no debris beside it
    alone = f"{_BODY}\n\nKarlstads universitet, Institutionen för socialt arbete.\n\n{_BODY_NB}"
    assert text_clean(alone)[0] == alone


def test_prose_that_mentions_authors_funding_conflicts_and_affiliations_stays():
    for line in MENTIONS:
        # next to debris, at the end, at the start, and after a declaration heading's section
        for page in (f"Kari Holm¹, Ola Dahl²\n\n{line}\n\nCite this\n\nAPA\n\nHarvard",
                     f"{_BODY}\n\nShare\n\nPrint\n\nTags: chat\n\n{line}\n\n{_BODY_NB}",
                     f"Tilbake til søk\n\n{line}\n\n{_BODY}",
                     f"{_BODY}\n\nFunding\n\n{line}\n\n{_BODY_NB}\n\n{_BODY}"):
            assert line in text_clean(page)[0].split("\n\n"), (line, page)
    assert text_clean("\n\n".join(MENTIONS))[0] == "\n\n".join(MENTIONS)


def test_declarations_after_the_text_go_in_every_language():
    for heading, sentence in [
            ("Disclosure statement", "No potential conflict of interest was reported."),
            ("Funding", "This work was supported by the Research Council of Norway (grant "
                        "300123)."),
            ("Interessekonflikter", "Forfatterne oppgir ingen interessekonflikter."),
            ("Takk", "Vi takkar dei tilsette i heimetenesta for tida dei gav oss."),
            ("Finansiering", "Projektet er støttet af Innovationsfonden."),
            ("Jäv", "Författarna har inga intressekonflikter att redovisa."),
            ("Ansvarsfraskrivelse", "Synspunkterne er forfatternes egne.")]:
        page = (f"{_BODY}\n\n{heading}\n\n{sentence}\n\nRelated articles\n\nCited by\n\n"
                "Share\n\nCopyright © 2025 Fjord Academic Press")
        text, reasons = text_clean(page)
        assert text == _BODY, (heading, text)
        assert {"declaration", "journal statement"} & set(reasons)
    inline = (f"{_BODY}\n\nFunding: The study was funded by Forte (grant 2019-01234).\n\n"
              "Download PDF")
    assert text_clean(inline)[0] == _BODY
    # at the very end of a text, with no furniture after it, a declaration is not told apart
    # from a section of the text, and stays
    last = f"{_BODY}\n\nTakk\n\nVi takkar dei tilsette i heimetenesta for tida dei gav oss."
    assert "Vi takkar" in text_clean(last)[0]


def test_a_section_that_merely_has_a_declaration_heading_stays():
    # a strategy's section on how its measures are paid for, followed by more text
    strategy = (f"{_BODY_NB}\n\nHvordan tiltakene finansieres\n\nKommunen dekker "
                f"tiltakene innenfor vedtatt budsjett.\n\nKostnader for brukerne\n\n{_BODY_NB}")
    assert text_clean(strategy)[0] == strategy
    section = (f"{_BODY}\n\nFunding\n\nThe municipality pays for the sensors from its own "
               f"budget.\n\n{_BODY}")
    assert text_clean(section)[0] == section.replace("Funding\n\n", "")  # heading alone goes
    # a plan's last section, after a page footer repeated on every page, ends the document
    plan = (f"{_BODY_NB}\n\nLindeby kommune | side 2\n\n2 Mål\n\n{_BODY_NB}\n\n"
            "Lindeby kommune | side 3\n\n3 Tiltak\n\nVi set av midlar til opplæring.\n\n"
            "Finansiering\n\nTiltaka blir finansierte innanfor dei ordinære budsjetta.\n\n"
            "Planen blir evaluert hausten 2027.")
    kept = text_clean(plan)[0]
    for sentence in ("Vi set av midlar til opplæring.", "Planen blir evaluert hausten 2027.",
                     "Tiltaka blir finansierte innanfor dei ordinære budsjetta."):
        assert sentence in kept


def test_notices_in_a_page_footer_go():
    page = (f"Programme for the day\n\n{_BODY}\n\nProgramme\n\n09.00–09.30 | Coffee\n\n"
            "09.30–10.30 | Keynote\n\n10.30–11.00 | Panel\n\nProgramme subject to change.\n\n"
            "Share\n\nPrint")
    text, reasons = text_clean(page)
    assert text == _BODY
    assert "notice in the footer" in reasons
    blog = (f"{_BODY_NB}\n\nEmneord: chat, NAV\n\nDel: Facebook LinkedIn\n\nLes også\n\n"
            "Kommentarer\n\nBloggen drives av forskere. Synspunktene er skribentenes egne.")
    assert text_clean(blog)[0] == _BODY_NB


def test_a_sentence_on_the_event_under_a_programme_stays():
    # a notice under the time slots is a short formula; seven words or more tell the reader
    # what happens at the event, and stay
    page = (f"Fagdag om omsorg\n\n{_BODY_NB}\n\nProgram\n\n09.00–09.30 | Kaffe\n\n"
            "09.30–10.30 | Foredrag\n\n10.30–11.00 | Samtale\n\n"
            "Samtalen ledes av studenter i sosialt arbeid.\n\n"
            "Med forbehold om endringer i programmet.\n\nDel\n\nSkriv ut")
    text, reasons = text_clean(page)
    assert "Samtalen ledes av studenter i sosialt arbeid." in text
    assert "Med forbehold om endringer" not in text and "notice in the footer" in reasons
    # however short, a sentence that names a person says who leads or speaks
    named = page.replace("Samtalen ledes av studenter i sosialt arbeid.",
                         "Ingrid Dahl leder samtalen med brukerne.")
    assert "Ingrid Dahl leder samtalen med brukerne." in text_clean(named)[0]


def test_short_paragraphs_after_page_furniture_or_text_stay():
    # a PDF: the report's last short paragraph after a page break and a numbered heading
    report = (f"{_BODY_NB}\n\nDigitaliseringsstrategi 2024\n\n7\n\n4 Vegen vidare\n\n"
              f"{_BODY_NB}\n\nDigitaliseringsstrategi 2024\n\n8\n\n5 Oppfølging\n\n"
              "Vi held fram med arbeidet neste år.")
    assert "Vi held fram med arbeidet neste år." in text_clean(report)[0]
    # a one-line paragraph right after the text, and a list of short points after debris
    assert "Alle skal med." in text_clean(f"{_BODY_NB}\n\nAlle skal med.\n\nDel\n\nPrint")[0]
    points = ["Innbyggeren skal komme først.", "Data skal deles trygt.", "Alle får opplæring.",
              "Ledere må gå foran."]
    page = f"{_BODY_NB}\n\nDel\n\nPrint\n\nTips en venn\n\n" + "\n\n".join(points)
    assert all(p in text_clean(page)[0] for p in points)
    # a PDF whose table (a run of short rows) is followed by a sentence, and then by a page
    # number that says a page follows: the sentence is on a page of the document
    table = (f"{_BODY_NB}\n\nSide 3 av 6\n\nTiltak\n\nTiltak Ansvar Frist\n\n"
             "Opplæring Leder Vår\n\nVeiledning Rådgiver Høst\n\nEvaluering Stab Årlig\n\n"
             "Planen blir fulgt opp i tertialrapportene.\n\nSide 4 av 6")
    assert "Planen blir fulgt opp i tertialrapportene." in text_clean(table)[0]


def test_front_matter_of_a_cover_goes_but_a_dated_lead_stays():
    cover = ("NOU 2025: 7\n\nTillit i digitale møter\n\n"
             "Utredning fra et utvalg oppnevnt ved kongelig resolusjon 17. juni 2022.\n\n"
             "Avgitt til Kommunal- og distriktsdepartementet 2. mai 2025.\n\n"
             f"Sammendrag\n\n{_BODY_NB}")
    text, reasons = text_clean(cover)
    assert "Avgitt" not in text and "Utredning fra" not in text
    assert reasons.count("front matter") == 2
    lead = (f"Nyhet\n\nFra 1. mars 2024 kan du chatte med NAV.\n\n{_BODY_NB}\n\n"
            "Loven trådte i kraft 1. januar 2024.")
    assert text_clean(lead)[0] == lead.split("\n\n", 1)[1]
    news = f"Publisert 12.03.2024\n\nNAV åpnet chatten 1. april 2024.\n\n{_BODY_NB}"
    assert text_clean(news)[0] == news.split("\n\n", 1)[1]
    cover = "NOU 2025: 7\n\nAvgitt til departementet 2. mai 2025.\n\nISBN 978-82-583-1592-0"
    assert "Avgitt" not in text_clean(f"{cover}\n\n{_BODY_NB}")[0]


def test_fields_in_a_line_date_lines_truncated_copies_and_references_go():
    page = ("Home > Issues > The tech intermediaries: coordination work ....\n\n"
            "The tech intermediaries: coordination work ....\n\n"
            "The tech intermediaries: coordination work in municipal services\n\n"
            f"{_BODY}\n\nVedtatt i kommunestyret 15.06.2023, sak 58/23\n\n{_BODY_NB}\n\n"
            "Abstract submission deadline: 15 January 2025. Notification of acceptance: 1 March "
            "2025.\n\n"
            "Ingår i: Socialt arbete i förändring, Karlstad: Karlstads universitet, 2020, "
            "s. 88-101\n\n"
            "Resultatene er publisert i Tidsskrift for velferdsforskning (2021, s. 45–60).")
    text, reasons = text_clean(page)
    assert text.split("\n\n") == [_BODY, _BODY_NB,
        "Resultatene er publisert i Tidsskrift for velferdsforskning (2021, s. 45–60)."]
    assert {"truncated copy", "date line", "fields in a line", "reference with pages"} <= set(
        reasons)


def test_a_short_summary_under_its_heading_after_catalogue_fields_stays():
    page = ("Back to search\n\nHELSEVEL-HELSEVEL\n\nDigital boards in home care\n\n"
            f"Project summary\n\n{_BODY}\n\nProject number:\n\n301234\n\nApplication type:\n\n"
            "Researcher project\n\nNorsk sammendrag\n\nProsjektet studerer digitale tavler i "
            "hjemmetjenesten. Vi følger fire team.\n\nPublications from Cristin\n\n"
            "No publications found")
    assert text_clean(page)[0].split("\n\n") == [
        _BODY, "Prosjektet studerer digitale tavler i hjemmetjenesten. Vi følger fire team."]
    for heading in ("Sammanfattning", "Resumé på dansk", "Samandrag", "Summary in English"):
        short = "Vi følger fire team i to år."
        assert short in text_clean(page.replace("Norsk sammendrag", heading).replace(
            "Prosjektet studerer digitale tavler i hjemmetjenesten. Vi følger fire team.",
            short))[0], heading


def test_bylines_and_reader_counts_outside_the_text_go_and_inside_it_stay():
    page = (f"Tittel på saken\n\nAv Kari Holm, forsker ved NTNU\n\nDenne artikkelen er lest "
            f"1 234 ganger.\n\n{_BODY_NB}\n\nBy Ola Dahl and Siri Berg\n\n{_BODY}\n\n"
            "This article has been viewed 1,234 times.\n\nShare")
    text, reasons = text_clean(page)
    assert text.split("\n\n") == [_BODY_NB, _BODY]
    assert reasons.count("byline") == 2 and reasons.count("widget") == 2
    for prose in ("Rapporten er lastet ned 3000 ganger siden 2021.",
                  "By Kari Holm's account, the system was slow.",
                  "Rapporten har lästs 500 gånger och citerats i tre utredningar."):
        between = f"{_BODY_NB}\n\n{prose}\n\n{_BODY}"
        assert text_clean(between)[0] == between, prose


def test_a_fact_box_about_the_project_after_related_links_stays():
    box = "Prosjektet er finansiert av Forskningsrådet. Det varer til 2026."
    page = (f"{_BODY_NB}\n\nLes også\n\nChat i NAV\n\nDel\n\nOm forskningsprosjektet\n\n"
            f"{box}\n\nDel\n\nSkriv ut")
    assert text_clean(page)[0] == f"{_BODY_NB}\n\n{box}"


def test_a_sentence_after_a_programmes_time_slots_stays():
    # the time slots of a programme are the event's content: a sentence after them is not in
    # the page's footer, while the sign-up and share lines after it still go
    page = (f"{_BODY}\n\nProgramme\n\n| Time | Item | Speaker |\n\n"
            "| 13.00 | Welcome | Host, the directorate |\n"
            "| 13.15 | Video meetings in child welfare | Researcher, a university |\n"
            "| 14.00 | Questions | All speakers |\n"
            "| 14.30 | Closing | |\n\n"
            "The seminar is filmed and put on our website afterwards.\n\n"
            "Sign up here\n\nLast day to sign up: 2 May 2025\n\nShare: Facebook LinkedIn")
    text, reasons = text_clean(page)
    assert "The seminar is filmed and put on our website afterwards." in text
    assert "Sign up here" not in text and "Share" not in text
    assert "programme time slot" in reasons


def test_funding_disclaimers_source_lines_and_feedback_go_prose_about_them_stays():
    for line in ("Co-funded by the European Union",
                 "The opinions in this brochure are the partners' and do not necessarily reflect "
                 "those of the funder.",
                 "Källa: Enkät till enhetschefer, 2022 (n = 88).",
                 "Var denne side nyttig?", "Udgivet marts 2020"):
        assert line_debris(line) is not None, line
    for line in ("The project is funded by the European Union and three municipalities.",
                 "Brukarane meiner ikkje naudsynlegvis at appen er betre enn telefonen.",
                 "The main source of the delays was the shared calendar."):
        assert line_debris(line) is None, line


def test_issue_lists_citation_lines_and_colophon_notices_go_prose_stays():
    for line in ("Nyhedsbrev nr. 5 – januar 2024", "Nordic Care Review. 2018, 4 (2), 55-71.",
                 "Rapporten kan citeras fritt med angivande av källan.",
                 "The report can be downloaded as a pdf from www.example.org."):
        assert line_debris(line) is not None, line
    for line in ("In the newsletter of January 2024 the network described its first pilot.",
                 "Staff can quote the guideline when they explain a decision to a user.",
                 "Caseworkers said the pdf forms were hard to fill in on a phone."):
        assert line_debris(line) is None, line


def test_a_time_slot_with_its_speaker_goes_a_sentence_with_a_time_stays():
    assert line_debris("10.15 Who reads the letters? A study of 400 decisions in three "
                       "offices – Dr Kari Lie") is not None
    assert line_debris("At 10.15 the caseworkers met – as they do every week – to go "
                       "through the letters.") is None


def test_a_registration_closing_date_goes_a_sentence_about_sign_up_stays():
    assert line_debris("Påmeldinga stengjer 2. mai 2025 kl. 12.") is not None
    assert line_debris("Few users knew that registration ends when the benefit is "
                       "granted.") is None


# --- mechanisms added after scoring the sealed set ------------------------------------------


def test_a_footnote_goes_by_its_mark_or_its_call_a_formula_opening_with_a_mark_stays():
    page = ("Caseworkers in four towns used the new rules engine for three years and kept "
            "their own notes.³\n"
            "Most of the notes were about cases the engine sent back to a person.\n"
            "³ See the earlier study of notes in social services (Berg 2016).\n"
            "In the last year the towns agreed on one shared form for the notes they kept.\n")
    kept, why = text_clean(page)
    assert "See the earlier study" not in kept and why == ["footnote"]
    # no call in the text (the copy lost it): the mark before a word is still a note's, while
    # a mark before a formula is kept
    uncalled = page.replace("kept their own notes.³", "kept their own notes.")
    assert "See the earlier study" not in text_clean(uncalled)[0]
    for row in ("² = 0.34 for the towns together, as the model of chapter 2 gives it",):
        assert row in text_clean(uncalled.replace("³ See the earlier study of notes in social "
                                                  "services (Berg 2016).", row))[0]


def test_the_terms_under_a_registration_label_go_a_paragraph_under_it_stays():
    page = ("Seminar on digital locks\nRegistration\nFree, but places are limited.\n"
            "The seminar is for home care staff who fit and look after digital locks in the "
            "homes of older people.\n")
    kept, why = text_clean(page)
    assert "Free, but places" not in kept and "registration terms" in why
    # a paragraph of text under the label (twelve words or more) is the text itself
    long = page.replace("Free, but places are limited.",
                        "Everyone who works with locks in the county is welcome, and the day "
                        "costs nothing.")
    assert "Everyone who works with locks" in text_clean(long)[0]


def test_under_time_slots_a_short_notice_goes_a_sentence_about_the_day_stays():
    head = ("The day brings together home care staff from six towns to compare how they plan "
            "visits with video.\n\nProgramme\n09.30Coffee\n10.00Video visits in practice\n"
            "11.00Lunch\n12.00Group work\n")
    kept, why = text_clean(head + "Changes to the programme may occur.\n")
    assert "Changes to the programme" not in kept and "notice in the footer" in why
    about = "After lunch the groups work on cases they bring along.\n"  # ten words
    assert about.strip() in text_clean(head + about)[0]


def test_newsletter_footers_report_links_roman_page_numbers_and_download_notices_go():
    for line in ("You are receiving this e-mail because you asked for our autumn updates.",
                 "Du mottar denne e-posten fordi du har meldt deg på nyhetsbrevet vårt.",
                 "Du får dette nyhetsbrevet fordi du er medlem av nettverket.",
                 "We send you this because you receive this update as a partner of the lab.",
                 "Unsubscribe | Update your preferences", "View this in your browser",
                 "Read the full report", "Les hele rapporten", "Läs rapporten", "xiv", "iii",
                 "Notatet kan lastast ned frå fylkeskommunen sine nettsider.",
                 "The report can be downloaded from the agency's website."):
        assert line_debris(line) is not None, line
    for line in ("We read the report twice before we wrote to the ministry about it.",
                 "Many older users never unsubscribe from services they stopped using, the "
                 "survey found, and this inflates the count of active accounts.",
                 "Civic", "Vi leste rapporten sammen med brukerne."):
        assert line_debris(line) is None, line


def test_cookie_notices_go_and_sentences_about_people_and_cookies_stay():
    for notice in ("Vi bruker informasjonskapsler for å gi deg en bedre opplevelse.",
                   "Nettstedet bruker informasjonskapsler til anonym statistikk.",
                   "This website uses cookies to remember the settings you choose.",
                   "Webbplatsen använder kakor och cookies för att fungera.",
                   "Please enable JavaScript to see the map.",
                   "Du må ha JavaScript aktivert for å bruke alle funksjonene.",
                   "Godtar du informasjonskapsler?"):
        assert line_debris(notice) == "cookie or script notice", notice
    for prose in ("Mange eldre gir opp når nettsiden ber dem godta informasjonskapsler før de "
                  "kommer videre til skjemaet.",
                  "Caseworkers said that applicants left when the website asked them about "
                  "cookies, and that the office printed the form instead.",
                  "Hjemmesiden krævede javascript, som de ældste borgere sjældent havde "
                  "slået til.",
                  # telling the reader that nothing is stored is no notice (autumn, blind)
                  "We have stopped counting who opens this newsletter, so no cookies or "
                  "tracking pixels follow you when you read it.",
                  "Kommunens computere gemmer hverken cookies eller adgangskoder, når du er "
                  "logget ud."):
        assert line_debris(prose) is None, prose


def test_captions_with_credits_contact_hours_and_empty_lists_go_prose_about_them_stays():
    for line, rule in (
            ("Saksbehandler Mona Dale viser fram det nye skjermbildet. Foto: Lars Eide",
             "photo caption"),
            ("The pilot team in the library (Photo: Hanna Berg, Aftenbladet)", "photo caption"),
            ("Ring Servicetorget på 33 44 55 66, hverdager kl. 9-14.", "contact hours"),
            ("Call our helpline on 020 7946 0321, weekdays 9-15.", "contact hours"),
            ("The project has not registered any outputs yet.", "empty list message"),
            ("Prosjektet har ikkje registrert nokon publikasjonar.", "empty list message")):
        assert line_debris(line) == rule, line
    for prose in ("The photos in the report were taken by the caseworkers, who chose what to show.",
                  "Unemployment among the users fell to 3 per cent in 2023 (Source: Statistics "
                  "Norway).",
                  "Ventetida gikk ned med ein tredel etter at chatten opna. Kjelde: Nav Vestland",
                  "Servicetorget svarte på telefon kl. 9-14, og ventetida gikk ned fra 12 til 4 "
                  "minutter i løpet av 2023.",
                  "By the end of the pilot the team had not registered any complaints from the "
                  "users of the new chat service in the three districts."):
        assert line_debris(prose) is None, prose


def test_a_block_of_fields_as_label_lines_over_values_goes_a_menu_and_headings_do_not():
    facts = ("Sted\nRådhuset, møterom 3\nDato\nOnsdag 4. juni\nMålgruppe\n"
             "Ansatte i hjemmetjenesten og pårørende\nPris\nGratis\n")
    page = f"Fagdag om velferdsteknologi\n{facts}{_BODY_NB}"
    text, reasons = text_clean(page)
    assert text.endswith(_BODY_NB) and "Rådhuset" not in text and "Målgruppe" not in text
    assert "field block" in reasons
    # a heading over a paragraph, three times, is the text; a menu is not a block of fields
    sections = "".join(f"Del {n}\n{_BODY_NB}\n" for n in ("en", "to", "tre"))
    assert text_clean(sections)[1].count("field block") == 0
    menu = "Hjem\nOm oss\nProsjekter\nNyheter\nKontakt\nEnglish\n" + _BODY_NB
    assert "field block" not in text_clean(menu)[1]
    # a programme whose times stand on their own lines is the event's content, not fields
    programme = f"{_BODY_NB}\nProgram\n" + "".join(
        f"{t}\n{talk}\n" for t, talk in (("09.00", "Kaffe"), ("09.30", "Velkommen"),
                                        ("10.00", "Hva vet vi?"), ("11.00", "Lunsj")))
    assert "field block" not in text_clean(programme)[1]


def test_a_contact_boxs_question_heading_goes_a_question_in_the_text_stays():
    page = (f"{_BODY_NB}\n\nLurer du på noe?\n\nRing Tildelingskontoret på 22 33 44 55, "
            f"hverdager kl. 10-14.\n\n{_BODY_NB}")
    text, reasons = text_clean(page)
    assert "Lurer du på noe?" not in text and "contact heading" in reasons
    asked = f"{_BODY_NB}\n\nHvem skal ringe hvem?\n\n{_BODY_NB}"
    assert "Hvem skal ringe hvem?" in text_clean(asked)[0]


def test_logistics_paywalls_records_and_footers_go_prose_that_mentions_them_stays():
    """Furniture written as sentences: where a paper was given or sent, who funds a project
    (a paragraph of that alone), what an event costs, which clock its times follow, how its
    link comes (as a field's note; as a sentence it stays), a paywall, where a report is also
    found, a reference list entry, a "powered by" footer, a record's title field. Each has a
    sentence of prose beside it that must stay."""
    for line, rule in (
            ("Presented at the Annual Welfare Policy Forum, Bodø, 3–4 June 2023.", "presented at"),
            ("Presentert på Forskningsdagane, Volda, 12. oktober 2022.", "presented at"),
            ("Submitted to session 5 of the conference on public digital services.",
             "submitted to"),
            ("Studien er finansiert av Norges forskningsråd og Helse Vest.", "funding line"),
            ("The pilot was co-funded by Innovation Norway.", "funding line"),
            ("Gratis for medlemmer. Påmelding innen fredag.", "price or admission"),
            ("Deltakaravgift: 1 200 kroner", "price or admission"),
            ("All times in the programme are local time (UTC+1).", "time zone note"),
            ("Alle tider er oppgitt i norsk tid.", "time zone note"),
            # how the link comes, as a field's note (written as a sentence it tells the
            # reader how to take part, and stays: below)
            ("Zoom (lenke sendes til påmeldte dagen før)", "meeting link notice"),
            ("Online: webinar link by e-mail after registration", "meeting link notice"),
            ("Vil du lese hele saken? Bli abonnent for 49 kroner i måneden.", "paywall"),
            ("Log in to read the rest of this article as a subscriber.", "paywall"),
            ("Rapporten er tilgjengelig på direktoratets nettsider.",
             "publication available notice"),
            ("Lie, Kari; Dahl, Ola. Skjemaet som forsvant. Tidsskrift for arbeidsliv 2021.",
             "reference, authors first"),
            ("Powered by OJS, Public Knowledge Project", "powered by"),
            ("Levert av Kommuneportalen AS © 2024", "powered by"),
            ("Nettstedet til Stølsdal kommune © 2025", "copyright sign in a line"),
            ("Title: Digital letters and trust", "catalogue title field")):
        assert line_debris(line) == rule, line
    for prose in (
            "Presented at a staff meeting in 2021, the dashboard was rejected by the team leaders.",
            "The study was funded by the county and has changed how the service is organised.",
            "Prosjektet er finansiert av Velferdsfondet og skal vare til 2027.",
            "Gratis tannbehandling for eldre ble innført i 2022.",
            "Price increases hit the poorest households hardest in 2023.",
            "Waiting times fell once the office opened the chat in the evening.",
            "A link to the survey was sent to 340 caseworkers in March 2022.",
            "Subscribers to the newsletter could read more about the pilot.",
            "The report shows that fewer users called the office after the letters changed.",
            "First, training. The agency trained 200 staff. It ended in 2022.",
            "The copyright of the photos belongs to the municipality.",
            "(c) the caseworkers who wrote to the users in 2021",
            "Opphavsrett og personvern er sentrale tema i kurset.",
            "Zoom-lenken sendes til påmeldte dagen før.",
            "You will get the webinar link by e-mail after registration."):
        assert line_debris(prose) is None, prose


def test_letter_closings_approval_notes_terms_and_see_also_links_go_prose_stays():
    for line, rule in (
            ("Vennlig hilsen", "letter sign-off"), ("Kind regards,", "letter sign-off"),
            ("This letter was approved electronically and therefore has no signature.",
             "electronic approval note"),
            ("Brevet er godkjent digitalt og har derfor ingen signatur.",
             "electronic approval note"),
            ("Stillingen lønnes etter Statens lønnsregulativ, lønnstrinn 54.",
             "terms of employment"),
            ("Employment is in accordance with the collective agreement for state employees.",
             "terms of employment"),
            ("Se også: Nye regler for digital post", "read also"),
            ("Läs även: Så fungerar e-tjänsten", "read also")):
        assert line_debris(line) == rule, line
    for prose in (
            "Kommunen innførte elektronisk signatur i 2019, og derfor gikk saksbehandlingen "
            "raskere.",
            "Med hilsen fra ledelsen fulgte en plan for opplæring av alle ansatte.",
            "Salaries rose in accordance with what the unions had asked for in 2022.",
            "See also how the agency answered the auditors in its reply."):
        assert line_debris(prose) is None, prose


def test_citation_labels_vancouver_references_preprint_notes_counters_and_fact_box_labels():
    for line, rule in (
            ("How to cite", "citation heading"), ("Slik siterer du rapporten:", "citation heading"),
            ("Citera som", "citation heading"),
            ("Holm K, Berg T, Aas E. Digital letters in welfare services. NOVA; 2024.",
             "reference, Vancouver style"),
            ("Lipsky M. Street-level bureaucracy. New York: Russell Sage; 1980.",
             "reference, Vancouver style"),
            ("This is a preprint and has not been peer reviewed.", "preprint notice"),
            ("Dette er et preprint som ennå ikke er fagfellevurdert.", "preprint notice"),
            ("💬 2 kommentarer", "comment or like count"),
            ("Comments (4)", "comment or like count"),
            ("Praktisk information", "practical information heading")):
        assert line_debris(line) == rule, line
    for prose in (
            "Preprints that have not been peer reviewed were left out of the review.",
            "This article has not been easy to write, and we thank the caseworkers.",
            "Holm and Berg found that letters were read late. Most users waited until 2024.",
            "We counted 2 comments per post on average in the municipal forum.",
            "Practical information about the service reached few users in 2023."):
        assert line_debris(prose) is None, prose


def test_a_row_of_figures_goes_however_long_a_sentence_with_figures_stays():
    text = ("The share of visits held on screen varied a great deal between the six offices.\n"
            "38 % 22 % 45 % 17 % 30 % 26 % 31 % 12 %\n"
            "In two offices, 45 % and 38 % of the visits were held on screen in 2023.")
    kept, reasons = text_clean(text)
    assert reasons == ["numbers or code"]
    assert "38 % 22 %" not in kept and "In two offices, 45 % and 38 %" in kept


def test_a_reference_list_heading_goes_with_its_list_a_heading_over_text_stays():
    listed = ("Digital activity plans are written by caseworkers and users together, and the "
              "plan is kept in the agency's case system for the whole period.\n\n"
              "References\n"
              "Lie, Kari; Dahl, Ola. Skjemaet som forsvant. Tidsskrift for arbeidsliv 2021.\n"
              "Holm K, Berg T. Digital letters in welfare services. NOVA; 2024.")
    kept, reasons = text_clean(listed)
    assert "References" not in kept and "caseworkers and users together" in kept
    over_text = ("The plan was revised twice after the pilot, once for each group of users "
                 "who had taken part in it.\n\nKilder\n\nThe municipality drew on three kinds "
                 "of sources when it wrote the plan: interviews with users, case files and the "
                 "staff's own notes, which were read by two researchers in 2022.")
    assert "\nKilder\n" in text_clean(over_text)[0]


def test_summer_kinds_login_links_opinion_notes_document_comments_and_invitations_go():
    for line, rule in (
            ("OECD (2025), Digital access to social protection: Country note Norway, OECD "
             "Publishing, Paris.", "reference"),
            ("Log på", "login link"), ("Logg inn med BankID", "login link"),
            ("Kronikker gir uttrykk for skribentens mening.", "opinion disclaimer"),
            ("Op-eds express the views of their authors.", "opinion disclaimer"),
            ("[a] Kommentar: Ska vi hänvisa till budgeten här?", "document comment"),
            ("Pull requests are welcome.", "contributions welcome"),
            ("Pull requests are welcome. Please open an issue first.", "contributions welcome")):
        assert line_debris(line) == rule, line
    for prose in (
            "The report by OECD (2025), however, shows that few apply online.",
            "Many users log in to check their case every day.",
            "Kronikken handlet om hvordan NAV bruker chat i kontakten med brukerne.",
            "Contributions from users were welcome in the design workshops in 2023."):
        assert line_debris(prose) is None, prose


def test_autumn_kinds_refund_terms_read_also_labels_paywalls_and_funding_of_a_trial_go():
    for line, rule in (
            ("Refund Policy", "registration or deadline"),
            ("Les også", "publications list header"), ("Läs också", "publications list header"),
            ("Denne artikkelen er for abonnenter.", "paywall"),
            ("This article is for subscribers only.", "paywall"),
            ("Forsøget er finansieret af Styrelsen for Arbejdsmarked og Rekruttering.",
             "funding line"),
            ("The evaluation was funded by the Norwegian Directorate of Health.",
             "funding line")):
        assert line_debris(line) == rule, line
    for prose in (
            # a service paid for by someone is what the text is about, not who funds the study
            "Tjenesten er finansiert av kommunene og koster brukerne ingenting.",
            "The evaluation was funded by the ministry and found that waiting times fell.",
            "Tilbudet er for abonnenter av tjenesten som har fått tildelt trygghetsalarm.",
            "Refunds of overpaid benefits took the agency eight months in 2022."):
        assert line_debris(prose) is None, prose
    # the refund terms as a ticket page prints them go; a sentence about refunds stays
    page = ("Welfare Service Jam\nRefund Policy\nRefunds up to 7 days before event\n"
            "About this event\n"
            "For two days, caseworkers, developers and people who use the services work in "
            "small teams on one problem each.\n"
            "Refunds are paid to everyone who cancels a week before the event starts.\n")
    kept, why = text_clean(page)
    assert "Refunds up to" not in kept and "Refund Policy" not in kept
    assert "For two days" in kept and "Refunds are paid" in kept


def test_frost_kinds_sponsored_lines_subscription_prompts_and_repository_citations_go():
    for line, rule in (
            ("Artikkelen er produsert og finansiert av Høgskolen i Østfold – les mer.",
             "funding line"),
            ("Thanks for reading Welfare Notes! Subscribe for free to receive new posts.",
             "subscription prompt"),
            ("Lund, Eva and Berg, Tor, Coding the Law: Who Decides? (April 30, 2024).",
             "repository citation"),
            ("Påmeldinga stengjer 3. mars 2025.", "registration closing date")):
        assert line_debris(line) == rule, line
    for prose in (
            # a closing date followed by more to say is the text's
            "Påmeldingen stenger 20. februar 2026, og vi har plass til 40 deltakere.",
            "Thanks for reading the draft, the caseworkers wrote back with changes in 2022.",
            "Many readers subscribe to the service to get new posts about benefits.",
            "Bergen, Oslo and Tromsø, three cities that tried the app (in 2022).",
            "Artikkelen er skrevet av to forskere som fulgte NAV-kontoret i et år."):
        assert line_debris(prose) is None, prose


def test_thaw_kinds_wiki_references_and_footer_go_a_sentence_citing_its_source_stays():
    for line, rule in (
            ("^ Halvorsen, T. (2019). Screens and Rights. Oslo: Example Press.", "reference"),
            ("^ a b Lind, M. (2021). Welfare by Default. Lund: Example Press.", "reference"),
            ("This page was last edited on 2 February 2026, at 10:14 (UTC).",
             "wiki page footer"),
            ("Denne siden ble sist redigert 3. mars 2025 kl. 09:12.", "wiki page footer")):
        assert line_debris(line) == rule, line
    for prose in (
            # author-year citations open sentences of academic prose: they stay
            "Berg (2020) finds that caseworkers use the app daily.",
            "Holm (2019) showed that the page was last edited by users.",
            "The page was last edited by a caseworker in 2021, who added the new rules."):
        assert line_debris(prose) is None, prose


def test_sleet_kinds_swedish_cookies_reuse_notices_platform_buttons_and_bare_times_go():
    for line, rule in (
            ("Vi använder kakor för att webbplatsen ska fungera bra.", "cookie or script notice"),
            ("Reuse of this report is allowed if the source is named.",
             "colophon reuse or download notice"),
            ("Gjenbruk er tillatt når kilden oppgis.", "colophon reuse or download notice"),
            ("Listen on Apple Podcasts", "listen or watch on a platform"),
            ("Följ oss på LinkedIn", "listen or watch on a platform"),
            ("| 09.30 |", "programme time alone"),
            ("kl. 13:15", "programme time alone")):
        assert line_debris(line) == rule, line
    for prose in (
            "Barnen bakade kakor till äldreboendet i december.",  # cakes, not cookies
            "Reuse of public sector data is regulated by a directive.",  # no source, no leave
            "Listen to the people who use the services.",  # no platform
            "Se hele programmet",
            "The 09.30 train was late every day."):
        assert line_debris(prose) is None, prose


def test_hail_kinds_a_sentence_that_ends_in_the_number_to_call_goes():
    for line in ("Kontakt tenesteleiaren for heimetenesta på telefon 57 00 00 00.",
                 "Call our helpline on 0800 000 000"):
        assert line_debris(line) is not None, line
    for prose in ("Contact centres answered 1 200 000 calls in 2023.",
                  "Kontakt: kari@example.no, fnr 01010012356.",  # an id number, not a phone
                  "Kontakt med NAV skjer oftest på telefon, viser undersøkelsen."):
        assert line_debris(prose) is None, prose


def test_a_nynorsk_skip_link_goes():
    assert line_debris("Hopp til hovudinnhald") == "skip link"
    assert line_debris("Hopp til innhaldet") == "skip link"
    assert line_debris("Innhaldet i planen er drøfta med brukarane.") is None


def test_dew_kinds_a_cookie_wish_and_an_email_field_go():
    assert line_debris("We'd like to set additional cookies to understand how you use our "
                       "website.") == "cookie or script notice"
    assert line_debris("Subscribe to Welfare Machines | Type your email...") == "e-mail field"
    assert line_debris("Skriv inn e-postadressen din") == "e-mail field"
    for prose in ("Users had to type their email address twice, which many found confusing.",
                  "Enter your email to get the report, we said, but nobody did.",
                  "We would like to set out three lessons from the cookie-cutter reforms."):
        assert line_debris(prose) is None, prose


def test_an_opinion_note_in_any_of_its_forms_goes_prose_about_views_stays():
    """The note that a piece gives its writer's own view names the genre, the writer and the
    view, in the forms the Nordic papers and think tanks print: "Detta är en debattartikel.
    Åsikterna är skribentens egna.", a reader's letter as "skribenten sitt eige syn", a
    think tank's note that "uttrykker forfatternes syn", an op-ed called "ein
    meiningsytring". A sentence that reports views is prose."""
    for line in ("Detta är en debattartikel. Åsikterna är skribentens egna.",
                 "Lesarbrev er skribenten sitt eige syn.",
                 "Notatet uttrykker forfatternes syn.",
                 "Kronikk: Dette er ein meiningsytring. Innhaldet står for skribenten si rekning."):
        assert line_debris(line) == "opinion disclaimer", line
    for prose in ("Forfatterne av notatet har et annet syn på bemanningen enn forbundet.",
                  "Notatet presenterer ansattes syn på egne arbeidsvilkår.",
                  "Notatet handlar om eldre med nedsett syn og deira eigne erfaringar.",
                  "Innlegget viser brukernes egne synspunkter på digitale tjenester.",
                  "Several op-eds have criticised the government's own view on digital welfare.",
                  "Skribentene i debattartikeln menar att vårdcentralerna behövs.",
                  "Many writers share the view that the app should stay optional."):
        assert line_debris(prose) is None, prose


def test_squall_kinds_credits_machine_summaries_keywords_print_lines_and_letters_go():
    """Kinds of furniture the squall set showed, each by its shape: a podcast's credits, a
    portal's "TLDR" line, a keyword label alone and its semicolon-parted values, a
    colophon's print line, a newsletter footer that says why "dette brevet" came, a note
    that an earlier version was presented somewhere, a link to read the final report.
    Prose about producing, printing or presenting stays."""
    for line, rule in (
            ("Produsert av Velferdspodden for Senter for velferdsforskning.", "credits line"),
            ("Produced by: Anna Berg (invented)", "credits line"),
            ("TLDR This paper studies dashboards and finds many uses.", "machine summary label"),
            ("Author keywords", "tag list"),
            ("chat; digital frontline work; discretion; NAV", "keyword values"),
            ("Tryckt av Elanders Sverige AB, Stockholm 2025", "print line"),
            ("Du får dette brevet fordi du har meldt deg på nyheitsbrevet vårt.",
             "newsletter footer"),
            ("An earlier version was presented at the Nordic Social Work Conference 2023.",
             "presented at"),
            ("Læs slutrapporten (PDF)", "read more or download")):
        assert line_debris(line) == rule, line
    # prose that holds each rule's trigger words (a review of the rules wrote most of these
    # to break them)
    for prose in (
            "Redigert av Kari Holm, boka samler tolv kapitler om digitale velferdstjenester.",
            "Edited by Kari Holm, the volume brings together twelve chapters.",
            "Produsert av Helsedirektoratet, veilederen skal hjelpe kommunene.",
            "TL;DR: Kommunene bør slutte å kjøpe chatboter før de vet hva innbyggerne spør om.",
            "tjenestene; de ansatte har fått opplæring; og brukerne har",
            "Rapporten ble trykt hos et lokalt trykkeri, og opplaget ble sendt til kommunene.",
            "Første versjon ble lagt fram på styringsgruppemøtet 12. mars 2024.",
            "An earlier version of the app was presented at a staff meeting in 2023.",
            "Du får dette brevet fordi kommunen har innført digitalt tilsyn i hjemmetjenesten.",
            "Mange eldre forteller at de ikke forstår hvorfor de får dette brevet fra NAV."):
        assert line_debris(prose) is None, prose


def test_a_byline_with_a_bracket_and_a_journal_line_with_volume_and_pages_go():
    """"Av Kari Holm (Sp), ordfører" is a byline though a bracket follows the name (a party,
    a place); "Tidsskrift for ..., Vol 12, nummer 3, 2023, side 101–110" is the record's
    journal line. A sentence that opens with "Av" and one that cites a volume stay."""
    for line, rule in (
            ("Av Kari Holm (Sp), ordfører i Lia", "byline"),
            ("Av Astrid Nesheim (oppdikta), barnevernspedagog og tillitsvald", "byline"),
            ("Tidsskrift for Norsk psykologforening, Vol 60, nummer 3, 2023, side 101–110",
             "journal citation line"),
            ("Vis i nettlesar", "newsletter footer")):
        assert line_debris(line) == rule, line
    for prose in ("Av de 40 kommunene svarte 31 at de bruker digitale tavler.",
                  "av tre kommuner (Lia, Bø og Vik), og resultatene viser at",
                  "by the staff (n = 12) and the managers",
                  "The journal devoted volume 12 to digital welfare, and two articles are ours."):
        assert line_debris(prose) is None, prose


def test_a_platforms_relative_time_stamp_goes_a_sentence_about_the_past_stays():
    for stamp in ("answered 2 months ago", "besvart for 3 måneder siden",
                  "redigerad för 5 dagar sedan", "for 2 veker sidan", "posted a year ago"):
        assert line_debris(stamp) == "relative time stamp", stamp
    for sentence in ("The office closed 3 years ago.", "For 3 år siden flyttet hun hjem.",
                     "Ten years ago the council closed its office."):
        assert line_debris(sentence) is None, sentence


def test_a_platforms_prompts_and_a_documents_notices_go_the_fields_sentences_stay():
    cases = {"Registrer deg eller logg inn": "log-in prompt",
             "Log in to comment": "log-in prompt",
             "Ved å klikke «Send» godtar du vilkårene for bruk.": "terms accepted by a click",
             "By clicking Post, you agree to our terms of service.": "terms accepted by a click",
             "This document is available in large print on request.":
                 "other formats on request",
             "Rapporten finnes i lettlest versjon ved henvendelse til kommunen.":
                 "other formats on request",
             "Antagen av socialnämnden 2025-02-18.": "adopted by line",
             "Vedtatt i kommunestyret 12. mars 2024": "adopted by line"}
    for line, rule in cases.items():
        assert line_debris(line) == rule, line
    # logging in, a registry and an adoption told in a sentence are what the documents discuss
    for sentence in ("Brukerne må logge inn med BankID for å se vedtaket.",
                     "Nasjonalt register for velferdsteknologi",
                     "Planen ble vedtatt av kommunestyret 12. mars 2024.",
                     "Many users asked for the letters in large print."):
        assert line_debris(sentence) is None, sentence


def test_a_funders_line_and_disclaimer_go_a_sentence_on_funding_stays():
    assert line_debris("Co-funded by the Erasmus+ Programme of the European Union") == \
        "funding acknowledgement"
    assert line_debris("Medfinansieras av Europeiska unionen") == "funding acknowledgement"
    assert line_debris("The European Commission's support for the production of this "
                       "publication does not constitute an endorsement of the contents.") == \
        "funder's disclaimer"
    for kept in ("Funded by whom? Welfare technology and its money",
                 "Supported by a grant, the team visited four municipalities and interviewed "
                 "the staff about the new tools."):
        assert line_debris(kept) is None, kept


def test_a_publications_sales_note_goes_buying_or_ordering_in_prose_stays():
    for line in ("SOU och Ds kan köpas från Fritzes kundtjänst.",
                 "Rapporten kan bestilles i trykt form fra forlaget.",
                 "Printed copies of the report can be ordered from the agency's web shop.",
                 "Publikationen kan købes hos boghandlere."):
        assert line_debris(line) == "publication sales note", line
    for kept in ("Rapporten viser at utstyret kan kjøpes fra flere leverandører.",
                 "Tryggleiksalarmen kan bestillast frå kommunen.",
                 "Reports can be ordered by the caseworker when the case is complex.",
                 "The report can be ordered as a priority when a family asks for it."):
        assert line_debris(kept) is None, kept


def test_a_papers_manuscript_history_goes_a_sentence_on_receipt_stays():
    for line in ("Received 30 September 2023; accepted for presentation.",
                 "Mottatt 2. mars 2022, første revisjon innsendt 10. juni 2022, godkjent "
                 "1. september 2022.",
                 "Modtaget 4. maj 2021. Accepteret 9. oktober 2021."):
        assert line_debris(line) == "manuscript history", line
    for kept in ("We received 300 applications in 2023, and 40 were accepted.",
                 "Mottatt søknad blir behandlet innen fire uker.",
                 "Received 12 March 2024, the letter asked the office to explain its decision."):
        assert line_debris(kept) is None, kept


def test_a_feedback_widgets_question_goes_in_every_language_a_sentence_about_help_stays():
    for line in ("Hjälpte informationen på sidan dig?", "Var informationen till hjälp?",
                 "Hjalp informasjonen deg?", "Did this page help you?",
                 "Var informasjonen til hjelp?"):
        assert line_debris(line) == "feedback widget", line
    for kept in ("Hjelper informasjonen deg med å søke, kan du gå videre til skjemaet.",
                 "Informasjonen hjalp mange brukere.",
                 "Var informationen till hjälp för de äldre som vi intervjuade?"):
        assert line_debris(kept) is None, kept


def test_a_suggested_citation_goes_with_its_heading_prose_about_citations_stays():
    """A publication page's citation: its heading ("Citation") and the reference under it,
    or both glued in one line; the EU's standard disclaimer of responsibility. Prose that
    speaks of citations, a heading followed by text without a year, and a sentence on what an
    agency is responsible for stay."""
    page = ("Digital public infrastructure for social protection\n\n"
            "The paper reviews how twelve countries pay benefits through digital systems.\n\n"
            "Citation\n\nInternational Monetary Fund. 2025. \"Digital Public Infrastructure\", "
            "Policy Paper No. 2025/000.\n\nRelated\n")
    kept, why = text_clean(page)
    assert "International Monetary Fund. 2025" not in kept and "suggested citation" in why
    assert "The paper reviews" in kept
    assert line_debris("Citation | International Monetary Fund. 2025. \"Digital Public "
                       "Infrastructure\", Policy Paper No. 2025/000.") == "suggested citation"
    assert line_debris("The European Union is not responsible for any use made of the "
                       "information contained in this publication.") == "funder's disclaimer"
    for kept_line in ("Citation counts rose in 2024 as more scholars read the report.",
                      "The agency is not responsible for the information that users enter."):
        assert line_debris(kept_line) is None, kept_line
    no_year = page.replace("International Monetary Fund. 2025. \"Digital Public "
                           "Infrastructure\", Policy Paper No. 2025/000.",
                           "The fund asks readers to name the paper and its series.")
    assert "The fund asks readers" in text_clean(no_year)[0]


def test_a_pictures_description_in_brackets_goes_a_bracketed_note_in_prose_stays():
    for line in ("[Picture: two people talking at a kitchen table]",
                 "[Bilde: ei dame med nettbrett]", "[Image]"):
        assert line_debris(line) == "image description", line
    assert line_debris("The form [see the picture on page 4] asks for your bank account.") \
        is None


def test_a_pdfs_running_head_with_its_page_number_after_a_gap_goes():
    """Text taken out of a PDF keeps a running head's gap before the page number ("Summary of
    the Study      1", "Members' survey      Page 3"); the gap is what tells it from a line
    of text that ends in a number, which stays, as does a sentence printed with a gap."""
    text = ("The study asked 214 caseworkers about their day.\n"
            "Summary of the Study                                   1\n"
            "Most of them answered within a week of the first letter.\n"
            "Proceedings of IRIS 28                  1105\n"
            "The answers were read by two of the authors, one after the other.\n"
            "Members' survey\t\tPage 3\n"
            "They answered between March and May, and the share who used the portal rose to 45\n"
            "per cent.\n"
            "Caseworkers said the new portal saved them time.        12\n"
            "Most of them still phone the office when a case is urgent.")
    cleaned, reasons = text_clean(text)
    assert reasons == ["page header"] * 3
    assert "rose to 45" in cleaned and "saved them time." in cleaned
    assert "\t" not in cleaned
    # the gap is kept through normalisation, once and again
    assert text_normalize(text_normalize(text)).count("\t") == 4
    # rows of a table, each with a gap before its number, are no page's head
    table = "Antall brukere      1204\nAntall ansatte      312"
    assert "page header" not in text_clean(text.replace("Members' survey\t\tPage 3",
                                                        table))[1][2:]
    assert text_normalize("Kyst     820") == "Kyst\t820"
    assert text_normalize("a    b") == "a b"


def test_a_debris_lines_wrapped_tail_goes_with_it_a_new_sentence_stays():
    """A PDF wraps a white paper's recommendation line; its tail in lower case goes with
    it. A line in lower case after a blank line, or under a line that ends a sentence,
    stays."""
    text = ("Meld. St. 00 (2024–2025)\nMelding til Stortinget\n"
            "Tilråding frå Kulturdepartementet 12. mars 2025,\n"
            "godkjend i statsråd same dagen.\n\n"
            "Regjeringa vil styrkje lokale medium i heile landet, og særleg i distrikta.\n"
            "Fleire kommunar manglar i dag ei eiga avis som dekkjer lokalpolitikken.\n")
    kept, why = text_clean(text)
    assert "godkjend i statsråd" not in kept and "Regjeringa vil styrkje" in kept
    assert why.count(why[-1]) >= 2
    apart = text.replace("12. mars 2025,\ngodkjend", "12. mars 2025,\n\ngodkjend")
    assert "godkjend i statsråd same dagen." in text_clean(apart)[0]


def test_a_note_about_the_reviewer_under_a_review_goes():
    review = ("The Automated Caseworker\n\nThe book follows caseworkers in three offices as "
              "their rules engine takes over the routine cases and leaves them the hard ones.\n"
              "It is a careful and readable study, though it says little about claimants.\n\n"
              "About the reviewer\nTom Achterberg (invented) is a doctoral researcher in "
              "social policy.\nPosted In: Book Reviews | Social Policy\nLeave a Reply\n")
    kept, why = text_clean(review)
    assert "doctoral researcher" not in kept and "careful and readable" in kept
    # the same heading as a report's last section, nothing after it, is left alone
    assert "doctoral researcher" in text_clean(review.split("Posted In")[0])[0]


def test_a_tables_note_and_source_go_the_paragraph_after_them_stays():
    """Under a table a report prints its source and a note ("Kilde: ...", "Merknad: ...",
    "Anm.: ..."); they go, and the report's next sentence, after them, stays (a table's
    furniture is no page footer)."""
    text = ("Andelen unge mottakere har gått ned hvert år siden 2021, men minst i små kommuner.\n"
            "Tabell 3.1 Mottakere av økonomisk sosialhjelp, andel av befolkningen\n"
            "Kilde: Kommunenes rapportering, bearbeidet av fylkeskommunen\n"
            "Merknad: Tall for to kommuner mangler for 2024.\n"
            "Fylkeskommunen vil følge utviklingen hvert år fram mot 2030.\n8\n")
    kept, why = text_clean(text)
    assert "Merknad" not in kept and "Kilde" not in kept
    assert "Fylkeskommunen vil følge utviklingen" in kept
    assert line_debris("Anm.: Fuldtidspersoner er beregnet som summen af ydelsesdage.") == \
        "note or source under a table"
    # a sentence that merely mentions a note is no note
    assert line_debris("The note from the ministry came in March, and it changed the plan.") \
        is None


def test_swedish_skip_links_with_huvud_or_without_a_verb_are_skip_links():
    """ "Hoppa till huvudinnehållet", "Gå till huvudinnehåll" and "Till innehållet" (the second
    review of the thirteenth session found the first unknown); a sentence is none."""
    from digiwelfare.clean import line_debris

    for line in ("Hoppa till huvudinnehållet", "Gå till huvudinnehåll", "Till innehållet"):
        assert line_debris(line) == "skip link", line
    assert line_debris("Till innehållet i rapporten hör en bilaga om metoden.") is None


def test_a_polls_question_between_its_label_and_its_count_is_debris():
    story = ("Kommunen sjekker inntekten hver måned\nPublisert: 14.02.2025 06:30\nFlere leietakere "
             "har fått krav om å betale tilbake bostøtte etter den nye inntektssjekken.\nKommunen "
             "sier at servicetorget nå hjelper folk med å lese vedtakene sine.\n")
    poll = "DAGENS SPØRSMÅL\nBør inntekten sjekkes automatisk hver måned?\n1 204 har stemt\n"
    kept, _ = text_clean(story + poll + "Se resultat\nDel artikkelen\n")
    assert "Bør inntekten" not in kept and "servicetorget" in kept
    # a talk's title asked as a question, between two of a programme's slots, stays
    slots = ("Program\n10.00 Velkomst ved lederen\n10.15 Hva gjør skjemaet med skjønnet?\n"
             "11.00 Lunsj\n")
    kept, _ = text_clean(story + slots)
    assert "10.15 Hva gjør skjemaet med skjønnet?" in kept


def test_a_feedback_widget_asking_about_the_answer_or_the_search_goes():
    """A help page's question under its answer ("Var svaret nyttig?", "Was this answer
    helpful?") and a page's "Did you find what you were looking for?" are its feedback
    widget; a sentence that reports such answers, or asks a longer question, stays."""
    for line in ("Var svaret nyttig?", "Er dette svar nyttigt?", "Was this answer helpful?",
                 "Did you find what you were looking for?", "Var svaret til hjelp?"):
        assert line_debris(line) == "feedback widget", line
    for kept in ("Svaret var nyttig for mange av dem vi spurte.",
                 "Var svaret nyttig for deg, spurte vi i undersøkelsen, og 60 prosent svarte ja.",
                 "Did you find what you were looking for in the archive, or did you ask staff?"):
        assert line_debris(kept) is None, kept


def test_a_page_feedback_question_in_swedish_or_danish_goes():
    """The question under a page or an article asks the same in every Nordic language: a
    Swedish "till hjälp", a Danish "artiklen"; a sentence saying a page helped stays."""
    for line in ("Var sidan till hjälp?", "Var denna sida till hjälp?", "Var artiklen nyttig?",
                 "Var artikeln användbar?", "Er siden nyttig?"):
        assert line_debris(line) == "feedback widget", line
    for kept in ("Sidan var till hjälp för många som sökte stöd under hösten.",
                 "Artiklen var nyttig for de ansatte, som brugte den i deres arbejde."):
        assert line_debris(kept) is None, kept


def test_a_button_to_the_e_service_goes_a_sentence_sending_the_reader_there_stays():
    """A button's text alone on its line ("Till e-tjänsten", "Gå til søknaden", "Start the
    application") is the page's furniture; a sentence that tells the reader to go there, or
    a paragraph opening with the same words, is text."""
    for line in ("Till e-tjänsten", "Gå til søknaden", "Start the application", "Søk nå",
                 "Go to the e-service", "Gå til skjemaet"):
        assert line_debris(line) == "e-service button", line
    for kept in ("Til søknaden må du legge ved de tre siste lønnsslippene.",
                 "Gå til e-tjenesten og fyll ut skjemaet før fristen går ut i mai.",
                 "Start the application early if you need help from a relative."):
        assert line_debris(kept) is None, kept


def test_the_government_named_in_brackets_on_a_white_papers_cover_goes():
    """A white paper's cover names its government in brackets ("(Regjeringen Støre)"); a
    sentence that opens with the same words stays."""
    for line in ("(Regjeringen Støre)", "(Regjeringa Solberg)", "(Regjeringen Stoltenberg II)"):
        assert line_debris(line) == "government in brackets", line
    assert line_debris("(Regjeringen Støre) la fram meldingen for to år siden.") is None


def test_funding_site_copying_and_comment_notices_go_prose_about_them_stays():
    """Notices every kind of site and report prints: a project's EU funding sentence, a line
    that opens with its funder, a collecting society's copying notice, a footer's sentence on
    who runs the site, comments closed, an FAQ's "did you get an answer?"; sentences about
    funding, a website or comments stay."""
    for line, rule in (
            ("This study has received funding from the European Union's research programme.",
             "funding disclaimer"),
            ("Prosjektet har fått støtte frå Den europeiske union.", "funding disclaimer"),
            ("Finansiert av Stiftelsen Dam, prosjekt 000000.", "funding disclaimer"),
            ("Supported by NordForsk.", "funding disclaimer"),
            ("Eksemplaret er framstilt etter avtale med Kopinor.", "licence notice"),
            ("Seniornett er et nettsted fra Seniornett Norge.", "site description"),
            ("Vårdguiden är en webbplats från Sveriges regioner.", "site description"),
            ("Comments are closed.", "comments closed"),
            ("Kommentarfeltet er stengt for denne saken.", "comments closed"),
            ("Fikk du svar på spørsmålet ditt?", "feedback widget"),
            ("Did you get an answer to your question?", "feedback widget")):
        assert line_debris(line) == rule, line
    for kept in ("Funded by the council, the study ran for two years and found little change.",
                 "The project received funding from the county to hire two nurses.",
                 "The website is a site of struggle between the agency and its users.",
                 "Many readers said the comments are closed too early on news sites."):
        assert line_debris(kept) is None, kept


def test_a_bills_submission_formula_goes_a_sentence_that_goes_on_stays():
    """The formula a government's bill or paper opens with ("Regeringen överlämnar denna
    proposition till riksdagen.", "Tilråding frå ... departementet 4. april 2025, godkjend i
    statsråd same dagen.", "Fremsat den 4. oktober 2024 af ...") is the same in every one;
    a Swedish answer feedback question ("Var svaret till hjälp?") is the widget."""
    for line, rule in (
            ("Regeringen överlämnar denna proposition till riksdagen.",
             "government's submission"),
            ("Tilråding frå Kommunal- og distriktsdepartementet 4. april 2025, godkjend i "
             "statsråd same dagen.", "government's submission"),
            ("Tilråding fra Arbeids- og inkluderingsdepartementet 11. april 2025, godkjent i "
             "statsråd samme dag.", "government's submission"),
            ("Fremsat den 4. oktober 2024 af beskæftigelsesministeren", "government's submission"),
            ("Var svaret till hjälp?", "feedback widget")):
        assert line_debris(line) == rule, line
    for kept in ("Regeringen överlämnar denna proposition till riksdagen och föreslår att "
                 "lagen ändras.", "Svaret var till hjälp för de flesta som frågade."):
        assert line_debris(kept) is None, kept


def test_a_chat_box_goes_sentences_about_the_chat_stay():
    """A page's chat box: its greeting, its buttons, its opening hours and its warning not to
    write sensitive details; sentences that tell about the chat service stay."""
    for line in ("Hei! Kva kan vi hjelpe deg med?", "Hi, how can we help you today?",
                 "Hej! Vad kan vi hjälpa dig med?", "Start chat", "Starta chatten",
                 "Chat med oss", "Chatten er åpen hverdager 08.00–15.00.",
                 "The chat is closed now. It opens again at 9.", "Chatten är stängd.",
                 "Ikke skriv personopplysninger i chatten.",
                 "Do not share your personal number in the chat."):
        assert line_debris(line) == "chat widget", line
    for kept in ("Chatten er anonym, og du trenger ikke logge inn for å skrive til oss.",
                 "Chatten er åpen for alle innbyggere, og mange bruker den om kvelden.",
                 "Vi ville ikke skrive om chatten i rapporten.",
                 "Chat with a caseworker was the channel most users preferred."):
        assert line_debris(kept) is None, kept


def test_a_listen_button_goes_a_sentence_about_listening_stays():
    """A news page's button that reads the article aloud ("Lyssna på artikeln", "Listen to
    this article (4:12)") is furniture; a sentence about listening is text."""
    for line in ("Lyssna på artikeln", "Lytt til saken", "Listen to this article (4:12)",
                 "Les opp"):
        assert line_debris(line) == "listen button", line
    for kept in ("Vi lyttet til saken i retten i tre dager.",
                 "Listen to the article and answer the questions below."):
        assert line_debris(kept) is None, kept
