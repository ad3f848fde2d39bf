"""Kept only so that older imports (``from digiwelfare.discourse import dictionary_load`` in
notebook 06) still work: the discourse statistics now live in ``keyness``, ``collocations``,
``concordances``, ``dictionaries`` and ``networks``. Import from those."""

from digiwelfare.dictionaries import dictionary_load  # noqa: F401
