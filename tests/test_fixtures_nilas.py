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

Nothing here runs the package's import. What is read: labels.csv, debris.csv and prose.csv,
the visible lines of every document, the markup of the saved pages and the README's tables.
"""

import re

import fixturesets as fs
import pytest

NILAS = fs.LabelledSet(fs.SETS / "nilas")

# Date-bearing <meta> names in the heads of the saved pages (each must name the year label).
HEAD_DATES = set("""
article:published_time citation_publication_date dcterms.issued dcterms.modified
event:start_time
""".split())

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

# The real shape of a zero-filled identifier where it holds more than zeros and separators,
# "<kind> = <pattern>" a line; the other kinds may hold only zeros, spaces and dashes.
SHAPES = r"""
notice or reference = 0{6}(?:-20\d\d)?
portal reference = 20\d\d-0{6}
report number = 0+/20\d\d
ISBN = 978-(?:1|82)-0+-0+-0
phone = (?:0\d{1,3}[ -]|[1-9]\d )?[0 ]+
"""
ZERO_FILLED = dict((kind, re.compile(shape)) for kind, shape in
                   (line.split(" = ", 1) for line in SHAPES.strip().splitlines()))

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


# How the labels' languages must spread: least documents with a part in each language.
LEAST_PARTS = {"en": 12, "nb": 10, "nn": 6, "da": 4, "sv": 4}


def later_years_unnamed() -> list[tuple[str, str]]:
    """(file, year) for each year in a dated document's prose that is later than its label
    and missing from its evidence."""
    found = []
    for row in NILAS.prose:
        label = NILAS.labels[row["file"]]
        named = set(fs.YEAR.findall(label["year_evidence"]))
        found += [(row["file"], y) for y in fs.YEAR.findall(row["sentence"])
                  if label["year"] and y > label["year"] and y not in named]
    return sorted(set(found))


def glued_lines() -> dict[str, list[str]]:
    """The timetable lines with a clock time glued to a title, by document."""
    found = {name: [line for line in lines if fs.GLUED_TIME.search(line)]
             for name, lines in NILAS.lines.items()}
    return {name: lines for name, lines in found.items() if lines}


def test_folder_tables_and_brief():
    """The CSVs, the README's tables and the set's size, formats, types and brief agree."""
    fs.files_check(NILAS.folder, NILAS.labels)
    fs.readme_check(NILAS.folder, NILAS.labels, NILAS.debris, NILAS.prose)
    fs.size_check(NILAS.labels, {"html": (17, 21), "txt": (14, 18), "md": (1, 2)})
    asked = {phrase: int(least) for least, phrase in
             (line.split(" ", 1) for line in BRIEF.strip().splitlines())}
    assert fs.missing_genres(NILAS.labels, asked) == {}


@pytest.mark.parametrize("name", NILAS.on_disk)
def test_document(name):
    """Per document: codebook values, year rules, placement of title, debris and prose; a
    saved page's head (the <title> debris, date fields agreeing) and <dt>/<dd> fields."""
    NILAS.document_check(name)
    if name.endswith(".html"):
        NILAS.page_check(name, HEAD_DATES)


def test_language_spread():
    fs.language_check(NILAS.labels, LEAST_PARTS, alone_least=3)
    tags, parts, _ = fs.language_counts(NILAS.labels)
    nordic_small = parts["da"] + parts["sv"]
    bilingual = [tag for tag in tags.elements() if ";" in tag]
    assert (len(bilingual) >= 6, parts["en"] + parts["nb"] + parts["nn"] > 3 * nordic_small) \
        == (True, True), (tags, parts)


def test_years_and_traps():
    fs.trap_check(NILAS.labels, NILAS.prose, NILAS.lines)
    assert later_years_unnamed() == []


def test_glued_timetables_are_programme_content():
    found = glued_lines()
    kinds = {NILAS.labels[name]["doc_type"] for name in found}
    listed = [(name, line) for name, lines in found.items() for line in lines
              if line in NILAS.debris_of(name)]
    assert (len(found) >= 4, kinds, listed) == (True, {"event_programme"}, [])


def test_identifiers_zero_filled_and_each_kind_present():
    seen, wrong = fs.identifier_misses(NILAS.lines, IDENTIFIERS, ZERO_FILLED, "0 -")
    assert wrong == [] and set(seen) == set(IDENTIFIERS), (wrong, seen)


def test_cpv_codes_stand_in_notices_as_debris():
    holders = {name: [line for line in lines if CPV.search(line)]
               for name, lines in NILAS.lines.items()}
    holders = {name: found for name, found in holders.items() if found}
    assert len(holders) >= 4, holders
    assert all(NILAS.labels[name]["doc_type"] == "other" for name in holders)
    assert all(line in NILAS.debris_of(name) for name, found in holders.items()
               for line in found)


def test_lone_field_labels_and_field_markup_are_debris():
    hits = [(name, line) for name in NILAS.on_disk for line in NILAS.lines[name]
            if line in LABEL_LINES]
    kept = [hit for hit in hits if hit[1] not in NILAS.debris_of(hit[0])]
    assert len(hits) >= 6 and kept == [], kept
    assert NILAS.field_pages() >= 7
    assert NILAS.kept_markdown_fields() == []


def test_audit_report_and_its_page_share_the_title():
    for first, second, part in SHARED:
        assert all(any(part in line for line in NILAS.lines[name]) for name in (first, second))
