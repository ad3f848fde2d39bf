"""Review of the import rules added since dd9eb6e (a chat box's greeting, buttons, hours and
warnings and a government bill's submission formula as debris; a consultation response by its
title and a performance audit as policy documents; journal issues with the number first or
under the journal's name, a conference's name and year, 'Published online by ...' as dates; a
start, end or period field's date and a day a change applies from as no page date; case and
diary numbers, place-and-date lines, publishers over kickers, 'Position paper' and
'Sluttrapport: ...', a field named by its kind and an editor's mark on covers; societies as
bodies; second-person pronouns as stop words), case by case in the five languages, through
the public functions. Every text is invented, every person in it too; cases the rules get
wrong are strict xfails whose reason says what goes wrong and whether the code at dd9eb6e got
it right ("new with these rules") or wrong as well ("as before"). Fifteen of the twenty wrong
cases are new: prose about a chat service lost as the chat box, a news headline typed a policy
document, a year from an archive link or a list of earlier issues, a report's own number
dating nothing, titles skipped as publishers or fields; the performance audit's weak weight,
the list page and news item typed by 'Høringssvar'/'Remissvar', the noun 'era' and the
position paper's kicker were wrong before too."""

from datetime import date

import pytest
from conftest import case

from digiwelfare.clean import line_debris, text_clean
from digiwelfare.doctypes import doc_type_classify
from digiwelfare.metadata import year_derive
from digiwelfare.organisations import line_is_organisation
from digiwelfare.titles import title_find
from digiwelfare.tokens import tokens_from_text

TODAY = date(2026, 1, 1)

# one paragraph of body text per language (a sentence with a full stop), set under each case's
# heading with a blank line before it
PARAGRAPH = {
    "nb": "Mange innbyggere ringer fortsatt kontoret, selv om de fleste tjenestene nå finnes "
          "på nett, og veilederne bruker mye tid på å forklare skjemaene.",
    "nn": "Mange innbyggjarar ringjer framleis kontoret, sjølv om dei fleste tenestene no "
          "finst på nett, og rettleiarane brukar mykje tid på å forklare skjemaa.",
    "sv": "Många invånare ringer fortfarande kontoret, trots att de flesta tjänsterna nu finns "
          "på nätet, och handläggarna lägger mycket tid på att förklara blanketterna.",
    "da": "Mange borgere ringer stadig til kontoret, selv om de fleste ydelser nu findes på "
          "nettet, og rådgiverne bruger meget tid på at forklare blanketterne.",
    "en": "Many residents still phone the office, although most services are now online, and "
          "advisers spend much of their time explaining the forms.",
}
NB = "\n\n" + PARAGRAPH["nb"] + "\n"
NN = "\n\n" + PARAGRAPH["nn"] + "\n"
SV = "\n\n" + PARAGRAPH["sv"] + "\n"
DA = "\n\n" + PARAGRAPH["da"] + "\n"
EN = "\n\n" + PARAGRAPH["en"] + "\n"
# a cover's table of contents (entries with dot leaders and pages)
TOC_NB = "\n\nInnhold\n\n1 Innledning ........ 3\n2 Funn ........ 9\n"
TOC_EN = "\n\nContents\n\n1 Introduction ........ 3\n2 Findings ........ 9\n"
TOC_SV = "\n\nInnehåll\n\n1 Inledning ........ 3\n2 Resultat ........ 9\n"


# --- debris: single lines -------------------------------------------------------------------

LINES = [
    # a chat box's greeting in Bokmål, Nynorsk, Swedish, Danish and English
    case("nb-chat-greeting", "Hei! Hva kan vi hjelpe deg med?", "chat widget"),
    case("nn-chat-greeting", "Hei! Kva kan vi hjelpe deg med?", "chat widget"),
    case("sv-chat-greeting", "Hej! Vad kan vi hjälpa dig med?", "chat widget"),
    case("da-chat-greeting", "Hej! Hvad kan vi hjælpe dig med?", "chat widget"),
    case("en-chat-greeting", "Hi! How can we help you today?", "chat widget"),
    # the chat's buttons
    case("nb-chat-button", "Chat med oss", "chat widget"),
    # the chat's hours and its warning in Bokmål
    case("nb-chat-hours", "Chatten er åpen hverdager 08.00–15.00", "chat widget"),
    case("nb-chat-warning", "Ikke skriv personopplysninger i chatten", "chat widget"),
    # an English sentence about the chat with a clause after a comma stays
    case("en-chat-prose-comma", "The chat is closed at weekends, so users phone instead.", None),
    # a Swedish answer-feedback widget
    case("sv-feedback-answer", "Var svaret till hjälp?", "feedback widget"),
    # a Swedish sentence that asks the same of the handlers is prose
    case("sv-feedback-prose", "Var svaret till hjälp för de sökande som saknade BankID?", None),
    # the submission formula of a Swedish bill and of a Danish one
    case("sv-submission", "Regeringen överlämnar denna proposition till riksdagen.",
         "government's submission"),
    case("da-submission", "Fremsat den 4. oktober 2024 af social- og boligministeren",
         "government's submission"),
    # a Bokmål and a Nynorsk recommendation to the cabinet
    case("nb-submission", "Tilråding fra Arbeids- og inkluderingsdepartementet 4. april 2025, "
         "godkjent i statsråd samme dag.", "government's submission"),
    case("nn-submission", "Tilråding frå Kommunal- og distriktsdepartementet 7. mars 2025, "
         "godkjend i statsråd same dagen.", "government's submission"),
    # WRONG: a report's sentence on a chat service, no comma: prose
    case("nb-chat-prose-open", "Chatten er åpen for alle som har spørsmål om økonomisk "
         "sosialhjelp.", None,
         mended="broke in the review, mended: "
               "a report's sentence on the chat service ('Chatten er åpen for alle som har "
               "spørsmål om økonomisk sosialhjelp.') is dropped as the chat box's hours: the rule "
               "takes 'chatten er åpen' and anything up to a comma; only a comma in the sentence "
               "saves it. New with these rules"),
    # WRONG: the same in Danish
    case("da-chat-prose-open", "Chatten er åben for alle borgere der venter på svar fra "
         "kommunen.", None,
         mended="broke in the review, mended: "
               "'Chatten er åben for alle borgere der venter på svar fra kommunen.' (a sentence "
               "with a subject, a verb and a clause) is lost as the chat's hours. New with these "
               "rules"),
    # WRONG: an English finding about the chat's hours without a comma
    case("en-chat-prose-closed", "The chat is closed at weekends so users phone the office "
         "instead.", None,
         mended="broke in the review, mended: "
               "'The chat is closed at weekends so users phone the office instead.' is a finding, "
               "not a widget; the same sentence with a comma is kept, without one it is lost. New "
               "with these rules"),
    # WRONG: an English finding on what users were told not to write
    case("en-chat-prose-warning", "Do not write your case number in the chat was the advice "
         "most users ignored.", None,
         mended="broke in the review, mended: "
               "a sentence reporting the advice users got ('Do not write your case number in the "
               "chat was the advice most users ignored.') is taken for the chat's warning: the "
               "warning branch lets any words follow 'chat' up to a full stop. New with these "
               "rules"),
    # a Swedish finding on starting a chat
    case("sv-chat-prose-start", "Starta chatten tog i snitt fyra minuter för de äldre.", None),
    # a Danish bill's history in a sentence is prose
    case("da-submission-prose", "Lovforslaget blev fremsat den 4. oktober 2024 af "
         "social- og boligministeren.", None),
    # a Swedish news sentence on when the bill goes to the Riksdag
    case("sv-submission-news", "Regeringen överlämnar denna proposition till riksdagen i mars, "
         "enligt departementet.", None),
]


@pytest.mark.parametrize(("line", "rule"), LINES)
def test_debris_rule_of_line(line: str, rule: str | None) -> None:
    """The debris rule a line matches, None for prose."""
    found = line_debris(line)
    assert found == rule, f"{line!r}: {found}"


# --- debris: in context ---------------------------------------------------------------------

CLEAN = [
    # a service page with its chat box at the foot: the box goes, the prose stays
    case("nb-chat-box", "Søke om sosialhjelp\n\nDu kan søke digitalt på nav.no eller på "
         "kontoret.\n\nHei! Hva kan vi hjelpe deg med?\nChat med oss\n",
         "Du kan søke digitalt på nav.no eller på kontoret.", "Chat med oss"),
    # WRONG: a Nynorsk evaluation: the chat's opening sentence stays
    case("nn-chat-report", "Evaluering av chatten\n\nChatten er open for alle som har "
         "spørsmål om bustøtte.\n\nDei fleste brukarane skreiv om kvelden.",
         "Chatten er open for alle som har spørsmål om bustøtte.", "",
         mended="broke in the review, mended: "
               "an evaluation's first sentence on the chat ('Chatten er open for alle som har "
               "spørsmål om bustøtte.') is cleaned away as debris, so the prose a reader needs is "
               "lost. New with these rules"),
    # a Swedish bill's first page: the formula goes, the proposal's summary stays
    case("sv-bill", "Regeringens proposition 2024/25:000\n\nRegeringen överlämnar denna "
         "proposition till riksdagen.\n\nI propositionen föreslås att ansökan om "
         "försörjningsstöd ska kunna göras digitalt.",
         "I propositionen föreslås att ansökan om försörjningsstöd ska kunna göras digitalt.",
         "Regeringen överlämnar denna proposition till riksdagen."),
]


@pytest.mark.parametrize(("text", "kept", "gone"), CLEAN)
def test_cleaned_text(text: str, kept: str, gone: str) -> None:
    """A whole page cleaned: the prose sentence stays, the widget line (if any) goes."""
    cleaned, _ = text_clean(text)
    assert kept in cleaned and not (gone and gone in cleaned)


# --- document types -------------------------------------------------------------------------

TYPES = [
    # a Bokmål consultation response named so in its title
    case("nb-response", "Høringssvar – forslag til ny lov om sosiale tjenester",
         "Kommunen støtter forslaget om digital søknad, men ber om en lengre "
         "overgangsperiode.", "policy_document"),
    # a Swedish one
    case("sv-response", "Remissvar: Ett modernt regelverk för ekonomiskt bistånd",
         "Kommunen tillstyrker förslaget om digital ansökan men avstyrker kravet på e-legitimation "
         "för alla.", "policy_document"),
    # an English one
    case("en-response", "Our response to the consultation on digital benefit claims",
         "We welcome the proposal but ask that paper claims remain available.", "policy_document"),
    # WRONG: a Norwegian performance audit
    case("nb-audit", "Forvaltningsrevisjon: Digital saksbehandling i sosialtjenesten",
         "Revisjonen har undersøkt om kommunen behandler søknader om sosialhjelp innen "
         "fristen.", "policy_document",
         wrong="a short performance-audit page titled 'Forvaltningsrevisjon: ...' has the new "
               "'annual or agency report' feature (doc_type_features shows it, in the lead too) "
               "but is still typed other: the cue's weight does not carry a page with one "
               "paragraph. As before (dd9eb6e typed it other without the feature)"),
    # WRONG: a news story about a consultation response whose headline opens with the phrase
    case("en-response-news", "Our response to the consultation was ignored, says tenants' union",
         "The union told reporters on Tuesday that none of its points made it into the bill. "
         "Its leader said members were angry.", "other",
         mended="broke in the review, mended: "
               "a news story whose headline opens 'Our response to the consultation was ignored, "
               "says tenants' union' is typed a policy document: the title cue anchors the phrase "
               "at the start but not its use as a sentence's subject; a reporter's story quoting "
               "the union is news. New with these rules (dd9eb6e typed it other)"),
    # WRONG: a Swedish news item headed by a quote
    case("sv-response-news", "Remissvar från kommunerna sågar förslaget",
         "Flera kommuner kritiserar regeringens förslag om digital ansökan, visar en "
         "genomgång som tidningen har gjort.", "other",
         wrong="a news item headlined 'Remissvar från kommunerna sågar förslaget' (the responses "
               "slam the proposal) is a policy document by the new title cue, as by the old "
               "'consultation draft' head cue. As before"),
    # WRONG: a municipality's page titled 'Høringssvar' that lists its responses
    case("nb-response-list", "Høringssvar", "Høringssvar\n\nHer finner du kommunens høringssvar "
         "fra 2024 og 2025.\n\nHøringssvar om ny sosialtjenestelov\nHøringssvar om digital "
         "postkasse\nHøringssvar om bostøtte", "other",
         wrong="a municipality's list page titled 'Høringssvar' (links to its responses) is typed "
               "a policy document; it is a web page listing them, the responses are the documents."
               " As before (dd9eb6e's 'consultation draft' cue did the same)"),
    # an abstract page headed 'Sammendrag av innlegg'
    case("nb-abstract-heading", "Digital oppfølging av unge",
         "Digital oppfølging av unge\n\nSammendrag av innlegg\n\nInnlegget presenterer en "
         "studie av chat i oppfølgingen av unge sosialhjelpsmottakere.", "abstract"),
]


@pytest.mark.parametrize(("title", "body", "doc_type"), TYPES)
def test_doc_type(title: str, body: str, doc_type: str) -> None:
    """The type of a page headed by ``title`` (printed once, at the top)."""
    page = body if body.startswith(title) else title + "\n\n" + body
    found, why = doc_type_classify(page, title)
    assert found == doc_type, why


# --- years ----------------------------------------------------------------------------------

YEARS = [
    # a journal's issue with the number first over an article
    case("nb-journal-number-first", "Nordisk Forsikringstidsskrift 3/2024\n\nDigital "
         "skademelding i forsikringen\n\nKari Holm (oppdiktet)" + NB, 2024),
    # a journal's site name over its issue line
    case("nb-journal-name-above", "Spesialpedagogikk\n\nSpesialpedagogikk 3/2024\n\nDigitale "
         "verktøy i spesialundervisningen" + NB, 2024),
    # a volume line with the article's number after the year
    case("en-volume-article-number", "Volume 170, February 2024, 107000\n\nDigital claims "
         "in social insurance" + EN, 2024),
    # a conference's name and year at the top of an abstract's page
    case("nb-conference-top", "Arbeidsmiljøkonferansen 2025\n\nSammendrag av innlegg\n\n"
         "Digital avviksmelding i kommunene" + NB, 2025),
    # 'Published online by <publisher>: <date>' under an article's title
    case("en-published-online", "Digital claims in social insurance\n\nPublished online by "
         "Cambridge University Press: 14 March 2024" + EN, 2024),
    # a project page's start field over a date is no page date
    case("nb-project-start", "Digital sosialhjelp for unge\n\nProsjektstart\n1.9.2024\n" + NB,
         None),
    # a day a change applies from, in Nynorsk, is no page date
    case("nn-change-from", "Kva endrar seg frå 1. januar 2026?\n\nBustøtta blir søkt "
         "digitalt" + NN, None),
    # WRONG: a journal site whose name line stands over a list of earlier issues
    case("nb-journal-issue-list", "Spesialpedagogikk\nTidligere utgaver\nSpesialpedagogikk "
         "3/2023\n\nDigitale verktøy i spesialundervisningen" + NB, None,
         mended="broke in the review, mended: "
               "a journal site's head ('Spesialpedagogikk', 'Tidligere utgaver', "
               "'Spesialpedagogikk 3/2023') dates a new article 2023 from a list of earlier "
               "issues: the name-above rule lets any line stand between the name and the issue. "
               "New with these rules"),
    # WRONG: a 2025 call under a link to last year's conference
    case("nb-conference-archive-link", "Velferdskonferansen 2024\n\nInnkalling til "
         "Velferdskonferansen 2025\n\nSend inn sammendrag innen 1. mars 2025." + NB, None,
         mended="broke in the review, mended: "
               "a 2025 call whose page opens with a link to last year's conference "
               "('Velferdskonferansen 2024') is dated 2024 by the conference rule, which takes the"
               " first line without asking whether the page is about that conference; the call is "
               "for 2025. New with these rules"),
    # 'Published online by ...' in a reference list near the top
    case("en-published-online-reference", "Digital claims in social insurance\n\nReferences\n"
         "Holm, K. (2019). Claims online. Journal of Welfare. Published online by Cambridge "
         "University Press: 3 May 2019\n" + EN, None),
    # WRONG: a report whose own number stands under its project period
    case("nb-report-number-under-period", "Digitale søknader i kommunene\nProsjektperiode "
         "2022–2024\nRapport 3/2025\n" + NB, 2025,
         mended="broke in the review, mended: "
               "a report's own number ('Rapport 3/2025') under its project period "
               "('Prosjektperiode 2022–2024') no longer dates the report: the period counts as a "
               "dated line above, so a list item and a cover are told apart by a year alone. New "
               "with these rules (dd9eb6e gave 2025)"),
    # a Swedish project page where the end field dates the final report it presents
    case("sv-project-end-report", "Slutrapport: Digitalt försörjningsstöd\n\nProjektslut\n"
         "30.6.2025\n" + SV, 2025),
]


@pytest.mark.parametrize(("text", "expected"), YEARS)
def test_page_year(text: str, expected: int | None) -> None:
    """The page's year as of 1 January 2026, None where the page gives none of its own."""
    year, rule = year_derive(text, today=TODAY)
    assert year == expected, rule


# --- titles ---------------------------------------------------------------------------------

TITLES = [
    # a Danish case number over a letter's subject
    case("da-case-number", "Sagsnr. 2025-00000\nHøringssvar om digital post til borgere"
         + DA, "Høringssvar om digital post til borgere"),
    # a Swedish diary number over a decision's subject
    case("sv-diary-number", "Dnr 2024/00000\nBeslut om e-tjänst för försörjningsstöd" + SV,
         "Beslut om e-tjänst för försörjningsstöd"),
    # a place-and-date line over a report cover's title
    case("nb-place-date-cover", "Oslo, mars 2025\nDigitale tjenester for alle\n" + TOC_NB,
         "Digitale tjenester for alle"),
    # a publisher over 'Position paper'
    case("en-publisher-position-paper", "Inclusion Nordic\nPosition paper\nDigital welfare "
         "must leave an analogue door open" + TOC_EN,
         "Digital welfare must leave an analogue door open"),
    # a publisher in capitals over a Swedish title in sentence case
    case("sv-publisher-capitals", "Svenska Kommunförbundet\nRätt stöd på rätt plats för "
         "de äldre" + TOC_SV, "Rätt stöd på rätt plats för de äldre"),
    # a Nynorsk research institute over its report number is the publisher
    case("nn-institute-forsking", "Kystfylket forsking\nRapport 2025:04\nDigitale søknader om "
         "bustøtte i seks kommunar" + TOC_NB, "Digitale søknader om bustøtte i seks kommunar"),
    # an editor's mark under a title is a byline
    case("nb-editor-mark", "Digital velferd i kommunene\nTuva Lindqvist (red.)" + NB,
         "Digital velferd i kommunene"),
    # WRONG: a title over 'Position paper' is the title
    case("en-title-over-position-paper", "Analogue by Right\nPosition paper\nWhy digital "
         "welfare needs a paper route" + TOC_EN,
         "Analogue by Right: Why digital welfare needs a paper route",
         wrong="a cover's title in capitals over 'Position paper' ('Analogue by Right') is "
               "skipped as a publisher, and the subtitle stands alone as the title. Worse than "
               "before: dd9eb6e kept the title but joined the kicker into it ('Analogue by "
               "Right: Position paper: Why ...'); now the title itself is lost"),
    # WRONG: a project's name over 'Sluttrapport: ...' is the title
    case("nb-title-over-final-report", "Alle med\nSluttrapport: Et prosjekt om digital "
         "inkludering i tre kommuner" + TOC_NB,
         "Alle med: Sluttrapport: Et prosjekt om digital inkludering i tre kommuner",
         mended="broke in the review, mended: "
               "a project's name over 'Sluttrapport: ...' ('Alle med') is skipped as a publisher; "
               "the title loses the name the report is known by. New with these rules (dd9eb6e "
               "joined them)"),
    # WRONG: a Nordic title printed in capitals over its subtitle
    case("nb-title-capitals", "Digital Hverdag\nEn veileder for ansatte i kommunene om "
         "chat og e-post" + TOC_NB, "Digital Hverdag: En veileder for ansatte i kommunene om "
         "chat og e-post",
         mended="broke in the review, mended: "
               "a two-word Bokmål title in capitals ('Digital Hverdag') over its subtitle in "
               "sentence case is skipped as a publisher's name, and the subtitle stands alone as "
               "the title. New with these rules"),
    # WRONG: a title that ends in 'forskning' over its report number
    case("nb-title-ending-forskning", "Brukere i forskning\nRapport 2025:3\nErfaringer fra "
         "tre kommuner med digitale tjenester" + TOC_NB, "Brukere i forskning",
         mended="broke in the review, mended: "
               "a title ending in 'forskning' ('Brukere i forskning') over a report number is "
               "taken for a research institute and skipped; the subtitle becomes the title. New "
               "with these rules"),
    # WRONG: a plan's title with a school year span over its subtitle
    case("nb-plan-year-span", "Tiltaksplan for digital inkludering 2024/2025\nSlik når "
         "kommunen innbyggere uten digitale ferdigheter" + TOC_NB, "Tiltaksplan for digital "
         "inkludering 2024/2025: Slik når kommunen innbyggere uten digitale ferdigheter",
         mended="broke in the review, mended: "
               "a plan's title with a school-year span ('... 2024/2025') now reads as a case "
               "number (up to six digits after a year) and is skipped; the subtitle stands "
               "alone as the title. New with these rules (dd9eb6e joined title and subtitle)"),
    # WRONG: an English title that opens with 'Language:'
    case("en-title-language", "Language: The missing piece in digital welfare" + EN,
         "Language: The missing piece in digital welfare",
         mended="broke in the review, mended: "
               "a title that opens 'Language:' is a field named by its kind to the new check and "
               "loses 8 points: the page gets no title at all. New with these rules"),
    # WRONG: a Bokmål title that opens with 'Tema:'
    case("nb-title-tema", "Tema: Digitalt utenforskap blant eldre" + NB,
         "Tema: Digitalt utenforskap blant eldre",
         mended="broke in the review, mended: "
               "'Tema: Digitalt utenforskap blant eldre' (a magazine's theme headline, the only "
               "heading) is a field to the new check; the page gets no title. New with these "
               "rules"),
    # an English society's name over a report title
    case("en-title-society", "Inclusive Society for All\nDigital welfare in the Nordic "
         "countries" + TOC_EN, "Inclusive Society for All: Digital welfare in the Nordic "
         "countries"),
]


@pytest.mark.parametrize(("text", "expected"), TITLES)
def test_found_title(text: str, expected: str) -> None:
    """The title :func:`title_find` picks from the page's first lines."""
    assert expected == title_find(text)


# --- organisations --------------------------------------------------------------------------

ORGANISATIONS = [
    # societies and associations named by their adjective and head noun
    case("nb-selskap", "Norsk selskap for sosialt arbeid", True),
    case("da-selskab", "Dansk Selskab for Digital Velfærd", True),
    case("sv-sallskap", "Svenska sällskapet för socialt arbete", True),
    case("en-association", "Nordic Association of Social Workers", True),
    # a project named 'good company for lonely elderly' is no body
    case("nb-project-selskap", "Godt selskap for eldre", False),
    # a report's title on an inclusive society is no body
    case("en-title-society", "Inclusive Society for All", False),
]


@pytest.mark.parametrize(("line", "body"), ORGANISATIONS)
def test_body_name(line: str, body: bool) -> None:
    """Whether a line names a body (a society, an association) rather than a title."""
    assert bool(line_is_organisation(line)) == body


# --- stop words -----------------------------------------------------------------------------

TOKENS = [
    # a Danish guide addressed to its reader keeps its content words
    case("da-din", "Du kan se din sag i din digitale postkasse.", "da", {"sag", "postkasse"},
         {"din"}),
    # a Swedish one
    case("sv-er", "Ni kan följa er ansökan och dina beslut på Mina sidor.", "sv",
         {"ansökan", "beslut"}, {"er", "dina"}),
    # a Bokmål one
    case("nb-dere", "Dere kan sende søknaden din digitalt.", "nb", {"søknad"}, {"din", "dere"}),
    # WRONG: a Swedish sentence on a new era keeps 'era'
    case("sv-era-noun", "Digitaliseringen inleder en ny era för socialtjänsten.", "sv",
         {"era"}, set(),
         wrong="the noun 'era' (an epoch: 'en ny era') is now a stop word as the pronoun 'era' "
               "(your) and disappears from the tokens. As before in effect: the code at dd9eb6e "
               "lemmatised it to the pronoun 'ni', losing the noun too"),
]


@pytest.mark.parametrize(("text", "language", "kept", "gone"), TOKENS)
def test_tokens(text: str, language: str, kept: set[str], gone: set[str]) -> None:
    tokens = set(tokens_from_text(text, language))
    assert kept <= tokens
    assert not gone & tokens

