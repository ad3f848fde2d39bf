"""Review of the import rules added since ff78def (bodies over a cover's title, funding and
numbered fields, plans named by their kind, programme slots in unwrapping, footnote marks,
Vancouver source lines, a poll's question as debris, and the fourteenth session's type cues),
case by case in the five languages, as tables of cases run through the public functions.
Every text is invented, every person in it too; cases the rules get wrong are strict xfails
whose reason says what goes wrong."""

from datetime import date

import pytest
from conftest import case

from digiwelfare.clean import text_clean
from digiwelfare.doctypes import doc_type_classify, doc_type_features
from digiwelfare.language import language_tag
from digiwelfare.metadata import year_derive
from digiwelfare.readers import lines_unwrap
from digiwelfare.titles import title_find

TODAY = date(2026, 12, 3)

# one sentence of body text under a cover or a headline, per language
NB = ("\n\nKommunene har tatt i bruk mange nye fagsystemer de siste årene, og det har gitt "
      "store endringer for de ansatte i tjenestene.\n")
NN = ("\n\nKommunane har teke i bruk mange nye fagsystem dei siste åra, og det har gitt store "
      "endringar for dei tilsette.\n")
SV = ("\n\nKommunerna har infört många nya verksamhetssystem de senaste åren, och det har "
      "förändrat arbetet för de anställda.\n")
DA = ("\n\nKommunerne har taget mange nye fagsystemer i brug de seneste år, og det har ændret "
      "arbejdet for medarbejderne.\n")
EN = ("\n\nThe municipalities have adopted many new case systems in recent years, and this has "
      "changed daily work for staff.\n")
# a table of contents under a cover: what makes the import read the lines above as a cover
TOC_NN = "\n\nInnhald\n\n1 Bakgrunn ........ 3\n2 Metode ........ 5\n"
TOC_NB = "\n\nInnhold\n\n1 Bakgrunn ........ 3\n2 Metode ........ 5\n"
TOC_DA = "\n\nIndhold\n\n1 Baggrund ........ 3\n2 Metode ........ 5\n"
TOC_EN = "\n\nContents\n\n1 Background ........ 3\n2 Method ........ 5\n"
# nine lines of a Nynorsk paragraph wrapped at a fixed width (enough for lines_unwrap to act)
WRAPPED = ("Arbeidsgruppa møttes fire gonger i løpet av våren og vart samd om at neste møte\n"
           "skulle haldast i rådhuset, der det er plass til alle som vil vere med på arbeidet\n"
           "med å lage ein ny plan for tenestene, og dei tilsette fekk høve til å seie kva dei\n"
           "meinte om den nye digitale ordninga for søknader om økonomisk stønad frå kontoret\n"
           "i kommunen, som no skal gjelde for alle som bur i heradet og i nabokommunane, og\n"
           "som skal vere ferdig utprøvd før sommaren, slik at kontoret kan ta ho i bruk når\n"
           "dei nye tilsette har fått opplæring i saksbehandlingssystemet og i rutinane for\n"
           "oppfølging av dei som søkjer om stønad for første gong etter at dei flytta hit.\n")


# --- titles ---------------------------------------------------------------------------------

TITLES = [
    # a Nynorsk county governor's office over its supervision report
    case("nn-governor", "Statsforvaltaren i Vestland\n\nTilsyn med digital sakshandsaming i "
         "sosiale tenester\n\nRapport 2025" + NN,
         "Tilsyn med digital sakshandsaming i sosiale tenester"),
    # a Swedish county board with "län" over its report
    case("sv-county-board", "Länsstyrelsen i Skåne län\n\nDigitalt stöd för nyanlända\n\n"
         "Rapport 2025:12" + SV, "Digitalt stöd för nyanlända"),
    # a title that opens with the office's name and a colon is still the title
    case("nb-governor-colon", "Statsforvalteren i Vestland\n\nStatsforvalteren i Vestland: "
         "Tilsyn med digitale tenester i fire kommunar" + NN,
         "Statsforvalteren i Vestland: Tilsyn med digitale tenester i fire kommunar"),
    # "Nav <place>" over a development report's title
    case("nb-nav-place", "Nav Fjordbygd\n\nDigital oppfølging av unge brukere\n\nErfaringer "
         "fra et utviklingsarbeid" + NB, "Digital oppfølging av unge brukere"),
    # "Nav og kommunen" is a theme, not Nav with a place; the line under it is chosen
    case("nb-nav-og", "Nav og kommunen\n\nSamarbeid om digital oppfølging" + NB,
         "Samarbeid om digital oppfølging"),
    # an institute named "<Place> forsking" over the report's title
    case("nn-place-forsking", "Vestfjord forsking\n\nDigitale tenester i små kommunar\n\n"
         "VF-rapport 3/2025" + NN, "Digitale tenester i små kommunar"),
    # a guide titled by a kind of research, its subtitle under it
    case("nb-kvalitativ-forskning", "Kvalitativ forskning\nEn innføring for ansatte i Nav"
         + TOC_NB + NB, "Kvalitativ forskning: En innføring for ansatte i Nav",
         mended="broke in the review, mended: "
         "'Kvalitativ forskning' is taken for an institute '<Place> forskning' (the "
         "excluded first words catch only ny/mer/god and -sk/-ig/-e/-t endings), so the guide's "
         "title is passed over and its subtitle alone is the title; a method is no body"),
    # a Nynorsk "herad" over a plan named by its kind alone, the period under it
    case("nn-herad-plan", "Ullvik herad\n\nBustadsosial handlingsplan\n\n2024–2028" + TOC_NN
         + NN, "Bustadsosial handlingsplan"),
    # the body with its plan's period over the strategy's name
    case("nb-body-period", "Ullvik kommune 2024–2028\nDigitaliseringsstrategi for helse og "
         "omsorg" + TOC_NB + NB, "Digitaliseringsstrategi for helse og omsorg"),
    # a title holding a place and a period is a title, not a body with a period
    case("nb-plan-in-full", "Ullvik kommune\nSosial handlingsplan\nBoligsosial handlingsplan "
         "for Ullvik kommune 2024–2028" + TOC_NB + NB,
         "Boligsosial handlingsplan for Ullvik kommune 2024–2028"),
    # "Kommunal planstrategi" names the plan by its kind; no other title on the cover
    case("nb-planstrategi", "Ullvik kommune\nKommunal planstrategi\n2024–2027" + TOC_NB + NB,
         "Kommunal planstrategi"),
    # a two-word strategy name over a case number and a date
    case("nb-numbered-fields", "Ullvik kommune\nDigital strategi\nSaksnummer: 24/00000\nDato: "
         "18.10.2024" + TOC_NB + NB, "Digital strategi"),
    # a Nynorsk funding line over the title on a report's cover
    case("nn-funding-cover", "Eit forskingsprosjekt finansiert av Noregs forskingsråd\n\n"
         "Digitale tenester i små kommunar\n\nSluttrapport" + TOC_NN + NN,
         "Digitale tenester i små kommunar"),
    # "Report number:" over the title, "Funded by ..." under it
    case("en-funded-under", "Report number: 2025:04\nCase handling with algorithms in Nordic "
         "welfare\nFunded by NordForsk" + TOC_EN + EN,
         "Case handling with algorithms in Nordic welfare"),
    # "Finansieret af ..." under a Danish report's title
    case("da-funded-under", "Digital inklusion af ældre borgere\nFinansieret af Velux Fonden\n"
         "Slutrapport" + TOC_DA + DA, "Digital inklusion af ældre borgere"),
    # the Nynorsk funding line over the title of a short note with no contents
    case("nn-funding-no-contents", "Eit forskingsprosjekt finansiert av Noregs forskingsråd\n\n"
         "Digitale tenester i små kommunar\n\nSluttrapport" + NN,
         "Digitale tenester i små kommunar",
         mended="broke in the review, mended: "
         "the funding line is refused only on a cover read through its table of contents: "
         "a note with none takes 'Eit forskingsprosjekt finansiert av Noregs forskingsråd' as "
         "its title, a line no reader would call the document's name"),
    # a funding line under a Nynorsk title, no contents
    case("nn-funded-under-no-contents", "Kvam herad\n\nVelferdsteknologi i heimetenesta\n\n"
         "Finansiert med midlar frå Statsforvaltaren" + NN, "Velferdsteknologi i heimetenesta",
         mended="broke in the review, mended: "
         "with no table of contents 'Finansiert med midlar frå Statsforvaltaren' under "
         "the title outscores it (more words): _FUNDED is checked only in title_from_cover"),
    # "Funded by ..." over the title and "Final report" under it
    case("en-funded-over-final-report", "Funded by the Research Council of Norway\nDigital "
         "welfare at the margins\nFinal report" + TOC_EN + EN, "Digital welfare at the margins",
         wrong="the genre line 'Final report' under the title is joined as its subtitle "
         "('Digital welfare at the margins: Final report'; so before today too): a report's "
         "kind is no subtitle, as the cover's kicker rule says of it above a title"),
    # "Finansiering av ..." is a title about funding, not a funding line
    case("nb-title-about-funding", "Finansiering av velferdsteknologi i kommunene\n\nEn "
         "kartlegging" + NB, "Finansiering av velferdsteknologi i kommunene"),
    # a Swedish address with its postcode under the title
    case("sv-address-postcode", "Bostadsbidrag i en digital tid\n\nStorgatan 12, 111 22 "
         "Stockholm" + SV, "Bostadsbidrag i en digital tid"),
    # a short title over a "prepared by" line that holds an address with a postcode
    case("nb-maker-address", "Digital hjemmeoppfølging\n\nUtarbeidet av Ullvik kommune, "
         "Rådhusgata 5, 0000 Ullvik" + NB, "Digital hjemmeoppfølging",
         wrong="the postcode costs the line 6 points and a two-word title costs 6 as well, so "
         "'Utarbeidet av Ullvik kommune, Rådhusgata 5, 0000 Ullvik' (more words) wins; a "
         "maker's line with an address is never a title"),
    # a Nynorsk event headline "Fagdag: ..." over its fields
    case("nn-fagdag", "Fagdag: Sosialhjelp i ein digital kvardag\n\nTid: 12. mars 2025\n\n"
         "Stad: Ullvik" + NN, "Fagdag: Sosialhjelp i ein digital kvardag"),
    # a Swedish seminar headline over a date field
    case("sv-seminarium", "Seminarium: Bostadsbidrag och digitala ansökningar\n\nDatum: 4 "
         "april 2025" + SV, "Seminarium: Bostadsbidrag och digitala ansökningar"),
    # an audience field under an event headline stays a field
    case("nb-malgruppe-field", "Digitale søknader om sosialhjelp\n\nMålgruppe: Ansatte i Nav "
         "og kommunene\n\nSted: Ullvik" + NB, "Digitale søknader om sosialhjelp",
         mended="mended in the sixteenth session (a field named by its kind, 'Målgruppe:', "
         "'Format:', 'Venue:', counts against a title): "
         "'Målgruppe: Ansatte i Nav og kommunene' outscores the four-word headline (its "
         "value has more words, the field's -2 is not enough; so before today too), right "
         "beside the new rule that frees 'Fagdag: ...' from the field penalty"),
    # a Danish report's title printed again as the running head over "Side 2"
    case("da-running-head", "Digital udlejning af almene boliger\n\nEn undersøgelse i fem "
         "kommuner" + DA + "\nDigital udlejning af almene boliger\n\nSide 2\n\nKommunerne har "
         "taget mange nye fagsystemer i brug.\n", "Digital udlejning af almene boliger"),
    # a book of abstracts' name as the running head: the abstract's own title
    case("en-book-of-abstracts", "Nordic Welfare Conference 2025 – Book of Abstracts\n\n"
         "Digital queues in social services" + EN + "\nNordic Welfare Conference 2025 – Book "
         "of Abstracts\n\n2\n", "Digital queues in social services"),
    # a journal's Vancouver source line over an article's title
    case("nb-vancouver-head", "Tidsskrift for velferdsforskning 2024;186:V00000000\n\n"
         "Digitale postkasser og eldre brukere" + NB, "Digitale postkasser og eldre brukere"),
    # a page opening with a footnote-marked sentence has no title line before it
    case("nb-footnote-sentence", "Vi har intervjuet 40 ansatte ved kontoret om den nye "
         "digitale søknaden.²\n\nKommunene har tatt i bruk mange nye fagsystemer de siste "
         "årene.\n", ""),
]


@pytest.mark.parametrize(("text", "want"), TITLES)
def test_title(text: str, want: str) -> None:
    assert title_find(text) == want


# --- years ----------------------------------------------------------------------------------

YEARS = [
    # a Swedish report number with its year dates the report
    case("sv-report-number", "Länsstyrelsen i Skåne län\n\nDigitalt stöd för nyanlända\n\n"
         "Rapport 2025:12" + SV, 2025),
    # a plan's period on its cover is no publication year
    case("nn-plan-period", "Ullvik herad\n\nBustadsosial handlingsplan\n\n2024–2028" + TOC_NN
         + NN, None),
    # the event's date under a "Fagdag: ..." headline
    case("nn-fagdag-date", "Fagdag: Sosialhjelp i ein digital kvardag\n\nTid: 12. mars 2025"
         "\n\nStad: Ullvik" + NN, 2025),
    # Vancouver lines in a reference list are other works' years
    case("nn-vancouver-references", "Digitale køar i sosialtenesta" + NN + "\nReferansar\n1. "
         "Holm K (oppdikta). Digitale køar. Tidsskr Velferd. 2019;12:e0000\n2. Dahl O "
         "(oppdikta). Chat i Nav. Nord Soc Work. 2021;8:e0001\n", None),
    # the article's own source line over its title
    case("nn-own-source-line", "Tidsskr Velferd. 2025;12:e0000\nDigitale køar i sosialtenesta"
         + NN, 2025),
    # a project's period field is no publication year
    case("nb-project-period", "DIGIHJEM\nProsjektperiode\n2023–2026\nProsjektleder\nKari Holm "
         "(oppdiktet)" + NB, None),
]


@pytest.mark.parametrize(("text", "want"), YEARS)
def test_year(text: str, want: int | None) -> None:
    assert year_derive(text, today=TODAY)[0] == want


# --- unwrapping: programme slots and prose --------------------------------------------------

UNWRAPPED = [
    # Nynorsk slots: a time starts a line, a slot's lower-case tail joins it
    case("nn-slots", WRAPPED + "\nProgram\n09.00–09.30 Registrering og kaffe\n09.30–10.15 "
         "Velkommen ved ordføraren i Ullvik herad og leiaren for\ntenesteområdet\n10.15–11.00 "
         "Digitale køar i sosialtenesta: kva har vi lært av tre år med\nchat\n11.00 Lunsj\n",
         ("\n10.15–11.00 Digitale køar", "\n11.00 Lunsj")),
    # Swedish slots opening with "kl. 09.00"
    case("sv-kl-slots", WRAPPED + "\nProgram\nkl. 09.00 Registrering och kaffe\nkl. 09.30 "
         "Välkommen\nkl. 10.00 Digitala ansökningar om bostadsbidrag: vad har vi lärt oss av tre "
         "år\nkl. 12.00 Lunch\n", ("\nkl. 10.00 Digitala", "\nkl. 12.00 Lunch")),
    # Danish thousands ("12.500") open no slot: the line joins its sentence
    case("da-thousands", WRAPPED + "\nAntallet af digitale ansøgninger steg kraftigt i "
         "perioden, og i alt blev der\n12.500 ansøgninger behandlet uden at en sagsbehandler så "
         "på dem i løbet af året.\n", ("blev der 12.500 ansøgninger",)),
    # an English sentence wrapped just before the time it names
    case("en-wrapped-before-time", WRAPPED + "\nThe drop-in desk used to open at eight, but "
         "from March the office opens at\n10.30 and closes at three, which the users' council "
         "says is far too short a day.\n", ("office opens at 10.30 and closes",),
         mended="broke in the review, mended: "
         "a line opening with a clock time now always starts a line, so one sentence is "
         "cut in two ('... the office opens at' / '10.30 and closes ...'; joined before today): "
         "a slot's time follows a line that ends a slot, not 'opens at'"),
]


@pytest.mark.parametrize(("text", "parts"), UNWRAPPED)
def test_unwrap(text: str, parts: tuple[str, ...]) -> None:
    out = lines_unwrap(text)
    assert all(part in out for part in parts)


# --- cleaning: footnote marks, a question between widgets -----------------------------------

CLEANED = [
    # a Bokmål sentence with a footnote mark after its full stop
    case("nb-footnote-mark", "Vi har intervjuet 40 ansatte ved kontoret om den nye digitale "
         "søknaden.²" + NB, "kontoret om den nye digitale søknaden", True),
    # a Swedish sentence with a dagger after its full stop
    case("sv-dagger", "Handläggarna följde upp alla ansökningar inom tre veckor under "
         "försöket.†" + SV, "inom tre veckor", True),
    # a wrapped Nynorsk sentence whose next line opens with a time keeps both halves
    case("nn-prose-time", WRAPPED + "\nMøtet vart flytta fordi mange av dei som reiser frå dei "
         "ytre delane av\nkommunen ikkje rakk fram til klokka\n10.30 om morgonen, og difor tek "
         "møta no til etter lunsj kvar einaste veke.\n", "10.30 om morgonen, og difor", True),
    # a newspaper poll: label, question, count of votes; the question goes
    case("nb-poll-question", "Digitale søknader om sosialhjelp er nå vanlige i alle landets "
         "kommuner, viser tall fra direktoratet.\n\nDAGENS SPØRSMÅL\nBør Nav stenge skrankene?"
         "\n1 204 har stemt\n" + NB, "Bør Nav stenge skrankene?", False),
    # the prose over the poll stays
    case("nb-prose-over-poll", "Digitale søknader om sosialhjelp er nå vanlige i alle landets "
         "kommuner, viser tall fra direktoratet.\n\nDAGENS SPØRSMÅL\nBør Nav stenge skrankene?"
         "\n1 204 har stemt\n" + NB, "viser tall fra direktoratet", True),
    # a PDF's heading asked as a question between its running head and page number
    case("nn-pdf-question-heading", WRAPPED + "\nDigitale tenester i små kommunar\nKva meiner "
         "brukarane om den digitale søknaden?\n12\n" + NN, "Kva meiner brukarane", True),
    # a talk's title asked as a question between two programme slots
    case("nn-programme-question", WRAPPED + "\nProgram\n09.00–09.30 Registrering og kaffe\n"
         "Kan ein algoritme vere rettferdig?\n10.00–10.30 Pause\n" + NN,
         "Kan ein algoritme vere rettferdig?", True),
    # a blog post's headline asked as a question, under the breadcrumb, over its date
    case("nb-question-headline", "Hjem > Aktuelt > Blogg\nHva skjer med opplysningene dine når "
         "du søker digitalt?\nPublisert 3. mars 2025\n" + NB + "\nVi har spurt fem "
         "saksbehandlere om hvordan de bruker opplysningene.\n",
         "Hva skjer med opplysningene dine", True,
         mended="broke in the review, mended: "
         "the headline stands between the breadcrumb and the 'Publisert' line, both "
         "debris, so the widget rule removes it as 'between debris' and the reading text loses "
         "its headline (kept before today); a breadcrumb and a date are no poll's widgets"),
]


@pytest.mark.parametrize(("text", "part", "stays"), CLEANED)
def test_cleaned(text: str, part: str, stays: bool) -> None:
    assert (part in text_clean(text)[0]) is stays


# --- types ----------------------------------------------------------------------------------

KINDS = [
    # a Danish statements section ("Udtalelser") as the breadcrumb's last step
    case("da-udtalelser", "Forside\nUdtalelser\nDigitale ansøgninger må ikke blive det eneste "
         "valg for ældre\n3. marts 2025\nForeningen mener, at kommunerne skal tilbyde en vej "
         "uden om den digitale ansøgning." + DA, "policy_document"),
    # the Danish position paper's kicker
    case("da-holdningspapir", "Holdningspapir\nDigitale ansøgninger om boligstøtte skal kunne "
         "laves med hjælp\n3. marts 2025\nForeningen mener, at kommunerne skal tilbyde hjælp til "
         "alle." + DA, "policy_document"),
    # the Swedish position paper's kicker
    case("sv-positionspapper", "Positionspapper\nDigitala ansökningar om bostadsbidrag måste "
         "gå att göra med stöd\n3 mars 2025\nFörbundet anser att kommunerna ska erbjuda stöd "
         "till alla." + SV, "policy_document"),
    # "Working Paper 3/2025" on a university paper's cover
    case("en-working-paper", "Ullvik universitet\nWorking Paper 3/2025\nDigital queues in "
         "social services" + EN, "project_report"),
    # "Prosjektperiode" alone over "2023–2026" on a project page
    case("nb-prosjektperiode", "DIGIHJEM\nProsjektperiode\n2023–2026\nProsjektleder\nKari "
         "Holm (oppdiktet)" + NB, "project_report"),
    # a municipal plan with "Periode" over its years stays a policy document
    case("nb-plan-periode", "Ullvik kommune\nHandlingsplan for digital inkludering\nPeriode\n"
         "2024–2028\nVedtatt i kommunestyret 3. mars 2024" + NB, "policy_document"),
    # an abstract's "Artikkelen drøfter ..." still marks an abstract
    case("nb-artikkelen-drofter", "Sammendrag\nArtikkelen drøfter hvordan digitale søknader "
         "endrer møtet mellom Nav og brukerne." + NB, "abstract"),
]


@pytest.mark.parametrize(("text", "want"), KINDS)
def test_kind(text: str, want: str) -> None:
    assert doc_type_classify(text)[0] == want


def test_swedish_position_paper_is_swedish():
    # the Swedish statement's language
    assert language_tag("Positionspapper\nDigitala ansökningar om bostadsbidrag måste gå att "
                        "göra med stöd\n3 mars 2025\nFörbundet anser att kommunerna ska "
                        "erbjuda stöd till alla." + SV) == "sv"


CUES = [
    # news about a statement: the headline names the genre after its first word
    case("da-news-about-statement", "Nyheder\nUdtalelse\nForeningen kom med en udtalelse om "
         "digitale ansøgninger i går\n3. marts 2025\nFormanden siger, at hun er glad for, at "
         "mange har læst den." + DA, "a statement's kicker", False),
    # "Projektet VIDSO studerar ..." on a Swedish project page
    case("sv-projektet-name", "Om projektet\nProjektet VIDSO studerar hur socialtjänsten "
         "använder videosamtal med klienter." + SV, "the project describes itself", True),
    # a municipal news item about a housing development named after its site
    case("nb-building-project", "Nyhet\nNye kommunale boliger på Havnelia\n3. mars 2025\n"
         "Prosjektet Havnelia skal gi 120 nye kommunale boliger innen 2028, opplyser kommunen."
         + NB, "the project describes itself", False,
         wrong="any capitalised word after 'Prosjektet' counts as a project's name, so the cue "
         "fires on news about a housing development (the dated news label still wins here; a "
         "page without one would turn): a building project is no research project"),
    # a news item whose first sentence cites a working paper by its number
    case("nb-news-cites-working-paper", "Nyhet\nNy kunnskap om digital sosialhjelp\n3. mars "
         "2025\nI arbeidsnotat nr. 2/2024 fra Ullvik universitet viser forskerne at mange søker "
         "digitalt." + NB, "a working paper series", False,
         mended="broke in the review, mended: "
         "the series is looked for in the first lines as shown, so news citing "
         "'arbeidsnotat nr. 2/2024' fires it (weight 4) and is typed project_report; citing a "
         "working paper is not being one"),
    # a statistics table with a period column copied one cell a line
    case("nb-period-column", "Statistikk\nTabell 3 Søknader om bostøtte\nPeriode\n2019–2021\n"
         "12 000\nPeriode\n2022–2024\n15 000" + NB, "a project's period field", False,
         mended="broke in the review, mended: "
         "'Periode' is one of the field's labels, so a table's period column fires the "
         "cue and the statistics page is typed project_report; a period column is no "
         "project's period"),
    # "Del artikkelen" on a Bokmål news page
    case("nb-del-artikkelen", "Nyhet\nDigital sosialhjelp i alle kommuner\n3. mars 2025\nDel "
         "artikkelen\nAlle kommuner tilbyr nå digital søknad om sosialhjelp, viser en ny "
         "oversikt." + NB, "paper speaks of itself", False),
]


@pytest.mark.parametrize(("text", "cue", "fires"), CUES)
def test_cue(text: str, cue: str, fires: bool) -> None:
    assert bool(doc_type_features(text).get(cue)) is fires
