"""Helpers of the welfare-digitalisation compendium.

Modules are organised by the object they handle: ``config`` (paths and parameters),
``corpus`` (metadata and texts), ``language`` (per-paragraph language), ``tokens``
(tokens, lemmas, dictionaries), ``topics`` (topic models), ``keyness``, ``collocations``,
``concordances``, ``dictionaries`` and ``networks`` (discourse statistics; ``pvalues`` holds
their multiple-testing adjustments), ``figures`` (plots), ``notebook`` (running notebooks).
Functions follow one scheme, ``object_verb``; ``textstat_*`` functions return tables,
``plot_*`` functions return a matplotlib Figure and never save it.
"""

__version__ = "0.1.0"
