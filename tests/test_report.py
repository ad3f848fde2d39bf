import json
import re

import numpy as np

from digiwelfare.report import ldavis_save


def test_ldavis_page_is_offline_stable_and_keeps_topic_numbers(tmp_path):
    rng = np.random.default_rng(0)
    phi = rng.dirichlet(np.full(40, 0.1), 4)
    theta = rng.dirichlet(np.ones(4), 25)
    args = (phi, theta, [30] * 25, [f"w{i}" for i in range(40)], rng.integers(1, 30, 40))
    one = ldavis_save(*args, tmp_path / "a.html", visid="ldavis_en").read_text()
    two = ldavis_save(*args, tmp_path / "b.html", visid="ldavis_en").read_text()
    assert one == two
    assert 'id="ldavis_en"' in one
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", one)
    assert "cdn" not in one.lower() and "data:text/javascript;base64," in one
    data = json.loads(re.search(r"var ldavis_en_data = (\{.*?\});", one).group(1))
    assert data["topic.order"] == [1, 2, 3, 4]  # as in the tables: no re-sorting
