"""Imported by the fork server that starts notebook 02's worker processes
(:func:`digiwelfare.tokentable.tokens_build`, ``tasks_run(preload=...)``): lingua's models of
every candidate language and simplemma's dictionaries of every modelled language are loaded
here once, before the workers are forked, so the workers share one copy of them (copy on
write: neither is written to after loading) instead of loading one each (about 0.45 GB a
worker). What a worker computes is the same either way; only the memory in use differs.
"""

import gc

from digiwelfare.language import CANDIDATES, _detector, _stop_profiles
from digiwelfare.runs import LANGUAGES
from digiwelfare.tokens import lemma_overrides, word_lemmatize

#: A line in each candidate language, short and repeated long: detecting them loads every
#: model lingua reads for any text (its models stay in its own store, which every detector
#: built later reads). One text at a time, never lingua's preloading or its
#: ``..._in_parallel_of``: those start a pool of threads, and a worker forked from a process
#: whose thread pool is running waits forever for threads it does not have.
_LINES = ("The office answers letters from residents about their housing.",
          "Kontoret svarer på brev fra innbyggerne om boligen deres.",
          "Kontoret svarar på brev frå innbyggjarane om bustaden deira.",
          "Kontoret besvarer breve fra borgerne om deres bolig.",
          "Kontoret svarar på brev från invånarna om deras bostad.")
_DETECTOR = _detector(tuple(sorted(CANDIDATES)))
for _line in _LINES:
    _DETECTOR.detect_language_of(_line)
    _DETECTOR.detect_language_of(" ".join([_line] * 8))
_stop_profiles()
lemma_overrides()
for _code in LANGUAGES:  # simplemma loads a language's dictionary at its first word
    word_lemmatize("preloading", _code)
word_lemmatize.cache_clear()
# objects loaded so far are never collected: the collector then never writes to their pages,
# which would give each worker its own copy of them
gc.freeze()
