"""Mends after the twentieth session's check on real web pages (a published evaluation set of
about a thousand pages for main-text extraction, each with snippets that belong to its text
and snippets that do not; none of its pages or sentences is copied here): a paragraph whose
HTML source is wrapped at a width came out as a column of short lines that cleaning took for
a menu; a page in a declared encoding other than UTF-8 or Windows-1252 became mojibake; a
clause that introduces a list ("The project has three aims:") was taken for a field's label;
news pages' furniture (advertisement markers, paywall offers, reprint terms, calls to follow
the outlet or sign up for its newsletter) stayed. Each case is ours and failed on the code
before; the prose beside each guards the new rules."""

from __future__ import annotations

from pathlib import Path

import pytest

from digiwelfare.clean import line_debris, text_clean
from digiwelfare.readers_html import html_read

_WRAPPED = """<html><head><title>Notes from a caseworker's year</title></head><body>
<nav><a href="/">Home</a> <a href="/blog">Blog</a></nav>
<article><h1>Notes from a caseworker's year</h1>
<div class="text">The move to digital applications began in
<a href="/2019">spring 2019</a> with a pilot in two of the district
offices, and by the autumn every office took its
applications on the web.</div>
<p>Caseworkers said the new <code>apply</code> forms saved them time, but the
older applicants still
came to the front desk with paper, and someone had to type in what they
brought.</p>
<pre>form.submit()
queue.push(case)</pre>
<p>In the second year the office hired two people to help applicants
with the web forms at the desk.</p>
</article></body></html>"""


def _read(tmp_path: Path, html: str | bytes, name: str = "page.html"):
    data = html.encode("utf-8") if isinstance(html, str) else html
    path = tmp_path / name
    path.write_bytes(data)
    return html_read(path, data, str(path))[0]


def test_a_paragraph_wrapped_in_the_source_is_one_line_and_stays(tmp_path):
    rec = _read(tmp_path, _WRAPPED)
    lines = rec.text.split("\n")
    assert ("The move to digital applications began in spring 2019 with a pilot in two of the "
            "district offices, and by the autumn every office took its applications on the "
            "web.") in lines
    assert ("Caseworkers said the new apply forms saved them time, but the older applicants still "
            "came to the front desk with paper, and someone had to type in what they "
            "brought.") in lines
    cleaned, _ = text_clean(rec.text)
    assert "older applicants still came to the front desk" in cleaned
    assert "began in spring 2019 with a pilot" in cleaned


def test_preformatted_text_keeps_its_line_breaks(tmp_path):
    rec = _read(tmp_path, _WRAPPED)
    lines = rec.text.split("\n")
    assert "form.submit()" in lines and "queue.push(case)" in lines


def test_a_page_in_a_declared_central_european_encoding_is_read_in_it(tmp_path):
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; "
            "charset=windows-1250'><title>Služby</title></head><body><article>"
            "<h1>Elektronické služby úřadu práce</h1><p>Úřad práce spustil novou "
            "elektronickou službu pro žadatele o příspěvek na bydlení, kteří mohou žádost "
            "podat z domova.</p><p>Žadatelé, kteří nemají přístup k internetu, mohou "
            "dál chodit na pobočku úřadu.</p></article></body></html>")
    rec = _read(tmp_path, html.encode("cp1250"))
    assert "Úřad práce spustil novou elektronickou službu" in rec.text
    assert "Å" not in rec.text and "Ã" not in rec.text


def test_a_chinese_page_declared_gb2312_is_read_in_it(tmp_path):
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
            "</head><body><article><h1>社区服务中心推出网上办事</h1><p>社区服务中心从下个月起"
            "在网上受理养老金申请，老人也可以请工作人员代为办理。</p><p>中心表示，纸质申请"
            "仍然可以在窗口提交。</p></article></body></html>")
    rec = _read(tmp_path, html.encode("gb2312"))
    assert "社区服务中心从下个月起在网上受理养老金申请" in rec.text


def test_a_page_declared_latin_1_is_still_read_as_windows_1252(tmp_path):
    html = ("<html><head><meta charset='iso-8859-1'></head><body><article><h1>Søknad om "
            "støtte</h1><p>Kommunen tok imot søknader om støtte på nett fra mars, og "
            "saksbehandlerne svarte innen \u201cto uker\u201d.</p></article></body></html>")
    rec = _read(tmp_path, html.encode("cp1252"))
    assert "Kommunen tok imot søknader om støtte på nett" in rec.text
    assert "\u201cto uker\u201d" in rec.text


_LIST = ("The first paragraph tells what the project was about and who took part in it, "
         "in enough words to be read as a paragraph.\n\n{}\n\n- Digital mail to every "
         "citizen\n\n- A chat service for the users\n\nThe last paragraph closes the text with "
         "a sentence of its own, and it ends here.")


@pytest.mark.parametrize("clause", [
    "Prosjektet har tre mål:",
    "The study has two parts:",
    "Tjenesten skal være enkel: ett skjema, ett svar",
    "Utvalget har fire forslag: digital post, chat og selvbetjening",
])
def test_a_clause_that_introduces_a_list_is_not_a_field_label(clause):
    cleaned, removed = text_clean(_LIST.format(clause))
    assert clause in cleaned and "Digital mail to every citizen" in cleaned, removed


@pytest.mark.parametrize("label", ["Project number:", "Prosjektleder:", "You are here:",
                                   "Hvem kan søke:"])
def test_a_field_label_and_its_value_go_as_before(label):
    cleaned, removed = text_clean(_LIST.format(label))
    assert label not in cleaned and "field label" in removed


@pytest.mark.parametrize("line, rule", [
    ("Advertisement", "advertisement marker"),
    ("Annonse", "advertisement marker"),
    ("Sponset innhold", "advertisement marker"),
    ("To read the whole story, subscribe to the Valley Courier today.",
     "subscribe for the full story"),
    ("If you already are a subscriber, log in to go on reading.",
     "subscribe for the full story"),
    ("Abonner for å lese hele saken.", "subscribe for the full story"),
    ("This report is the copyrighted property of the Hill Gazette.", "reprint terms"),
    ("Written permission is needed to reprint this text in print or online.",
     "reprint terms"),
    ("Ettertrykk er ikke tillatt uten skriftlig samtykke fra redaksjonen.", "reprint terms"),
    ("Reproduction without permission is prohibited.", "reprint terms"),
    ("Follow the Hill Gazette on Facebook and on Instagram @hillgazette.",
     "follow the outlet"),
    ("Meld deg på nyhetsbrevet vårt her.", "newsletter sign-up"),
    ("The Gazette Newsletter", "newsletter sign-up"),
    ("Never miss the latest news from the valley: sign up today.", "newsletter sign-up"),
    ("Want more? Sign up for our newsletter.", "newsletter sign-up"),
    ("Get the latest news from the valley in your inbox every week", "newsletter sign-up"),
    ("Get our app for iPhone and Android and read the news on the go.", "app download call"),
    ("Last ned appen vår i App Store eller Google Play.", "app download call"),
    ("We may earn a commission when you buy through links on this page.",
     "affiliate disclosure"),
    ("This post contains links to products from our advertisers.", "affiliate disclosure"),
    ("Denne saken inneholder annonselenker.", "affiliate disclosure"),
    ("Tell us what you think of this story.", "reader feedback call"),
    ("We would love to hear what you think about this piece.", "reader feedback call"),
    ("Submit your letter to the editor with the form below", "reader feedback call"),
    ("Send oss et leserinnlegg!", "reader feedback call"),
])
def test_news_page_furniture_is_debris(line, rule):
    assert line_debris(line) == rule


@pytest.mark.parametrize("sentence", [
    "The agency followed up the users on Facebook for a year.",
    "Kommunen følger opp brukerne på sosiale medier.",
    "Follow-up interviews were done on Teams.",
    "The newsletter was sent to 400 caseworkers, who were asked to register their use.",
    "Subscribers to the digital mailbox received their letters there.",
    "The full report is available from the ministry.",
    "Researchers may reproduce the survey with permission from the data owner.",
    "Forskerne fikk tillatelse til å gjengi sitatene.",
    "Reproducing the results required a new data set.",
    "Få kommuner fikk med seg de siste nyhetene om tjenesten.",
    "Get the users involved early, the report advised, and tell them the latest news.",
    "Advertising of the service reached few older users.",
    "We signed up for the pilot because the users asked for it.",
    "The agency released an app for iOS and Android in 2020, and 40 percent of users "
    "downloaded it.",
    "Nav lanserte appen for Android i 2021.",
    "Only a few of the users got the app on their iPhone.",
    "The municipality receives no commission from the advertisers on its website.",
    "Advertisers did not take part in the study.",
    "We asked the users to tell us what they think of the service.",
    "Kommunen fikk en provisjon fra leverandøren.",
])
def test_sentences_near_those_kinds_stay(sentence):
    assert line_debris(sentence) is None


def test_a_page_whose_tags_are_left_open_is_read_not_refused(tmp_path):
    """A page from an old editor that opens a ``<font>`` in every paragraph and never closes
    it, with markup inside a script's strings, counted 300 levels deep on its tags and was
    refused as hostile; the parser closes those tags, and the page is read."""
    paragraph = ("<p><font face='Verdana' size='2'>The office answered {} applications on the "
                 "web this month, and the queue at the desk was shorter.</p>\n")
    html = ("<html><head><title>Monthly notes</title><script>var w = '" + "<div>" * 40 +
            "';</script></head><body><h1>Monthly notes from the office</h1>\n" +
            "".join(paragraph.format(n) for n in range(300)) + "</body></html>")
    rec = _read(tmp_path, html)
    assert "The office answered 299 applications on the web this month" in rec.text


def test_a_page_nested_past_the_parser_s_limit_is_still_refused(tmp_path):
    html = ("<html><body><table>" + "<tr><td><font>cell " * 300 + "</table></body></html>")
    with pytest.raises(Exception, match="deeper than the 250 levels"):
        _read(tmp_path, html)


def test_a_survey_banner_s_heading_is_not_the_page_s_title(tmp_path):
    """A government site sets a survey banner with its own ``<h1>`` above the page's header;
    the title is the ``<h1>`` that heads the main text."""
    html = ("<html><head><title>Digital letters from the council - Our Council</title></head>"
            "<body><section id='survey'><h1>Help us make this website better</h1><p><a "
            "href='#'>No, thanks</a></p><p><a href='#'>Answer four questions</a></p></section>"
            "<header><a href='/'>Our Council</a></header><main><p>Guidance</p>"
            "<h1>Digital letters from the council</h1><p>From March the council sends its "
            "letters about benefits to the digital mailbox of everyone who has one.</p><p>"
            "People without a digital mailbox still get their letters on paper, and they can "
            "ask the front desk to read a letter to them.</p></main></body></html>")
    assert _read(tmp_path, html).title == "Digital letters from the council"


def test_a_site_name_set_as_the_first_h1_is_not_the_title(tmp_path):
    html = ("<html><body><div class='logo'><h1>Valley Welfare Office</h1></div><nav><a "
            "href='/'>Home</a> <a href='/news'>News</a></nav><div class='content'><h1>Opening "
            "hours over the holidays</h1><p>The office is closed on the public holidays, and "
            "the chat answers questions from nine to three on the other days.</p><p>Urgent "
            "matters can be reported on the phone line that is open every day.</p></div>"
            "</body></html>")
    assert _read(tmp_path, html).title == "Opening hours over the holidays"


def test_a_teaser_cut_off_with_dots_is_kept_when_no_fuller_copy_stands_beside_it():
    """A paywalled page shows its lead cut off ("... Mit ..."); it was taken for a shortened
    copy of itself and the page lost its only paragraph. A shortened copy of another line (a
    sidebar's teaser of a longer paragraph) still goes."""
    lead = ("Kommunen inviterte til et møte om hvordan den kan rekruttere nok sykepleiere, "
            "og mange ansatte kom med forslag. Blant dem ...")
    text = "Nok folk i helsetjenesten\n\n" + lead
    assert "Blant dem" in text_clean(text)[0]
    full = ("Kommunen inviterte til et møte om hvordan den kan rekruttere nok sykepleiere, "
            "og mange ansatte kom med forslag til bedre turnuser og lønn.")
    teaser = "Kommunen inviterte til et møte om hvordan den kan rekruttere nok ..."
    cleaned, removed = text_clean(full + "\n\n" + teaser)
    assert "truncated copy" in removed and "rekruttere nok ..." not in cleaned


def test_a_german_text_of_short_paragraphs_is_german_not_swedish():
    """Each short paragraph shows too few German function words to be named one by one; the
    text as a whole shows them, and lingua, asked about the whole, agrees."""
    from digiwelfare.language import language_tag

    text = ("Heute gehe ich zum Amt, weil mein Antrag noch nicht da ist.\n\n"
            "Ich warte schon seit drei Wochen.\n\n"
            "Kannst du mir sagen, wie lange es dauert?\n\n"
            "Die Frau am Schalter war sehr freundlich.\n\n"
            "Morgen schreibe ich einen Brief an die Leitung.")
    assert language_tag(text) == "de"
    norwegian = ("Kommunen har innført digital søknad om sosialhjelp, og de fleste bruker den.\n\n"
                 "Saksbehandlerne sier at de sparer tid, men noen søkere trenger hjelp.\n\n"
                 "Zusammenfassung: Die Gemeinde hat einen digitalen Antrag eingeführt.\n\n"
                 "Rapporten anbefaler at kommunen beholder tilbudet om hjelp ved skranken.")
    assert language_tag(norwegian).split(";")[0] == "nb"


# After the blind sets perlite and vesicle (each scored once before these mends).

def test_a_date_over_a_line_of_dashes_is_no_period_s_start():
    """A conference abstract's session line ends its text, and a page ornament ("— 12 —")
    follows on the next line: the dash opens no period, so the date is the text's."""
    from digiwelfare.metadata import year_derive

    text = ("KONFERANSE OM DIGITAL FORVALTNING\nAbstrakt 12\nSaksbehandlere og robotene\n"
            "Forfatter: en forsker\nKommunene bruker roboter som henter opplysninger.\n"
            "Session 2A, 14. mars 2023\n— 12 —")
    assert year_derive(text) == (2023, "date in the head")


@pytest.mark.parametrize("text", [
    "Prosjekt\n\n1. mars 2023\n– 31. mars 2026\n\nProsjektet følger tre kontorer.",
    "Prosjekt\n\nProsjektperiode\n1. mars 2023 –\n31. mars 2026\n\nProsjektet følger tre kontorer.",
])
def test_a_period_broken_over_two_lines_gives_no_year(text):
    from digiwelfare.metadata import year_derive

    assert year_derive(text) == (None, "")


@pytest.mark.parametrize("line, year", [
    ("Abstract published 18 September 2024", 2024),
    ("Artikkelen ble publisert 3. mai 2022", 2022),
    ("Innlegget er publisert 9. juni 2021 | Oppdatert 2. januar 2023", 2021),
])
def test_a_publication_stamp_naming_the_document_dates_it(line, year):
    from digiwelfare.metadata import year_derive

    text = ("Tittel på siden\n\n" + "\n\n".join(f"Menypunkt {n}" for n in range(30)) +
            "\n\nEn lang nok tekst om tjenesten, som kommunen tilbyr alle innbyggere.\n\n" + line)
    assert year_derive(text) == (year, "published")


def test_a_sentence_about_a_publication_is_no_stamp():
    from digiwelfare.metadata import year_derive

    text = ("Tittel\n\n" + "\n\n".join(f"Menypunkt {n}" for n in range(30)) +
            "\n\nThe report was published 3 May 2022 by the ministry, and the agency answered.")
    assert year_derive(text)[0] is None


@pytest.mark.parametrize("title", ["Tiltaksplan for digital sosialtjeneste",
                                   "Åtgärdsplan för e-tjänster i socialtjänsten"])
def test_a_plan_of_measures_is_a_policy_document(title):
    from digiwelfare.doctypes import doc_type_classify

    text = (title + "\n\nKommunen vil gjøre søknaden om sosialhjelp digital, og planen viser "
            "hvordan det skal skje.\n\nTiltak 1: Digital søknad\n\nTiltak 2: Veiledning ved "
            "skranken")
    assert doc_type_classify(text, title)[0] == "policy_document"


def test_a_nynorsk_page_of_short_sentences_is_nynorsk_throughout():
    """Each short sentence alone may hold no word only Nynorsk writes; the page's
    Norwegian paragraphs together decide its standard."""
    from digiwelfare.language import language_tag

    text = ("Bustøtte er ei statleg ordning for deg som har låg inntekt.\n\n"
            "Send søknaden før den siste dagen i månaden.\n\n"
            "Søknaden blir handsama ut frå opplysningar frå Skatteetaten.\n\n"
            "Treng du hjelp, kan du bestille time hos servicetorget.\n\n"
            "Servicetorget er ope måndag til fredag frå klokka 9 til 15.")
    assert language_tag(text) == "nn"


def test_a_date_under_a_printed_page_s_menus_is_in_its_head():
    """A PDF's or a pasted page's lines come with a blank line between them; the head is the
    first lines that hold text, as on a web page, so a press release's date under its
    menus and title is still in it."""
    from digiwelfare.metadata import year_derive

    menus = "\n\n".join(["We use cookies.", "Accept", "Skip to main content", "Donate", "News",
                         "Campaigns", "About us", "Search", "1. Home", "2. News",
                         "3. Press releases"])
    text = (menus + "\n\nCouncils must tell claimants when a model picked them\n\nPress release"
            "\n\n13 November 2024\n\nA claimant who is picked for a check is seldom told why.")
    assert year_derive(text) == (2024, "date in the head")


def test_a_month_and_year_set_as_a_link_in_prose_is_no_cover_date():
    """A blog post's history of a project links months in its sentences, and the page's
    shown lines give each link a line of its own; under the text's first sentences such a
    line is no cover's date line. The post's own date stamp dates it."""
    from digiwelfare.metadata import year_derive

    text = ("Home\nBlog\nAbout\nHow our office moved its forms to the web\n"
            "March 4, 2021 at 09:10 AM | categories:\nWork\n"
            "The office has offered paper forms for as long as anyone remembers.\n"
            "This post tells how the forms moved to the web, one by one.\n"
            "The first web form went live in\nSeptember 2012\n. Others followed in\n"
            "May 2015\n, and the last paper form went in 2020.")
    assert year_derive(text) == (2021, "date in the head")


def test_a_cover_s_month_line_still_dates_a_report():
    from digiwelfare.metadata import year_derive

    text = ("Digitale skjema i kommunane\nRapport 4\nOslo, mai 2023\nInnhald\n"
            "Kommunane tek i mot fleire søknader digitalt enn før.")
    assert year_derive(text) == (2023, "cover date")
