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
