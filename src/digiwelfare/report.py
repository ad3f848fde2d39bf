"""Pages for readers: the LDAvis view of a topic model as one self-contained HTML file.

pyLDAvis by default points its page at JavaScript on the web, which leaves the page blank
offline. Here the JavaScript and CSS that ship inside the pyLDAvis package are inlined as
``data:`` URIs, the element id is fixed, and topics keep the model's own numbering
(``sort_topics=False``), so the page matches the tables and is the same bytes on every run.
"""

from __future__ import annotations

import base64
import io
import re
from pathlib import Path

import numpy as np

from digiwelfare.files import file_write_atomic


def _data_uri(path: str, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def ldavis_write(phi: np.ndarray, theta: np.ndarray, doc_lengths, vocab: list[str],
                term_frequency, path: str | Path, visid: str = "ldavis") -> Path:
    """Write an offline LDAvis page (Sievert & Shirley 2014) for topic-word matrix ``phi``
    (K x V), document-topic matrix ``theta`` (D x K), and the corpus counts."""
    import pyLDAvis
    import pyLDAvis.urls
    from threadpoolctl import threadpool_limits

    # BLAS with one thread: the map's coordinates (a principal coordinate analysis) came out
    # 1e-15 apart when the machine was busy, and the page must be the same bytes on any load
    with threadpool_limits(1):
        data = pyLDAvis.prepare(topic_term_dists=phi, doc_topic_dists=theta,
                                doc_lengths=np.asarray(doc_lengths), vocab=list(vocab),
                                term_frequency=np.asarray(term_frequency), sort_topics=False,
                                mds="pcoa", n_jobs=1, start_index=1)
    handle = io.StringIO()
    pyLDAvis.save_html(data, handle, visid=visid,
                       d3_url=_data_uri(pyLDAvis.urls.D3_LOCAL, "text/javascript"),
                       ldavis_url=_data_uri(pyLDAvis.urls.LDAVIS_LOCAL, "text/javascript"),
                       ldavis_css_url=_data_uri(pyLDAvis.urls.LDAVIS_CSS_LOCAL, "text/css"))
    return file_write_atomic(Path(path), handle.getvalue().encode("utf-8"))


# --- the run manifest ---------------------------------------------------------------------

def corpus_hash(folder: Path) -> str:
    """SHA-256 over ``metadata.csv`` and every text, in name order: the corpus's identity."""
    import hashlib

    digest = hashlib.sha256()
    for path in [folder / "metadata.csv", *sorted((folder / "texts").glob("*.txt"))]:
        digest.update(path.relative_to(folder).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def manifest_build(root: Path, corpus: Path, out: Path, params_dir: Path) -> dict:
    """What made the published outputs: Python, platform, package versions, the corpus's
    hash, every run's parameters and seeds, the git commit, and each run's wall time."""
    import platform
    import subprocess
    import sys
    from importlib import metadata

    import yaml

    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=root, capture_output=True, text=True,
                                  check=True).stdout.strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    runs = {}
    for path in sorted(params_dir.glob("*.yaml")):
        params = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        timing = out / "build" / "timings" / f"{path.stem}.txt"
        runs[path.stem] = {
            "notebook": f"notebooks/{path.stem.split('__')[0]}.ipynb",
            "parameters": params,
            "seeds": {k: v for k, v in params.items() if "seed" in k},
            "wall_time_s": float(timing.read_text()) if timing.is_file() else None,
        }
    packages = sorted((d.metadata["Name"], d.version) for d in metadata.distributions())
    return {
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "git_commit": git("rev-parse", "HEAD"),
        "git_uncommitted_changes": bool(git("status", "--porcelain", "--untracked-files=no")),
        "corpus": {"path": str(corpus.relative_to(root)) if corpus.is_relative_to(root)
                   else str(corpus), "sha256": corpus_hash(corpus)},
        "runs": runs,
        "packages": {name: version for name, version in packages},
    }


# --- comparing two builds -----------------------------------------------------------------

#: What ``make verify`` compares: tables cell by cell, everything else byte by byte.
VERIFIED = ("results/tables/*.csv", "figures/*.png", "results/notebooks/*.ipynb",
            "results/ldavis/*.html")


def outputs_compare(published: Path, rebuilt: Path) -> tuple[int, list[str]]:
    """Compare every published output with its rebuilt twin; return the number compared and
    one line per difference (a missing file, a differing cell, differing bytes)."""
    import pandas as pd

    differences = []
    paths = sorted({p.relative_to(published) for pattern in VERIFIED
                    for p in published.glob(pattern) if not p.name.endswith(".failed.ipynb")}
                   | {p.relative_to(rebuilt) for pattern in VERIFIED
                      for p in rebuilt.glob(pattern) if not p.name.endswith(".failed.ipynb")})
    for rel in paths:
        a, b = published / rel, rebuilt / rel
        if not a.is_file():
            differences.append(f"{rel}: made by the rebuild but not published")
            continue
        if not b.is_file():
            differences.append(f"{rel}: published but not made by the rebuild")
            continue
        if rel.suffix == ".csv":
            ta = pd.read_csv(a, dtype=str, keep_default_na=False)
            tb = pd.read_csv(b, dtype=str, keep_default_na=False)
            if list(ta.columns) != list(tb.columns) or ta.shape != tb.shape:
                differences.append(f"{rel}: shape or columns differ ({ta.shape} vs {tb.shape})")
                continue
            diff = (ta != tb).to_numpy().nonzero()
            if len(diff[0]):
                r, c = diff[0][0], diff[1][0]
                differences.append(f"{rel}: {len(diff[0])} cell(s) differ, first at row "
                                   f"{r + 2}, column '{ta.columns[c]}': {ta.iat[r, c]!r} "
                                   f"published, {tb.iat[r, c]!r} rebuilt")
        elif a.read_bytes() != b.read_bytes():
            differences.append(f"{rel}: bytes differ")
    return len(paths), differences


# --- the static report --------------------------------------------------------------------

_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc=[\"']?https?://[^>]*>\s*</script>", re.I)
_SCRIPT_BLOCK = re.compile(r"<script\b[^>]*>.*?</script>", re.I | re.S)


def html_offline(html: str) -> str:
    """Remove every script that would load code from the network (nbconvert's page points
    at require.js, MathJax and mermaid on the web; the notebooks need none of them)."""
    html = _REMOTE_SCRIPT.sub("", html)
    return _SCRIPT_BLOCK.sub(lambda m: "" if re.search(r"https?://", m.group()) else m.group(),
                             html)


def notebook_question(path: Path) -> str:
    """The ``**Question.**`` paragraph of a notebook's first cell, as plain text."""
    import nbformat

    first = nbformat.read(path, as_version=4).cells[0].source
    found = re.search(r"\*\*Question\.\*\*\s*(.*?)(\n\s*\n|$)", first, re.S)
    return re.sub(r"[`*]", "", " ".join(found.group(1).split())) if found else ""


def report_build(root: Path, out: Path, site: Path | None = None) -> Path:
    """Render the executed notebooks under ``out/results/notebooks`` to HTML and write an
    index with each notebook's question, the figures and the LDAvis pages, all under
    ``out/results/report`` and all working from ``file://`` with no network."""
    import json
    import shutil
    from html import escape

    import nbformat
    from nbconvert import HTMLExporter

    site = site or out / "results" / "report"
    if site.exists():
        shutil.rmtree(site)
    (site / "notebooks").mkdir(parents=True)
    exporter = HTMLExporter(template_name="lab")
    rows = []
    for nb_path in sorted((out / "results" / "notebooks").glob("*.ipynb")):
        if nb_path.name.endswith(".failed.ipynb"):
            continue
        html, _ = exporter.from_notebook_node(nbformat.read(nb_path, as_version=4))
        (site / "notebooks" / f"{nb_path.stem}.html").write_text(html_offline(html), "utf-8")
        source = root / "notebooks" / f"{nb_path.stem.split('__')[0]}.ipynb"
        rows.append((nb_path.stem, notebook_question(source) if source.is_file() else ""))
    figures, pages = [], []
    for folder, found, pattern in (("figures", figures, "figures/*.png"),
                                   ("ldavis", pages, "results/ldavis/*.html")):
        (site / folder).mkdir()
        for path in sorted(out.glob(pattern)):
            shutil.copy2(path, site / folder / path.name)
            found.append(path.name)
    from digiwelfare.appendix import appendix_html

    (site / "methods.html").write_text(appendix_html(out), encoding="utf-8")
    manifest_path = out / "results" / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    items = "\n".join(f'<tr><td><a href="notebooks/{escape(name)}.html">{escape(name)}</a></td>'
                      f"<td>{escape(question)}</td></tr>" for name, question in rows)
    gallery = "\n".join(f'<figure><img src="figures/{escape(f)}" alt="{escape(f)}">'
                        f"<figcaption>{escape(f)}</figcaption></figure>" for f in figures)
    ldavis = "\n".join(f'<li><a href="ldavis/{escape(p)}">{escape(p)}</a></li>' for p in pages)
    colophon = "".join(f"<dt>{escape(k)}</dt><dd>{escape(str(v))}</dd>" for k, v in (
        ("commit", manifest.get("git_commit")), ("python", manifest.get("python")),
        ("platform", manifest.get("platform")),
        ("corpus sha256", manifest.get("corpus", {}).get("sha256")),
        ("gensim", manifest.get("packages", {}).get("gensim")),
        ("pandas", manifest.get("packages", {}).get("pandas"))))
    index = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Welfare digitalisation compendium: report</title>
<style>
body {{ font-family: sans-serif; max-width: 72rem; margin: 2rem auto; padding: 0 1rem;
       line-height: 1.45; color: #222; }}
table {{ border-collapse: collapse; }} td, th {{ padding: .35rem .6rem; vertical-align: top;
       border-bottom: 1px solid #ddd; text-align: left; }}
figure {{ display: inline-block; width: 30rem; margin: .5rem; vertical-align: top; }}
figure img {{ width: 100%; border: 1px solid #eee; }} figcaption {{ font-size: .85rem; }}
dt {{ font-weight: bold; }} dd {{ margin: 0 0 .4rem 0; font-family: monospace; }}
</style></head><body>
<h1>Welfare digitalisation compendium</h1>
<p>Topic models and discourse analysis of the compendium's corpus. Every page here was made
by <code>make report</code> from the executed notebooks and opens without a network.</p>
<h2>Notebooks</h2>
<table><thead><tr><th>run</th><th>question</th></tr></thead><tbody>
{items}
</tbody></table>
<h2>Topic maps (LDAvis)</h2>
<ul>{ldavis}</ul>
<h2>Figures</h2>
{gallery}
<h2>Colophon</h2>
<p><a href="methods.html">Methods appendix</a>: corpus, preprocessing, K and seeds, package
versions and validation results, as the run recorded them.</p>
<dl>{colophon}</dl>
<p>The full record of versions and parameters is <code>results/manifest.json</code>.</p>
</body></html>
"""
    (site / "index.html").write_text(index, encoding="utf-8")
    return site / "index.html"
