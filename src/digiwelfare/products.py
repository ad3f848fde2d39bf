"""Build products that notebooks hand to each other in ``build/``: one write and one read each.

Every write replaces the file only when its content changed (:func:`files.file_write_changed`),
so that rerunning a notebook for a parameter that does not change its result (``workers``,
say) leaves the file's time alone and make reruns nothing downstream. Every read of a missing
file raises :class:`digiwelfare.config.ProductMissing`, naming the notebook that makes it and
the ``make`` command. The paths are :class:`digiwelfare.config.Paths`'s, the makers
:data:`digiwelfare.config.PRODUCTS`'s. Models have their pair beside the code that makes them
(:func:`digiwelfare.topics.model_write`).
"""

from __future__ import annotations

import io
import tempfile
from pathlib import Path

import numpy as np
import pandas as pd

from digiwelfare.checks import choice_check
from digiwelfare.config import product_check
from digiwelfare.files import file_write_changed


def _parquet_bytes(table: pd.DataFrame) -> bytes:
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    return buffer.getvalue()


def parts_write(parts: pd.DataFrame, path: Path) -> bool:
    """Write the language parts (``id, language, text``, from
    :func:`digiwelfare.language.corpus_language_parts`); returns whether the file changed."""
    return file_write_changed(path, _parquet_bytes(parts[["id", "language", "text"]]))


def parts_read(path: Path, language: str | None = None) -> pd.DataFrame:
    """Read the language parts notebook 02 wrote; with ``language``, that language's only."""
    table = pd.read_parquet(product_check(path, "parts"))
    if language is not None:
        choice_check("language", language, sorted(table["language"].unique()))
        table = table[table["language"] == language].reset_index(drop=True)
    return table


def vocabulary_write(dictionary, path: Path) -> bool:
    """Write a gensim ``Dictionary`` as text, words sorted; returns whether the file changed."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=path.parent) as scratch:
        text = Path(scratch) / path.name
        dictionary.save_as_text(str(text), sort_by_word=True)
        return file_write_changed(path, text.read_bytes())


def vocabulary_read(path: Path):
    """Read a vocabulary that :func:`vocabulary_write` wrote, as a gensim ``Dictionary``."""
    from gensim.corpora import Dictionary

    return Dictionary.load_from_text(str(product_check(path, "vocabulary")))


def k_write(path: Path, k: int) -> bool:
    """Write the chosen number of topics as one line; returns whether the file changed."""
    return file_write_changed(path, f"{int(k)}\n".encode())


def k_read(path: Path) -> int:
    """The number of topics notebook 03 chose."""
    return int(product_check(path, "choice").read_text(encoding="utf-8"))


def doc_topics_write(doc_topics: pd.DataFrame, path: Path) -> bool:
    """Write a document-topic table (``id`` and one column per topic; column names written
    as text); returns whether the file changed."""
    return file_write_changed(path, _parquet_bytes(doc_topics.rename(columns=str)))


def doc_topics_read(path: Path) -> pd.DataFrame:
    """Read the document-topic table notebook 04 wrote (topic columns named ``"0"``, ``"1"``...)."""
    return pd.read_parquet(product_check(path, "doc_topics"))


def posterior_write(ids: list, gamma: np.ndarray, path: Path) -> bool:
    """Write each document's posterior Dirichlet parameters (``id`` and one column per topic,
    ``"1"``...``"K"``, as float64: read back bit for bit); returns whether the file changed."""
    table = pd.DataFrame(np.asarray(gamma, dtype=float),
                         columns=[str(k) for k in range(1, np.shape(gamma)[1] + 1)])
    table.insert(0, "id", list(ids))
    return file_write_changed(path, _parquet_bytes(table))


def posterior_read(path: Path) -> tuple[list[str], np.ndarray]:
    """The ids and the D x K posterior :func:`posterior_write` wrote (notebook 04)."""
    table = pd.read_parquet(product_check(path, "posterior"))
    return table["id"].tolist(), table.drop(columns="id").to_numpy(dtype=float)


def tokens_write(table: pd.DataFrame, path: Path) -> Path:
    """Cache a :func:`digiwelfare.tokentable.tokens_build` table as Parquet (written whole or
    not at all, and only when its content changed, so that make reruns nothing that reads it)."""
    buffer = io.BytesIO()
    table.to_parquet(buffer, index=False)
    file_write_changed(path, buffer.getvalue())
    return Path(path)


def _tokens_rows(path: Path, language: str | None):
    """The token cache as an Arrow table; with ``language``, only that language's rows
    (chosen before pandas sees them, so no other language's lists are converted)."""
    import pyarrow.compute as pc
    import pyarrow.parquet as pq

    table = pq.read_table(product_check(path, "tokens"))
    if language is None:
        return table
    choice_check("language", language, sorted(pc.unique(table.column("language")).to_pylist()))
    return table.filter(pc.equal(table.column("language"), language))


def tokens_read(path: Path, language: str | None = None) -> pd.DataFrame:
    """Read a token cache; with ``language``, only that language's rows (``tokens`` as lists)."""
    table = _tokens_rows(path, language).to_pandas()
    return table.assign(tokens=table["tokens"].apply(list))


def bow_read(paths, language: str, token_lists: bool = True, packed: bool = False):
    """The cached tokens, vocabulary and bag-of-words of one language, as notebook 02 left
    them: ``(tokens, dictionary, bow)``, documents in the order of ``tokens``; ``bow`` is
    what gensim's ``doc2bow`` gives for each part, counted in arrays
    (:meth:`digiwelfare.bags.BagsOfWords.of_codes`). With ``token_lists=False`` the table
    keeps its ids and counts but not each part's list of tokens (``tokens`` column), for a
    notebook that needs the bags of words only: at 50,000 documents the lists take 0.4 GB.
    With ``packed``, ``bow`` is the :class:`digiwelfare.bags.BagsOfWords` itself (three arrays,
    a tenth of the lists' memory) for a reader that takes that form (a model selection)."""
    import pyarrow.compute as pc

    from digiwelfare.bags import BagsOfWords

    table = _tokens_rows(paths.tokens_file(), language)
    dictionary = vocabulary_read(paths.vocabulary_file(language))
    words = table.column("tokens").combine_chunks()
    codes = pc.dictionary_encode(words.flatten())  # the values these parts hold, in order
    offsets = words.offsets.to_numpy()
    bow = BagsOfWords.of_codes(offsets - offsets[0], codes.indices.to_numpy(),
                               codes.dictionary.to_pylist(), dictionary.token2id)
    bow = bow if packed else bow.to_list()
    tokens = table.drop_columns([] if token_lists else ["tokens"]).to_pandas()
    if token_lists:
        tokens = tokens.assign(tokens=tokens["tokens"].apply(list))
    return tokens, dictionary, bow
