"""Shared reading and checks of the labelled sets of exported documents
(tests/fixtures/exported/<set>/: labels.csv, debris.csv, prose.csv), by the conventions of
tests/fixtures/exported/dev/README.md. Used by the test files of the blind-written sets."""

import csv
import re
from collections import Counter
from pathlib import Path

from bs4 import BeautifulSoup

from digiwelfare.config import ROOT

SETS = ROOT / "tests" / "fixtures" / "exported"
TYPES = {"project_report", "policy_document", "abstract", "event_programme", "other"}
LANGUAGES = {"en", "nb", "nn", "da", "sv"}


def set_names() -> list[str]:
    """The labelled sets, in the order of ``sets.txt`` (the README's import table; the
    Makefile reads the same file)."""
    text = (SETS / "sets.txt").read_text(encoding="utf-8")
    return [name for line in text.splitlines() if (name := line.split("#")[0].strip())]


def rows(folder: Path, name: str) -> list[dict]:
    """The rows of one of a set's CSV files."""
    with open(folder / name, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def visible_text(path: Path) -> str:
    """The visible text of the dev README: get_text("\\n") for HTML (and for the page a
    browser saved as one .mhtml file), the raw file for text and Markdown. A PDF's is
    pypdf's text of each page (``extract_text()``), the pages joined by a line end; a Word
    file's is, section by section, its header's paragraphs, then the body in document order
    (a paragraph a line; a table a line a row, the row's distinct cell texts joined by
    " | "), then its footer's paragraphs."""
    if path.suffix == ".pdf":
        from pypdf import PdfReader

        return "\n".join(page.extract_text() or "" for page in PdfReader(path).pages)
    if path.suffix == ".docx":
        return docx_visible_text(path)
    if path.suffix == ".mhtml":
        return BeautifulSoup(mhtml_page(path.read_bytes()), "html.parser").get_text("\n")
    raw = path.read_text(encoding="utf-8")
    return BeautifulSoup(raw, "html.parser").get_text("\n") if path.suffix == ".html" else raw


def mhtml_page(data: bytes) -> str:
    """The page a browser saved as one file (.mhtml, "Webpage, Single File"): its first HTML
    part, decoded."""
    import email
    from email import policy

    message = email.message_from_bytes(data, policy=policy.default)
    part = next(p for p in message.walk() if p.get_content_type() == "text/html")
    return part.get_content()


def docx_visible_text(path: Path) -> str:
    """A Word file's visible text by the convention of :func:`visible_text`."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    body = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            body.append(Paragraph(block, document).text)
        elif block.tag.endswith("}tbl"):
            body += [" | ".join(dict.fromkeys(c.text.strip() for c in row.cells))
                     for row in Table(block, document).rows]
    heads = [p.text for s in document.sections for p in s.header.paragraphs]
    feet = [p.text for s in document.sections for p in s.footer.paragraphs]
    return "\n".join(heads + body + feet)


def flat(text: str) -> str:
    """Text with every run of white space one space (a PDF's lines wrap sentences and titles)."""
    return " ".join(text.split())


def visible_lines(path: Path) -> list[str]:
    """Whole visible lines with surrounding whitespace stripped, empty ones left out."""
    return [line.strip() for line in visible_text(path).split("\n") if line.strip()]


def placement_check(folder: Path, label: dict, debris_rows: list[dict],
                    prose_rows: list[dict]) -> None:
    """The title is a visible line (or a Markdown heading's text) and no debris; each debris
    line is a whole visible line with a letter or digit, listed once; 3 or 4 prose sentences,
    each on one visible line and inside no debris line."""
    lines = visible_lines(folder / label["file"])
    headings = {re.sub(r"^#+\s+", "", line) for line in lines}
    if label["file"].endswith(".pdf"):
        # a PDF wraps a long title or a sentence over lines: its whole text is one more line
        lines = lines + [flat(visible_text(folder / label["file"]))]
        assert label["title"] in lines[-1], "title is not in the PDF's text"
    else:
        assert label["title"] in lines or label["title"] in headings, "title is no visible line"
    debris = [row["line"] for row in debris_rows if row["file"] == label["file"]]
    assert len(debris) == len(set(debris)), "a debris line is listed twice"
    assert label["title"] not in debris and f"# {label['title']}" not in debris
    for line in debris:
        assert line in lines, f"debris is no whole visible line: {line!r}"
        assert line == line.strip() and re.search(r"\w", line), f"bad debris line: {line!r}"
    sentences = [row["sentence"] for row in prose_rows if row["file"] == label["file"]]
    assert 3 <= len(sentences) <= 4
    for sentence in sentences:
        assert any(sentence in line for line in lines), f"prose not on one line: {sentence!r}"
        assert sentence not in debris, f"prose listed as debris: {sentence!r}"
        assert not any(sentence in line for line in debris), f"prose inside debris: {sentence!r}"


YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
BARE = "no 19xx/20xx number"


def readme_tables(folder: Path) -> dict[str, dict[str, int]]:
    """A set README's count tables (`| key | number |` rows), keyed by their first header cell."""
    tables, current = {}, None
    for line in (folder / "README.md").read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|"):
            current = None
        elif current is None:
            current = tables.setdefault(cells[0], {})
        elif len(cells) == 2 and cells[1].isdigit():
            current[cells[0]] = int(cells[1])
    return tables


def overview_misses(folder: Path, labels: dict, debris_rows: list[dict],
                    prose_rows: list[dict]) -> list[str]:
    """The documents without a true `| file | doc_type | languages | year | debris | prose |`
    row in the set README's per-document overview."""
    text = set((folder / "README.md").read_text(encoding="utf-8").splitlines())
    debris = Counter(row["file"] for row in debris_rows)
    prose = Counter(row["file"] for row in prose_rows)
    return [name for name, label in labels.items()
            if f"| {name} | {label['doc_type']} | {label['languages']} | "
               f"{label['year'] or '—'} | {debris[name]} | {prose[name]} |" not in text]


def crlf_check(folder: Path, names: list[str]) -> None:
    """Each of the set's CSV files ends every line with CRLF."""
    for name in ("labels.csv", "debris.csv", "prose.csv"):
        data = (folder / name).read_bytes()
        assert data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n"), name
    for name, found in (("debris.csv", rows(folder, "debris.csv")),
                        ("prose.csv", rows(folder, "prose.csv"))):
        assert sorted({row["file"] for row in found}) == sorted(names), name


def year_check(label: dict, lines: list[str]) -> None:
    """A labelled year is a visible year and the first year its evidence quotes; an undated
    document's evidence starts "no year" and it shows either no year-like number (evidence
    naming BARE) or only years its evidence names."""
    years, evidence = {y for line in lines for y in YEAR.findall(line)}, label["year_evidence"]
    if label["year"]:
        assert 2000 <= int(label["year"]) <= 2030 and label["year"] in years, label["year"]
        assert YEAR.findall(evidence)[:1] == [label["year"]], evidence
    else:
        assert evidence.startswith("no year"), evidence
        assert (not years) if BARE in evidence else (years and years <= set(YEAR.findall(evidence)))


GLUED_TIME = re.compile(r"\d\d[:.]\d\d[A-ZÆØÅÄÖ]")
DOI_PREFIX = re.compile(r"\b10\.(\d{4,9})/")
MAIL = "[email protected]"


def year_traps(labels: dict, prose_rows: list[dict], lines: dict[str, list[str]]) -> dict:
    """The year situations and traps a set's brief asks for, as lists of file names:
    undated with no year-like number (`bare`) or with only other years (`other_years`),
    clock times glued to titles (`glued`), dated documents with a later year in a prose
    sentence (`ahead`); and prose sentences listed for more than one document (`repeated`)."""
    undated = [name for name, label in labels.items() if not label["year"]]
    bare = [name for name in undated if BARE in labels[name]["year_evidence"]]
    dated = {name: int(label["year"]) for name, label in labels.items() if label["year"]}
    ahead = {row["file"] for row in prose_rows if row["file"] in dated
             and any(int(y) > dated[row["file"]] for y in YEAR.findall(row["sentence"]))}
    sentences = Counter(row["sentence"] for row in prose_rows)
    return {"bare": bare, "other_years": [name for name in undated if name not in bare],
            "glued": [name for name, found in lines.items() if any(map(GLUED_TIME.search, found))],
            "ahead": sorted(ahead), "repeated": [s for s, n in sentences.items() if n > 1]}


def label_check(label: dict, lines: list[str], debris: set[str]) -> None:
    """Codebook values, a title and evidence, e-mail placeholders only on debris lines, DOI
    prefixes only the placeholder 10.0000, and the year rules (year_check)."""
    codes = label["languages"].split(";")
    assert label["doc_type"] in TYPES and set(codes) <= LANGUAGES and len(set(codes)) == len(codes)
    assert label["title"].strip() and label["year_evidence"].strip()
    assert all(line in debris for line in lines if MAIL in line), "e-mail placeholder kept"
    assert {p for line in lines for p in DOI_PREFIX.findall(line)} <= {"0000"}, "real DOI prefix"
    year_check(label, lines)


def language_counts(labels: dict) -> tuple[Counter, Counter, Counter]:
    """The `languages` labels counted three ways: whole labels (`nb`, `nb;en`, …), each
    language wherever it has a part, and the first language of the bilingual labels."""
    tags = Counter(label["languages"] for label in labels.values())
    parts = Counter(code for tag in tags.elements() for code in tag.split(";"))
    openers = Counter(tag.split(";")[0] for tag in tags.elements() if ";" in tag)
    return tags, parts, openers


def missing_genres(labels: dict, genres: dict[str, int]) -> dict[str, int]:
    """The genres (lower-case phrases) that the labels' notes name fewer times than asked,
    with how often they do name them."""
    notes = " | ".join(label["notes"].lower() for label in labels.values())
    return {genre: notes.count(genre) for genre, least in genres.items()
            if notes.count(genre) < least}


def genre_types(notes: str, rules: dict[str, re.Pattern]) -> set[str]:
    """The types whose genre words (``rules``: type -> pattern) occur in the genre that opens
    a label's notes (its text up to " (")."""
    genre = notes.lower().partition(" (")[0]
    return {kind for kind, words in rules.items() if words.search(genre)}


def by_notes(labels: dict, opening: str) -> str:
    """The one document whose notes start with ``opening`` (lower case)."""
    (name,) = [n for n, label in labels.items() if label["notes"].lower().startswith(opening)]
    return name


SUFFIXES = {".html": "html", ".txt": "txt", ".md": "md", ".pdf": "pdf", ".docx": "docx",
            ".mhtml": "mhtml"}


class LabelledSet:
    """One set read once for its test (:func:`load`): the labels by file, the debris and
    prose rows, the documents on disk with their visible lines, the saved pages, and the
    three columns the README's count tables give (:func:`column_counts`)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.labels, self.debris, self.prose, self.lines = load(folder)
        self.on_disk = list(self.lines)
        self.pages = [name for name in self.on_disk if name.endswith(".html")]
        self.by_column = column_counts(self.labels)
        self._debris_by_file = debris_by_file(self.debris)

    def soup(self, name: str) -> BeautifulSoup:
        return BeautifulSoup((self.folder / name).read_text(encoding="utf-8"), "html.parser")

    def debris_of(self, name: str) -> set[str]:
        return self._debris_by_file.get(name, set())

    def page_check(self, name: str, meta_dates: set[str]) -> None:
        """:func:`page_check` of one of the set's saved pages."""
        page_check(self.folder / name, self.labels[name], self.debris_of(name), meta_dates)

    def field_pages(self) -> int:
        """How many saved pages carry a `<dt>`/`<dd>` field list."""
        return sum(bool(self.soup(name).find("dt")) for name in self.pages)

    def kept_markdown_fields(self) -> list[tuple[str, str]]:
        """The bold field lines (`**Label:** value`) of the Markdown pages that are not debris,
        as (file, line) pairs."""
        return [(name, line) for name in self.on_disk if name.endswith(".md")
                for line in self.lines[name]
                if re.match(r"\*\*[^*]+:\*\*", line) and line not in self.debris_of(name)]

    def document_check(self, name: str) -> None:
        """:func:`label_check` and :func:`placement_check` of one of the set's documents."""
        label_check(self.labels[name], self.lines[name], self.debris_of(name))
        placement_check(self.folder, self.labels[name], self.debris, self.prose)

    def sentences(self, name: str) -> list[str]:
        """The prose sentences labelled for one document."""
        return [row["sentence"] for row in self.prose if row["file"] == name]

    def each_document_check(self, name: str, meta_dates: set[str],
                            type_rules: dict[str, re.Pattern]) -> None:
        """The shared rules of one document (:meth:`document_check`, :meth:`page_check` of a
        saved page), its type named by the genre that opens its notes, and every later year of
        its prose named in its year evidence."""
        label = self.labels[name]
        self.document_check(name)
        if name in self.pages:
            self.page_check(name, meta_dates)
        assert genre_types(label["notes"], type_rules) == {label["doc_type"]}
        if label["year"]:
            later = {y for s in self.sentences(name) for y in YEAR.findall(s)
                     if y > label["year"]}
            assert {y for y in later if y not in label["year_evidence"]} == set()

    def roles_check(self, roles: dict[str, str]) -> None:
        """Files and README tables (:func:`files_check`, :func:`readme_check`), and every role
        of the brief (the opening of its notes) held by a document of its own."""
        files_check(self.folder, self.labels)
        readme_check(self.folder, self.labels, self.debris, self.prose)
        holders = {key: by_notes(self.labels, opening) for key, opening in roles.items()}
        assert len(set(holders.values())) == len(roles)

    def bilingual_check(self, least: int, abstracts: int) -> None:
        """At least ``least`` bilingual documents, opened by all five languages, and at least
        ``abstracts`` abstracts among them."""
        bilingual = [lab for lab in self.labels.values() if ";" in lab["languages"]]
        assert len(bilingual) >= least
        assert len({lab["languages"].split(";")[0] for lab in bilingual}) == 5
        assert sum(lab["doc_type"] == "abstract" for lab in bilingual) >= abstracts

    def consultations_check(self, least: int) -> None:
        """At least ``least`` consultation responses, every one typed policy_document."""
        responses = [lab["doc_type"] for lab in self.labels.values()
                     if lab["notes"].lower().startswith("consultation response")]
        assert len(responses) >= least and set(responses) == {"policy_document"}

    def glued_check(self) -> None:
        """Programmes, and only they, glue clock times to titles: four lines or more each,
        none of them debris."""
        programmes = [n for n in self.on_disk if self.labels[n]["doc_type"] == "event_programme"]
        assert sorted(year_traps(self.labels, self.prose, self.lines)["glued"]) == \
            sorted(programmes)
        for name in programmes:
            glued = {line for line in self.lines[name] if GLUED_TIME.search(line)}
            assert len(glued) >= 4 and not glued & self.debris_of(name), name

    def identifiers_check(self, finders: dict[str, str], forms: dict[str, str]) -> None:
        """Every identifier kind of ``finders`` occurs, each zero-filled in its ``forms``
        (:func:`identifier_misses`)."""
        seen, wrong = identifier_misses(
            self.lines, {k: re.compile(p) for k, p in finders.items()},
            {k: re.compile(p) for k, p in forms.items()}, "0 /-.")
        assert wrong == [] and set(seen) == set(finders), (seen, wrong)

    def contents_check(self, leaders: re.Pattern, least: int) -> None:
        """At least ``least`` dot-leader contents lines, every one debris."""
        found = [(n, line) for n in self.on_disk for line in self.lines[n]
                 if leaders.search(line)]
        assert len(found) >= least
        assert [pair for pair in found if pair[1] not in self.debris_of(pair[0])] == []


def documents(folder: Path) -> list[str]:
    """The documents of a set folder (HTML, text and Markdown files but its README), by name."""
    return sorted(p.name for p in folder.iterdir() if p.suffix in SUFFIXES and p.stem != "README")


def column_counts(labels: dict) -> dict[str, Counter]:
    """The labels counted as a set README's count tables count them, keyed by their header."""
    return {"format": Counter(SUFFIXES[Path(name).suffix] for name in labels),
            "doc_type": Counter(label["doc_type"] for label in labels.values()),
            "languages (label)": language_counts(labels)[0]}


def size_check(labels: dict, bounds: dict[str, tuple[int, int]]) -> None:
    """36 to 40 documents, each format within its bounds, all five types with 4 to 12 each."""
    counts = column_counts(labels)
    formats, types = counts["format"], counts["doc_type"]
    assert 36 <= len(labels) <= 40, len(labels)
    assert all(low <= formats[key] <= high for key, (low, high) in bounds.items()), formats
    assert set(types) == TYPES and all(4 <= n <= 12 for n in types.values()), types


def language_check(labels: dict, least: dict[str, int], alone_least: int = 1) -> None:
    """Every codebook language present, each in at least `least` documents; Danish and Swedish
    together in no more documents than English and English in no more than Norwegian; en, nb
    and nn alone at least four times each and every language alone `alone_least` times; at
    least five bilingual documents opened by at least four different languages."""
    tags, parts, openers = language_counts(labels)
    assert set(parts) == LANGUAGES, parts
    assert {code: n for code, n in least.items() if parts[code] < n} == {}, parts
    assert parts["da"] + parts["sv"] <= parts["en"] <= parts["nb"] + parts["nn"], parts
    alone = {code: tags[code] for code in LANGUAGES}
    assert min(alone[c] for c in ("en", "nb", "nn")) >= 4, alone
    assert min(alone.values()) >= alone_least, alone
    assert sum(openers.values()) >= 5 and len(openers) >= 4, openers


def trap_check(labels: dict, prose_rows: list[dict], lines: dict[str, list[str]]) -> None:
    """At least three documents of each year situation and trap of `year_traps`, and no prose
    sentence listed for two documents."""
    found = year_traps(labels, prose_rows, lines)
    short = {key: names for key, names in found.items() if key != "repeated" and len(names) < 3}
    assert short == {}, "fewer than three documents of a year situation or trap"
    assert found["repeated"] == [], "a prose sentence in two documents"


def page_check(path: Path, label: dict, debris: set[str], meta_dates: set[str]) -> None:
    """A saved page has a `<head>` whose `<title>` is debris and not the title; its head
    fields named in `meta_dates` name the labelled year first; every `<dt>`/`<dd>` field is
    debris."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert page.head and page.head.title and page.head.title.get_text().strip() in debris
    assert page.head.title.get_text().strip() != label["title"], "<title> is the title"
    for meta in page.head.find_all("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").lower()
        if key in meta_dates:
            assert label["year"] and YEAR.findall(meta["content"])[:1] == [label["year"]], \
                f"{key} disagrees"
    fields = [tag.get_text().strip() for tag in page.find_all(["dt", "dd"])]
    assert all(field in debris for field in fields), "a <dt>/<dd> field is not debris"


def load(folder: Path) -> tuple[dict, list[dict], list[dict], dict[str, list[str]]]:
    """A set's labels (by file), debris and prose rows, and each document's visible lines (in
    the order of the files on disk)."""
    labels = {row["file"]: row for row in rows(folder, "labels.csv")}
    lines = {name: visible_lines(folder / name) for name in documents(folder)}
    return labels, rows(folder, "debris.csv"), rows(folder, "prose.csv"), lines


def debris_by_file(debris_rows: list[dict]) -> dict[str, set[str]]:
    """The debris lines of each document."""
    found: dict[str, set[str]] = {}
    for row in debris_rows:
        found.setdefault(row["file"], set()).add(row["line"])
    return found


def files_check(folder: Path, labels: dict) -> None:
    """labels.csv has one row a document, in file order, and the CSVs end lines with CRLF."""
    assert list(labels) == documents(folder), "labels.csv: one row a document, in file order"
    crlf_check(folder, documents(folder))


def readme_check(folder: Path, labels: dict, debris_rows: list[dict],
                 prose_rows: list[dict]) -> None:
    """The README's count tables and its per-document overview agree with the CSVs."""
    tables = readme_tables(folder)
    assert {key: tables.get(key) for key in column_counts(labels)} == {
        key: dict(count) for key, count in column_counts(labels).items()}
    assert overview_misses(folder, labels, debris_rows, prose_rows) == []


def identifier_misses(lines: dict[str, list[str]], identifiers: dict[str, re.Pattern],
                      zero_filled: dict[str, re.Pattern],
                      allowed: str = "0 /-") -> tuple[Counter, list]:
    """How often each kind of identifier occurs in a set's visible lines, and the (file, line)
    pairs whose identifier is not zero-filled: its `id` group must match the kind's pattern in
    `zero_filled`, or else hold only the characters of `allowed` (zeros and separators)."""
    seen, wrong = Counter(), []
    for name, found in lines.items():
        for line in found:
            for kind, pattern in identifiers.items():
                for match in pattern.finditer(line):
                    seen[kind] += 1
                    ident, real = match["id"].strip(), zero_filled.get(kind)
                    if (real and not real.fullmatch(ident)) or (
                            not real and set(ident) - set(allowed)):
                        wrong.append((name, line))
    return seen, wrong
