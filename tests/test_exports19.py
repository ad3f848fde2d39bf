"""Export shapes the nineteenth session's blind sets (cinder, basalt) lost or typed wrongly, each
written here in our own words: an abstract wrapped at a fixed width (arXiv's Atom answer), a
search answer whose echo of the query came before its records (BASE's Solr JSON), values held
in <text> elements (Pure's XML), per-language columns with Finnish among them (research.fi),
a file's format where a kind should be (Publish or Perish), and kinds given as codes or
subtypes (SwePub, Zenodo, DataCite). Each case failed on the code before."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from digiwelfare.bibliography import field_unwrap
from digiwelfare.readers import Record, readers_registry


def read(path: Path, text: str, encoding: str = "utf-8") -> list:
    path.write_bytes(text.encode(encoding))
    return readers_registry()[path.suffix](path, path.read_bytes(), path.name)


def docs(found: list) -> list[Record]:
    return [r for r in found if isinstance(r, Record)]


WRAPPED = """Municipal help desks explain digital benefit claims to people who cannot
use the online forms. We observed four desks over two months and coded
each visit. Staff mostly filled in the forms themselves, which saved time
but left the claimants unsure of what had been sent in their name."""


def test_an_abstract_wrapped_at_a_width_is_one_paragraph_again(tmp_path):
    atom = f"""<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">query results</title>
  <entry>
    <id>http://example.org/abs/0000.00000v1</id>
    <published>2023-04-02T10:00:00Z</published>
    <title>Help desks as the hidden back office of digital benefits</title>
    <summary>{WRAPPED}</summary>
  </entry>
</feed>
"""
    (doc,) = docs(read(tmp_path / "query.xml", atom))
    assert doc.text.startswith("Municipal help desks explain digital benefit claims")
    assert doc.text.endswith("sent in their name.")
    assert "\n" not in doc.text
    assert doc.year == 2023


def test_a_structured_abstract_keeps_its_sections_on_their_lines():
    text = "BACKGROUND\nHelp desks grew.\nMETHODS: We observed four\ndesks in two towns."
    assert field_unwrap(text) == ("BACKGROUND\nHelp desks grew.\n"
                                  "METHODS: We observed four desks in two towns.")


def test_a_search_answer_s_query_echo_is_no_record(tmp_path):
    answer = {"responseHeader": {"status": 0, "params": {"q": "help desk", "format": "json",
                                                         "hits": "10"}},
              "response": {"numFound": 2, "docs": [
                  {"dctitle": "Help desks and digital claims", "dcyear": 2021,
                   "dctype": ["PhD thesis"], "dctypenorm": ["183"],
                   "dcdescription": "The thesis follows claimants who get help at "
                                    "municipal desks with their online benefit forms."},
                  {"dctitle": "Self-service and its helpers", "dcyear": 2020,
                   "dctype": ["Article"], "dctypenorm": ["121"],
                   "dcdescription": "An article on the staff who fill in online forms for "
                                    "claimants at service centres."}]}}
    found = docs(read(tmp_path / "search.json", json.dumps(answer)))
    assert [d.title for d in found] == ["Help desks and digital claims",
                                                "Self-service and its helpers"]
    assert {d.meta.get("doc_type") for d in found} == {"abstract"}


PURE = """<?xml version="1.0" encoding="UTF-8"?>
<result><count>1</count><items>
<contributionToJournal uuid="0"><title><text locale="en_GB">Alarms at home: what telecare
asks of relatives</text></title><type><term><text locale="en_GB">Journal article</text></term>
</type><abstract><text locale="en_GB">&lt;p&gt;Relatives answer many of the alarms that
telecare raises.&lt;/p&gt;&lt;p&gt;We interviewed twenty of them about the night calls.&lt;/p&gt;
</text></abstract><personAssociations><personAssociation><name><firstName>Kari (invented)
</firstName><lastName>Dahl</lastName></name></personAssociation></personAssociations>
<publicationStatuses><publicationStatus><publicationDate><year>2022</year></publicationDate>
</publicationStatus></publicationStatuses></contributionToJournal>
</items></result>
"""


def test_values_held_in_text_elements_take_their_holder_s_name(tmp_path):
    (doc,) = docs(read(tmp_path / "research-outputs.xml", PURE))
    assert doc.title.startswith("Alarms at home")
    assert doc.text.startswith("Relatives answer many of the alarms")
    assert "night calls" in doc.text and "<p>" not in doc.text
    assert str(doc.year) == "2022" and doc.meta["doc_type"] == "abstract"
    assert "Dahl" not in doc.text and "Kari" not in doc.title


def test_a_register_s_columns_per_language_finnish_among_them(tmp_path):
    rows = ["funderName;funderProjectNumber;projectNameFi;projectNameSv;projectNameEn;"
            "projectDescriptionFi;projectDescriptionSv;projectDescriptionEn;fundingStartDate",
            "A council;000000;;;Help desks in small towns;;;The project maps how small towns "
            "help residents with online claims and who pays for it.;2021-01-01"]
    (doc,) = docs(read(tmp_path / "funding_decisions.csv", "\r\n".join(rows) + "\r\n"))
    assert doc.title == "Help desks in small towns"
    assert doc.text.startswith("The project maps how small towns")


def test_a_file_s_format_in_the_kind_column_is_no_kind(tmp_path):
    rows = ["Cites,Authors,Title,Year,Source,Type,DOI,ISSN,Abstract",
            '3,"A Berg (invented)",Desks and forms,2021,Journal of Help,PDF,,,"We study the '
            'help desks that fill in online forms for claimants."']
    (doc,) = docs(read(tmp_path / "PoPCites.csv", "\r\n".join(rows) + "\r\n"))
    assert doc.meta["doc_type"] == "abstract"


def test_kinds_as_codes_and_subtypes(tmp_path):
    swepub = {"hits": [{"title": "Library help with e-services", "publication_year": 2022,
                        "publication_type": "art", "summary": "Libraries help older "
                        "people with public e-services; we studied fourteen of them."}],
              "total": 1}
    (doc,) = docs(read(tmp_path / "swepub.json", json.dumps(swepub)))
    assert doc.meta["doc_type"] == "abstract"
    zenodo = {"hits": {"hits": [{"metadata": {
        "title": "Night shifts and sensors", "publication_date": "2021-03-01",
        "resource_type": {"type": "publication", "subtype": "article"},
        "description": "<p>Night staff in home care rely on sensors; we asked how.</p>"}}]}}
    (doc,) = docs(read(tmp_path / "records.json", json.dumps(zenodo)))
    assert doc.meta["doc_type"] == "abstract"
    datacite = """<?xml version="1.0" encoding="UTF-8"?>
<OAI-PMH><ListRecords><record><metadata><resource>
<titles><title>Sensors at night</title></titles>
<publicationYear>2021</publicationYear>
<resourceType resourceTypeGeneral="Text">Journal article</resourceType>
<descriptions><description descriptionType="Abstract">Night staff in home care rely on
sensors; we asked eleven of them how.</description></descriptions>
</resource></metadata></record></ListRecords></OAI-PMH>
"""
    (doc,) = docs(read(tmp_path / "oai.xml", datacite))
    assert doc.meta["doc_type"] == "abstract"


def test_a_rights_line_naming_its_holder_before_the_year_is_no_text():
    from digiwelfare.bibliography import abstract_clean

    field = ("The report compares online admission to day care in four countries,\n"
             "including appeals. © Nordic Council of Ministers 2021")
    assert abstract_clean(field) == ("The report compares online admission to day care in "
                                     "four countries, including appeals.")
    # a sign inside a sentence, no statement after the text, stays
    kept = "Forms carry the © sign since 1999, the study found. It ended in 2020."
    assert abstract_clean(kept) == kept


# From the blind sets rhyolite and andesite


def test_a_tab_delimited_export_whose_abstracts_hold_commas(tmp_path):
    # Web of Science's tab-delimited file: its header's tabs decide, not the abstracts'
    # commas; each record's line ends in a tab
    header = "PT\tAU\tTI\tSO\tAB\tPY\tUT"
    row = ("J\tBerg, A (invented)\tSensors, robots and staff\tJournal of Care\tWe asked staff, "
           "managers, relatives and residents, in four homes, how sensors changed night work, "
           "and what they would keep.\t2022\tWOS:000000000000000\t")
    (doc,) = docs(read(tmp_path / "savedrecs.txt", "\ufeff" + header + "\r\n" + row + "\r\n",
                       "utf-16-le"))
    assert doc.title == "Sensors, robots and staff" and doc.year == 2022
    assert doc.text.startswith("We asked staff, managers")


def test_a_dspace_export_with_locales_in_its_column_names(tmp_path):
    rows = ['id,collection,dc.contributor.author,dc.date.issued,'
            'dc.description.abstract[en_US],dc.description.abstract[nb_NO],dc.title[nb_NO]',
            '0,0/0,"Dahl, K (invented)",2022,"We surveyed users of digital mail.",'
            '"Vi spurte brukere av digital post.",Digital post og brukerne']
    (doc,) = docs(read(tmp_path / "metadata.csv", "\r\n".join(rows) + "\r\n"))
    assert doc.title == "Digital post og brukerne" and doc.year == 2022
    assert "We surveyed users" in doc.text and "Vi spurte brukere" in doc.text


def test_a_feed_saved_as_rss_or_atom(tmp_path):
    rss = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Reports</title>
<item><title>Take-up of digital mail in 2023</title>
<pubDate>Tue, 05 Mar 2024 08:00:00 +0100</pubDate>
<description>&lt;p&gt;The report counts who reads letters from public bodies in a digital
mailbox and who still gets them on paper.&lt;/p&gt;</description></item>
</channel></rss>
"""
    (doc,) = docs(read(tmp_path / "reports.rss", rss))
    assert doc.title == "Take-up of digital mail in 2023" and doc.year == 2024
    # the same feed saved under the other name a browser gives it
    (doc,) = docs(read(tmp_path / "reports.atom", rss))
    assert doc.title == "Take-up of digital mail in 2023" and doc.year == 2024


def test_a_feed_reader_s_saved_articles(tmp_path):
    saved = {"id": "user/0/state/starred", "items": [
        {"id": "0", "title": "Pill dispensers at home", "published": 1709251200,
         "updated": 1709251200, "summary": {"direction": "ltr", "content":
                                            "<p>Dispensers move work between nurses and "
                                            "pharmacists; we asked both.</p>"}}]}
    (doc,) = docs(read(tmp_path / "starred.json", json.dumps(saved)))
    assert doc.year == 2024 and doc.text.startswith("Dispensers move work")


def test_a_translated_abstract_beside_the_original(tmp_path):
    rows = ["Grant number,Title,Title translated,Abstract,Abstract translated,Funder",
            "000,Sensorer i sykehjem,Sensors in nursing homes,Prosjektet følger sensorer i "
            "sykehjem.,The project follows sensors in nursing homes.,A council"]
    (doc,) = docs(read(tmp_path / "Dimensions-Grant.csv", "\r\n".join(rows) + "\r\n"))
    assert doc.title == "Sensorer i sykehjem"
    assert doc.text.startswith("Prosjektet følger") and doc.text.endswith("nursing homes.")


# From the blind sets dacite and breccia


def test_a_wordpress_rest_answer(tmp_path):
    posts = [{"id": 1, "date": "2023-05-22T10:00:00", "title": {"rendered": "Reasons missing "
              "in automated housing decisions"}, "excerpt": {"rendered": "<p>The ombudsman "
              "found that automated decisions did not say which income was used.</p>\n",
              "protected": False}, "content": {"rendered": "", "protected": False}}]
    (doc,) = docs(read(tmp_path / "statements.json", json.dumps(posts)))
    assert doc.title == "Reasons missing in automated housing decisions" and doc.year == 2023
    assert doc.text.startswith("The ombudsman found that automated decisions")


def test_decisions_listed_by_their_numbers_are_titled_by_them(tmp_path):
    rows = ["Dokument;Domstol;Dato;Sammendrag",
            "HR-0000-0000-A;Supreme Court;12.10.2023;A repayment decision made by a rule-based "
            "system without manual review was held invalid for want of reasons."]
    (doc,) = docs(read(tmp_path / "hits.csv", "\r\n".join(rows) + "\r\n"))
    assert doc.title == "HR-0000-0000-A" and doc.year == 2023
    hits = {"total": 1, "resultatLista": [{"referatNummerLista": [], "malNummerLista":
            ["0000-23"], "avgorandedatum": "2023-10-05", "sammanfattning": "An application "
            "sent through the portal counts as received on the day it was registered."}]}
    (doc,) = docs(read(tmp_path / "sok.json", json.dumps(hits)))
    assert doc.title == "0000-23" and doc.text.startswith("An application sent")


def test_a_search_engine_s_hits_and_a_title_in_an_analysed_language_first(tmp_path):
    answer = {"hits": {"total": {"value": 1}, "hits": [{"_index": "funding", "_id": "0",
              "_source": {"projectNameFi": "Digitaalinen osallisuus harvaan asutuilla alueilla",
                          "projectNameEn": "Digital inclusion in sparsely populated areas",
                          "projectDescriptionEn": "The project studies how digital services "
                          "reach people far from service points.",
                          "funderProjectNumber": "000000", "fundingStartYear": 2022}}]}}
    (doc,) = docs(read(tmp_path / "fundings.json", json.dumps(answer)))
    assert doc.title == "Digital inclusion in sparsely populated areas"
    assert doc.text.startswith("The project studies how digital services")


def test_pure_s_json_with_texts_in_their_locales(tmp_path):
    outputs = {"count": 1, "items": [{
        "title": {"value": "Sensing care at night"},
        "type": {"term": {"text": [{"locale": "en_GB", "value": "Journal article"}]}},
        "abstract": {"text": [{"locale": "en_GB", "value": "<p>Sensors move night work "
                                                           "between staff and systems.</p>"}]},
        "personAssociations": [{"name": {"firstName": "Mads (invented)", "lastName": "Kjær"}}],
        "publicationStatuses": [
            {"current": False, "publicationDate": {"year": 2023}},
            {"current": True, "publicationDate": {"year": 2024}}]}]}
    (doc,) = docs(read(tmp_path / "research-outputs.json", json.dumps(outputs)))
    assert doc.title == "Sensing care at night" and doc.year == 2024
    assert doc.text == "Sensors move night work between staff and systems."
    assert doc.meta["doc_type"] == "abstract"


# From the blind set xenolith


def test_a_csl_yaml_bibliography(tmp_path):
    text = """references:
- id: berg2022
  type: report
  title: Assisted digital help in four municipalities
  issued:
    date-parts:
    - [2022, 3]
  abstract: >-
    The report follows staff who help residents with online forms and asks
    who pays for that help.
- id: dahl2021
  type: article-journal
  title: Digital letters and older readers
  issued: 2021-05-04
  abstract: We asked older readers how they meet letters from public bodies online.
"""
    found = docs(read(tmp_path / "references.yaml", text))
    assert [d.title for d in found] == ["Assisted digital help in four municipalities",
                                        "Digital letters and older readers"]
    assert [d.year for d in found] == [2022, 2021]
    assert found[0].text.startswith("The report follows staff") and "\n" not in found[0].text
    assert found[1].meta["doc_type"] == "abstract"


def test_a_policy_database_s_snippet_and_publication_day(tmp_path):
    rows = ["Overton id,Title,Source,Published on,Document type,Snippet",
            "x-0,Digital first but not only,An agency,2023-03-14,publication,This report "
            "follows up the agency's self-service channels and who still calls."]
    (doc,) = docs(read(tmp_path / "overton-export.csv", "\r\n".join(rows) + "\r\n"))
    assert doc.year == 2023 and doc.text.startswith("This report follows up")


# Types of a catalogue's records that no kind types (after andesite, xenolith and dacite)


def _import_one(tmp_path, name: str, text: str):
    from digiwelfare.corpus import corpus_read
    from digiwelfare.ingest import corpus_import

    (tmp_path / "in").mkdir(exist_ok=True)
    path = tmp_path / "in" / name
    path.write_text(text, encoding="utf-8")
    corpus_import([path], tmp_path / "c", echo=lambda line: None)
    return corpus_read(tmp_path / "c")


def test_a_catalogue_s_record_with_no_kind_and_no_cue_is_its_list_s_publication(tmp_path):
    rows = ["Tittel;Utgitt;Sammendrag",
            "Bruk av digital post i 2023;2024;Andelen som leser brev fra det offentlige i en "
            "digital postkasse økte, men eldre over 80 år får fortsatt mange brev på papir."]
    docs_ = _import_one(tmp_path, "publikasjoner.csv", "\r\n".join(rows) + "\r\n")
    assert list(docs_["doc_type"]) == ["policy_document"]
    assert list(docs_["doc_type_source"]) == ["record in a list, no cue"]


@pytest.mark.parametrize("summary", [
    "Universal credit - claimant's online journal - whether a message amounted to a request "
    "for mandatory reconsideration - held that it did.",
    "Spørsmålet var om ankefristen løp fra vedtaket ble lagt i den ankende partens digitale "
    "postkasse. Retten fant grunn til å se bort fra fristoversittelsen.",
    "Klagefristen regnes fra det tidspunkt, hvor afgørelsen er tilgængelig i modtagerens "
    "digitale postkasse, også selv om borgeren ikke har åbnet den.",
    "Fråga om ett beslut om bostadsbidrag som fattats automatiserat uppfyllde kravet på "
    "motivering.",
])
def test_a_decision_on_a_case_in_a_list_is_other(tmp_path, summary):
    rows = ["Title,Date,Summary", f'Case 0000,2023-04-12,"{summary}"']
    docs_ = _import_one(tmp_path, "decisions.csv", "\r\n".join(rows) + "\r\n")
    assert list(docs_["doc_type"]) == ["other"]
    assert list(docs_["doc_type_source"]) == ["cue: a decision on a case"]


def test_a_web_page_with_no_cue_stays_other(tmp_path):
    page = ("<html><head><title>Opening hours</title></head><body><main><h1>Opening hours"
            "</h1><p>The service centre in the town hall is open on weekdays and helps with "
            "forms of every kind.</p></main></body></html>")
    docs_ = _import_one(tmp_path, "page.html", page)
    assert list(docs_["doc_type"]) == ["other"]


# From the blind set agate


def test_orcid_s_works_and_hal_s_solr_fields(tmp_path):
    orcid = {"bulk": [{"work": {"put-code": 1, "title": {"title": {"value": "Citizens at "
             "the counter"}}, "short-description": "The article asks what digital "
             "citizenship means at a welfare office's counter.", "type": "journal-article",
             "publication-date": {"year": {"value": "2022"}}}}]}
    (doc,) = docs(read(tmp_path / "works.json", json.dumps(orcid)))
    assert doc.title == "Citizens at the counter" and doc.year == 2022
    assert doc.text.startswith("The article asks what digital citizenship")
    hal = {"responseHeader": {"params": {"q": "co-production", "wt": "json", "fl": "*"}},
           "response": {"numFound": 1, "docs": [{"title_s": ["Panels of citizens"],
                        "en_abstract_s": ["Citizen panels advised a council on its online "
                                          "services for a year."], "producedDateY_i": 2021,
                        "docType_s": "ART"}]}}
    (doc,) = docs(read(tmp_path / "hal.json", json.dumps(hal)))
    assert doc.title == "Panels of citizens"
    assert doc.text.startswith("Citizen panels advised a council")
