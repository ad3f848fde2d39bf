"""Gensim bags of words packed as arrays (:class:`BagsOfWords`), the form in which the
topic engine and the guided sampler read a corpus and in which it is sent to worker
processes."""

from __future__ import annotations

from itertools import chain

import numpy as np


class BagsOfWords:
    """Gensim bags of words ``[[(word_id, count), ...], ...]`` packed as three arrays (each
    document's first pair, the pairs' word ids and counts), in the same order. A model
    selection sends its documents to worker processes so: three arrays pickle in a blink,
    where millions of Python pairs took seconds for every fit; the fits read the same pairs
    in the same order, so they give the same bytes. ``len`` is the number of documents."""

    def __init__(self, indptr: np.ndarray, ids: np.ndarray, counts: np.ndarray):
        self.indptr, self.ids, self.counts = indptr, ids, counts

    @classmethod
    def of(cls, bow) -> BagsOfWords:
        """The packed form of gensim bags of words (a :class:`BagsOfWords` is returned as it
        is)."""
        if isinstance(bow, BagsOfWords):
            return bow
        sizes = np.fromiter((len(doc) for doc in bow), dtype=np.int64, count=len(bow))
        flat = np.fromiter(chain.from_iterable(chain.from_iterable(bow)), dtype=np.int64,
                           count=2 * int(sizes.sum()))
        return cls(np.concatenate([[0], np.cumsum(sizes)]), flat[0::2].copy(),
                   flat[1::2].copy())

    def __len__(self) -> int:
        return self.indptr.size - 1

    def sizes(self) -> np.ndarray:
        return np.diff(self.indptr)

    def subset(self, keep) -> BagsOfWords:
        """The documents where ``keep`` (one boolean a document) is true, in order."""
        keep = np.asarray(keep, dtype=bool)
        sizes = self.sizes()[keep]
        pairs = np.repeat(keep, self.sizes())
        return BagsOfWords(np.concatenate([[0], np.cumsum(sizes)]), self.ids[pairs],
                           self.counts[pairs])

    def tokens(self) -> tuple[np.ndarray, np.ndarray]:
        """One entry per token: its word and its document, in order (each pair repeated as
        often as its count)."""
        words = np.repeat(self.ids, self.counts)
        docs = np.repeat(np.repeat(np.arange(len(self), dtype=np.int64), self.sizes()),
                         self.counts)
        return words, docs

    def to_list(self) -> list:
        """The bags of words as gensim lists (for gensim's engine)."""
        ids, counts = self.ids.tolist(), self.counts.tolist()
        return [list(zip(ids[a:b], counts[a:b], strict=True))
                for a, b in zip(self.indptr[:-1].tolist(), self.indptr[1:].tolist(), strict=True)]
