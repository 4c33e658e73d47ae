"""What makes an analysis, named without loading spaCy: the model's meta, the tagger and events versions.

The index stores each file's analysis signature; a file annotated under
another signature is analysed again. ``analysis_signature(model)`` reads the
model's ``meta.json`` from disk (newsdesk's bundled pipeline, a pipeline
directory or an installed spaCy package), so an index run with nothing to do
never imports spaCy. Only a model whose meta cannot be found on disk is loaded
to read it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
from pathlib import Path

BUNDLED_NAME = "de_newsdesk"
BUNDLED_PATH = Path(__file__).resolve().parents[1] / "models" / BUNDLED_NAME
# the accurate tier: the bundled pipeline with the e5 NER (index/analysis/e5) in place of its own
ACCURATE_NAME = "de_newsdesk_e5"
ACCURATE_PATH = BUNDLED_PATH.parent / ACCURATE_NAME

# Bump when the output of the temporal tagger (``index.analysis.timex.tag``) changes.
TAGGER_VERSION = "timex-de-13"
# Bump when the tokenizer rules newsdesk adds to every pipeline (``pipeline.split_glued_sentences``) change.
TOKENIZER_VERSION = "1"
# Bump when the events found for the same input change.
EVENTS_VERSION = "19"


def meta_signature(meta: dict) -> str:
    """``lang_name-version-hash`` of a pipeline's meta: changes whenever the meta changes."""
    digest = hashlib.sha1(json.dumps(meta, sort_keys=True, default=str).encode("utf-8")).hexdigest()[:12]
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'pipeline')}-{meta.get('version', '0')}-{digest}"


def read_meta(directory) -> dict | None:
    """The ``meta.json`` of a pipeline directory (None when there is none or it is unreadable)."""
    try:
        meta = json.loads((Path(directory) / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def model_directory(model: str | None) -> Path | None:
    """The directory holding the pipeline ``model`` (None: the bundled one), found without spaCy."""
    if model is None or model == BUNDLED_NAME:
        return BUNDLED_PATH
    if model == ACCURATE_NAME:  # newsdesk's own directory, not an installed spaCy package
        return ACCURATE_PATH
    path = Path(model)
    if path.is_dir():
        return path
    if "/" in model or "\\" in model:
        return None
    try:
        spec = importlib.util.find_spec(model)
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    package = Path(next(iter(spec.submodule_search_locations)))
    # a spaCy model package keeps the pipeline in "<name>-<version>/" next to a copy of its meta
    for candidate in sorted(package.glob(f"{model}-*"), reverse=True):
        if (candidate / "meta.json").is_file():
            return candidate
    return package if (package / "meta.json").is_file() else None


def model_label(model: str | None = None) -> str:
    """How people see the pipeline ``model``: ``"de_newsdesk 0.2.0"`` (name and version from its meta,
    read without spaCy); a model without a readable meta is named as given."""
    directory = model_directory(model)
    meta = read_meta(directory) if directory is not None else None
    if meta is None or not meta.get("name"):
        return str(model) if model is not None else BUNDLED_NAME
    name = f"{meta.get('lang')}_{meta['name']}" if meta.get("lang") else str(meta["name"])
    return f"{name} {meta['version']}" if meta.get("version") else name


def model_tier(label: str) -> str:
    """What a ``model_label`` means for a reader: "fast model", "accurate model (e5)", or the label
    itself for any other pipeline ("" when there is none, as in an index written before it was stored)."""
    name = label.split(" ", 1)[0]
    if name == BUNDLED_NAME:
        return "fast model"
    if name == ACCURATE_NAME:
        return "accurate model (e5)"
    return label


def _pipeline_meta(model: str | None) -> dict | None:
    """The meta that names ``model``'s pipeline, read from disk (None when it cannot be found there).
    The accurate tier's is made of both pipelines: a change to either is a change of the analysis."""
    if model == ACCURATE_NAME:
        accurate, bundled = read_meta(ACCURATE_PATH), read_meta(BUNDLED_PATH)
        return {**accurate, "base": bundled} if accurate is not None and bundled is not None else None
    directory = model_directory(model)
    return read_meta(directory) if directory is not None else None


def _with_versions(pipeline: str) -> str:
    return f"{pipeline}|tokens {TOKENIZER_VERSION}|timex {TAGGER_VERSION}|events {EVENTS_VERSION}"


def analysis_signature(model: str | None = None) -> str:
    """The signature of newsdesk's analysis with ``model``: pipeline meta, tokenizer, tagger and events versions."""
    meta = _pipeline_meta(model)
    if meta is None:
        # No meta on disk (or an unusual install): load the pipeline to read it.
        from newsdesk.index.analysis.pipeline import load_pipeline, pipeline_signature

        return _with_versions(pipeline_signature(load_pipeline(model)))
    return _with_versions(meta_signature(meta))


def fast_default(model: str | None) -> bool:
    """``model`` names newsdesk's bundled fast pipeline (None: the default)."""
    return model is None or model == BUNDLED_NAME


def kept_signatures(model: str | None = None) -> frozenset[str]:
    """Signatures of other analyses that a run with ``model`` keeps as they are instead of redoing them:
    for the fast default, the accurate tier's (an article the accurate pass re-analysed is not
    taken back to the fast model); none for any other pipeline."""
    accurate = _pipeline_meta(ACCURATE_NAME) if fast_default(model) else None
    return frozenset({_with_versions(meta_signature(accurate))}) if accurate is not None else frozenset()
