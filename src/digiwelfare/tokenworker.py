"""Imported by the fork server that starts notebook 02's worker processes
(:func:`digiwelfare.tokentable.tokens_build`, ``tasks_run(preload=...)``): lingua's models of
every candidate language and simplemma's dictionaries of every modelled language are loaded
here once, before the workers are forked, so the workers share one copy of them (copy on
write: neither is written to after loading) instead of loading one each (about 0.45 GB a
worker). What a worker computes is the same either way; only the memory in use differs.
"""

import gc

from lingua import LanguageDetectorBuilder

from digiwelfare.language import CANDIDATES, _detector, _languages, _stop_profiles
from digiwelfare.runs import LANGUAGES
from digiwelfare.tokens import lemma_overrides, word_lemmatize

# every candidate's models in lingua's own store, which every detector built later reads
LanguageDetectorBuilder.from_languages(*_languages(CANDIDATES)) \
    .with_preloaded_language_models().build()
_detector(tuple(sorted(CANDIDATES)))
_stop_profiles()
lemma_overrides()
for _code in LANGUAGES:  # simplemma loads a language's dictionary at its first word
    word_lemmatize("preloading", _code)
word_lemmatize.cache_clear()
# objects loaded so far are never collected: the collector then never writes to their pages,
# which would give each worker its own copy of them
gc.freeze()
