"""Review of the import rules added in b4479b6 (a report cover's publisher over its number or
named again in its date line, one person's name a line ending a cover's title, a bracket note
no word of a name, a headline question over its byline, a title whose subtitle names its
kind; a series dated by its weekday in a month; abstract cues for a Vancouver citation, links
back to the abstracts and "Abstrakt"; no policy plan after "follow-up" or "care"; debris for
funding lines, Kopinor and Copydan notices, a site's description of itself, closed comments
and "Fikk du svar ...?"; more Nynorsk and Bokmål word forms), case by case in the five
languages, through the public functions. Every text is invented, every person in it too;
cases the rules get wrong are strict xfails whose reason says what goes wrong and whether the
code before b4479b6 got it right. Most wrong cases are new with these rules: lost prose (a
sentence that opens with its funder, a report's sentence on EU money, news about Kopinor,
Copydan or a website, a survey's "Fekk du svar ...?"), titles over a report number skipped as
publishers, an interview's question over its interviewee taken as the headline, national care
and treatment plans no longer policies, a short note's references making it an abstract.
Those the old code got wrong too say "as before"."""

from datetime import date

import pytest
from conftest import case

from digiwelfare.clean import line_debris, text_clean
from digiwelfare.doctypes import doc_type_classify
from digiwelfare.language import norwegian_standard
from digiwelfare.metadata import year_derive
from digiwelfare.titles import title_find

TODAY = date(2026, 1, 1)

# a paragraph under a heading (a sentence with a full stop), in Bokmål, Nynorsk, Swedish,
# Danish and English
NB, NN, SV, DA, EN = (f"\n\n{sentence}\n" for sentence in (
    "Etter at kommunen tok i bruk den nye løsningen, har saksbehandlerne fått bedre oversikt "
    "over hvilke søknader som venter.",
    "Etter at kommunen tok i bruk den nye løysinga, har sakshandsamarane fått betre oversikt "
    "over kva søknader som ventar.",
    "Sedan kommunen införde det nya systemet har handläggarna fått bättre överblick över vilka "
    "ansökningar som väntar.",
    "Efter at kommunen tog det nye system i brug, har sagsbehandlerne fået bedre overblik over "
    "hvilke ansøgninger der venter.",
    "Since the council adopted the new system, caseworkers have had a clearer view of which "
    "applications are waiting.",
))
# a report's table of contents after its cover, in the five languages
TOC_NB, TOC_NN, TOC_SV, TOC_DA, TOC_EN = (
    f"\n\n{head}\n\n1 {one} ........ 3\n2 {two} ........ 7\n" for head, one, two in (
        ("Innhold", "Bakgrunn", "Funn"), ("Innhald", "Bakgrunn", "Funn"),
        ("Innehåll", "Bakgrund", "Resultat"), ("Indhold", "Baggrund", "Fund"),
        ("Contents", "Background", "Findings")))


# --- debris: lines that must go, lines that must stay ---------------------------------------

DEBRIS = [
    # an EU project's funding sentence under a report's acknowledgements is furniture
    case("en-eu-grant", "This project has received funding from the European Union's Horizon "
         "Europe programme under grant agreement No 000000.", "funding disclaimer"),
    # a funder's line opening with "Funded by" and its name
    case("en-funded-by-line", "Funded by Nordforsk, project 00000", "funding disclaimer"),
    # the Bokmål funder's line
    case("nb-finansiert-line", "Finansiert av Stiftelsen Dam", "funding disclaimer"),
    # a sentence that opens with a lower-case funder ("the state") is prose
    case("en-funded-by-state", "Funded by the state, the scheme gives every council a digital "
         "caseworker for two years.", None),
    # WRONG: a sentence that opens "Funded by" a named body and goes on as prose
    case("en-funded-by-prose", "Funded by Innovation Norway, the pilot gave forty home care "
         "workers tablets and trained them over six months.", None,
         mended="broke in the review, mended: "
               "taken as a funding disclaimer: the rule takes any line that OPENS with 'Funded "
               "by' and a capital, so an introductory participle clause of a real sentence "
               "(subject and verb after the comma) is lost prose; new with these rules"),
    # WRONG: the Bokmål report sentence that opens with its funder
    case("nb-stottet-av-prose", "Støttet av Stiftelsen Dam har foreningen laget en digital "
         "veileder for pårørende, som nå brukes i tolv kommuner.", None,
         mended="broke in the review, mended: "
               "taken as a funding disclaimer: a Bokmål main clause with inverted word order "
               "('Støttet av X har foreningen laget ...') is a sentence of the report, not a "
               "logo line; new with these rules"),
    # WRONG: the Swedish sentence that opens with its funder
    case("sv-med-stod-prose", "Med stöd från Allmänna arvsfonden har föreningen byggt en app "
         "som hjälper unga att söka bostadsbidrag.", None,
         mended="broke in the review, mended: "
               "taken as a funding disclaimer: a Swedish sentence ('Med stöd från X har "
               "föreningen byggt ...') is prose the rule removes; new with these rules"),
    # WRONG: a report's sentence that the project has EU and county money
    case("en-eu-and-county", "The project has received funding from the EU and the county, "
         "which together pay for two caseworkers until 2027.", None,
         mended="broke in the review, mended: "
               "taken as a funding disclaimer: '(the) project has received funding from the "
               "EU' and anything after it is removed, though the sentence goes on to say what "
               "the money pays for (a finding of the report); new with these rules"),
    # WRONG: the Danish report sentence on EU money
    case("da-eu-prose", "Projektet har modtaget støtte fra EU, og kommunen har selv betalt "
         "for resten af uddannelsen af medarbejderne.", None,
         mended="broke in the review, mended: "
               "taken as a funding disclaimer: the Danish sentence goes on with what the "
               "municipality paid itself; the rule ends in '.*' and eats the whole sentence; "
               "new with these rules"),
    # WRONG: the Danish sentence that opens with its funder
    case("da-finansieret-prose", "Finansieret af Socialstyrelsen har kommunen ansat to "
         "digitale vejledere i jobcentret.", None,
         mended="broke in the review, mended: "
               "taken as a funding disclaimer: a Danish main clause with inverted word order "
               "('Finansieret af X har kommunen ansat ...') is lost prose; new with these "
               "rules"),
    # an acknowledgement's sentence of thanks that names a funder in the middle stays
    case("nb-acknowledgement", "Vi takker Norges forskningsråd, som har finansiert prosjektet, "
         "og alle ansatte som stilte opp til intervju.", None),
    # a book's copying notice naming Kopinor is a licence notice
    case("nb-kopinor-notice", "Det er ikke tillatt å kopiere fra denne boken utover det som er "
         "tillatt etter avtale med Kopinor.", "licence notice"),
    # the Danish copying notice naming Copydan
    case("da-copydan-notice", "Kopiering fra denne bog må kun ske efter aftale med Copydan "
         "Tekst & Node.", "licence notice"),
    # WRONG: a news story's sentence about Kopinor
    case("nb-kopinor-news", "Kopinor betalte i fjor ut vederlag til flere tusen forfattere av "
         "læremidler, viser den nye årsrapporten.", None,
         mended="broke in the review, mended: "
               "taken as a licence notice: any line naming Kopinor goes, so a news story "
               "about the collecting society loses its sentences; new with these rules"),
    # WRONG: a Danish news sentence about Copydan
    case("da-copydan-news", "Copydan Tekst & Node har indgået en ny aftale med kommunerne om "
         "kopiering af undervisningsmateriale i skolerne.", None,
         mended="broke in the review, mended: "
               "taken as a licence notice: a Danish news sentence about a new agreement is "
               "prose; new with these rules"),
    # a footer's sentence on who runs the site
    case("nb-site-footer", "Velferdsportalen.no er et nettsted fra Senter for digital velferd",
         "site description"),
    # the Swedish footer
    case("sv-site-footer", "Bostadsguiden är en webbplats från Boverket.", "site description"),
    # WRONG: a news story's sentence about a website
    case("en-site-news", "The portal is a website run by volunteers, and it has answered more "
         "than 4,000 questions on debt this year.", None,
         mended="broke in the review, mended: "
               "taken as a site description: any two-word subject followed by 'is a website "
               "run by' and anything after it; a news story or a report describing the "
               "service loses its finding; new with these rules"),
    # WRONG: a Bokmål report's sentence about an old website
    case("nb-site-news", "Ungdomsportalen er en nettside fra 2012 som ikke er oppdatert siden, "
         "viser gjennomgangen.", None,
         mended="broke in the review, mended: "
               "taken as a site description: 'fra' is followed by a year, not by who runs "
               "the site, and the sentence is a finding of the review; new with these rules"),
    # WRONG: a Swedish report's sentence about an old website
    case("sv-site-news", "Tjänsten är en webbplats från 2015 som nu ska ersättas av en app.",
         None,
         mended="broke in the review, mended: "
               "taken as a site description: 'från 2015' dates the site, it does not name "
               "who runs it; the sentence is the report's own; new with these rules"),
    # the closed comments of a news page
    case("en-comments-closed", "Comments are closed.", "comments closed"),
    # the Bokmål closed comments
    case("nb-comments-closed", "Kommentarfeltet er stengt for denne saken", "comments closed"),
    # the Danish closed comments
    case("da-comments-closed", "Kommentarfunktionen er lukket for denne artikel.",
         "comments closed"),
    # a sentence that quotes "comments are closed" stays
    case("en-comments-sentence", "Comments are closed on most stories about welfare fraud, "
         "the editor said.", None),
    # the answer widget's question in Bokmål
    case("nb-fikk-du-svar", "Fikk du svar på det du lurte på?", "feedback widget"),
    # WRONG: a question in a Nynorsk questionnaire (an appendix of a survey report)
    case("nn-survey-question", "Fekk du svar på søknaden din innan fristen?", None,
         mended="broke in the review, mended: "
               "taken as a feedback widget: any 'Fekk/Fikk/Fick du svar på ...?' up to 40 "
               "characters, so a survey's own question (or an FAQ heading on appeals) is "
               "lost; new with these rules"),
]


@pytest.mark.parametrize(("line", "rule"), DEBRIS)
def test_debris(line: str, rule: str | None) -> None:
    assert line_debris(line) == rule


# --- titles ---------------------------------------------------------------------------------

TITLES = [
    # a Swedish agency's name over its report number, the title under it
    case("sv-publisher-number", "Inspektionen för vård\nRapport 2024:00\nDigitala "
         "vårdplaner i hemtjänsten" + TOC_SV, "Digitala vårdplaner i hemtjänsten"),
    # a municipality's name over its number keeps the short title under it
    case("nn-municipality-number", "Sygnefjell kommune\nRapport 2024:2\nDigitale tavler"
         + TOC_NN, "Digitale tavler"),
    # WRONG: the Nynorsk title over the number, its subtitle under it
    case("nn-title-over-number", "Digitale tavler\nRapport 2024:3\nErfaringar frå fire team i "
         "heimetenesta" + TOC_NN, "Digitale tavler",
         mended="broke in the review, mended: "
               "the two-word title over 'Rapport 2024:3' is skipped as a publisher and the "
               "subtitle under the number becomes the title; nothing tells a name from a "
               "title but a count of words; new with these rules"),
    # WRONG: the English title in title case over its number
    case("en-title-over-number", "Digital Front Doors\nReport 2024:2\nHow councils answer "
         "residents online" + TOC_EN, "Digital Front Doors",
         wrong="the title over the number is taken for the publisher and the subtitle is "
               "given as the title; as before (the old rule on capitalised names over a "
               "number skipped it too)"),
    # WRONG: the Danish title over its number
    case("da-title-over-number", "Digitale tavler\nRapport 2024:3\nErfaringer fra fire "
         "hjemmeplejeteams" + TOC_DA, "Digitale tavler",
         mended="broke in the review, mended: "
               "as in Nynorsk: the title is skipped as a publisher; new with these rules"),
    # the one-word publisher that the cover's date line names again
    case("nb-publisher-date-line", "Velferdsrådet\n\nDigitale tjenester for eldre i "
         "distriktene\n\nVelferdsrådet, november 2023" + TOC_NB,
         "Digitale tjenester for eldre i distriktene"),
    # a cover whose editor stands under the title and subtitle
    case("nn-editor-line", "Digitale tavler i heimetenesta\nErfaringar frå fire kommunar\n"
         "Kari Holm (red.)" + TOC_NN, "Digitale tavler i heimetenesta: Erfaringar frå fire "
         "kommunar"),
    # an English editor under a title
    case("en-editor-line", "Digital welfare at the front line\nAnna Berg (ed.)\n\n"
         "Oslo, 2024" + TOC_EN, "Digital welfare at the front line"),
    # two authors one a line end the Swedish title
    case("sv-authors-lines", "Digitala vårdplaner\nErfarenheter från tre kommuner\nAnna "
         "Lind\nPer Dahl" + TOC_SV, "Digitala vårdplaner: Erfarenheter från tre kommuner"),
    # WRONG: an editor whose first name the list does not know
    case("nn-editor-unknown-name", "Digitale tavler i heimetenesta\nErfaringar frå fire "
         "kommunar\nTuva Lindqvist (red.)" + TOC_NN, "Digitale tavler i heimetenesta: "
         "Erfaringar frå fire kommunar",
         mended="broke in the review, mended: "
               "the editor's line is joined to the title as a second subtitle ('...: Tuva "
               "Lindqvist (red.)'): a person's line is known only by a listed first name, "
               "though '(red.)' alone says it is an editor; as before (the old code joined it "
               "too)"),
    # WRONG: a title in title case whose first word is also a first name
    case("en-per-capita", "Per Capita Care Costs\nA comparison of Nordic home care\n"
         "\nMarch 2024" + TOC_EN, "Per Capita Care Costs: A comparison of Nordic home care",
         mended="broke in the review, mended: "
               "'Per Capita Care Costs' reads as one person's name (Per is a known first name, "
               "every word capitalised) and is never taken as the cover's start; new with "
               "these rules"),
    # a publisher with a note in brackets over a longer title is no title
    case("nn-publisher-note", "Lygra bedriftshelseteneste (oppdikta)\nDigital oppfølging av "
         "sjukmelde tilsette i små verksemder" + NN,
         "Digital oppfølging av sjukmelde tilsette i små verksemder"),
    # a three-word title with a note in brackets over its subtitle
    case("nb-title-note-subtitle", "Digital hjemmeoppfølging i distriktet (kortversjon)\nEn "
         "kartlegging av hvordan kommunene følger opp eldre med kronisk sykdom" + NB,
         "Digital hjemmeoppfølging i distriktet (kortversjon): En kartlegging av hvordan "
         "kommunene følger opp eldre med kronisk sykdom"),
    # the Bokmål headline question over its byline
    case("nb-question-byline", "Hvem bestemmer når algoritmen foreslår?\nKari Holm "
         "(oppdiktet), OsloMet" + NB, "Hvem bestemmer når algoritmen foreslår?"),
    # WRONG: an interview's question further down does not replace the page's headline
    case("nb-interview-question", "Digital hjemmetjeneste i Lofoten\n\nHva er det beste med "
         "jobben?\nIda Berg (oppdiktet), sykepleier" + NB,
         "Digital hjemmetjeneste i Lofoten",
         mended="broke in the review, mended: "
               "an interview's question over the interviewee's line ('Ida Berg (oppdiktet), "
               "sykepleier') now counts as a headline question over its byline and beats the "
               "page's real headline; new with these rules (the old code kept the headline)"),
    # a title whose subtitle names its kind is no field label
    case("en-webinar-series", "Digital Probation: A Webinar Series\n\nFour sessions on "
         "digital tools in probation work." + EN, "Digital Probation: A Webinar Series"),
    # WRONG: a programme page's format field under the title stays a field
    case("en-format-field", "Digital casework in practice\n\nFormat: A webinar series in "
         "four parts\nDates: Tuesdays in November 2025" + EN, "Digital casework in practice",
         mended="broke in the review, mended: "
               "the programme's 'Format: A webinar series in four parts' is taken as the title: "
               "a field's value that names a genre is now no field label at all, and the "
               "field already won before; as before"),
    # the Nynorsk title that names its kind after the colon
    case("nn-seminar-series", "Digital heimeteneste: Ein seminarserie for tilsette" + NN,
         "Digital heimeteneste: Ein seminarserie for tilsette"),
    # WRONG: the Swedish webinar series' title
    case("sv-webinar-series", "Digital socialtjänst: En webbinarieserie\n\nFyra tillfällen "
         "om digitala verktyg." + SV, "Digital socialtjänst: En webbinarieserie",
         mended="broke in the review, mended: "
               "no title at all: the kinds after the article lack the Swedish "
               "'webbinarieserie' (and 'webbinarium'), so the line stays a field label and "
               "nothing else is plausible; as before"),
]


@pytest.mark.parametrize(("text", "title"), TITLES)
def test_title(text: str, title: str) -> None:
    assert title_find(text) == title


# --- years ----------------------------------------------------------------------------------

YEARS = [
    # an English series dated by its weekdays in a month under "Dates"
    case("en-tuesdays", "Digital casework in practice\n\nDates\nTuesdays in November 2025\n"
         + EN, 2025),
    # the Bokmål series under "Datoer:"
    case("nb-tirsdager", "Kurs i digital saksbehandling\n\nDatoer: tirsdager i mai 2024\n"
         + NB, 2024),
    # WRONG: the Nynorsk series under "Datoar:"
    case("nn-tysdagar", "Kurs i digital sakshandsaming\n\nDatoar: tysdagar i mars 2025\n"
         + NN, 2025,
         mended="broke in the review, mended: "
               "no year: the weekday list has no Nynorsk 'tysdag', so the plural suffix 'ar' "
               "the rule adds for Nynorsk never meets its stem and 'Datoar: tysdagar i mars "
               "2025' is missed; as before"),
    # the Danish series under "Datoer:"
    case("da-tirsdage", "Kursus i digital sagsbehandling\n\nDatoer: tirsdage i maj 2024\n"
         + DA, 2024),
    # WRONG: the Swedish series under "Datum:"
    case("sv-tisdagar", "Kurs i digital handläggning\n\nDatum: tisdagar i maj 2025\n" + SV,
         2025,
         mended="broke in the review, mended: "
               "no year: the weekday list has Swedish 'tisdag' and the suffix 'ar', but the "
               "label list has no Swedish 'Datum', so a Swedish course series is missed; as "
               "before"),
]


@pytest.mark.parametrize(("text", "year"), YEARS)
def test_year(text: str, year: int | None) -> None:
    assert year_derive(text, today=TODAY)[0] == year


# --- document types -------------------------------------------------------------------------

TYPES = [
    # a Bokmål journal article's page with its Vancouver citation under the title
    case("nb-vancouver-head", "Digital oppfølging av hjertesviktpasienter\n"
         "Tidsskr Nor Legeforen 2023; 143(4): 312-5\nKari Holm (oppdiktet)\n\n"
         "Sammendrag\nVi fulgte 120 pasienter i to år." + NB,
         "Digital oppfølging av hjertesviktpasienter", "abstract"),
    # a conference page's abstract with its link back to the list
    case("en-back-to-abstracts", "Digital casework in rural councils\nIngrid Vik (invented)\n\n"
         "We interviewed 24 caseworkers in four councils about their new system." + EN +
         "\nBack to all abstracts\n", "Digital casework in rural councils", "abstract"),
    # a Swedish abstract under "Abstrakt"
    case("sv-abstrakt", "Digitala vårdplaner i hemtjänsten\n\nAbstrakt\nVi intervjuade 30 "
         "undersköterskor om de nya vårdplanerna." + SV, "Digitala vårdplaner i hemtjänsten",
         "abstract"),
    # a national strategy's "plan for" still makes a policy
    case("en-plan-for-policy", "A plan for digital welfare services 2025–2030\n\nThe "
         "government sets out five goals." + EN, "A plan for digital welfare services "
         "2025–2030", "policy_document"),
    # WRONG: a national care plan in a policy's title
    case("en-national-care-plan", "The National Care Plan for Older People 2025–2030\n\nThe "
         "government sets out five goals for care at home." + EN,
         "The National Care Plan for Older People 2025–2030", "policy_document",
         mended="broke in the review, mended: "
               "no longer a policy document: 'care plan for' is now read as a person's care "
               "plan, though 'National ... Plan for Older People' is the government's plan; "
               "new with these rules"),
    # a person's follow-up plan in a guide's heading is no policy
    case("en-follow-up-plan", "Follow-up plan for a patient after discharge\n\nThe nurse "
         "fills in the form together with the patient." + EN,
         "Follow-up plan for a patient after discharge", "other"),
    # the Bokmål abstract under "Abstrakt"
    case("nb-abstrakt", "Digital oppfølging av unge uføre\n\nAbstrakt\nVi intervjuet 20 "
         "unge om møtet med Nav." + NB, "Digital oppfølging av unge uføre", "abstract"),
    # a care home's activity plan is no policy
    case("en-activity-plan", "Activity plan for older residents in care homes\n\nThe staff "
         "set up weekly activities." + EN, "Activity plan for older residents in care homes",
         "other"),
    # WRONG: a national treatment plan in a policy's title
    case("en-national-treatment-plan", "The National Treatment Plan for Substance Use "
         "2024–2028\n\nThe government sets out five goals for treatment." + EN,
         "The National Treatment Plan for Substance Use 2024–2028", "policy_document",
         mended="broke in the review, mended: "
               "no longer a policy document: 'treatment plan for' is read as one patient's "
               "plan though 'National' and the years name the government's; new with these "
               "rules"),
    # WRONG: a Bokmål guide to a person's individual plan
    case("nb-individuell-plan", "Individuell plan for barn med store behov\n\nKommunen skal "
         "tilby individuell plan til alle som trenger langvarige tjenester." + NB,
         "Individuell plan for barn med store behov", "other",
         mended="broke in the review, mended: "
               "a policy document: the exceptions to 'plan for' are English only, so the "
               "Bokmål 'individuell plan for' (a person's plan, the exact case the rule meant) "
               "still fires the strategy cue; as before"),
]


@pytest.mark.parametrize(("text", "title", "kind"), TYPES)
def test_type(text: str, title: str, kind: str) -> None:
    assert doc_type_classify(text, title)[0] == kind


NOT_TYPES = [
    # a programme page whose talks each link to their abstract stays a programme
    case("nb-programme-abstract-links", "Program for Velferdskonferansen 2025\n\nTirsdag 4. "
         "mars\n\n09.00 Åpning\n\n09.15 Digital sosialhjelp i praksis\nKari Holm "
         "(oppdiktet), NTNU\nLast ned abstrakt\n\n10.00 Skjermbyråkrati og skjønn\nOla Dahl "
         "(oppdiktet), OsloMet\nLast ned abstrakt\n\n10.45 Pause\n\nPåmelding innen 1. "
         "februar.\n", "Program for Velferdskonferansen 2025", "abstract"),
    # a news story that prints the study's citation is no abstract
    case("nb-news-citation", "Ny studie: digital oppfølging gir færre innleggelser\n\n"
         "Pasienter som ble fulgt opp digitalt, ble sjeldnere lagt inn, viser en ny studie.\n\n"
         "Studien er publisert i:\nTidsskr Nor Legeforen 2024; 144(2): 112-8\n\n– Vi ble "
         "overrasket over forskjellen, sier forskeren.\n",
         "Ny studie: digital oppfølging gir færre innleggelser", "abstract"),
    # WRONG: a short project note whose Vancouver reference list falls in the head
    case("nb-note-references", "Digital hjemmeoppfølging i Vestland\nNotat fra "
         "prosjektgruppen\n\nProsjektet fulgte 40 pasienter i to år, og resultatene ligner dem "
         "i tidligere studier (1, 2).\n\nReferanser\n1. Holm K, Dahl O. Digital oppfølging i "
         "kommunene. Tidsskr Nor Legeforen. 2023;143:00000\n2. Berg I. Pasienters "
         "erfaringer. Sykepleien Forskning. 2022;17:00000\n",
         "Digital hjemmeoppfølging i Vestland", "abstract",
         mended="broke in the review, mended: "
               "typed as an abstract ('a journal citation under the title'): the head is the "
               "first 25 lines, so in a short note the numbered references are 'under the "
               "title' and each cited article makes the note an abstract; new with these "
               "rules (the old code said 'other')"),
]


@pytest.mark.parametrize(("text", "title", "kind"), NOT_TYPES)
def test_not_type(text: str, title: str, kind: str) -> None:
    assert doc_type_classify(text, title)[0] != kind


# --- Norwegian standard ---------------------------------------------------------------------

STANDARDS = [
    # a Nynorsk paragraph with the new forms
    case("nn-new-forms", "Kommunane byrjar no å ta i bruk nye løysingar, og særleg "
         "leigetakarar kjem til å merke det vidare.", "nn"),
    # a Bokmål paragraph with the new forms
    case("nb-new-forms", "Kommunene begynner nå å ta i bruk nye løsninger, og særlig "
         "leietakere kommer til å merke det videre.", "nb"),
    # a radical Bokmål paragraph (sjukmelding, seinere) stays Bokmål
    case("nb-radical", "Mange arbeidstakere er sjukmeldt lenger enn før, og kommunene ønsker "
         "å følge dem opp seinere i forløpet.", "nb"),
    # WRONG: a Nynorsk paragraph that names two Bokmål reports stays Nynorsk
    case("nn-quotes-bokmal", "Kommunen har lese rapportane «Flere muligheter for elever» og "
         "«Veiledning for arbeidsgivere», men dei tilsette meiner at dei ikkje passar her.",
         "nn",
         mended="broke in the review, mended: "
               "no standard (a tie): the two quoted Bokmål titles bring five Bokmål "
               "markers, four of them new (muligheter, elever, veiledning, arbeidsgivere), "
               "against the Nynorsk sentence's five; new with these rules (the old code said "
               "'nn')"),
    # a Nynorsk paragraph with Bokmål forms of the same words stays Nynorsk
    case("nn-with-bokmal-forms", "Dei fleste kommuner har no teke i bruk løsninger for digital "
         "søknad, men mange leietakere seier at dei ikkje får svar.", "nn"),
]


@pytest.mark.parametrize(("text", "standard"), STANDARDS)
def test_standard(text: str, standard: str) -> None:
    assert norwegian_standard(text) == standard


# --- whole texts: prose kept, furniture gone ------------------------------------------------

CLEAN = [
    # a news page keeps its story and loses its closed comments
    case("sv-news-comments", "Ny app för bostadsbidrag\n\nAppen har laddats ner 3 000 gånger "
         "sedan i våras.\n\nKommentarerna är avstängda för den här artikeln.\n",
         "Appen har laddats ner", "Kommentarerna"),
    # WRONG: a report's finding on its money is lost with the EU words in it
    case("en-report-county", "Digital casework at the front line\n\nWe followed forty "
         "caseworkers in four councils for two years.\n\nThe project has received funding "
         "from the EU and the county, which together pay for two caseworkers until 2027.\n"
         "\nComments are closed.\n",
         "which together pay for two caseworkers", "Comments are closed",
         mended="broke in the review, mended: "
               "the whole sentence on who pays for the caseworkers is removed as a funding "
               "disclaimer; new with these rules"),
]


@pytest.mark.parametrize(("text", "kept", "gone"), CLEAN)
def test_clean(text: str, kept: str, gone: str) -> None:
    cleaned = text_clean(text)[0]
    assert kept in cleaned and gone not in cleaned
