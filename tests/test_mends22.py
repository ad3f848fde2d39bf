"""The twenty-second session's mends: what real pages showed that the labelled sets did not."""

import lxml.html
import pandas as pd
import pytest

from digiwelfare.html_titles import html_title


def page(body: str, head: str = "") -> object:
    return lxml.html.document_fromstring(f"<html><head>{head}</head><body>{body}</body></html>")


@pytest.mark.parametrize("body, head, main, title", [
    # a blog's logo set as <h1> and linked to the front page; the extractor left the
    # headline out of the main text: the og:title names it
    ('<h1 class="wpcom-title"><a href="https://example.org/"><span>Eksempelbloggen</span></a>'
     '</h1><div><h2>Digital post når ingen åpner den</h2><p>Brevene ligger uåpnet.</p></div>',
     '<meta property="og:title" content="Digital post når ingen åpner den">',
     ["Brevene ligger uåpnet."], "Digital post når ingen åpner den"),
    # the site's name in a branding <h1>, the post's headline in a second one
    ('<div class="site-branding"><h1>Etatsbloggen</h1></div><article><h1>Ny søknad om '
     'foreldrepenger</h1><p>Søknaden er endret.</p></article>',
     "<title>Ny søknad om foreldrepenger - Etatsbloggen</title>", ["Søknaden er endret."],
     "Ny søknad om foreldrepenger"),
    # a page header's <h1> with the og:site_name
    ('<header><h1>Kommunen vår</h1></header><main><h1>Bostøtte</h1><p>Slik søker du.</p></main>',
     '<meta property="og:site_name" content="Kommunen vår">', ["Slik søker du."], "Bostøtte"),
    # an article's own <header> holds its headline: no branding
    ('<article><header><h1>Evaluering av digital post</h1></header><p>Vi fant dette.</p>'
     '</article>', "", ["Vi fant dette."], "Evaluering av digital post"),
    # a headline that heads the main text is taken as before, logo or not
    ('<h1 class="logo">Etaten</h1><h1>Tolketjenesten på nett</h1><p>Bestill tolk.</p>', "",
     ["Tolketjenesten på nett", "Bestill tolk."], "Tolketjenesten på nett"),
])
def test_a_sites_name_in_an_h1_is_no_title_when_the_headline_is_left_out(body, head, main,
                                                                           title):
    assert html_title(page(body, head), [], main) == title


def test_a_theme_body_class_with_logo_in_it_is_no_branding():
    tree = page('<h1>Søknad om plass i barnehage</h1><p>Søk innen fristen.</p>')
    tree.body.set("class", "single wp-custom-logo")
    assert html_title(tree, [], ["Søk innen fristen."]) == "Søknad om plass i barnehage"


def test_a_post_that_opens_with_its_title_is_not_titled_by_its_first_sentences():
    # <title> "Blog name: headline!" and a body that repeats the headline, then goes on
    tree = page('<h3>Ny versjon av søknaden er ute!</h3><div>Ny versjon av søknaden er ute! '
                'Den nye søknaden spør om færre ting og lagrer underveis. Les mer</div>',
                "<title>Innsikt: Ny versjon av søknaden er ute!</title>")
    shown = ["Ny versjon av søknaden er ute!",
             "Ny versjon av søknaden er ute! Den nye søknaden spør om færre ting og lagrer "
             "underveis. Les mer"]
    assert html_title(tree, shown) == "Innsikt: Ny versjon av søknaden er ute!"
    # a subtitle after the headline's own mark is still the title
    assert html_title(tree, ["Ny versjon av søknaden er ute! Dette er nytt"]) == \
        "Ny versjon av søknaden er ute! Dette er nytt"


# --- a sentence after a list of the text's own phrases is the text going on ---------------

from digiwelfare.clean import lines_classify  # noqa: E402

_PLAN = [
    "Handlingsplan for digital hjelp i Sørvik kommune (oppdiktet)",
    "Vedtatt i bystyret 4. mars 2024",
    "Planen skal gjøre det lettere for innbyggere uten digitale ferdigheter å få hjelp når "
    "de skal søke om tjenester fra kommunen og Nav.",
    "Tiltak",
    "Faste hjelpetimer på servicetorget hver tirsdag",
    "Opplæring av frivillige i fullmakter",
    "Telefonlinje for spørsmål om post",
]
_FOOTER = ["Kontakt oss", "Personvern", "Tilgjengelighetserklæring", "Følg oss på Facebook"]


def reason_of(lines: list[str], line: str) -> str | None:
    return lines_classify(lines, frozenset())[lines.index(line)]


def test_a_sentence_after_the_texts_list_of_measures_stays():
    last = "Planen evalueres i 2027, og bystyret rullerer den deretter."
    assert reason_of([*_PLAN, last, *_FOOTER], last) is None


@pytest.mark.parametrize("above, notice", [
    # speakers with the body they come from are the page's list, not the text's
    (["Speakers", "Marit Solberg Oslo Metropolitan University",
      "Jonas Ekdahl Malmö University", "Liv Aasen Nord University"],
     "Registration for the seminar is now closed."),
    # a signature block's name and role
    (["Med hilsen", "Kari Marie Nilsen (oppdiktet)",
      "enhetsleder for tjenestekontoret i kommunen"],
     "Brevet er godkjent elektronisk og sendes uten signatur."),
])
def test_a_notice_under_a_list_of_people_is_still_the_pages(above, notice):
    lines = [*_PLAN[:3], *above, notice, *_FOOTER]
    assert reason_of(lines, notice) is not None


def test_a_short_question_among_a_list_of_titles_is_one_of_them():
    lines = [*_PLAN[:3], "Artikler i avhandlingen", "Når saksbehandleren blir veileder",
             "Chatten som møteplass i etaten", "Hvem hjelper brukeren på nett?",
             "Fulltekst (pdf)", *_FOOTER]
    assert reason_of(lines, "Hvem hjelper brukeren på nett?") is not None


# --- a PDF's running head says what the document is ---------------------------------------

from pathlib import Path  # noqa: E402

from digiwelfare.doctypes import doc_type_classify  # noqa: E402
from digiwelfare.pdf_text import pdf_pages_join, pdf_running_heads  # noqa: E402
from digiwelfare.readers import pdf_read  # noqa: E402

_PAGES = [
    "KLARPOST Arbeidsnotat 2/2025\nBrev som ingen åpner\nførste funn fra KLARPOST\n"
    "Bergen, mai 2025\n1",
    "KLARPOST Arbeidsnotat 2/2025\nInnhold\n1 Innledning ........ 3\n2 Data ........ 3\n2",
    "KLARPOST Arbeidsnotat 2/2025\n1 Innledning\nKLARPOST følger åtte kontorer fra 2024 til "
    "2027 mens brevene går over til digital post.\n2 Data\nVi har lest 400 brev og snakket "
    "med 30 mottakere.\n3",
]


def test_the_running_head_a_pdf_drops_is_kept_for_the_type():
    assert pdf_running_heads(_PAGES) == ["KLARPOST Arbeidsnotat 2/2025"]
    text = pdf_pages_join(_PAGES)
    assert "Arbeidsnotat" not in text  # not read as text
    title = "Brev som ingen åpner: første funn fra KLARPOST"
    assert doc_type_classify(text, title)[0] != "project_report"  # the contents alone
    assert doc_type_classify(text, title, "\n".join(pdf_running_heads(_PAGES))) == (
        "project_report", "cue: a working paper series")


def test_a_word_processors_pdf_carries_its_running_heads_apart():
    path = Path(__file__).parent / "fixtures" / "binary" / "report_nn.pdf"
    record = pdf_read(path, path.read_bytes(), path.name)[0]
    assert record.furniture.split("\n") == ["Søknad om sjukeheimsplass på nett",
                                            "Rapport 0/2023 | Side 2 av 5"]
    assert "Side 2 av 5" not in record.text


# --- an abstract's page by its conference and session fields, or its link back -----------

_ABSTRACT = ("Konferanse: Vestlandskonferansen om velferd, 12. juni 2025\n"
             "Sesjon: Digital post\n"
             "Når brevet ikke blir åpnet\n"
             "Innlegget ser på vedtak som ble sendt digitalt og aldri lest av mottakeren.\n"
             "Vi har fulgt 200 saker i tre kommuner.\n")


def test_conference_and_session_fields_type_an_abstract():
    assert doc_type_classify(_ABSTRACT, "Når brevet ikke blir åpnet") == (
        "abstract", "cue: conference and session fields")


@pytest.mark.parametrize("back", ["Tilbake til sammendragene", "Tillbaka till "
                                  "sammanfattningarna", "Tilbage til resuméerne"])
def test_a_link_back_to_the_abstracts_in_the_nordic_languages(back):
    text = _ABSTRACT.replace("Sesjon: Digital post\n", "") + back + "\n"
    assert doc_type_classify(text, "Når brevet ikke blir åpnet") == (
        "abstract", "cue: links to the list of abstracts")


def test_a_programmes_numbered_sessions_are_no_abstracts_fields():
    programme = ("Konferanse: Vestlandskonferansen om velferd, 12. juni 2025\n"
                 "Sesjon 1: Digital post\n09.00 Velkommen\n09.15 Når brevet ikke blir åpnet\n"
                 "Sesjon 2: Fullmakter\n10.30 Pårørende som hjelper\n")
    assert doc_type_classify(programme, "Program")[1] != "cue: conference and session fields"


# --- an annual report with nothing else to date it -----------------------------------------

from digiwelfare.metadata import year_derive  # noqa: E402

_REPORT = ("Helsesenteret - årsmelding 2023\nInnhold\n1 Året som gikk ........ 2\n"
           "Senteret tok i bruk digital timebestilling i mars, og ventetiden gikk ned.\n"
           "Vi vil utvide ordningen i 2026.\n")


def test_an_annual_reports_name_dates_it_when_nothing_else_does():
    assert year_derive(_REPORT) == (2023, "annual report")
    assert year_derive("Årsrapport 2023\n" + _REPORT.split("\n", 1)[1]) == (2023, "annual report")


@pytest.mark.parametrize("text, expected", [
    # the date it was adopted wins
    ("Årsrapport 2023\nVedtatt i styret 12. mars 2024\n" + _REPORT.split("\n", 1)[1],
     (2024, "adopted")),
    # a news item about one says more on the line
    ("Årsrapport 2023 er klar\nSenteret har lagt fram rapporten for fjoråret.\n", (None, "")),
    # a link to one further down a page is no name of this page
    ("Kontrollgruppen\nVi undersøker saker om feilutbetaling.\nVi får tips fra mange.\n"
     "Les mer\nÅrsrapport 2024\n", (None, "")),
])
def test_an_annual_reports_name_gives_way_or_is_not_one(text, expected):
    assert year_derive(text) == expected


def test_the_files_own_date_beats_an_annual_reports_name(tmp_path):
    import docx

    from digiwelfare.ingest import corpus_import

    d = docx.Document()
    for line in _REPORT.strip().split("\n"):
        d.add_paragraph(line)
    d.core_properties.created = __import__("datetime").datetime(2024, 2, 1)
    d.core_properties.last_modified_by = "Helsesenteret"
    d.save(tmp_path / "arsmelding.docx")
    corpus_import([tmp_path / "arsmelding.docx"], tmp_path / "out")
    row = pd.read_csv(tmp_path / "out" / "metadata.csv").iloc[0]
    assert (row["year"], row["year_source"]) == (2024, "file properties")


# --- a page whose article only its structured data holds -----------------------------------

from digiwelfare.readers_html import html_read  # noqa: E402

_BODY = ("Kommunen sender nå alle vedtak om bostøtte til den digitale postkassen. " * 4 + "\n"
         + "Innbyggere som har reservert seg, får brevet på papir som før. " * 4)


def _shell(body_json: str, main: str) -> bytes:
    return (f'<html><head><title>Vedtak i digital post</title><script type="application/ld+json">'
            f'{body_json}</script></head><body><div id="app"><figure><figcaption>{main}'
            f'</figcaption></figure></div></body></html>').encode()


def test_a_script_written_page_is_read_from_its_structured_data(tmp_path, monkeypatch):
    import json

    import digiwelfare.readers_html as readers_html

    # the extractor took a picture's caption for the main text (as on a real news page whose
    # scripts write the article); trafilatura's own fallback to the structured data did not
    caption = "Bildet viser rådhuset i Sørvik. Foto: kommunen"
    monkeypatch.setattr(readers_html, "_main_text", lambda tree: caption)

    data = json.dumps({"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "name": "Vedtak i digital post"},
        {"@type": "NewsArticle", "headline": "Vedtak i digital post", "articleBody": _BODY}]})
    page = tmp_path / "side.html"
    page.write_bytes(_shell(data, caption))
    text = html_read(page, page.read_bytes(), str(page))[0].text
    assert "får brevet på papir som før" in text and "Foto" not in text
    assert text.count("\n\n") == 1  # its two paragraphs kept apart


@pytest.mark.parametrize("body_json", [
    '{"@type": "NewsArticle", "articleBody": "Kort ingress om vedtakene."}',  # no more text
    '{"@type": "NewsArticle", "articleBody": ',  # broken JSON-LD
])
def test_structured_data_gives_way_to_the_page_or_is_ignored(tmp_path, body_json):
    main = ("Kommunen har sendt vedtak om bostøtte digitalt siden i fjor, og de fleste leser "
            "dem innen en uke. ") * 3
    page = tmp_path / "side.html"
    page.write_bytes(_shell(body_json, main).replace(b"<figure><figcaption>", b"<p>")
                     .replace(b"</figcaption></figure>", b"</p>"))
    text = html_read(page, page.read_bytes(), str(page))[0].text
    assert "de fleste leser dem innen en uke" in text and "ingress" not in text


# --- a funder's call for proposals, whatever fields it shows -------------------------------

_CALL = ("Funding\nCall for proposals: Digital services for carers\nDeadline: 4 March 2027\n"
         "Amount\nUp to EUR 000 000 per project\n"
         "The fund invites projects that test digital services for people who care for a "
         "relative.\nProjects must include a municipality as a partner.\n")


def test_a_call_for_proposals_is_other_over_its_catalogue_like_fields():
    assert doc_type_classify(_CALL, "Call for proposals: Digital services for carers") == (
        "other", "cue: call for proposals")


def test_a_project_page_that_names_its_call_stays_a_project():
    page = ("Prosjektnummer: 000000\nProsjektperiode: 2022–2025\nUtlysning: Digitale tjenester "
            "2021\nProsjektet undersøker hvordan pårørende bruker digitale tjenester.\n"
            "Sluttrapport\nProsjektet fant at de fleste pårørende bruker tjenestene ukentlig.\n")
    assert doc_type_classify(page, "Pårørende på nett")[0] == "project_report"


# --- a mail server's confidentiality notice; a research portal's fingerprint, reworded -----

from digiwelfare.clean import line_debris  # noqa: E402


@pytest.mark.parametrize("line, reason", [
    ("Denne e-posten kan inneholde taushetsbelagt informasjon. Har du fått den ved en feil, "
     "gi beskjed til avsender.", "e-mail confidentiality notice"),
    ("Har du modtaget denne mail ved en fejl, bedes du slette den.",
     "e-mail confidentiality notice"),
    ("Detta mejl kan innehålla sekretessbelagd information.", "e-mail confidentiality notice"),
    ("This message and any attachments are confidential and meant for the addressee only.",
     "e-mail confidentiality notice"),
    ("Explore the topics of 'Digital plans for young people'; together they make up its "
     "fingerprint.", "research portal panel"),
])
def test_notices_under_a_mail_and_a_portals_panel_are_debris(line, reason):
    assert line_debris(line) == reason


@pytest.mark.parametrize("line", [
    "Denne e-posten inneholder svaret på søknaden din om bostøtte for juni.",
    "The message from the agency contains the decision and how to appeal against it.",
    "Saksbehandlerne har taushetsplikt, også når de svarer på e-post fra innbyggerne.",
])
def test_a_mails_own_sentences_are_no_notice(line):
    assert line_debris(line) is None


# --- list items written without their list; a list of other pages; a wiki's references ----


def test_list_items_without_their_list_are_read(tmp_path):
    page = tmp_path / "tolk.html"
    page.write_text(
        "<html><body><main><h1>Tolk hos kommunen</h1><p>Du kan få tolk når du skal snakke "
        "med kommunen om tjenester du søker om, og tolken betales av kommunen.</p>"
        "<h2>Slik gjør du</h2><li>Si hvilket språk du snakker når du bestiller time.</li>"
        "<li>Be om tolk på video hvis du ikke kan komme til kontoret.</li>"
        "<h2>Hvem betaler?</h2><p>Kommunen bestiller og betaler tolken, og du trenger ikke "
        "ordne noe selv.</p></main></body></html>", encoding="utf-8")
    text = html_read(page, page.read_bytes(), str(page))[0].text
    assert "Be om tolk på video hvis du ikke kan komme til kontoret." in text.split("\n\n")


def test_a_list_of_other_pages_under_its_heading_is_debris():
    lines = [*_PLAN[:3], "Planen gjelder for alle kommunens tjenester med digital søknad.",
             "Les også", "Hvem hjelper de eldre på nett?", "Nytt bibliotek åpner i sentrum",
             *_FOOTER]
    reasons = lines_classify(lines, frozenset())
    assert reasons[lines.index("Hvem hjelper de eldre på nett?")] == "related item"
    assert reasons[lines.index("Planen gjelder for alle kommunens tjenester med digital "
                               "søknad.")] is None


def test_a_menus_publications_item_heads_no_list():
    lines = ["Pensjonsforumet (oppdiktet)", "Hjem", "Publikasjoner", "Om oss",
             "Frokostseminar: Hvem søker om pensjon?", "Fredag 7. mars 2025",
             "Seminaret spør hva som skjer når ingen må søke om pensjonen selv.",
             "Vi serverer frokost fra klokken åtte, og seminaret varer til ti."]
    reasons = lines_classify(lines, frozenset())
    assert reasons[lines.index("Frokostseminar: Hvem søker om pensjon?")] != "related item"


@pytest.mark.parametrize("line", ["↑ Oppdiktet utvalg (2013). Omsorg på nett. Oslo.",
                                  "↑ Berg, K. (red.) (2018). Digital omsorg. Bergen: Forlaget."])
def test_a_wikis_references_with_their_back_links_are_debris(line):
    assert line_debris(line) == "reference"


# --- endnotes numbered in square brackets ---------------------------------------------------


def test_endnotes_in_square_brackets_that_the_text_calls_are_notes():
    lines = ["Brev i klarspråk", "Vi testet tre versjoner av det samme vedtaksbrevet.[1]",
             "Den lange versjonen ble lest av færre enn halvparten av deltakerne. [2]",
             "Noter", "[1] Brevene ble testet ved fire lokale kontorer.",
             "[2] Regnet som lest når leseren kom forbi første side."]
    reasons = lines_classify(lines, frozenset())
    assert reasons[4] == reasons[5] == "footnote"
    assert reasons[1] is None and reasons[2] is None


def test_points_numbered_in_brackets_with_no_call_stay():
    lines = ["Våre krav", "Kommunen har lagt fram planen for digital post til alle innbyggere.",
             "[1] Alle brev skal også kunne sendes på papir.",
             "[2] Ingen skal miste en frist fordi brevet ikke ble åpnet."]
    reasons = lines_classify(lines, frozenset())
    assert reasons[2] is None and reasons[3] is None


# --- an annual report named in its title -------------------------------------------------


@pytest.mark.parametrize("title", ["Årsmelding 2024 for Familiens hus", "Årsrapport 2023",
                                   "Verksamhetsberättelse 2024", "Annual Report 2023"])
def test_an_annual_report_named_in_its_title_is_a_policy_document(title):
    text = (f"{title}\nInnhold\n1 Året i korte trekk ........ 2\nTjenesten hadde flere "
            "brukere enn før, og ventetiden gikk ned.\nVi tok i bruk digital timebestilling.\n")
    assert doc_type_classify(text, title)[0] == "policy_document"


def test_a_news_item_listing_an_annual_report_is_not_one():
    text = ("Ny app for timebestilling\nInnbyggerne kan nå bestille time hos helsesøster på "
            "mobilen, skriver avisen.\nLes også\nÅrsrapport 2023\n")
    assert doc_type_classify(text, "Ny app for timebestilling")[0] != "policy_document"


# --- a link to the next abstract, a byline's role alone, a Swedish newsletter's reason ------


@pytest.mark.parametrize("line, reason", [
    ("Næste abstract: Forældregrupper på nettet – hvem kommer?", "link to the next abstract"),
    ("Forrige sammendrag: Digitale foreldrekurs", "link to the next abstract"),
    ("Reporter", "byline role alone"),
    ("Du får det här utskicket eftersom du är medlem i föreningen.", "newsletter footer"),
    ("Du får dette brevet fordi du er medlem i pensjonistforbundet.", "newsletter footer"),
])
def test_more_page_furniture_in_the_nordic_languages(line, reason):
    assert line_debris(line) == reason


@pytest.mark.parametrize("line", [
    "Du får dette brevet fordi du har søkt om bostøtte for mai.",  # a decision letter's own
    "Neste møte i brukerrådet holdes i mars.",
    "Journalisten fulgte tre familier gjennom et helt år.",
])
def test_the_texts_own_sentences_like_them_stay(line):
    assert line_debris(line) is None


# --- a sentence under a table of counts is the text's ---------------------------------------


def test_a_sentence_under_a_table_of_counts_stays():
    last = "Samarbeidet med frivillige ble utvidet til sju kommuner."
    lines = [*_PLAN[:3], "Tjenester | Veiledninger", "Nav | 1 600", "Skatt | 900",
             "Helse | 700", last, *_FOOTER]
    assert reason_of(lines, last) is None


def test_a_notice_under_a_contact_boxs_rows_is_still_the_pages():
    notice = "Vi svarer på henvendelser innen to virkedager."
    lines = [*_PLAN[:3], "Telefon | 00 00 00 00", "Org.nr. | 000 000 000",
             "Sentralbord | 00 00 00 00", "Faks | 00 00 00 01", notice, *_FOOTER]
    assert reason_of(lines, notice) is not None


def test_a_headline_linked_to_itself_is_no_logo_and_nested_json_ld_is_no_crash(tmp_path):
    tree = page('<h1><a href="">Digital post i kommunen</a></h1><p>Brevene går digitalt.</p>',
                '<meta property="og:title" content="Noe annet">')
    assert html_title(tree, [], ["Brevene går digitalt."]) == "Digital post i kommunen"
    deep = "[" * 5000 + "]" * 5000
    path = tmp_path / "dyp.html"
    path.write_bytes(_shell(deep, "Kommunen sender vedtak digitalt til alle som har "
                                  "digital postkasse, og andre får brev på papir."))
    assert "digital postkasse" in html_read(path, path.read_bytes(), str(path))[0].text
