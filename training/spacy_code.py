"""Passed to ``spacy train --code``: registers newsdesk's lexical feature callback, embedding and sentencizer."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsdesk.index.analysis.lexical_features  # noqa: E402,F401  (registers newsdesk.lexical_features.v1)
import newsdesk.index.analysis.sentences  # noqa: E402,F401  (registers the newsdesk_sentencizer component)
import newsdesk.index.analysis.embedding  # noqa: E402,F401  (registers the newsdesk.CharHashEmbed.v1 architecture)
import augment  # noqa: E402,F401  (registers the newsdesk.entity_swap.v1 augmenter)
import newsdesk.index.analysis.e5.component  # noqa: E402,F401  (registers newsdesk_e5_features and newsdesk.E5HashEmbed.v1)

import spacy  # noqa: E402
from spacy.training import Corpus  # noqa: E402


@spacy.registry.readers("newsdesk.ShuffledCorpus.v1")
def shuffled_corpus(path: Path, gold_preproc: bool = False, max_length: int = 0, limit: int = 0) -> Corpus:
    """spaCy's Corpus, shuffled each time it is read. With ``max_epochs = -1`` spaCy reads the train
    corpus again every epoch, so .spacy files added to its directory meanwhile (silver parts of
    ``distill_label.py``) join the next epoch."""
    return Corpus(path, gold_preproc=gold_preproc, max_length=max_length, limit=limit, shuffle=True)


@spacy.registry.callbacks("newsdesk.warm_start_embeddings.v1")
def warm_start_embeddings(source: str):
    """[initialize.after_init]: copy the hashed word-feature tables and the byte embeddings of the
    pipeline at ``source`` (its tok2vec) into the new tok2vec where their shapes match.

    The tables hold most of what the fast model knows about words (Putin, Bundestag, -hausen) and
    do not depend on the layers above them, so a narrower, faster encoder trained on top of them
    starts from that knowledge instead of from random rows. The hash seeds are the same in
    ``newsdesk.CharHashEmbed.v1`` and ``.v2``, so row i means the same features in both."""

    def copy(nlp):
        src = spacy.load(ROOT / source if not Path(source).is_absolute() else source)
        old = [n for n in src.get_pipe("tok2vec").model.walk() if n.name in ("hashembed", "charembed")]
        new = [n for n in nlp.get_pipe("tok2vec").model.walk() if n.name in ("hashembed", "charembed")]
        copied = 0
        for a, b in zip(old, new):
            if a.name == b.name and a.has_param("E") and b.has_param("E") and a.get_param("E").shape == b.get_param("E").shape:
                b.set_param("E", a.get_param("E").copy())
                copied += 1
        print(f"warm start: {copied} of {len(new)} embedding tables copied from {source}", flush=True)
        return nlp

    return copy
