"""Recognising boilerplate sentences: AI notes, editorial notes, cookie/newsletter
prompts, cross-links ("Lesen Sie auch"), social and rights lines.

Such sentences stay in the article text but never become its title, and a
paragraph made only of them is marked as a caption (not body text).
Patterns are deliberately specific (a sentence that merely *mentions*
artificial intelligence is news, not boilerplate).
"""

from __future__ import annotations

import re

_I = re.IGNORECASE

# "Wir nutzen künstliche Intelligenz, um Zusammenfassungen unserer Artikel zu erstellen."
_AI_TERM = re.compile(r"\b(?:künstliche[rn]?\s+Intelligenz|KI|AI|artificial\s+intelligence|maschinell|automatisiert|automatisch)\b", _I)
_AI_PRODUCT = re.compile(r"(?:zusammenfass|zusammengefasst|summar|erstellt|erstellen|generiert|übersetzt|geprüft|artikel|texte?\b|beitr[aä]g|redakt|article|text\b)", _I)
_AI_SELF = re.compile(r"\b(?:wir|uns|unser\w*|dies\w*|Redakt\w*|we|our|this)\b", _I)

_PATTERNS = [
    # editorial review notes: "Jeder Text wird vor der Veröffentlichung von einem Redakteur geprüft."
    re.compile(r"\b(?:von|durch)\s+(?:einem|einer|der|den|unseren?|unserer)\s+Redakt\w*\s+(?:\w+\s+)?(?:geprüft|überprüft|kontrolliert|bearbeitet|freigegeben)", _I),
    re.compile(r"\b(?:reviewed|checked|edited)\s+by\s+(?:an?|our)\s+(?:editor|journalist)", _I),
    # cookies and privacy prompts
    re.compile(r"\bCookies?\b.*\b(?:akzeptier|zustimm|einverstanden|verwende|nutzen|Einstellung|Datenschutz|accept|consent|settings)", _I),
    re.compile(r"\b(?:Datenschutzerklärung|Datenschutzeinstellungen|Privacy Policy|Cookie-Einstellungen)\b", _I),
    # newsletters and subscriptions
    re.compile(r"\bNewsletter\b.*\b(?:abonnier|anmeld|bestell|erhalten|kostenlos|subscribe|sign up)", _I),
    re.compile(r"\b(?:Jetzt|Hier)\s+(?:abonnieren|anmelden|registrieren|weiterlesen)\b", _I),
    re.compile(r"^(?:Abonnieren Sie|Melden Sie sich\b.*\ban\b|Subscribe to)\b", _I),
    # cross-links and teasers
    re.compile(
        r"^(?:Lesen Sie (?:auch|mehr|hier)|Mehr (?:zum Thema|dazu|lesen)|Auch interessant|Das könnte Sie (?:auch )?interessieren"
        r"|Weitere (?:Informationen|Artikel|Nachrichten) (?:zum Thema|finden Sie)|Weiterlesen|Zum (?:Artikel|Liveblog)|Hier geht(?: es|'s|’s) zu"
        r"|Empfehlungen der Redaktion|Siehe auch|Read more|Related articles|Also read|Zur Startseite)\b",
        _I,
    ),
    # social media prompts
    re.compile(r"^(?:Folgen Sie uns|Teilen Sie (?:diesen|den) (?:Artikel|Beitrag)|Follow us)\b", _I),
    re.compile(r"^(?:Anzeige|Werbung|Advertisement|Sponsored)\W*$", _I),
    # rights and page furniture
    re.compile(r"\b(?:Alle Rechte vorbehalten|All rights reserved)\b", _I),
    re.compile(r"^(?:©|\(c\)|Copyright)\s*[^.!?]{0,80}[.!]?$"),
    re.compile(r"\bJavaScript\b.*\b(?:aktivier|deaktiviert|enable|disabled)", _I),
    re.compile(r"\b(?:aktivieren Sie|enable)\b.*\bJavaScript\b", _I),
    re.compile(r"^(?:Dieser|Der) (?:Artikel|Beitrag|Text) (?:wurde (?:zuletzt )?aktualisiert|erschien zuerst|ist zuerst)", _I),
    re.compile(r"^(?:Transparenzhinweis|Hinweis der Redaktion|Redaktioneller Hinweis)\b", _I),
]


# two alternations, one scan each (the patterns' own flags are all IGNORECASE except "©"): the
# patterns anchored at the start are tried there only; in one alternation with the others, searched,
# every anchored branch was tried at every position (news paragraphs: 3.5x the time)
_AT_START = re.compile("|".join(f"(?:{p.pattern})" for p in _PATTERNS if p.pattern.startswith("^")), _I)
_ANYWHERE = re.compile("|".join(f"(?:{p.pattern})" for p in _PATTERNS if not p.pattern.startswith("^")), _I)


def is_boilerplate(sentence: str) -> bool:
    """True when ``sentence`` is page furniture rather than news (see module doc)."""
    s = sentence.strip()
    if not s:
        return False
    if _AI_TERM.search(s) and _AI_PRODUCT.search(s) and _AI_SELF.search(s) and _is_self_referential_ai_note(s):
        return True
    return _AT_START.match(s) is not None or _ANYWHERE.search(s) is not None


def _is_self_referential_ai_note(s: str) -> bool:
    # the note talks about how *this* medium makes its texts, not about AI as a topic
    return bool(
        re.search(r"\b(?:wir|we)\s+(?:nutzen|verwenden|setzen|use|using)\b", s, _I)
        or re.search(r"\b(?:unserer?|unseren|our)\s+(?:Artikel|Texte|Beiträge|Zusammenfassung\w*|articles|summaries)\b", s, _I)
        or re.search(r"\b(?:dies\w*|this)\s+(?:Artikel|Text|Beitrag|Zusammenfassung|article|summary)\b", s, _I)
    )
