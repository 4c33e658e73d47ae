"""An article's structure: paragraph kinds, subheadings, captions and the title.

Heuristics for German news text, tuned to be conservative (a false heading
is worse than a missed one):

* a *standalone subheading* is a short one-line paragraph without final
  punctuation that is followed by more text ("Treffen in Alaska brachte keine
  Fortschritte");
* a *run-in subheading* opens a paragraph and runs straight into its first
  sentence ("Differenzen über Beendigung des Krieges Auch der US-Nachrichten…"):
  a phrase of 2-10 words made of capitalised words, numbers, function words
  and adjectives only (nothing that looks like a finite verb, no punctuation),
  which starts and ends with a capitalised word and is followed by a
  capitalised sentence opener (Das/Die/Der/Auch/Doch/Nach/Am/Im/Es/Er/Sie…);
* a *caption* is a media caption or metadata line: it ends with a video stamp
  ("10.09.2025 | 0:21 min"), a credit ("Quelle: AP", "Foto: dpa"), carries
  "(Archivbild)"-like markers, is an agency credit, or consists only of
  boilerplate sentences (AI notes, "Lesen Sie auch" …);
* the *title* is the headline where the source has one; otherwise the first
  real (non-boilerplate) sentence, shortened to about 80 characters at a word
  boundary with "…".
"""

from __future__ import annotations

import re

from ..article import BODY, CAPTION, HEADING, Article
from .boilerplate import is_boilerplate
from .normalise import collapse_whitespace

TITLE_LIMIT = 80  # a title made from the first sentence
# the place (and agency) a news text opens with: "BOZEN.", "Meran (ki).", "WIEN/BOZEN.", "Aachen (dpa):"
DATELINE = re.compile(
    r"\A\s*(?P<place>[A-ZÄÖÜ][\w\-/]+(?:[ -][A-ZÄÖÜ][\w\-/.]+){0,2})\s*(?P<agency>\(\s*[\w./ ]{1,12}\s*\))?\s*[.:](?=\s|\Z)"
)
HEADLINE_LIMIT = 200  # a headline the source gives (longer ones are garbage, cut)

# Capitalised words that open a German sentence: articles, pronouns, adverbs, prepositions, conjunctions.
SENTENCE_OPENERS = frozenset(
    """
    Das Die Der Den Dem Des Ein Eine Einen Einem Einer Eines Kein Keine Keinen
    Es Er Sie Wir Ich Ihr Man Dies Diese Dieser Dieses Diesem Diesen Jener Jene
    Sein Seine Seinen Seinem Seiner Ihre Ihren Ihrem Ihrer Unser Unsere
    Auch Doch Aber Und Oder Denn Sondern Nun Noch Schon Erst Zunächst Dann Danach Zuvor Später Bereits Bisher Bislang
    Zudem Dabei Damit Dafür Dagegen Daher Darauf Darüber Deshalb Deswegen Dort Hier Da So Somit Trotzdem Dennoch
    Außerdem Allerdings Jedoch Zwar Inzwischen Mittlerweile Unterdessen Indes Derzeit Aktuell Heute Gestern Morgen
    Demnach Ebenfalls Gleichzeitig Zugleich Vielmehr Immerhin Jetzt Nachdem Als Wie Wenn Weil Ob Obwohl Während
    Am Im Zum Zur Vom Beim Ins Ans Aufs
    Nach Vor Mit Bei In An Auf Aus Für Über Unter Gegen Ohne Durch Seit Bis Laut Trotz Wegen Angesichts Zwischen Neben
    Viele Einige Alle Jeder Jede Jedes Beide Mehrere Wer Was Wann Warum Wo
    """.split()
)

# Lowercase words allowed inside a subheading: prepositions, articles, conjunctions, particles.
HEADING_FUNCTION_WORDS = frozenset(
    """
    der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner
    und oder sowie aber statt als wie
    über zwischen von vom mit für gegen nach vor bei beim in im an am auf aus um ohne durch seit bis unter zu zum zur
    trotz wegen neben hinter gegenüber laut per pro samt ab
    nicht mehr weniger kaum neue neuer neues neuen alte alter alten erste ersten zweite zweiten letzte letzten
    große großer großen kleine kleinen weitere weiteren viele vielen keine
    """.split()
)

# lowercase words that look like finite verbs or otherwise never occur in a nominal heading
_FINITE_VERB_LIKE = frozenset(
    """
    ist sind war waren wird werden wurde wurden hat haben hatte hatten kann können konnte will wollen wollte
    soll sollen sollte muss müssen musste darf dürfen mag sei seien wäre wären gibt gab geht ging kommt kam
    sagt sagte sagten bleibt blieb steht stand
    """.split()
)

_ADJECTIVE = re.compile(
    r"(?:isch|lich|ig|al|iv|ell|bar|sam|haft|los|är|ös|ant|ent|ern|iert)(?:e|en|er|es|em)?$"
    r"|^(?:neu|alt|groß|klein|weit|hoh|hoch|stark|schwer|nah|früh|spät|lang|kurz|schnell|erst|letzt|zweit|dritt)"
    r"(?:e|en|er|es|em|ere|eren|erer|eres|erem)?$"
)
_NUMBER = re.compile(r"\d[\d.,:/-]*%?")
_PUNCTUATION_IN_HEADING = re.compile(r"[.!?:;,\"„“”»«()\[\]|/…]")

# video stamps: "10.09.2025 | 0:21 min"
_VIDEO_STAMP = re.compile(r"(?:\d{1,2}\.\d{1,2}\.\d{2,4}\s*)?\|\s*\d{1,3}:\d{2}(?::\d{2})?\s*(?:min|Min\.?|Minuten)\s*$")
# credits at the end: "Quelle: AP", "Foto: picture alliance/dpa", "Bild: Reuters"
_CREDIT_END = re.compile(
    r"(?:^|\s|\))(?:Quelle|Quellen|Foto|Fotos|Bild|Bilder|Bildquelle|Grafik|Video|Illustration|Credit|Credits"
    r"|Photo|Image|Source)\s*:\s*[^.!?]{1,80}$"
)
_MEDIA_MARKER = re.compile(r"\((?:Archivbild|Archivfoto|Symbolbild|Archiv|Illustration|Montage|Screenshot|Bildmontage|Videostandbild)\)", re.I)
_AGENCY_CREDIT = re.compile(
    r"^\(?(?:(?:mit Material von|Quelle|Quellen|Mitarbeit)\s*:?\s*)?(?:dpa|AFP|Reuters|rtr|AP|epd|KNA|sid|dpa-AFX|afp|ap|APA|Keystone-SDA|SDA|KNA|EFE|ANSA)"
    r"(?:\s*[/,]\s*(?:dpa|AFP|Reuters|rtr|AP|epd|KNA|sid|afp|ap|APA|[A-Za-z]{1,4}))*\)?\.?$"
)
_MATERIAL_CREDIT = re.compile(
    r"^\(?(?:(?:mit Material (?:von|der|aus)|unter Mitarbeit von)\b|(?:Text|Texte|Recherche|Mitarbeit|Redaktion|Autor|Autorin)\s*:)"
    r"[^.!?]{0,100}\)?\.?$",
    re.I,
)
_COPYRIGHT_END = re.compile(r"©\s*\S[^.!?]{0,80}$")

_TITLE_SCAN = 5000
_MAX_BOILERPLATE_PARAGRAPH = 1500  # notes, prompts and teasers are short
_ABBREVIATIONS = frozenset(
    """
    z.B bzw ca Dr Prof St Nr Mio Mrd Jh Abs Art bspw ggf inkl sog usw evtl vgl etc u.a o.ä d.h z.T u.U Hr Fr Str
    Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez Mr Mrs Ms Jr Sen Rep Gen Gov Lt Col Sgt St vs
    """.split()
)
_SENTENCE_BOUNDARY = re.compile(r"[.!?…]+[\"'“”»«)\]]*\s+(?=[\"'„“»«(\[]?[A-ZÄÖÜ0-9])")


def split_sentences(paragraph: str) -> list[str]:
    """Split a paragraph into sentences (German-aware: abbreviations and ordinals do not end one)."""
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_BOUNDARY.finditer(paragraph):
        before = paragraph[start : match.start() + 1]
        last_word = before.rsplit(None, 1)[-1] if before.split() else ""
        token = last_word.rstrip(".").lstrip("\"'„“»«([")
        if paragraph[match.start()] == "." and (
            token in _ABBREVIATIONS
            or (len(token) == 1 and token.isalpha())  # initials: "Donald J. Trump"
            or (token.isdigit() and len(token) <= 2)  # ordinals: "am 8. November"
        ):
            continue
        end = match.end()
        sentences.append(paragraph[start:end].strip())
        start = end
    rest = paragraph[start:].strip()
    if rest:
        sentences.append(rest)
    return sentences


def is_caption(paragraph: str) -> bool:
    """A media caption, credit or metadata line (or a paragraph of boilerplate only)."""
    p = paragraph.strip()
    if not p:
        return False
    if _VIDEO_STAMP.search(p[-80:]):
        return True
    if len(p) <= 400 and (_CREDIT_END.search(p) or _MEDIA_MARKER.search(p) or _COPYRIGHT_END.search(p)):
        return True
    if _AGENCY_CREDIT.match(p) or _MATERIAL_CREDIT.match(p):
        return True
    if len(p) > _MAX_BOILERPLATE_PARAGRAPH:
        return False
    sentences = split_sentences(p)
    return bool(sentences) and all(is_boilerplate(s) for s in sentences)


def is_standalone_heading(paragraph: str) -> bool:
    """A short one-line paragraph without final punctuation (the caller checks that text follows)."""
    p = paragraph.strip()
    if not p or "\n" in p or len(p) > 100:
        return False
    words = p.split()
    if len(words) > 14:
        return False
    first = p[0]
    if not (first.isupper() or first.isdigit() or first in "\"„“»«'"):
        return False
    last = p[-1]
    if last in ".,;:!…-–—|/\\" or (last == "?" and len(words) > 10):
        return False
    if not any(ch.isalpha() for ch in p) or " | " in p:
        return False
    if len(words) == 1 and (len(p) < 4 or not p[0].isupper()):
        return False
    return not is_caption(p)


def run_in_heading_length(paragraph: str) -> int | None:
    """Length of a subheading run into the paragraph's first sentence, or None."""
    words = paragraph[:400].split(" ")  # a heading is among the first words
    # the first capitalised sentence opener after at least two words
    for index in range(2, min(len(words), 12)):
        if words[index] in SENTENCE_OPENERS:
            break
    else:
        return None
    heading_words = words[:index]
    if not _is_nominal_heading(heading_words):
        return None
    heading = " ".join(heading_words)
    rest = paragraph[len(heading) + 1 : len(heading) + 400]
    # the rest must be a real sentence (or more): long enough and with a lowercase word early on
    rest_words = rest.split()
    if len(rest) < 40 or len(rest_words) < 5 or not any(w[:1].islower() for w in rest_words[1:6]):
        return None
    return len(heading)


def _is_nominal_heading(words: list[str]) -> bool:
    if not 2 <= len(words) <= 10 or sum(len(w) for w in words) + len(words) - 1 > 90:
        return False
    if any(not w or _PUNCTUATION_IN_HEADING.search(w) for w in words):
        return False
    first, last = words[0], words[-1]
    if not (_is_capitalised(first) and _is_capitalised(last)):
        return False
    if first in SENTENCE_OPENERS or last in SENTENCE_OPENERS:
        return False
    if len(first) < 3:
        return False
    capitalised = 0
    for word in words:
        if _NUMBER.fullmatch(word):
            continue
        if _is_capitalised(word):
            if word in SENTENCE_OPENERS:
                return False  # a second sentence opener inside: not a clean heading
            capitalised += 1
            continue
        lower = word.lower()
        if lower in _FINITE_VERB_LIKE:
            return False
        if lower in HEADING_FUNCTION_WORDS or _ADJECTIVE.search(lower):
            continue
        return False  # an unknown lowercase word may be a verb
    return capitalised >= 2


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def classify(paragraphs: list[str], hints: list[str | None] | None = None) -> list[tuple[str, str, int | None]]:
    """Give each paragraph its kind and run-in heading length: ``(text, kind, heading_length)``.

    ``hints`` (same length) may fix a kind the source format knows (e.g. a
    Markdown ``##`` heading, an HTML ``<h2>``); None means "decide here".
    """
    hints = hints or [None] * len(paragraphs)
    result: list[tuple[str, str, int | None]] = []
    for i, (text, hint) in enumerate(zip(paragraphs, hints)):
        if hint is not None:
            result.append((text, hint, None))
            continue
        has_next = i + 1 < len(paragraphs)
        if is_caption(text):
            result.append((text, CAPTION, None))
        elif has_next and is_standalone_heading(text) and not (hints[i + 1] == HEADING):
            result.append((text, HEADING, None))
        else:
            result.append((text, BODY, run_in_heading_length(text)))
    return result


def shorten_title(text: str, limit: int = TITLE_LIMIT) -> str:
    """Shorten to at most ``limit`` characters at a word boundary, ending in "…"."""
    text = collapse_whitespace(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut and not text[limit - 1].isspace():
        cut = cut.rsplit(" ", 1)[0]
    cut = cut.rstrip(" ,;:–—-")
    return cut + "…"


def derive_title(classified: list[tuple[str, str, int | None]]) -> str:
    """The first real sentence of the first body paragraph (boilerplate skipped), shortened."""
    for wanted in (BODY, HEADING, CAPTION):
        for text, kind, heading_length in classified:
            if kind != wanted:
                continue
            if heading_length:
                return shorten_title(text[:heading_length])
            for sentence in split_sentences(text[:_TITLE_SCAN]):  # the title is near the start
                if is_boilerplate(sentence) or not any(ch.isalpha() for ch in sentence):
                    continue
                dateline = DATELINE.match(sentence)
                place = dateline["place"] if dateline is not None else ""
                if dateline is not None and (place.isupper() or dateline["agency"] or " " not in place):
                    # "BOZEN. Die Kabarettistin …", "Meran (ki). …": the title is what follows
                    sentence = sentence[dateline.end():].strip()
                    if not sentence:
                        continue
                return shorten_title(sentence)
    return ""


def build_article(
    *,
    id: str,
    source: str,
    paragraphs: list[str],
    title: str | None = None,
    hints: list[str | None] | None = None,
    title_from_first_line: bool = False,
    **fields,
) -> Article | None:
    """Assemble an :class:`Article` from cleaned paragraph texts; None when there is no text.

    ``title`` is the source's own headline (if any). Without one and with
    ``title_from_first_line``, a heading-like first paragraph followed by more
    text is taken as the headline (and not repeated in the text).
    """
    pairs = [(collapse_whitespace(p), h) for p, h in zip(paragraphs, hints or [None] * len(paragraphs))]
    pairs = [(p, h) for p, h in pairs if p]
    if not pairs:
        return None
    texts = [p for p, _ in pairs]
    kinds = [h for _, h in pairs]
    title = shorten_title(title, HEADLINE_LIMIT) if title else ""
    if not title and title_from_first_line and len(texts) > 1 and kinds[0] in (None, HEADING):
        first = texts[0]
        if is_standalone_heading(first) and not is_boilerplate(first):
            title = first
            texts, kinds = texts[1:], kinds[1:]
    classified = classify(texts, kinds)
    if not title:
        title = derive_title(classified)
    return Article.from_paragraphs(id, title, classified, source=source, **fields)
