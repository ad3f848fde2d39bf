"""Importing documents: a folder of PDFs, Word files, web pages, text files and bibliographic
exports becomes a corpus folder, with nothing lost and nothing sensitive kept.

:func:`corpus_import` checks its inputs, then runs named steps: read the records of every
file (:mod:`digiwelfare.readers`), find the lines repeated across them, make each record a
document (clean, derive title, year, type and language, mask), place it (new, duplicate,
unchanged, updated or replaced), and write the corpus in one transaction.

Every input file (and every record of a bibliographic export) ends up in
``import_report.csv`` as ``imported``, ``unchanged``, ``updated`` (its metadata changed),
``replaced``, ``duplicate`` (of another document, named) or ``skipped`` (with the reason),
so the counts always add up. Personal identifiers are masked in everything written or
printed: texts, every metadata value, ids made from file names, sources and reasons.
"""

from __future__ import annotations

import os
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
from filelock import FileLock, Timeout

from digiwelfare.clean import lines_repeated, text_clean
from digiwelfare.corpus import COLUMNS, DOC_TYPES, SCHEMA
from digiwelfare.doctypes import doc_type_classify
from digiwelfare.identifiers import KINDS, Masker
from digiwelfare.language import language_tag
from digiwelfare.metadata import year_derive
from digiwelfare.readers import Record, Skip, bytes_decode, readers_registry
from digiwelfare.store import (
    REPORT_COLUMNS,
    CorpusState,
    ImportFailure,
    csv_strict_read,
    store_open,
    store_write,
    text_fingerprint,
    words_shingles,
)
from digiwelfare.titles import title_find, title_remove

MAX_BYTES = 20_000_000
NEAR_DUPLICATE = 0.8  # Jaccard similarity of word 5-gram sets above which texts are one


# --- small helpers --------------------------------------------------------------------------

#: The folder a browser saves a page's images, scripts, styles and frames in beside the page
#: ("Webpage, Complete": "Page.html" and "Page_files"; older Windows browsers name it in the
#: system's language).
_RESOURCE_FOLDER = re.compile(r"(?P<page>.+?)(?:_files|_filer|-filer|_Dateien|-Dateien|"
                              r"_fichiers|_archivos|_bestanden|-bestanden|_tiedostot)")
_PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".mhtml", ".mht", ".shtml")
#: Documents a researcher may have put among a saved page's resources (a report the page links
#: to, downloaded there): read as any file, not left out with the frames and scripts.
_DOCUMENT_SUFFIXES = (".pdf", ".docx")


def page_resources_of(folder: Path) -> Path | None:
    """The saved page whose resources ``folder`` holds ("Page_files" beside "Page.html" or
    "Page.HTM"), or None when it is an ordinary folder."""
    name = _RESOURCE_FOLDER.fullmatch(folder.name)
    if name is None or not folder.is_dir():
        return None
    return next((p for p in sorted(folder.parent.iterdir()) if p.is_file() and
                 p.suffix.lower() in _PAGE_SUFFIXES and p.stem == name["page"]), None)


def _resource_documents(folder: Path) -> list[Path]:
    """The documents (:data:`_DOCUMENT_SUFFIXES`) among a saved page's resources."""
    return sorted(Path(d) / f for d, _, files in os.walk(folder) for f in files
                  if Path(f).suffix.lower() in _DOCUMENT_SUFFIXES)


def sources_list(sources: Iterable[str | Path]) -> list[Path]:
    """Input files: files as given, folders searched recursively (hidden files and the
    ``metadata.csv`` of a folder left out), in sorted order, each once. Links that lead
    nowhere or in a loop are listed too, so that the report can say so, and so is the folder
    of a saved page's resources (:func:`page_resources_of`), as one entry: its frames and
    scripts are no documents."""
    found: list[Path] = []
    for src in sources:
        path = Path(src)
        if not path.is_dir() or path.is_symlink():
            found.append(path)
            continue
        for dirpath, dirnames, filenames in os.walk(path):  # links to folders: not followed
            base = Path(dirpath)
            kept = [d for d in dirnames if (base / d).is_symlink() or page_resources_of(base / d)]
            dirnames[:] = sorted(d for d in dirnames if not d.startswith(".") and d not in kept)
            found += sorted(base / name for name in [*filenames, *kept]
                            if not name.startswith(".") and name != "metadata.csv")
            found += [p for d in kept if not (base / d).is_symlink()
                      for p in _resource_documents(base / d)]
    return list(dict.fromkeys(found))


def id_slug(name: str) -> str:
    """An id from a file name: ASCII letters and digits, Norwegian letters spelled out.

    >>> id_slug("Rapport om Ørsta kommune (2021).pdf")
    'rapport-om-orsta-kommune-2021'
    """
    stem = Path(name).stem.lower()
    for a, b in (("æ", "ae"), ("ø", "o"), ("å", "a"), ("ß", "ss"), ("đ", "d"), ("ł", "l")):
        stem = stem.replace(a, b)
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", stem).strip("-")[:56] or "doc"


def beside_metadata(folder: Path) -> dict[str, dict[str, str]]:
    """Rows of a ``metadata.csv`` next to input files, by the file name in its ``file`` column.

    Raises :class:`Skip` naming the problem: no ``file`` column, a file named twice, a
    column the codebook does not know, or a broken CSV.
    """
    path = folder / "metadata.csv"
    if not path.is_file():
        return {}
    try:
        table = csv_strict_read(bytes_decode(path.read_bytes()))
    except (ValueError, Skip) as err:
        raise Skip(f"{path}: not a readable CSV ({str(err).splitlines()[0][:80]}); fix it "
                   "and import again") from None
    if "file" not in table.columns:
        raise Skip(f"{path}: needs a 'file' column naming each file it describes")
    unknown = [c for c in table.columns if c not in (*COLUMNS, "file")]
    if unknown:
        raise Skip(f"{path}: unknown column(s) {', '.join(unknown)}; the codebook's columns "
                   "are " + ", ".join(COLUMNS))
    twice = sorted(table["file"][table["file"].duplicated()].unique())
    if twice:
        raise Skip(f"{path}: file(s) described twice: {', '.join(twice)}")
    return {row["file"]: {k: v for k, v in row.items() if v != "" and k != "file"}
            for row in table.to_dict("records")}


def corpus_key(folder: Path) -> bytes:
    """The corpus's masking key (``.mask_key``, readable by its owner only), made on first
    use. Keep it private: with it, a guessed identifier can be checked against a placeholder."""
    path = folder / ".mask_key"
    if not path.is_file():
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(secrets.token_hex(32))
    return path.read_bytes().strip()


@dataclass
class ImportResult:
    report: pd.DataFrame
    corpus: Path

    def counts(self) -> dict[str, int]:
        return self.report["status"].value_counts().to_dict()


# --- the steps ---------------------------------------------------------------------------------

def _records_read(path: Path, max_bytes: int) -> list:
    if path.is_symlink() and not path.exists():
        raise Skip("a link that leads nowhere (or in a loop); link to a real file")
    page = page_resources_of(path) if path.is_dir() and not path.is_symlink() else None
    if page is not None:
        count = sum(len(files) for _, _, files in os.walk(path)) - len(_resource_documents(path))
        raise Skip(f"the images, scripts, styles and frames a browser saved with {page.name} "
                   f"(\"Webpage, Complete\"): {count} file{'s' * (count != 1)}, no documents; "
                   "the page itself is imported (and any PDF or Word file among them, apart)")
    if path.is_dir():
        raise Skip("a folder reached through a link; give the folder itself")
    if not path.exists():
        raise Skip("no such file")
    if not path.is_file():
        raise Skip("not a regular file (a device, pipe or socket)")
    readers = readers_registry()
    suffix = path.suffix.lower()
    if suffix not in readers:
        raise Skip(f"unsupported file type '{suffix or 'no suffix'}' (supported: "
                   + ", ".join(sorted(readers)) + ")" + _CONVERT.get(suffix, ""))
    size = path.stat().st_size
    if size == 0:
        raise Skip("empty file")
    if size > max_bytes:
        raise Skip(f"larger than the limit ({size:,} bytes > {max_bytes:,}); raise --max-mb")
    try:
        data = path.read_bytes()
    except PermissionError:
        raise Skip("no permission to read it") from None
    return readers[suffix](path, data, str(path))


@dataclass
class _Document:
    row: dict
    text: str
    removed: list[str]
    warning: str = ""


#: what to do with a file of a format no reader takes, where one step makes it readable
_CONVERT = dict.fromkeys(
    (".doc", ".rtf", ".wpd", ".pages", ".ott", ".dotx", ".docm", ".pptx", ".ppt", ".odp", ".key"),
    "; save it as .docx or PDF (LibreOffice: soffice --headless --convert-to docx FILE) and "
    "import that") | dict.fromkeys(
    (".xls", ".ods", ".numbers"), "; save it as .xlsx or CSV and import that") | dict.fromkeys(
    (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".gif", ".webp", ".bmp"),
    "; an image holds no text to read: run OCR on it and import the text or a searchable PDF")


def _document_make(rec: Record, given: dict, repeated: frozenset[str], masker: Masker,
                   doc_type: str | None) -> _Document:
    """Clean the record's text and derive its metadata, every value masked; the names of the
    derived fields go into ``derived``, the rule that gave year and type beside them."""
    bad = [c for c in SCHEMA if given.get(c.name) and not c.check(str(given[c.name]))]
    warning = "; ".join(f"metadata.csv beside it: {c.name} {given[c.name]!r} is not {c.rule}, "
                        "so it was not used (derived or left empty; fix it and import again)"
                        for c in bad)
    given = {k: v for k, v in given.items() if k not in {c.name for c in bad}}
    meta = {**rec.meta, **given}
    cleaned, removed = text_clean(rec.text, repeated)
    # a catalogue record's title field is its title, as the catalogue writes it (capitals too)
    title = meta.get("title") or (rec.title if rec.record and rec.title else "") or \
        title_find(rec.text, rec.title, repeated)
    body = title_remove(cleaned, title)
    if len(re.findall(r"\w+", body)) < 5:
        raise Skip("no text (fewer than 5 words after cleaning)", record=rec.record)
    derived = []
    if not meta.get("title"):
        derived.append("title")
        title = title or Path(rec.source).stem
    kind = meta.get("doc_type")
    kind_source = ("metadata.csv" if given.get("doc_type")
                   else meta.get("doc_type_source", "") if kind else "")
    if not kind and doc_type:
        kind, kind_source = doc_type, "option"
    if not kind:
        kind, kind_source = doc_type_classify(rec.evidence or rec.text, title,
                                              rec.furniture)
        if kind_source == "no cue" and meta.get("doc_type_fallback"):
            # a catalogue's record with no kind and no cue: its list's publication
            kind, kind_source = meta["doc_type_fallback"], "record in a list, no cue"
        derived.append("doc_type")
    year, year_source = meta.get("year"), "metadata.csv" if given.get("year") else ""
    if not year and rec.year:
        year, year_source = rec.year, rec.year_source
        # When a page's markup date (DC.date, citation_publication_date) and a date the page
        # shows under a publication label disagree, the shown one is trusted: a careful
        # reader reads the page, and the markup is often the date the CMS record was made,
        # moved or re-indexed, while the label is what the editor states to readers.
        shown, how = year_derive(rec.evidence or rec.text)
        # So is the end of the period a page that calls itself a project's final report
        # reports on ("completed"), and the day a sentence says the final report came out
        # ("final report"): the markup then often dates the project's record.
        if rec.year_source == "html meta" and how in ("published", "date label", "final report",
                                                      "completed") \
                and shown != year:
            year, year_source = shown, how
        # A PDF's or Word file's own dates are the day the file was made: a report exported
        # again years later, a Word file begun from last year's template (its "created"), a
        # draft started long before it came out. Any date the document prints of itself (its
        # cover, its number, a date line, the date at its head) is the date a reader goes by
        # when the two disagree; a copyright line or a "last modified" stamp is no better.
        if rec.year_source == "file properties" and shown and shown != year and how not in (
                "copyright", "modified", "annual report"):
            year, year_source = shown, how
    if not year:
        year, year_source = year_derive(
            rec.evidence or rec.text,
            # a project catalogue page's "last modified" stamp dates an edit of the record
            # (a new partner, a link), not the project or a report of it
            ignore=frozenset({"modified"}) if kind == "project_report" else frozenset(),
            # an event's page is dated by the event, not by the day it was put online
            first=("event date", "date label") if kind == "event_programme" else (),
            last=() if kind == "event_programme" else ("event date",))
        if year:
            derived.append("year")
    language = meta.get("language") or language_tag(body)
    if not meta.get("language"):
        derived.append("language")
    row = {c.name: str(meta.get(c.name, "")) for c in SCHEMA}
    row.update(title=" ".join(str(title).split()), year=str(year or ""), language=language,
               doc_type=kind, year_source=year_source if year else "",
               doc_type_source=kind_source, derived=";".join(derived))
    row["provenance"] = row["provenance"] or "imported"
    return _Document({k: masker.mask(v) for k, v in row.items()}, masker.mask(body), removed,
                     masker.mask(warning))


def _near_duplicate(sh: frozenset[str], shingles: dict[str, frozenset[str]]) -> str | None:
    for doc_id in sorted(shingles):
        other = shingles[doc_id]
        if sh and other and len(sh & other) / len(sh | other) >= NEAR_DUPLICATE:
            return doc_id
    return None


def _document_place(state: CorpusState, doc: _Document, source: str, path: Path, record: int,
                    given_id: str, replace: bool, masker: Masker) -> tuple[str, str, str, str]:
    """Where a document goes: ``(status, id, duplicate_of, reason)``; adds it to ``state``."""
    doc.row["source"] = source
    doc_id = state.by_source.get(source)
    if doc_id:  # imported from this very file (or record) before
        old = state.rows[doc_id]
        same_text = state.texts[doc_id] == doc.text
        changed = [c for c in doc.row if c != "id" and str(old.get(c, "")) != doc.row[c]]
        if same_text and not changed:
            return "unchanged", doc_id, "", ""
        if not same_text and not replace:
            return "skipped", doc_id, "", (f"changed since it was imported as {doc_id}; import "
                                           "with --replace to update it")
        state.add(doc_id, {**old, **doc.row, "id": doc_id}, doc.text)
        if not same_text:
            return "replaced", doc_id, "", "text and metadata updated"
        return "updated", doc_id, "", "metadata changed: " + ", ".join(changed)
    dupe = (state.fingerprints.get(text_fingerprint(doc.text))
            or _near_duplicate(words_shingles(doc.text), state.shingles))
    if dupe:
        return "duplicate", "", dupe, "same text as " + dupe
    doc_id = given_id or id_slug(masker.mask(path.stem) + ".x") + (f"-{record}" if record else "")
    if doc_id in state.rows:
        if given_id:
            return "skipped", doc_id, "", f"id {doc_id} is already used in the corpus"
        base, k = doc_id, 2
        while f"{base}-{k}" in state.rows:
            k += 1
        doc_id = f"{base}-{k}"
    state.add(doc_id, {**doc.row, "id": doc_id}, doc.text)
    return "imported", doc_id, "", ""


def corpus_import(sources: Iterable[str | Path], into: str | Path, replace: bool = False,
                  mask_names: bool = False, doc_type: str | None = None,
                  max_bytes: int = MAX_BYTES, echo=print) -> ImportResult:
    """Import ``sources`` (files or folders) into the corpus folder ``into``.

    Adds documents, never overwrites or deletes one unless ``replace`` is set (then a
    document imported earlier from the same file gets its new text); a changed
    ``metadata.csv`` beside the files updates the metadata of the documents it describes;
    importing the same files again changes nothing. ``doc_type`` (one of the codebook's types)
    is given to documents that no metadata types; otherwise the type is derived. ``echo``
    receives one line per problem. Imports into one folder wait for each other.
    """
    if doc_type is not None and doc_type not in DOC_TYPES:
        raise ImportFailure(f"--doc-type {doc_type!r} is not a document type; use one of "
                            + ", ".join(DOC_TYPES))
    into = Path(into)
    if into.exists() and not into.is_dir():
        raise ImportFailure(f"--into {into}: is a file, not a folder; give a corpus folder")
    into.mkdir(parents=True, exist_ok=True)
    try:
        with FileLock(into / ".import.lock", timeout=600):
            return _corpus_import_locked(sources, into, replace, mask_names, doc_type,
                                         max_bytes, echo)
    except Timeout:
        raise ImportFailure(f"{into}: another import has held it for 10 minutes; try again "
                            "when it is done") from None


def _corpus_import_locked(sources, into: Path, replace: bool, mask_names: bool,
                          doc_type: str | None, max_bytes: int, echo) -> ImportResult:
    state = store_open(into)
    key = corpus_key(into)
    masker = Masker(key, names=mask_names)
    report: list[dict] = []

    def outcome(source: str, record: int, status: str, doc_id="", reason="", duplicate_of="",
                counts=None):
        source, reason = masker.mask(source), masker.mask(reason)
        if status == "skipped":
            echo(f"skipped: {source}{f' (record {record})' if record else ''}: {reason}")
        report.append({"source": source, "record": str(record), "status": status, "id": doc_id,
                       "duplicate_of": duplicate_of, "reason": reason,
                       **{f"masked_{k}": str((counts or {}).get(k, 0)) for k in KINDS}})

    found: list[tuple[Path, Record]] = []
    folders: dict[Path, dict] = {}
    for path in sources_list(sources):
        try:
            records = _records_read(path, max_bytes)
        except Skip as skip:
            outcome(str(path), 0, "skipped", reason=str(skip))
            continue
        except Exception as err:  # noqa: BLE001 - a reader's library failed unforeseen
            outcome(str(path), 0, "skipped", reason=f"could not be read ({type(err).__name__})"
                    "; please report this file's kind")
            continue
        for rec in records:
            if isinstance(rec, Skip):
                outcome(str(path), rec.record, "skipped", reason=str(rec))
            else:
                found.append((path, rec))
    repeated = lines_repeated(rec.text for _, rec in found)
    changed: list[str] = []
    for path, rec in found:
        if path.parent not in folders:
            try:
                folders[path.parent] = beside_metadata(path.parent)
            except Skip as skip:  # reported once; its files come in without it
                outcome(str(path.parent / "metadata.csv"), 0, "skipped", reason=str(skip) +
                        "; the files beside it were imported without it: fix it and import "
                        "again to add their metadata")
                folders[path.parent] = {}
        given = folders[path.parent].get(path.name, {}) if rec.record == 0 else {}
        doc_masker = Masker(key, names=mask_names)
        try:
            doc = _document_make(rec, given, repeated, doc_masker, doc_type)
        except Skip as skip:
            outcome(str(path), rec.record, "skipped", reason=str(skip))
            continue
        source = doc_masker.mask(str(path) if not rec.record else f"{path}#{rec.record}")
        status, doc_id, dupe, reason = _document_place(
            state, doc, source, path, rec.record, given.get("id", ""), replace, doc_masker)
        if status in ("imported", "replaced", "updated"):
            changed.append(doc_id)
            state.debris[doc_id] = doc.removed
        for warning in filter(None, [rec.warning, doc.warning]):
            if status != "skipped":
                reason = "; ".join(filter(None, [reason, warning]))
                echo(f"warning: {doc_masker.mask(str(path))}: {warning}")
        outcome(str(path), rec.record, status, doc_id, reason, dupe, doc_masker.counts)
    seen = {(path.parent, path.name) for path, _ in found}
    for folder, given_all in folders.items():
        for name in sorted(given_all):
            if (folder, name) not in seen and not (folder / name).is_file():
                outcome(str(folder / "metadata.csv"), 0, "skipped", reason=f"names a file "
                        f"'{name}' that is not in the folder; fix the name or remove the row")
    store_write(state, sorted(set(changed)), report)
    return ImportResult(pd.DataFrame(report, columns=REPORT_COLUMNS), into)


__all__ = ["ImportFailure", "ImportResult", "Skip", "corpus_import", "id_slug", "sources_list"]
