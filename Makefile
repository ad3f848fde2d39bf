# The compendium's pipeline. `make help` lists the targets.
# Each executed notebook is a real file target built from its notebook, its parameter file and
# exactly what it reads (build products, package modules, research data, the corpus), as the
# run table in src/digiwelfare/rundeps.py says; so a rerun with nothing changed does no work
# and an edit reruns only the notebooks that read the edited file.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
MAKEFLAGS += --warn-undefined-variables --no-builtin-rules
# Runs that do not read each other's products go side by side, one per core (JOBS=1: one at a
# time). Lines of the log stay whole; a long stage's progress lines appear as they come.
# Set for `make` and `make all` only (a make that this one starts shares its job slots;
# `make test` sets its own, TEST_JOBS).
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
ifeq ($(MAKELEVEL)$(filter-out all,$(or $(MAKECMDGOALS),all)),0)
MAKEFLAGS += -j$(JOBS) --output-sync=line
endif
.DELETE_ON_ERROR:
.SECONDEXPANSION:
.DEFAULT_GOAL := all

CORPUS ?= corpus
OUT ?= .
SOURCE ?=
PARAMS ?= params
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
ENV := $(VENV)/.installed

NB_OUT := $(OUT)/results/notebooks
CORPUS_FILES := $(CORPUS)/metadata.csv $(wildcard $(CORPUS)/texts/*.txt) $(wildcard $(CORPUS)/design/plan.csv)
# Research data a researcher edits (dictionaries, actors, cue rules, stop words): LEXICON=dir
# points the pipeline at another folder (the package reads DIGIWELFARE_LEXICON).
LEXICON ?= lexicon
export DIGIWELFARE_LEXICON := $(abspath $(LEXICON))
# Languages with runs of their own: by default those the corpus has at least LANG_MIN_DOCS
# documents in and parameter files for (src/digiwelfare/runs.py; standard library only, so
# this works before the environment exists). Notebook 02 lists every part left out, and why.
LANG_MIN_DOCS ?= 20
ifeq ($(origin LANGS),undefined)
LANGS := $(shell PYTHONPATH=src $(PYTHON) -m digiwelfare.runs languages '$(CORPUS)' '$(PARAMS)' $(LANG_MIN_DOCS) 2>/dev/null)
endif
# One run per parameter file: params/03_select_model__nb.yaml runs notebooks/03_select_model.ipynb.
# Runs for a language not in LANGS are left out (make all CORPUS=mine LANGS=en); PARAMS names
# another folder of parameter files, e.g. a copy of params/ edited for your own corpus.
ALL_RUNS := $(sort $(basename $(notdir $(wildcard $(PARAMS)/*.yaml))))
RUNS := $(foreach run,$(ALL_RUNS),$(if $(findstring __,$(run)),$(if $(filter $(lastword $(subst __, ,$(run))),$(LANGS)),$(run)),$(run)))
EXECUTED := $(RUNS:%=$(NB_OUT)/%.ipynb)
# --no-deps: the lock already lists every package, so pip resolves nothing and installs the pins.
PIP_INSTALL := $(PY) -m pip install --quiet --disable-pip-version-check --no-deps
RUN_NOTEBOOK = $(PY) -m digiwelfare run $(1) $(2) --params $(3) --corpus '$(CORPUS)' --out '$(OUT)'

.PHONY: all env test lint pytest nbval lab clean help lock validate corpus verify robust report browser \
  mutate bench tasks nb runs settle readme

# the import's own accuracy tables belong to the published tree, not to a run on another corpus
IMPORT_TABLES := $(if $(filter .,$(OUT)),results/tables/import_accuracy.csv results/tables/doctype_crossval.csv results/tables/export_accuracy.csv)
all: $(OUT)/results/manifest.json $(IMPORT_TABLES) ## run every notebook in order; figures/, results/tables/, results/notebooks/
	@$(if $(MAKE_MODE),,$(MAKE) --no-print-directory settle SETTLE=after-all)

# How well the import does on the labelled exported pages in tests/fixtures/exported (the
# README quotes this table).
FIXTURE_SETS := $(shell sed -e 's/\#.*//' tests/fixtures/exported/sets.txt)
EXPORTED := tests/fixtures/exported/sets.txt $(sort $(wildcard $(FIXTURE_SETS:%=tests/fixtures/exported/%/*)))
results/tables/import_accuracy.csv: $(EXPORTED) $$(IMPORT_CHECK_READS) | $(ENV)
	@$(PY) -m digiwelfare check-import $(FIXTURE_SETS:%=tests/fixtures/exported/%) --out $@ >/dev/null
	@echo "import accuracy: $@"

# How well the import does on the labelled catalogue exports in tests/fixtures/exports_blind,
# record by record (the README quotes this table). Exports keep their tools' file names, spaces
# included ("My Library.csv"), which make cannot list: a set is known by its records.csv (a
# set's files are not edited once it has been scored).
EXPORT_SETS := $(shell sed -e 's/\#.*//' tests/fixtures/exports_blind/sets.txt)
EXPORTS_BLIND := tests/fixtures/exports_blind/sets.txt $(EXPORT_SETS:%=tests/fixtures/exports_blind/%/records.csv)
results/tables/export_accuracy.csv: $(EXPORTS_BLIND) $$(IMPORT_CHECK_READS) | $(ENV)
	@$(PY) -m digiwelfare check-exports $(EXPORT_SETS:%=tests/fixtures/exports_blind/%) --out $@ >/dev/null
	@echo "export accuracy: $@"

# How well the document types generalise: each labelled set the shipped weights were fitted on
# scored by weights fitted on the others (leave-one-set-out; the README quotes this table). `doctype-fit` without
# --crossval-only also rewrites lexicon/doc_type_weights.csv: run it by hand after editing cues.
results/tables/doctype_crossval.csv: $(EXPORTED) lexicon/doc_type_cues.yaml src/digiwelfare/doctypes.py src/digiwelfare/doctype_fit.py $$(IMPORT_CHECK_READS) | $(ENV)
	@$(PY) -m digiwelfare doctype-fit --crossval-only --table $@ >/dev/null
	@echo "document types, leave-one-set-out: $@"

# The README's generated tables (digiwelfare.readme_blocks): the import's accuracy, written
# from the tables above and tests/fixtures/exported/first_scores.csv, and the benchmarks', from
# the committed files in results/bench; the tests hold the README to them, so after a change
# to the import rules: make all readme.
readme: results/tables/import_accuracy.csv results/tables/doctype_crossval.csv results/tables/export_accuracy.csv | $(ENV) ## rewrite the README's generated tables (accuracy, benchmarks) from the files that measured them
	@$(PY) -m digiwelfare readme-blocks

# The manifest records what made the outputs (versions, corpus hash, parameters, commit,
# wall times); it is rewritten whenever a notebook ran.
# Runs are listed longest first, by the CPU seconds each took last time (build/timings), so
# that the job slots end together rather than with one long run alone. The runs not timed yet
# come first, longest first by the CPU seconds of the same notebook in the recorded pipeline
# runs (results/bench/pipeline_stages.csv, the most any size took; 0 for one not there), so
# that a first run in an empty folder ends with short runs too. Only the order changes,
# never what runs.
STAGES_RECORDED := results/bench/pipeline_stages.csv
RUNS_BY_COST = $(shell for r in $(RUNS); do t='$(OUT)/build/timings/'$$r.cpu.txt; \
  if [ -f "$$t" ]; then echo "0 $$(cat "$$t") $$r"; else echo "1 $$(awk -F, -v r=$$r \
  '$$2 == r && $$4 + 0 > m { m = $$4 + 0 } END { print m + 0 }' $(STAGES_RECORDED) \
  2>/dev/null || echo 0) $$r"; fi; done | sort -k1,1nr -k2,2gr -k3,3 | cut -d' ' -f3)
$(OUT)/results/manifest.json: $(RUNS_BY_COST:%=$(NB_OUT)/%.ipynb)
	@$(PY) -m digiwelfare manifest --corpus '$(CORPUS)' --out '$(OUT)' --params '$(PARAMS)'
	@echo "manifest: $@"

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/^([a-z-]+):.*## /  make \1\t/' | expand -t 16

env: $(ENV) ## create or update .venv from requirements.lock (nothing to do if the lock is unchanged)

$(ENV): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "make env: Python 3.11 or newer is needed; $(PYTHON) is " + sys.version.split()[0])'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "make env: installing the pinned packages into $(VENV) (about a minute the first time)"
	@$(PIP_INSTALL) -r requirements.lock 2>&1 | { grep -v ' is ignored: ' || true; }
	@$(PIP_INSTALL) -e . 2>&1 | { grep -v ' is ignored: ' || true; }
	@$(PY) -m pip check --disable-pip-version-check >/dev/null
	@touch $@

# Build products in build/ (tokens, language parts, vocabularies, the chosen K, models,
# document-topic tables) are declared in src/digiwelfare/config.py (PRODUCTS), and what each
# notebook reads and writes in the run table, src/digiwelfare/rundeps.py. From it
# build/deps.mk is generated (standard library only, so before the environment exists; make
# remakes it when the table, a module, a notebook, a parameter file or LANGS change): one line
# of prerequisites per executed notebook (its row of the table among them), and one rule per
# build product. A product's rule
# reruns its notebook only when the product is missing: a notebook rewrites a product only
# when its content changed, so a rerun that changes nothing reruns nothing downstream.
BUILD := $(OUT)/build
DEPS := $(BUILD)/deps.mk
DEPS_KEY := $(LANGS)|$(PARAMS)|$(DIGIWELFARE_LEXICON)
ifneq ($(DEPS_KEY),$(file <$(DEPS).key))
$(shell mkdir -p '$(BUILD)')
$(file >$(DEPS).key,$(DEPS_KEY))
endif
$(DEPS): $(DEPS).key $(wildcard src/digiwelfare/*.py notebooks/*.ipynb $(PARAMS)/*.yaml $(LEXICON)/*)
	@PYTHONPATH=src $(PYTHON) -m digiwelfare.rundeps makedeps '$(PARAMS)' '$(LANGS)' '$(BUILD)' \
	  > $@.tmp && mv $@.tmp $@
# Each run reads its own row of the table, build/rows/<notebook>.txt, rewritten only when the
# row changed (so an edit of the table reruns only the notebooks whose rows changed); one
# missing is written again with the time of rundeps.py (the row changed no later than that).
$(BUILD)/rows/%.txt:
	@PYTHONPATH=src $(PYTHON) -m digiwelfare.rundeps makedeps '$(PARAMS)' '$(LANGS)' '$(BUILD)' >/dev/null
# The corpus as one prerequisite of the runs that read it: a stamp with the time of the newest
# corpus file (metadata, texts, design plan), so a run is out of date exactly when one of them
# is newer than it, and make compares the corpus's files once, not once per run (at 100,000
# texts that took make 6 seconds before it started anything).
CORPUS_STAMP := $(BUILD)/corpus.stamp
$(CORPUS_STAMP): $(CORPUS_FILES)
	@mkdir -p '$(@D)' && newest=$$(find '$(CORPUS)' -maxdepth 2 \( -path '$(CORPUS)/metadata.csv' \
	  -o -path '$(CORPUS)/texts/*.txt' -o -path '$(CORPUS)/design/plan.csv' \) -printf '%T@\n' \
	  | sort -g | tail -n 1) && touch -d "@$$newest" '$@'
IMPORT_CHECK_READS ?=
include $(DEPS)

# After a run, a product that a rerun left unchanged keeps its older time, so it is older than
# the notebook run that checked it. make itself then reruns nothing (it looks at the product's
# time again after its rule), but `make -n`, which cannot know that a rerun changes nothing,
# lists everything that reads it. `make settle`, the last step of `make all`, marks those
# targets up to date with `make -t` (it touches them; nothing runs), unless a file a run reads
# changed after make started: then nothing is touched, and the next make reruns what reads it.
MAKE_MODE := $(strip $(foreach f,n t q,$(findstring $(f),$(filter-out -%,$(firstword $(MAKEFLAGS))))))
RUN_START := $(BUILD)/run-start
ifeq ($(MAKE_MODE)$(filter-out all,$(or $(MAKECMDGOALS),all)),)
$(shell mkdir -p '$(BUILD)' && touch '$(RUN_START)')
endif
SETTLE_INPUTS = src notebooks '$(PARAMS)' '$(LEXICON)' '$(CORPUS)' $(wildcard $(CODING))
SETTLE ?=
settle: # the last step of `make all` only: after a failed run it would mark failures done
	@test '$(SETTLE)' = after-all && test -e '$(RUN_START)' || { echo "make settle: run by" \
	  "make all at its end only" >&2; exit 2; }
	@changed=$$(find $(SETTLE_INPUTS) -type f -newer '$(RUN_START)' \( -name '*.py' -o -name \
	  '*.ipynb' -o -name '*.yaml' -o -name '*.txt' -o -name '*.csv' \) -not -path '*/.*' \
	  -print -quit); \
	if [ -n "$$changed" ]; then echo "make settle: $$changed changed during the run;" \
	  "nothing marked up to date (the next make reruns what reads it)"; \
	else $(MAKE) --no-print-directory -t -o $(ENV) '$(OUT)/results/manifest.json' >/dev/null; fi
	@rm -f '$(RUN_START)'

# One notebook run, with the parameters some notebooks take from make.
EXTRA_02_prepare_tokens = -p params '$(PARAMS)' -p min_docs_language $(LANG_MIN_DOCS)
EXTRA_11_validate_coding = $(VALIDATE_PARAMS)
NOTEBOOK_OF = $(firstword $(subst __, ,$(1)))
RUN_EXECUTED = $(call RUN_NOTEBOOK,notebooks/$(call NOTEBOOK_OF,$(1)).ipynb,$(NB_OUT)/$(1).ipynb,$(PARAMS)/$(1).yaml) $(if $(filter undefined,$(origin EXTRA_$(call NOTEBOOK_OF,$(1)))),,$(EXTRA_$(call NOTEBOOK_OF,$(1))))

# Every run: its notebook and its parameter file; build/deps.mk adds what it reads.
$(NB_OUT)/%.ipynb: notebooks/$$(firstword $$(subst __, ,$$*)).ipynb $(PARAMS)/%.yaml | $(ENV)
	@$(call RUN_EXECUTED,$*)

runs: ## the run table: what each run reads (products, data, modules) and writes
	@PYTHONPATH=src $(PYTHON) -m digiwelfare.rundeps show '$(PARAMS)' '$(LANGS)'

# Validation by people (notebook 11): `make tasks` writes the tasks for coders into
# $(CODING)/tasks (offline HTML forms and CSV sheets) and their answer keys apart, into
# $(CODING)/key; coders' answer files go into $(CODING)/answers, and notebook 11 (run by
# `make all`) scores them. Task sets nobody has answered get simulated coders, labelled so.
CODING ?= coding
MODELS := $(foreach lang,$(LANGS),$(BUILD)/lda_$(lang)/model $(BUILD)/doc_topics_$(lang).parquet)
VALIDATE_PARAMS = -p languages '[$(subst $(space),$(comma) ,$(strip $(LANGS)))]' \
  -p answers '$(CODING)/answers' -p keys '$(CODING)/key'

$(NB_OUT)/11_validate_coding.ipynb: $(wildcard $(CODING)/answers $(CODING)/answers/*.csv $(CODING)/key/*.csv)

# In `make all`, the runs that no run reads (06 to 11) wait for the topic models (04's
# products) to be made: the chain 02-03-04-05 is the longest, and make would otherwise fill
# its job slots with the others first and leave notebook 05 to run alone at the end. A run of
# one language waits for that language's model only, so that it fills a slot the other
# language's longer chain leaves free; a run of every language waits for every model.
# Waiting for the products (not 04's executed notebook) lets 05, listed first, start first.
# Only the order changes: a model already made is not made again for them.
ifeq ($(filter-out all,$(or $(MAKECMDGOALS),all)),)
LATE_RUNS := $(filter-out $(foreach n,01 02 03 04 05,$(NB_OUT)/$(n)_%),$(EXECUTED))
$(foreach lang,$(LANGS),$(eval $(filter %__$(lang).ipynb,$(LATE_RUNS)): | $(BUILD)/lda_$(lang)/model $(BUILD)/doc_topics_$(lang).parquet))
$(filter-out $(foreach lang,$(LANGS),%__$(lang).ipynb),$(LATE_RUNS)): | $(MODELS)
endif

tasks: $(MODELS) $(BUILD)/parts.parquet | $(ENV) ## write validation tasks for coders into CODING=dir/tasks (keys apart in dir/key)
	@$(PY) -m digiwelfare tasks --params '$(PARAMS)/11_validate_coding.yaml' --corpus '$(CORPUS)' \
	  --out '$(OUT)' --into '$(CODING)' --languages '$(LANGS)'

# One notebook with what it needs, into the published tree (or OUT):
# make nb NB=09_read_concordances LANG=en. LANG matters for notebooks run once per language;
# without it on the command line (the locale's LANG is ignored) the first of LANGS is used.
NB ?=
NB_NAME = $(basename $(notdir $(NB)))
NB_LANG = $(if $(filter command line,$(origin LANG)),$(LANG),$(firstword $(LANGS)))
NB_RUN = $(if $(wildcard $(PARAMS)/$(NB_NAME).yaml),$(NB_NAME),$(NB_NAME)__$(NB_LANG))

nb: ## one notebook and the ones it needs: NB=09_read_concordances LANG=en
	@test -n '$(NB)' || { echo "make nb: give NB=notebook, e.g. make nb NB=09_read_concordances LANG=en" >&2; exit 2; }
	@test -f '$(PARAMS)/$(NB_RUN).yaml' || { echo "make nb: no parameter file $(PARAMS)/$(NB_RUN).yaml;" \
	  "NB is a notebook's name ($(notdir $(basename $(wildcard notebooks/*.ipynb))))" \
	  "and LANG one of: $(LANGS)" >&2; exit 2; }
	@# LANG=en on the command line would also reach the programs as their locale
	@$(MAKE) --no-print-directory LANG=C.UTF-8 '$(NB_OUT)/$(NB_RUN).ipynb'
	@echo "make nb: $(NB_OUT)/$(NB_RUN).ipynb is up to date"

corpus: | $(ENV) ## import SOURCE=files-or-folders into CORPUS=dir (PDF, Word, HTML, text, RIS, BibTeX, CSV)
	@test -n '$(SOURCE)' || { echo "make corpus: give SOURCE=files-or-folders and CORPUS=dir" >&2; exit 2; }
	@test '$(CORPUS)' != corpus || { echo "make corpus: give CORPUS=dir; the demo corpus is not imported into" >&2; exit 2; }
	@$(PY) -m digiwelfare import $(SOURCE) --into '$(CORPUS)'

validate: | $(ENV) ## check the corpus (CORPUS=dir) against the schema
	@$(PY) -m digiwelfare validate '$(CORPUS)'

# The unit tests and the notebook checks are independent (nbval writes to build/nbval only),
# so they run side by side: on two cores `make test` takes about two thirds of the time they
# take one after the other. TEST_JOBS=1 runs them in turn; each one's output is printed whole
# when it ends.
TEST_JOBS ?= 2
test: lint | $(ENV) ## lint, unit tests (the report in a browser too), notebooks against their outputs
	@$(MAKE) --no-print-directory -j$(TEST_JOBS) --output-sync=target pytest nbval

lint: | $(ENV) ## ruff on the package, tests and notebooks
	@$(VENV)/bin/ruff check --quiet src tests notebooks

pytest: browser | $(ENV) ## unit tests
	@$(PY) -m pytest -q tests --doctest-modules src/digiwelfare

# nbval reruns the executed notebooks and compares the cells marked NBVAL_CHECK_OUTPUT.
# DIGIWELFARE_OUT sends what they write to build/nbval, so published outputs stay untouched.
nbval: | $(ENV) ## rerun the executed notebooks and compare their key outputs
	@DIGIWELFARE_OUT=build/nbval $(PY) -m pytest -q -p no:cacheprovider --nbval-lax \
	  --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg \
	  $(filter-out %.failed.ipynb,$(wildcard results/notebooks/*.ipynb))

# Mutation testing of the statistics modules, not part of `make test` (it takes minutes per
# module). mutmut changes one operator or constant at a time in each MUTATE file and runs the
# tests that cover it (MUTATE_TESTS: tests/test_<module>*.py); a mutant no test notices
# "survived". It works in a copy, build/mutation/, so nothing it writes reaches src/, tests/,
# pytest or ruff. The report (src/digiwelfare/mutation.py): results/mutation/score.csv (per
# module; score = (killed + timeout) / (mutants - skipped - equivalent), where equivalent
# counts the survivors judged by hand, with a reason, in results/mutation/equivalent.csv),
# survivors.txt (each surviving mutant's diff) and the table in README.md. A run replaces the
# rows and blocks of its own modules only. One module: make mutate MUTATE=src/digiwelfare/effects.py
STATS_MODULES ?= effects glm topics keywords keyness collocations concordances dictionaries \
  networks pvalues selection guided bca
MUTATE ?= $(wildcard $(STATS_MODULES:%=src/digiwelfare/%.py))
MUTATE_TESTS ?= $(sort $(wildcard $(foreach f,$(MUTATE),tests/test_$(basename $(notdir $(f)))*.py)))
MUTATE_JOBS ?= 2
MUTATION := build/mutation
MUTMUT := $(abspath $(VENV))/bin/mutmut
# mutmut runs each mutant in a forked child: numba's OpenMP layer is not fork-safe (it stops a
# forked process that uses it), so its fork-safe layer is asked for (NUMBA_THREADING_LAYER).
# mutmut reads its settings from pyproject.toml in the folder it runs in: source_paths is the
# whole package (so the mutated modules import the rest), only_mutate picks the files.
# A mutant is stopped, and counted killed by timeout, after 2 x timeout_multiplier x (its
# tests' seconds in the clean run + 1) CPU seconds: 10 times, not mutmut's default 30, so a
# mutant that loops far longer than the tests (a batch loop of step 1) costs minutes, not a
# quarter of an hour.
define MUTMUT_CONFIG
[tool.pytest.ini_options]
addopts = "-p no:cacheprovider"

[tool.mutmut]
source_paths = ["src"]
timeout_multiplier = 5.0
only_mutate = [$(subst $(space),$(comma) ,$(patsubst %,"%",$(MUTATE)))]
pytest_add_cli_args_test_selection = [$(subst $(space),$(comma) ,$(patsubst %,"%",$(MUTATE_TESTS)))]
endef
space := $(subst ,, )
comma := ,
export MUTMUT_CONFIG

mutate: | $(ENV) ## mutation testing of MUTATE=files (default: the statistics modules) with mutmut
	@test -n '$(MUTATE)' || { echo "make mutate: no file in MUTATE" >&2; exit 2; }
	@test -n '$(MUTATE_TESTS)' || { echo "make mutate: no tests/test_<module>*.py for" \
	  "$(MUTATE); give MUTATE_TESTS=files" >&2; exit 2; }
	@echo "make mutate: $(MUTATE) against $(MUTATE_TESTS) in $(MUTATION)" \
	  "(several minutes a module; progress in $(MUTATION)/mutmut.log)"
	@rm -rf $(MUTATION) && mkdir -p $(MUTATION) results/mutation
	@cp -R src tests $(MUTATION)/ && find $(MUTATION) -name __pycache__ -prune -exec rm -rf {} +
	@printf '%s\n' "$$MUTMUT_CONFIG" > $(MUTATION)/pyproject.toml
	@cd $(MUTATION) && start=$$(date +%s) \
	  && { NUMBA_THREADING_LAYER=forksafe $(MUTMUT) run --max-children $(MUTATE_JOBS) > mutmut.log 2>&1 \
	       || { tr '\r' '\n' < mutmut.log | tail -20 >&2; echo "make mutate: mutmut failed;" \
	            "the log is $(MUTATION)/mutmut.log" >&2; exit 1; }; } \
	  && echo "$$(( $$(date +%s) - start ))" > seconds.txt \
	  && $(MUTMUT) results --all true > results.txt
	@cd $(MUTATION) && PYTHONPATH=$(CURDIR)/src $(abspath $(PY)) -m digiwelfare.mutation show results.txt \
	  > survivors.txt
	@echo "make mutate: $$(cat $(MUTATION)/seconds.txt) s; this run's modules in" \
	  "results/mutation/score.csv, survivors.txt and the README:"
	@PYTHONPATH=src $(PY) -m digiwelfare.mutation report $(MUTATION)/results.txt $(MUTATION)/survivors.txt \
	  results/mutation README.md

# The topic engine against gensim (defaults) and tomotopy on planted corpora of each size in
# BENCH_SIZES, seeds 0, 1, 2; not part of `make test` (minutes; timings depend on the load).
# make bench BENCH_SIZES="1000 10000 100000" adds the largest size (about an hour and a half);
# python -m digiwelfare.bench --sizes 100000 --seeds 0 --merge adds it to the committed runs.
BENCH_SIZES ?= 1000 10000
bench: | $(ENV) ## time and score the topic engine and its peers; results/bench/bench.json
	@nice -n 10 $(PY) -m digiwelfare.bench --sizes $(BENCH_SIZES) --out results/bench
	@nice -n 10 $(PY) -m digiwelfare.bench --mixtures --out results/bench
	@$(PY) -m digiwelfare.bench --table --out results/bench

lab: | $(ENV) ## open JupyterLab on the project
	@# .jupyter/ (also Binder's ~/.jupyter) keeps solutions/ out of the file browser
	@JUPYTER_CONFIG_PATH='$(CURDIR)/.jupyter' $(VENV)/bin/jupyter lab --notebook-dir=.

lock: ## resolve requirements.in into requirements.lock in a scratch venv
	@rm -rf build/lock-venv && $(PYTHON) -m venv build/lock-venv
	@build/lock-venv/bin/pip install --quiet -r requirements.in
	@{ echo '# Every package of the environment, pinned. Made by `make lock` from requirements.in; read by `make env`.'; \
	  build/lock-venv/bin/pip freeze --all | grep -v -E '^(pip|setuptools|wheel)=='; } > requirements.lock
	@rm -rf build/lock-venv
	@{ echo '# Conda environment (also what Binder reads). The pip pins are requirements.lock'"'"'s, line for line;'; \
	  echo '# `make lock` rewrites both and tests/test_environment.py checks that they agree.'; \
	  printf 'name: digiwelfare\nchannels:\n  - conda-forge\ndependencies:\n  - python=3.11\n  - pip\n  - pip:\n'; \
	  grep -v '^#' requirements.lock | sed 's/^/      - /'; echo '      - -e .'; } > environment.yml
	@echo "requirements.lock and environment.yml written"

verify: | $(ENV) ## rebuild everything from a clean copy and compare with what is committed
	@$(PY) -m digiwelfare verify

# Every notebook, end to end, on a small planted corpus of pseudo-words (sizes in ROBUST_SYNTH):
# no dictionary word, actor, default node or planned theme occurs in it, so each notebook
# must say what it found nothing for and go on. Its outputs go to build/robust/, never to the
# published tree; not part of `make test` (a few minutes).
ROBUST_SYNTH ?= --docs 300 --topics 8 --seed 1
robust: | $(ENV) ## run every notebook on a planted corpus where no dictionary word or actor occurs
	@rm -rf '$(BUILD)/robust' && $(PY) -m digiwelfare synth $(ROBUST_SYNTH) --into '$(BUILD)/robust/corpus'
	@$(MAKE) --no-print-directory all CORPUS='$(BUILD)/robust/corpus' OUT='$(BUILD)/robust/out'
	@echo "robust: every notebook ran on the planted corpus ($(BUILD)/robust/out)"

report: $(OUT)/results/report/index.html ## an offline HTML site of the executed notebooks, figures and LDAvis pages

$(OUT)/results/report/index.html: $(OUT)/results/manifest.json
	@$(PY) -m digiwelfare report --out '$(OUT)'
	@echo "report: $@ (open it in a browser; it needs no network)"

# Debian's Chromium for the report's browser test; the test is skipped where it cannot be
# installed (not root, no apt), and says so.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && { echo "make browser: installing Debian's chromium for the report test"; \
	       apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; } \
	  || echo "make browser: chromium not installed; the browser test will be skipped"; }

clean: ## remove build/ and the generated results (make all makes them again)
	rm -rf build results/notebooks/*.ipynb results/tables/*.csv figures/*.png results/ldavis \
	  results/report results/manifest.json
