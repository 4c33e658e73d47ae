"""Passed to ``spacy train --code``: registers newsdesk's lexical feature callback, embedding and sentencizer."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import newsdesk.index.analysis.lexical_features  # noqa: E402,F401  (registers newsdesk.lexical_features.v1)
import newsdesk.index.analysis.sentences  # noqa: E402,F401  (registers the newsdesk_sentencizer component)
import newsdesk.index.analysis.embedding  # noqa: E402,F401  (registers the newsdesk.CharHashEmbed.v1 architecture)
import augment  # noqa: E402,F401  (registers the newsdesk.entity_swap.v1 augmenter)
import newsdesk.index.analysis.e5.component  # noqa: E402,F401  (registers newsdesk_e5_features and newsdesk.E5HashEmbed.v1)
