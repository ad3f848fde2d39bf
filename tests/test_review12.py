"""Review of the import rules added since 6c23a47 (years, debris, titles, organisations and
document-type cues), case by case in the five languages. Every text is invented; cases the
rules get wrong are strict xfails whose reason says what goes wrong."""

import pytest

from digiwelfare.clean import line_debris, text_clean
from digiwelfare.doctypes import doc_type_classify
from digiwelfare.metadata import year_derive
from digiwelfare.organisations import line_is_organisation
from digiwelfare.titles import title_find, title_is_plausible

# three paragraphs of body text (Bokmål), enough that no zone rule takes the lines around them
BODY = ("Kommunene har tatt i bruk mange nye fagsystemer de siste årene, og det har gitt store "
        "endringer for de ansatte i tjenestene.\n\n"
        "Undersøkelsen viser at de fleste ansatte er positive, men at mange savner opplæring og "
        "tid til å lære de nye rutinene.\n\n"
        "Vi anbefaler at staten gir mer støtte til små kommuner som ikke har egne fagmiljøer på "
        "feltet.\n")
# a sentence of English body text, for pages in English
PROSE_EN = ("The municipalities have adopted many new case systems in recent years, and this "
            "has changed daily work for staff in every service.\n\n")
# a table of contents with dot leaders: what makes the lines above it a report's cover
CONTENTS = "\n\nInnhold\n1 Bakgrunn ........ 3\n2 Funn ........ 5\n\n"
ON_PROJECT = frozenset({"modified"})  # what the import ignores on a project's page
NOT_PROGRAMME = ("event date",)  # what the import tries last on a page that is no programme


def kept(text: str) -> str:
    """The text that cleaning keeps."""
    return text_clean(text)[0]


def cover_title(head: str) -> str:
    """The title found on a report's cover with these lines."""
    return title_find(head + CONTENTS + BODY)


# --- years -----------------------------------------------------------------------------------

def test_published_date_beats_announced_seminar():
    # a news page's publication date wins over the seminar its text announces
    text = ("Velferdsforum\nPublisert 3. mars 2023\n\n"
            "Seminaret arrangeres torsdag 12. juni 2025 i Bergen, og alle er velkomne.\n")
    assert year_derive(text, last=NOT_PROGRAMME) == (2023, "published")


def test_announced_seminar_dates_page_without_other_date():
    # with nothing else, the seminar a page announces still dates it
    text = "Nyhet\nSeminaret finner sted tirsdag 3. juni 2025 i Oslo.\n"
    assert year_derive(text, last=NOT_PROGRAMME)[0] == 2025


def test_project_end_date_field_is_not_the_page_year():
    # a project record's "End date" is its plan, the publication date is the page's own
    text = ("Prosjekt: Digital hjelp i hjemmet\nStart date: 01.01.2021\nEnd date: 31.12.2024\n"
            "Publisert 04.05.2022\n")
    assert year_derive(text, ignore=ON_PROJECT)[0] == 2022


def test_swedish_slutdatum_label_above_is_not_the_page_year():
    # Swedish project page: "Slutdatum" above its date is a plan; the final report dates it
    text = ("Projekt\nSlutdatum\n31.12.2026\nSlutrapport levererad: 15.02.2024\n")
    assert year_derive(text, ignore=ON_PROJECT) == (2024, "final report")


def test_sluttrapport_levert_field_dates_catalogue_page():
    # a catalogue's "Sluttrapport levert:" field dates the page
    assert year_derive("Om prosjektet\nSluttrapport levert: 15.02.2024\n") == (2024, "final report")


def test_danish_slutrapport_indleveret_field():
    # the same field in Danish
    assert year_derive("Om projektet\nSlutrapport indleveret: 1. marts 2023\n")[0] == 2023


def test_wiki_last_edited_line():
    # a wiki's "last edited" line dates the page
    text = "Wiki\nThis page was last edited on 4 May 2023, at 10:12.\n"
    assert year_derive(text) == (2023, "modified")


def test_nynorsk_sist_redigert():
    # Nynorsk wiki: "Sida vart sist redigert" dates the page
    assert year_derive("Wiki\nSida vart sist redigert 4. mai 2023.\n")[0] == 2023


def test_report_series_plural_numbers_report():
    # "Reports 03/2025" on a cover numbers the report itself
    assert year_derive("Reports 03/2025\nDigital welfare at home\n") == (2025, "report number")


@pytest.mark.xfail(strict=True, reason=(
    "a news page from 2024 that lists an older report 'Rapporter 4/2021' is dated 2021 by "
    "the plural series rule: the plural names a series listing, and the news heading's year "
    "is the page's"))
def test_news_listing_older_report_keeps_its_own_year():
    # news that names an older report in the plural series keeps the news year
    text = "Nyheter 2024\nRapporter 4/2021\nDenne nyheten omtaler en eldre rapport fra serien.\n"
    assert year_derive(text)[0] == 2024


@pytest.mark.xfail(strict=True, reason=(
    "a publications list ('Rapporter 2/2019', '5/2021', '1/2023') is dated by its first "
    "item, 2019: a list of several report numbers is a list, not the cover of one report"))
def test_publication_list_not_dated_by_first_item():
    # a page listing a series' reports has no year from them
    text = "Publikasjoner\nRapporter 2/2019\nRapporter 5/2021\nRapporter 1/2023\n"
    assert year_derive(text) == (None, "")


def test_vancouver_source_line_dates_article():
    # a journal's Vancouver source line near the top dates the article
    text = "Norsk Epidemiologi 2024; 32 (1): 11–20\nDigital oppfølging av eldre\n"
    assert year_derive(text) == (2024, "cover date")


def test_volume_supplement_source_line_dates_article():
    # an English journal's volume-and-supplement line dates the abstract
    text = "The European Journal of Public Health, Volume 34, Supplement 3, 2024\nAbstract\n"
    assert year_derive(text) == (2024, "cover date")


def test_news_with_published_date_over_cited_study():
    # a news page citing a study keeps its publication date
    text = ("Ny studie om digital hjelp\nStudien: Holm K, Dahl O. Tidsskr Nor Legeforen 2019; "
            "139(4): 33–40.\nPublisert 12.03.2024\n")
    assert year_derive(text)[0] == 2024


@pytest.mark.xfail(strict=True, reason=(
    "a reference to an older article near the top (Vancouver style, authors first) is read "
    "as the page's own cover date, 2019; a source line of the article itself opens with the "
    "journal, a citation opens with its authors and title, and the page says 2024"))
def test_citation_near_top_is_not_cover_date():
    # a cited article's reference at the top is not the page's source line
    text = ("Ny studie om digital hjelp\nHolm K, Dahl O. Digital hjelp. Tidsskr Nor Legeforen "
            "2019; 139(4): 33–40.\nArtikkelen er omtalt her i 2024, fem år etter at den kom.\n")
    assert year_derive(text)[0] != 2019


# --- debris: page headers, wrapped tails, footnotes, comments, declarations -------------------

def test_running_head_with_page_number_removed():
    # a PDF running head with its page number after a wide gap is removed
    text = BODY + "\nDigital forvaltning i kommunene      12\n\n" + BODY
    assert "forvaltning i kommunene" not in kept(text)
    assert "tid til å lære" in kept(text)


def test_page_number_first_running_head_removed():
    # the number first ("48      ÅRBOK ...") is a running head too
    text = BODY + "\n48      ÅRBOK FOR VELFERDSFORSKNING 2024\n\n" + BODY
    assert "ÅRBOK" not in kept(text)


def test_sentence_with_wide_gap_before_number_kept():
    # a sentence with a wide gap inside stays, its gap a space again
    text = BODY + "\nMålet er nådd i      3 av 5 kommuner.\n\n" + BODY
    assert "Målet er nådd i 3 av 5 kommuner." in kept(text)


@pytest.mark.xfail(strict=True, reason=(
    "a sentence broken by a page break loses its second half: the running head between "
    "'... og at' and 'systemene ofte endres uten varsel.' is debris with no full stop, so "
    "the wrapped-tail rule takes the continuation (lower case, short) with it; a line "
    "under a page header is the page's text resuming, not the header's tail"))
def test_sentence_across_page_break_keeps_its_tail():
    # PROSE LOST: the continuation of a sentence after a running head
    text = (BODY + "\nMange av de ansatte sier at de har fått for lite opplæring, og at\n"
            "Digitale tjenester i kommunene      14\nsystemene ofte endres uten varsel.\n\n" + BODY)
    assert "systemene ofte endres uten varsel." in kept(text)


@pytest.mark.xfail(strict=True, reason=(
    "the same loss under a bare page number: 'the systems change without warning.' opens in "
    "lower case under '14' and is removed as its wrapped tail"))
def test_english_sentence_across_bare_page_number_keeps_its_tail():
    # PROSE LOST: English sentence resumed under a page number
    text = (PROSE_EN + "Many staff say they were given too little training, and that the\n"
            "14\nsystems change without warning.\n\n" + PROSE_EN)
    assert "systems change without warning." in kept(text)


@pytest.mark.xfail(strict=True, reason=(
    "a paragraph opening with a lower-case brand or prefix ('e-helse er ...') under a "
    "'Les mer' link is removed as the link's wrapped tail; it is a whole sentence with its "
    "own full stop, which a wrapped debris tail would not be"))
def test_lower_case_sentence_under_link_kept():
    # PROSE LOST: "e-helse ..." sentence under a read-more link
    text = (BODY + "\nLes mer\ne-helse er et område der kommunene samarbeider tett med staten.\n\n"
            + BODY)
    assert "e-helse er et område" in kept(text)


def test_wrapped_caption_tail_removed():
    # a caption's tail wrapped onto the next line goes with it
    text = (BODY + "\nFigur 2 Andel brukere som har\ndigital postkasse i 2024\n\n" + BODY)
    assert "digital postkasse i 2024" not in kept(text)


def test_long_lower_case_line_under_source_kept():
    # a long lower-case line under a source line is text, not a tail
    text = (BODY + "\nKilde: SSB\nog tallene er hentet fra statistikkbanken, som oppdateres "
            "årlig og er fritt tilgjengelig for alle brukere.\n\n" + BODY)
    assert "statistikkbanken" in kept(text)


@pytest.mark.xfail(strict=True, reason=(
    "a PDF table's rows ('Antall brukere      1204') are taken as running heads: a label "
    "and a number after a wide gap is a table row as often as a page header, and two such "
    "rows in a row are a table (data of the document, not furniture)"))
def test_table_rows_with_wide_gaps_kept():
    # table rows from a PDF are not page headers
    text = BODY + "\nAntall brukere      1204\nAntall ansatte      312\n\n" + BODY
    assert "Antall brukere" in kept(text)


def test_phone_after_gap_not_page_header():
    # a contact with a phone number is no page header (another rule may still take it)
    assert line_debris("Kontakt      22 00 00 00") != "page header"


def test_superscript_footnote_without_call_removed():
    # a footnote by its superscript mark goes even when its call was lost
    text = BODY + "\n¹ Se også kapittel 4 om dette.\n\n" + BODY
    assert "kapittel 4" not in kept(text)


def test_superscript_before_number_kept():
    # a table row opening with a superscript before a number is not a footnote
    text = BODY + "\n¹ 2023 45 %\n\n" + BODY
    assert "footnote" not in text_clean(text)[1]


def test_comments_thread_removed():
    # a readers' thread under the text goes
    text = ("Digital post for alle\n\n" + BODY + "\nKommentarer (2)\nKari Holm (invented)\n"
            "Bra skrevet!\nSvar\n")
    out = kept(text)
    assert "Bra skrevet" not in out and "tid til å lære" in out


def test_consultation_comments_section_kept():
    # a consultation's "Kommentarer" section of sentences stays
    text = ("Høring om digital post\n\n" + BODY + "\nKommentarer\nDepartementet har mottatt "
            "mange kommentarer til forslaget.\nDe fleste støtter det.\nNoen er kritiske.\n"
            "Svar fra departementet kommer etter sommeren.\n\n" + BODY)
    assert "Departementet har mottatt" in kept(text)


def test_report_comments_section_of_short_sentences_kept():
    # a report's own short "Comments" section at its end stays
    text = (PROSE_EN + PROSE_EN.replace("many", "several") + "Comments\nThe council agrees.\n"
            "No objections from the agency.\nSee annex 2 for the full replies.\n")
    assert "The council agrees." in kept(text)


def test_about_the_authors_heading_is_a_declaration_heading():
    # "About the authors" and its bio among the footer's links go as a declaration
    text = (PROSE_EN + PROSE_EN.replace("many", "several") + "About the authors\n"
            "Kari Holm (invented) is a researcher at the institute.\n\nShare this article\n"
            "Facebook\nLinkedIn\nE-mail\n")
    assert "researcher at the institute" not in kept(text)


def test_om_forfatterne_section_followed_by_text_kept():
    # a report's "Om forfatterne" section with text after it stays
    text = ("Om forfatterne\nKari Holm (invented) er forsker ved instituttet og har skrevet om "
            "digitale tjenester.\n\n" + BODY)
    assert "er forsker ved instituttet" in kept(text)


def test_om_forfatteren_in_prose_kept():
    # a sentence naming a book "Om forfatteren" is prose, not a declaration
    text = (BODY + "\nBoka Om forfatteren og verket hans kom ut i fjor og fikk gode kritikker.\n\n"
            + BODY)
    assert "Boka Om forfatteren" in kept(text)


# --- titles and organisations -----------------------------------------------------------------

def test_body_named_again_below_is_passed_over():
    # "Nav" over a title naming Nav: the title is the second line
    assert cover_title("Nav\nDigital oppfølging i Nav\nRapport 2024") == "Digital oppfølging i Nav"


def test_swedish_body_named_again_below():
    # Swedish cover: the agency over its strategy
    assert cover_title("Arbetsförmedlingen\nIt-strategi för Arbetsförmedlingen 2025–2027") == \
        "It-strategi för Arbetsförmedlingen 2025–2027"


def test_prepared_by_line_is_no_title():
    # "Prepared by ..." above the title is a byline
    assert cover_title("Prepared by the Audit Office for the Ministry\n"
                       "Digital services for older people") == "Digital services for older people"


def test_kind_of_project_line_is_no_subtitle():
    # "Sluttrapport fra prosjektet X" under the title is its kind
    assert cover_title("Digital hjemmeoppfølging\nSluttrapport fra prosjektet DIGIHJEM") == \
        "Digital hjemmeoppfølging"


def test_kicker_with_number_passed_over():
    # "Rapport nr. 7" above the title is a kicker
    assert cover_title("KS\nRapport nr. 7\nDigital hjemmeoppfølging i Bergen") == \
        "Digital hjemmeoppfølging i Bergen"


@pytest.mark.xfail(strict=True, reason=(
    "a short title over its report number ('Digitalt utenforskap' / 'Rapport 3/2024' / "
    "'Mars 2024') is taken for a body's name over a kicker and passed over, and the cover "
    "yields no title at all: a two-word title is as common as a two-word body"))
def test_short_title_over_report_number_is_the_title():
    # TITLE LOST: a short Bokmål title over its report number
    assert cover_title("Digitalt utenforskap\nRapport 3/2024\nMars 2024") == "Digitalt utenforskap"


@pytest.mark.xfail(strict=True, reason=(
    "the same in Swedish, worse: 'Digitalt utanförskap' is passed over as a body and the "
    "place-and-year line 'Stockholm 2024' becomes the title"))
def test_swedish_short_title_over_report_number_is_the_title():
    # TITLE WRONG: the place and year line taken as title
    assert cover_title("Digitalt utanförskap\nRapport nr. 3\nStockholm 2024") == \
        "Digitalt utanförskap"


def test_genre_and_year_stays_a_title():
    # "Årsrapport 2024" alone is a title, not a kicker
    assert cover_title("Årsrapport 2024\nKari Holm (invented)").startswith("Årsrapport 2024")


def test_source_line_is_never_a_title():
    # a journal's source line is no title
    assert not title_is_plausible("Norsk Epidemiologi 2024; 32 (1): 11–20")


@pytest.mark.xfail(strict=True, reason=(
    "a title with a year and a numbered clause ('Frå 2020, 3(b) til i dag: reforma i "
    "praksis') matches the Vancouver pattern 'YEAR, vol(issue)' and is refused as a source "
    "line; a source line has no words after the issue but pages"))
def test_title_quoting_a_clause_is_plausible():
    # TITLE REFUSED: a Nynorsk title citing a paragraph of a law
    assert title_is_plausible("Frå 2020, 3(b) til i dag: reforma i praksis")


def test_compound_heads_are_bodies():
    # a body by a compound head, in three languages
    assert line_is_organisation("Nasjonal sikkerhetsmyndighet")
    assert line_is_organisation("Juridiska institutionen")
    assert line_is_organisation("Teknisk-naturvitenskapelig forening")


def test_ministry_in_one_word_is_a_body():
    # "Justisdepartementet", "Socialministeriet": a ministry in one word
    assert line_is_organisation("Justisdepartementet")
    assert line_is_organisation("Beskæftigelsesministeriet")


def test_company_with_joined_parts():
    # a company form with a name's parts joined in lower case
    assert line_is_organisation("Samfunns- og næringslivsforsking AS")


def test_phrases_with_a_body_word_are_not_bodies():
    # headings that mention a body are not a body
    assert not line_is_organisation("Slik blir du medlem i Norsk forening")
    assert not line_is_organisation("Fra tilsyn til myndighet")


@pytest.mark.xfail(strict=True, reason=(
    "a report's title 'Digital myndighet' (an adjective and the common noun 'authority') "
    "counts as a body by the compound-head rule, since the adjective ending '-al' is taken "
    "for a body's adjective; a body's name has a compound ('sikkerhetsmyndighet') or a "
    "national/regional adjective, not any adjective"))
def test_adjective_and_common_noun_is_not_a_body():
    # TITLE LOOKS LIKE AN ORGANISATION: "Digital myndighet"
    assert not line_is_organisation("Digital myndighet")


@pytest.mark.xfail(strict=True, reason=(
    "'Digitale tjenester - hvordan AS' (a headline ending in the abbreviation) is a company "
    "to the joined-parts rule because the dash counts as a joined part; a dash alone is no "
    "name's part ending in '-'"))
def test_dash_is_not_a_joined_part():
    # a lone dash does not make a company name
    assert not line_is_organisation("Digitale tjenester - hvordan AS")


# --- document types ---------------------------------------------------------------------------

def test_court_judgment_summary_is_other():
    # a legal database's judgment summary is other
    text = "Høyesterett\nDom\nAvsagt 3. mars 2024\nParter: A mot Nav\nSammendrag av dom\n" + BODY
    assert doc_type_classify(text) == ("other", "cue: a court's judgment")


def test_danish_judgment_fields():
    # Danish judgment fields: "Ret:", "Afsagt ..."
    text = "Ret: Østre Landsret\nSagsnr.: 00/2025\nAfsagt 3. februar 2025\n" + BODY
    assert doc_type_classify(text)[0] == "other"


def test_nynorsk_procurement_notice_is_other():
    # a Nynorsk procurement notice (Tilbodsfrist, Oppdragsgjevar) is other
    text = ("Kunngjering av konkurranse\nOppdragsgjevar: Gloppen kommune\nTilbodsfrist: "
            "1. april 2025\nCPV-kodar: 00000000\n" + BODY)
    assert doc_type_classify(text)[0] == "other"


def test_keywords_label_alone_on_its_line():
    # an abstract with "Keywords" alone on its line is an abstract
    text = ("Digital welfare in the Nordic countries\nKari Holm (invented)\nAbstract\nThis paper "
            "studies how Nordic welfare services went digital.\nKeywords\ndigital welfare; "
            "Nordic\n")
    assert doc_type_classify(text)[0] == "abstract"


@pytest.mark.xfail(strict=True, reason=(
    "a circular ('Rundskriv R-00/2024' heading, 'Rundskrivet gjelder alle kommuner') is "
    "classified other although its genre word in the head was added to make it a policy "
    "document: the 'strategy words in the head in the lead' cue scores it higher for other "
    "(1.35) than for a policy document (0.79)"))
def test_circular_is_policy_document():
    # TYPE WRONG: a ministry's circular
    text = ("Rundskriv R-00/2024\nDigital post i kommunene\nRundskrivet gjelder alle kommuner.\n"
            + BODY)
    assert doc_type_classify(text)[0] == "policy_document"


def test_committee_opinion_with_rapporteur():
    # an EU committee's opinion with its rapporteur is a body's recommendation
    text = "Opinion\nRapporteur: Kari Holm (invented)\nThe committee welcomes the proposal.\n"
    assert doc_type_classify(text + PROSE_EN)[0] == "policy_document"


@pytest.mark.xfail(strict=True, reason=(
    "a workshop's programme with time slots and a group's 'Rapporteur:' line is classified "
    "a policy document by the committee-opinion cue; at workshops a rapporteur reports "
    "from a group, and the time slots make it a programme"))
def test_workshop_programme_with_rapporteur_is_programme():
    # TYPE WRONG: a programme with a rapporteur
    text = ("Workshop programme\n09.00 Welcome\n09.30 Keynote\n10.30 Coffee\n"
            "Rapporteur: Kari Holm (invented)\n" + PROSE_EN)
    assert doc_type_classify(text)[0] == "event_programme"


def test_public_opinion_headline_is_not_committee_opinion():
    # "Public opinion" is no committee's opinion
    text = "Public opinion\nMost people trust digital services, a new survey shows.\n" + PROSE_EN
    assert doc_type_classify(text)[0] != "policy_document"
