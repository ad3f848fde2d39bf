import json
import re

import numpy as np

from digiwelfare.report import ldavis_write


def test_ldavis_page_is_offline_stable_and_keeps_topic_numbers(tmp_path):
    rng = np.random.default_rng(0)
    phi = rng.dirichlet(np.full(40, 0.1), 4)
    theta = rng.dirichlet(np.ones(4), 25)
    args = (phi, theta, [30] * 25, [f"w{i}" for i in range(40)], rng.integers(1, 30, 40))
    one = ldavis_write(*args, tmp_path / "a.html", visid="ldavis_en").read_text()
    two = ldavis_write(*args, tmp_path / "b.html", visid="ldavis_en").read_text()
    assert one == two
    assert 'id="ldavis_en"' in one
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", one)
    assert "cdn" not in one.lower() and "data:text/javascript;base64," in one
    data = json.loads(re.search(r"var ldavis_en_data = (\{.*?\});", one).group(1))
    assert data["topic.order"] == [1, 2, 3, 4]  # as in the tables: no re-sorting


def test_outputs_compare_names_file_row_and_column(tmp_path):
    from digiwelfare.report import outputs_compare

    for side in ("a", "b"):
        (tmp_path / side / "results" / "tables").mkdir(parents=True)
        (tmp_path / side / "figures").mkdir()
        (tmp_path / side / "figures" / "f.png").write_bytes(b"\x89PNG same")
    (tmp_path / "a" / "results" / "tables" / "t.csv").write_text("term,g2\ncare,1.5\ndata,2\n")
    (tmp_path / "b" / "results" / "tables" / "t.csv").write_text("term,g2\ncare,1.5\ndata,2\n")
    assert outputs_compare(tmp_path / "a", tmp_path / "b") == (2, [])
    (tmp_path / "b" / "results" / "tables" / "t.csv").write_text("term,g2\ncare,1.5\ndata,2.1\n")
    (tmp_path / "b" / "figures" / "f.png").write_bytes(b"\x89PNG other")
    (tmp_path / "b" / "figures" / "new.png").write_bytes(b"x")
    n, diffs = outputs_compare(tmp_path / "a", tmp_path / "b")
    assert n == 3
    assert diffs == ["figures/f.png: bytes differ",
                     "figures/new.png: made by the rebuild but not published",
                     "results/tables/t.csv: 1 cell(s) differ, first at row 3, column 'g2': "
                     "'2' published, '2.1' rebuilt"]


def test_manifest_records_corpus_parameters_and_versions(small_corpus, tmp_path):
    from digiwelfare.config import ROOT
    from digiwelfare.report import corpus_hash, manifest_build

    params = tmp_path / "params"
    params.mkdir()
    (params / "03_select_model__en.yaml").write_text("language: en\nseeds: [1, 2]\nseed: 7\n")
    (tmp_path / "build" / "timings").mkdir(parents=True)
    (tmp_path / "build" / "timings" / "03_select_model__en.txt").write_text("12.5\n")
    manifest = manifest_build(ROOT, small_corpus, tmp_path, params)
    run = manifest["runs"]["03_select_model__en"]
    assert run["seeds"] == {"seeds": [1, 2], "seed": 7} and run["wall_time_s"] == 12.5
    assert run["notebook"] == "notebooks/03_select_model.ipynb"
    assert manifest["packages"]["gensim"] and manifest["python"].startswith("3.")
    before = corpus_hash(small_corpus)
    assert manifest["corpus"]["sha256"] == before
    (small_corpus / "texts" / "a1.txt").write_text("changed text", encoding="utf-8")
    assert corpus_hash(small_corpus) != before
