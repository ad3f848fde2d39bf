"""Where things are: the project root, the lexicon folder, the build products and the
paths of one run; every path derives from one project root.

A notebook names its inputs and outputs only through its parameters (``corpus`` and ``out``,
relative to the project root or absolute); :func:`paths_resolve` turns them into the
:class:`Paths` every other function takes. ``out = None`` (a notebook run by hand) means a
scratch folder of its own, ``build/scratch/<notebook>/``: only the pipeline, which always
passes ``out``, writes the published ``figures/`` and ``results/``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from digiwelfare.checks import ParameterError


def root_find(start: Path | None = None) -> Path:
    """Return the project root: the nearest folder upwards holding ``pyproject.toml``."""
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "pyproject.toml").is_file() and (folder / "src" / "digiwelfare").is_dir():
            return folder
    # Installed without a checkout: fall back on the package's own location.
    return Path(__file__).resolve().parents[2]


ROOT = root_find(Path(__file__).parent)


#: Research data a researcher edits (discourse dictionaries, actors, cue rules for debris and
#: notices, lemma corrections, stop words, first names): the top-level ``lexicon/`` folder.
#: ``DIGIWELFARE_LEXICON`` points the package at another folder (a copy edited for your own
#: corpus); ``lexicon/README.md`` says which file does what.
LEXICON = Path(os.environ.get("DIGIWELFARE_LEXICON") or ROOT / "lexicon").resolve()


def lexicon_file(name: str) -> Path:
    """The path of one research data file in :data:`LEXICON`, checked to exist."""
    path = LEXICON / name
    if not path.is_file():
        raise FileNotFoundError(
            f"{path}: no such research data file in the lexicon folder {LEXICON}; restore it "
            "from the repository (git checkout lexicon/), or set DIGIWELFARE_LEXICON to a "
            "folder that holds it")
    return path


#: Every build product: where it lives under ``build/`` ({lang} for one per language) and the
#: notebook that makes it. :class:`Paths` resolves them, :mod:`digiwelfare.rundeps` turns them
#: into Makefile targets, and a reader finding one missing names its maker
#: (:func:`product_check`).
PRODUCTS = {
    "parts": ("parts.parquet", "02_prepare_tokens"),
    "tokens": ("tokens.parquet", "02_prepare_tokens"),
    "vocabulary": ("vocabulary_{lang}.txt", "02_prepare_tokens"),
    "choice": ("chosen_k_{lang}.txt", "03_select_model"),
    "model": ("lda_{lang}/model", "04_fit_topics"),
    "doc_topics": ("doc_topics_{lang}.parquet", "04_fit_topics"),
    "posterior": ("posterior_{lang}.parquet", "04_fit_topics"),
}
#: Which notebook makes each kind of product (kept for :mod:`digiwelfare.session`).
MAKERS = {kind: maker for kind, (_, maker) in PRODUCTS.items()}


class ProductMissing(FileNotFoundError):
    """A build product a notebook reads is not there: says which notebook makes it, and how."""


def product_check(path: Path, kind: str) -> Path:
    """Return ``path`` if the build product of ``kind`` is there, else raise
    :class:`ProductMissing` naming the notebook that makes it and the ``make`` command."""
    path = Path(path)
    if path.exists():
        return path
    build = next((p for p in path.parents if p.name == "build"), path.parent)
    out, maker = build.parent, MAKERS[kind]
    target = _shown(path)
    command = f"make {target}" if out == ROOT else f"make OUT={out} {target}"
    raise ProductMissing(
        f"{target}: no {kind.replace('_', '-')} here; notebook {maker} makes it. Run "
        f"`{command}` (from {ROOT}), or `make all`.")


@dataclass(frozen=True)
class Paths:
    """Where one run reads and writes.

    ``upstream``, when set, is the output folder whose ``build/`` holds the caches other
    notebooks made (a scratch run reads the pipeline's tokens and model there); a cache the
    run's own ``notebook`` makes is always read and written under ``out``.
    """

    corpus: Path
    out: Path
    notebook: str | None = None
    upstream: Path | None = None

    def _cache(self, kind: str) -> Path:
        if self.upstream is None or MAKERS[kind] == self.notebook:
            return self.build
        return self.upstream / "build"

    @property
    def figures(self) -> Path:
        return self.out / "figures"

    @property
    def tables(self) -> Path:
        return self.out / "results" / "tables"

    @property
    def notebooks(self) -> Path:
        return self.out / "results" / "notebooks"

    @property
    def plan_file(self) -> Path:
        """A composed corpus's design plan (``design/plan.csv``); real corpora have none."""
        return self.corpus / "design" / "plan.csv"

    @property
    def build(self) -> Path:
        return self.out / "build"

    def product(self, kind: str, language: str | None = None) -> Path:
        """The file of build product ``kind`` (see :data:`PRODUCTS`)."""
        name = PRODUCTS[kind][0]
        if "{lang}" in name and not language:
            raise ParameterError("language", language, f"the {kind} product is per language")
        return self._cache(kind) / name.format(lang=language)

    def parts_file(self) -> Path:
        """Each document's language parts (cleaned as ``02_prepare_tokens`` was told)."""
        return self.product("parts")

    def tokens_file(self) -> Path:
        """The token cache written by ``02_prepare_tokens``."""
        return self.product("tokens")

    def vocabulary_file(self, language: str) -> Path:
        """The vocabulary (gensim ``Dictionary`` as text) ``02_prepare_tokens`` built."""
        return self.product("vocabulary", language)

    def choice_file(self, language: str) -> Path:
        """The number of topics ``03_select_model`` chose, as one line of text."""
        return self.product("choice", language)

    def model_dir(self, language: str) -> Path:
        """The folder of the topic model ``04_fit_topics`` fitted."""
        return self.product("model", language).parent

    def doc_topics_file(self, language: str) -> Path:
        """The document-topic table of that model, inferred once and reused."""
        return self.product("doc_topics", language)

    def posterior_file(self, language: str) -> Path:
        """Each document's posterior Dirichlet parameters under that model (notebook 05's
        input), inferred once in ``04_fit_topics``."""
        return self.product("posterior", language)


def paths_resolve(corpus: str | os.PathLike = "corpus", out: str | os.PathLike | None = ".",
                  notebook: str | None = None,
                  language: str | list[str] | None = None) -> Paths:
    """Resolve the ``corpus`` and ``out`` parameters against the project root.

    ``out = None`` sends what the run writes to ``build/scratch/<notebook>/`` and reads the
    caches of earlier notebooks from the pipeline's output folder (the project root for the
    demo corpus), so that a notebook played with in JupyterLab never overwrites a published
    output. The environment variable ``DIGIWELFARE_OUT``, when set, replaces ``out``:
    ``make nbval`` uses it so that rerunning the executed notebooks never touches the
    published outputs.

    With ``notebook`` (and ``language`` for a per-language run, or a list of languages for a
    run that reads every language's caches), the caches the notebook
    reads are looked for, and a missing one is made by the pipeline first
    (:func:`digiwelfare.session.needs_make`).

    >>> paths_resolve("corpus", ".").corpus == ROOT / "corpus"
    True
    """
    out = os.environ.get("DIGIWELFARE_OUT") or out
    corpus_path = Path(corpus) if Path(corpus).is_absolute() else ROOT / corpus
    if not (corpus_path / "metadata.csv").is_file():
        raise ParameterError(
            "corpus", str(corpus), f"no metadata.csv in {corpus_path}; give a folder that holds "
            "metadata.csv and texts/ (see corpus/README.md)"
        )
    corpus_path = corpus_path.resolve()
    upstream = None
    if out is None:
        out_path = SCRATCH / (notebook or "interactive")
        upstream = pipeline_out(corpus_path)
        print(f"Run by hand: what this notebook writes goes to {_shown(out_path)}/, not to "
              "the published figures/ and results/ (set `out` to choose a folder).")
    else:
        out_path = (Path(out) if Path(out).is_absolute() else ROOT / out).resolve()
    paths = Paths(corpus_path, out_path, notebook, upstream)
    if notebook is not None:
        from digiwelfare.session import needs_make

        for lang in language if isinstance(language, list) else [language]:
            needs_make(paths, lang)
    return paths


def _shown(path: Path) -> str:
    """A path relative to the project root when inside it, for messages."""
    return str(path.relative_to(ROOT)) if path.is_relative_to(ROOT) else str(path)


#: Where notebooks run by hand write (``out = None``): one folder per notebook.
#: ``DIGIWELFARE_SCRATCH`` moves it (the JupyterLab test plays there, not in build/).
SCRATCH = Path(os.environ.get("DIGIWELFARE_SCRATCH") or ROOT / "build" / "scratch").resolve()


def pipeline_out(corpus: Path) -> Path:
    """The output folder of the pipeline run on ``corpus`` that a scratch run reads caches
    from: the project root for the project's own corpus, else a folder of its own under
    ``build/scratch/pipeline/`` (so another corpus never mixes with the published caches)."""
    import hashlib

    corpus = Path(corpus).resolve()
    if corpus == (ROOT / "corpus").resolve():
        return ROOT
    tag = hashlib.sha256(str(corpus).encode()).hexdigest()[:8]  # two folders named alike
    return SCRATCH / "pipeline" / f"{corpus.name}-{tag}"
