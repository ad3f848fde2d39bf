"""Shared fixtures: small corpora written by the tests themselves."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from digiwelfare.corpus import COLUMNS

EN_1 = ("Caseworkers at the local welfare office described how the new case system changed "
        "their daily routines and their use of professional judgement.")
EN_2 = ("Managers read dashboards about waiting times and workload, and some staff felt "
        "watched while others felt protected from overload.")
NB_1 = ("Saksbehandlerne på det lokale kontoret fortalte hvordan det nye saksbehandlingssystemet "
        "endret rutinene og bruken av faglig skjønn i hverdagen.")
NB_2 = ("Lederne leste oversikter over ventetid og arbeidsmengde, og noen ansatte følte seg "
        "overvåket mens andre følte seg beskyttet mot overbelastning.")


def corpus_write(folder: Path, rows: list[dict], texts: dict[str, str | bytes]) -> Path:
    """Write ``metadata.csv`` from ``rows`` (missing columns left empty) and ``texts/``."""
    (folder / "texts").mkdir(parents=True, exist_ok=True)
    with open(folder / "metadata.csv", "w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(COLUMNS), lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: row.get(c, "") for c in COLUMNS})
    for doc_id, text in texts.items():
        path = folder / "texts" / f"{doc_id}.txt"
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
    return folder


def row(doc_id: str, language: str = "en", doc_type: str = "abstract", year: int = 2020,
        **extra) -> dict:
    return {"id": doc_id, "title": f"Title of {doc_id}", "doc_type": doc_type,
            "language": language, "year": str(year), "country": "NO", **extra}


@pytest.fixture
def small_corpus(tmp_path) -> Path:
    """Six valid documents: English, Norwegian and one bilingual page."""
    rows = [row("a1", "en", "abstract"), row("a2", "en", "policy_document", 2015),
            row("b1", "nb", "project_report"), row("b2", "nb", "policy_document", 2021),
            row("c1", "en;nb", "project_report", 2019), row("a3", "en", "project_report", 2024)]
    texts = {"a1": EN_1, "a2": EN_2, "b1": NB_1, "b2": NB_2,
             "c1": f"{EN_1}\n\n{EN_2}\n\nNorsk sammendrag\n\n{NB_1}\n\n{NB_2}\n",
             "a3": f"{EN_2} {EN_1}"}
    return corpus_write(tmp_path / "corpus", rows, texts)


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A small PDF with one text line per list item (Helvetica, WinAnsi: æ, ø, å work).

    Written by hand, object by object, so the tests need no PDF-writing library; an empty
    page list entry makes a page with no text layer.
    """
    def esc(line: str) -> bytes:
        raw = line.encode("cp1252")
        return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")

    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None,
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
               b"/Encoding /WinAnsiEncoding >>"]
    kids = []
    for lines in pages:
        ops = [b"BT /F1 11 Tf 14 TL 72 760 Td"] + [b"(" + esc(ln) + b") Tj T*" for ln in lines]
        stream = b"\n".join(ops + [b"ET"]) if lines else b""
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
                       b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content)
        kids.append(len(objects))
    objects[1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                  + b"] /Count %d >>" % len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, xref)
    return bytes(out)


def case(name: str, *values: object, wrong: str = "", mended: str = "") -> object:
    """One row of a review's table (``tests/test_review*.py``): ``wrong`` says what the rules
    get wrong (a strict xfail); ``mended`` what they got wrong when the review was written,
    mended since."""
    marks = [pytest.mark.xfail(strict=True, reason=wrong)] if wrong else []
    return pytest.param(*values, id=name, marks=marks)
