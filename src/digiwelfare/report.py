"""Pages for readers: the LDAvis view of a topic model as one self-contained HTML file.

pyLDAvis by default points its page at JavaScript on the web, which leaves the page blank
offline. Here the JavaScript and CSS that ship inside the pyLDAvis package are inlined as
``data:`` URIs, the element id is fixed, and topics keep the model's own numbering
(``sort_topics=False``), so the page matches the tables and is the same bytes on every run.
"""

from __future__ import annotations

import base64
import io
from pathlib import Path

import numpy as np

from digiwelfare.config import file_write_atomic


def _data_uri(path: str, mime: str) -> str:
    return f"data:{mime};base64," + base64.b64encode(Path(path).read_bytes()).decode("ascii")


def ldavis_save(phi: np.ndarray, theta: np.ndarray, doc_lengths, vocab: list[str],
                term_frequency, path: str | Path, visid: str = "ldavis") -> Path:
    """Write an offline LDAvis page (Sievert & Shirley 2014) for topic-word matrix ``phi``
    (K x V), document-topic matrix ``theta`` (D x K), and the corpus counts."""
    import pyLDAvis
    import pyLDAvis.urls

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
