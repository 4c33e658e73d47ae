"""Loading the spaCy pipeline that finds entities, sentences and STTS tags.

``load_pipeline()`` gives newsdesk's bundled German pipeline
(``index/models/de_newsdesk``: sentencizer, STTS tagger, NER with
PER/LOC/ORG/MISC). A name such as ``de_core_news_lg`` loads that installed
spaCy package instead (components newsdesk does not use are left out), and a
path loads a pipeline directory. Pipelines are cached per name.
"""

from __future__ import annotations

import threading
from pathlib import Path

import spacy
from spacy.language import Language

from newsdesk.index.analysis import embedding, lexical_features, sentences  # noqa: F401  (register what the bundled model needs)
from newsdesk.index.analysis.signature import BUNDLED_NAME, BUNDLED_PATH, meta_signature, read_meta

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


def _load(name: str | None) -> Language:
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


def load_pipeline(name_or_path: str | None = None) -> Language:
    """The spaCy pipeline ``name_or_path`` (None: newsdesk's bundled model), loaded once per name.

    Raises ``ModelNotFoundError`` when it is not installed.
    """
    key = str(name_or_path) if name_or_path is not None else BUNDLED_NAME
    with _lock:
        nlp = _cache.get(key)
        if nlp is None:
            nlp = _load(None if name_or_path is None else str(name_or_path))
            _cache[key] = nlp
        return nlp


def pipeline_signature(nlp: Language) -> str:
    """``lang_name-version-hash``: changes whenever the model (its meta) changes.

    The meta is read from the pipeline's directory when it was loaded from one, so the
    signature equals ``signature.analysis_signature``'s, which never loads spaCy.
    """
    on_disk = read_meta(nlp.path) if getattr(nlp, "path", None) else None
    return meta_signature(on_disk if on_disk is not None else nlp.meta)
