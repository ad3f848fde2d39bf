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

    @classmethod
    def of_codes(cls, offsets: np.ndarray, codes: np.ndarray, types: list[str],
                 token2id: dict) -> BagsOfWords:
        """The bags of words of documents given as one flat array of word ``codes`` into
        ``types`` (document ``d`` is ``codes[offsets[d]:offsets[d + 1]]``): what gensim's
        ``doc2bow`` gives for each, word ids ascending, words not in ``token2id`` left
        out, counted in arrays rather than in a dictionary a document."""
        offsets = np.asarray(offsets, dtype=np.int64)
        width = len(token2id) + 1  # the last id stands for every word not in token2id
        lookup = np.array([token2id.get(t, width - 1) for t in types], dtype=np.int64)
        docs = np.repeat(np.arange(offsets.size - 1, dtype=np.int64), np.diff(offsets))
        keys = np.sort(docs * width + lookup[codes], kind="stable")  # stable: fast on runs
        first = np.flatnonzero(np.concatenate([[True], keys[1:] != keys[:-1]]))
        counts = np.diff(np.append(first, keys.size))
        pairs = keys[first]
        known = pairs % width != width - 1
        pairs, counts = pairs[known], counts[known]
        sizes = np.bincount(pairs // width, minlength=offsets.size - 1)
        return cls(np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64), pairs % width,
                   counts.astype(np.int64))

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
