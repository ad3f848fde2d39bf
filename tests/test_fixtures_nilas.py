"""Checks of the nilas set (tests/fixtures/exported/nilas), written blind.

The brief of the set: the public-sector IT behind welfare services, that is procurement,
vendors, shared platforms and operations. Tender notices from procurement portals with their
field labels (CPV codes, deadlines, contracting authority, estimated value) and a contract
award notice; a vendor's product page and a customer case study on a municipality's
case-management system; a shared national platform's status page with an incident report and
maintenance windows; a digitalisation or security agency's cloud guidance; an audit office's
report on a welfare agency's IT modernisation; a trade magazine's news item and a CIO's op-ed;
an IT fair's programme for the public sector; a research project's catalogue page on public
procurement of AI; journal abstracts; a consultancy's report landing page. English, Bokmål
and Nynorsk mostly, some Danish and Swedish, several bilingual documents.

The import of the package is never run here: the checks read the CSVs, each document's
visible lines, the saved pages' markup and the set's README.
"""

import re

import fixturesets as fs
import pytest

NILAS = fs.LabelledSet(fs.SETS / "nilas")

# Head fields of the saved pages that carry a date: they must name the labelled year.
HEAD_DATES = {"dcterms.issued", "dcterms.modified", "article:published_time",
              "citation_publication_date", "event:start_time"}

# The brief as phrases the labels' notes must name, "<least> <phrase>" a line.
BRIEF = """
3 tender notice
3 cpv
3 estimated value
1 contract award notice
1 product page
1 case study
2 case-management system
2 status page
1 incident report
2 maintenance window
3 cloud
1 audit office
2 trade magazine
1 op-ed
1 cio
2 it fair
3 public procurement of ai
1 catalogue page
3 journal abstract
1 consultancy's report landing page
4 field labels
"""

# Identifiers as the documents write them, "<kind>: <pattern>" a line; each match's `id`
# group must be zero-filled (or match the kind's real shape below).
FORMATS = r"""
notice or reference: (?:^Notice |Notice |^|Udbuds-ID\s*)(?P<id>0{6}(?:-20\d\d)?)$
portal reference: ^(?P<id>20\d\d-0{6})$
case or diary number: \b(?:Dnr Af-20\d\d/|P23-)(?P<id>[\d ]+)
report number: \b(?:SNF-rapport|MAGMA|Magma) (?P<id>\d+/20\d\d)
ISBN: \bISBN (?P<id>[\d-]+)
ISSN: \bISSN:? (?P<id>[\dX-]+)
postal box: \b(?:Postboks|Box) (?P<id>\d+)
organisation number: \bOrg\.nr\.? (?P<id>[\d ]+\d)
phone: \b(?:Telefon|Telephone|Sentralbord|Switchboard|Phone|Kundeservice) (?P<id>[\d -]*\d)
"""
IDENTIFIERS = {kind: re.compile(pattern, re.M) for kind, pattern in
               (line.split(": ", 1) for line in FORMATS.strip().splitlines())}
ZERO_FILLED = {
    "notice or reference": re.compile(r"0{6}(?:-20\d\d)?"),
    "portal reference": re.compile(r"20\d\d-0{6}"),
    "report number": re.compile(r"0+/20\d\d"),
    "ISBN": re.compile(r"978-(?:1|82)-0+-0+-0"),
    "phone": re.compile(r"(?:0\d{1,3}[ -]|[1-9]\d )?[0 ]+"),
}

# CPV codes as the notices give them: eight digits, a dash and a check digit, each a real
# code of the vocabulary's IT divisions 48 and 72.
CPV = re.compile(r"\b(?P<code>(?:48|72)\d{6}-\d)\b")

# Field labels that a copy or a saved page leaves alone on a line: debris wherever they stand.
LABEL_LINES = ("Sted:", "Pris:", "Plats:", "Publisert:", "Oppdragsgjevar", "Tilbodsfrist",
               "Estimert verdi", "CPV-kodar", "Project period", "Forfattere", "Nøkkelord")

# A document and its sibling (the audit report and its landing page) share a line.
SHARED = (("h08_audit_scotland_report_page_social_security_it_en.html",
           "t03_audit_scotland_report_social_security_it_pdf_en.txt",
           "Social Security Scotland: modernising the benefits IT"),)


def brief() -> dict[str, int]:
    pairs = (line.split(" ", 1) for line in BRIEF.strip().splitlines())
    return {phrase: int(least) for least, phrase in pairs}


def test_csvs_and_readme_agree_with_the_folder():
    fs.files_check(NILAS.folder, NILAS.labels)
    fs.readme_check(NILAS.folder, NILAS.labels, NILAS.debris, NILAS.prose)


@pytest.mark.parametrize("name", NILAS.on_disk)
def test_each_document(name):
    """Codebook values, year rules, placement of title, debris and prose; for a saved page
    also its head (the <title> debris, date fields agreeing) and its <dt>/<dd> fields."""
    NILAS.document_check(name)
    if name in NILAS.pages:
        NILAS.page_check(name, HEAD_DATES)


def test_size_formats_types_and_the_brief():
    fs.size_check(NILAS.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    assert fs.missing_genres(NILAS.labels, brief()) == {}


def test_languages_lean_on_english_and_norwegian():
    fs.language_check(NILAS.labels, {"en": 12, "nb": 10, "nn": 5, "da": 4, "sv": 4},
                      alone_least=3)
    tags, parts, _ = fs.language_counts(NILAS.labels)
    assert sum(n for tag, n in tags.items() if ";" in tag) >= 6, tags
    assert parts["en"] + parts["nb"] + parts["nn"] > 3 * (parts["da"] + parts["sv"]), parts


def test_year_situations_traps_and_later_years_named():
    fs.trap_check(NILAS.labels, NILAS.prose, NILAS.lines)
    missing = set()
    for row in NILAS.prose:
        label = NILAS.labels[row["file"]]
        if label["year"]:
            later = {y for y in fs.YEAR.findall(row["sentence"]) if y > label["year"]}
            missing |= {(row["file"], y) for y in later - set(fs.YEAR.findall(
                label["year_evidence"]))}
    assert not missing, sorted(missing)


def test_glued_times_only_in_programmes_and_kept():
    holders = {name for name, lines in NILAS.lines.items()
               if any(fs.GLUED_TIME.search(line) for line in lines)}
    assert len(holders) >= 4
    assert {NILAS.labels[name]["doc_type"] for name in holders} == {"event_programme"}
    kept = [line for name in holders for line in NILAS.lines[name]
            if fs.GLUED_TIME.search(line) and line in NILAS.debris_of(name)]
    assert kept == [], kept


def test_identifiers_zero_filled_and_each_kind_present():
    seen, wrong = fs.identifier_misses(NILAS.lines, IDENTIFIERS, ZERO_FILLED, "0 -")
    assert (wrong, set(seen)) == ([], set(IDENTIFIERS)), (wrong, seen)


def test_tender_notices_give_cpv_codes_as_debris_fields():
    holders = {name: [line for line in lines if CPV.search(line)]
               for name, lines in NILAS.lines.items()}
    holders = {name: found for name, found in holders.items() if found}
    assert len(holders) >= 4, holders
    assert all(NILAS.labels[name]["doc_type"] == "other" for name in holders)
    assert all(line in NILAS.debris_of(name) for name, found in holders.items()
               for line in found)


def test_field_labels_are_debris_on_every_format():
    hits = [(name, line) for name in NILAS.on_disk for line in NILAS.lines[name]
            if line in LABEL_LINES]
    assert len(hits) >= 6
    assert [hit for hit in hits if hit[1] not in NILAS.debris_of(hit[0])] == []
    assert (NILAS.field_pages() >= 7, NILAS.kept_markdown_fields()) == (True, [])


def test_siblings_share_a_line():
    for first, second, part in SHARED:
        for name in (first, second):
            assert any(part in line for line in NILAS.lines[name]), (name, part)
