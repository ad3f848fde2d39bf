"""Nothing leaks: valid identifiers of every kind, put in every place an import reads (text,
file and folder names, a metadata.csv beside the files, bibliographic venue fields), never
reach a written or printed byte."""

import re
import subprocess
import sys

import pandas as pd
import pytest

from digiwelfare.identifiers_cases import bench_cases

PROSE = ("Caseworkers at the welfare office described how the new case system changed their "
         "daily routines and their use of professional judgement in the chat with users.")


@pytest.fixture(scope="module")
def secrets():
    cases = bench_cases(seed=7, n=40)
    valid = cases[(cases["group"] == "valid") & cases["kind"].isin(
        ["no_fnr", "no_dnr", "se_pin", "email"])]
    return valid.groupby("kind").head(3)["target"].str.strip().tolist()


def _is_email(value: str) -> bool:
    return "@" in value or "(at)" in value or "[at]" in value


def test_identifiers_in_every_position_never_reach_an_output(tmp_path, secrets):
    src = tmp_path / "in"
    folder = src / f"saker {re.sub(r'[^0-9]', '', secrets[0])}"
    folder.mkdir(parents=True)
    names = [f"vedtak {re.sub(r'[^0-9A-Za-z@.-]', '', s)} {i}.txt" for i, s in enumerate(secrets)]
    for name, secret in zip(names, secrets, strict=True):
        (folder / name).write_text(f"{PROSE} Saken gjelder {secret}.\n\nKontakt: {secret}",
                                   encoding="utf-8")
    pd.DataFrame({"file": names,
                  "provenance": [f"mottatt fra {s}" for s in secrets],
                  "licence": [f"eier {s}" for s in secrets],
                  "title": [f"Vedtak om {s}" for s in secrets]}).to_csv(
        folder / "metadata.csv", index=False)
    (src / "refs.bib").write_text(
        f"@article{{a1,\n title = {{A study of chat}},\n journal = {{Journal {secrets[1]}}},\n"
        f" abstract = {{{PROSE}}},\n year = 2021\n}}\n", encoding="utf-8")
    (src / "export.ris").write_text(
        f"TY  - JOUR\nTI  - Chat and trust\nAB  - {PROSE} More on trust.\nJO  - "
        f"Venue {secrets[2]}\nPY  - 2020\nER  -\n", encoding="utf-8")
    pd.DataFrame({"Title": ["Dashboards"], "Abstract": [PROSE + " And dashboards."],
                  "Source title": [f"Source {secrets[3]}"], "Year": [2019]}).to_csv(
        src / "scopus.csv", index=False)
    (src / "broken.ris").write_text(f"Nonsense line with {secrets[4]}\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "digiwelfare", "import", str(src), "--into",
                          str(tmp_path / "corpus")], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    written = run.stdout + run.stderr
    written += "".join(p.read_text("utf-8", errors="replace") + p.name
                       for p in (tmp_path / "corpus").rglob("*") if p.is_file()
                       and p.name != ".mask_key")
    flat = re.sub(r"\D", "", written)
    for secret in secrets:
        if _is_email(secret):
            assert secret.lower() not in written.lower(), secret
            user = re.split(r"\s*(@|\(at\)|\[at\])\s*", secret)[0]
            assert f"{user.lower()}@" not in written.lower(), secret
        else:
            assert re.sub(r"\D", "", secret) not in flat, secret
    report = pd.read_csv(tmp_path / "corpus" / "import_report.csv", dtype=str)
    assert len(report) == len(secrets) + 4  # every input accounted for


def test_mask_key_is_private(tmp_path):
    from digiwelfare.ingest import corpus_key

    corpus_key(tmp_path)
    assert (tmp_path / ".mask_key").stat().st_mode & 0o077 == 0
