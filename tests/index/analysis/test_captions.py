from newsdesk.index.analysis.captions import caption_spans

VIDEO = "Trump hatte bereits im September angekündigt, wieder mit Putin sprechen zu wollen 10.09.2025 | 0:21 min"
VIDEO_2 = (
    "Russlands Präsident Putin hat vor einer \"völlig neuen Eskalation\" der Beziehungen zu den USA gewarnt. "
    "Dies könne bei einer Tomahawk-Lieferung an die Ukraine eintreffen. 03.10.2025 | 0:20 min"
)
PHOTO = "Zeigt sich nach dem Gespräch mit Wladimir Putin zufrieden: Donald Trump. (Archivbild) Quelle: AP"
BODY = "Trump und Putin hatten sich Mitte August im US-Bundesstaat Alaska getroffen."
BODY_WITH_NUMBERS = "Das Spiel endete 2:1, sagte der Trainer am 12.10.2025. Die Quelle des Berichts blieb unklar."


def test_caption_spans_are_the_offsets_of_caption_paragraphs():
    text = "\n\n".join([BODY, VIDEO, BODY_WITH_NUMBERS, PHOTO, VIDEO_2, BODY])
    spans = caption_spans(text)
    assert [text[s:e] for s, e in spans] == [VIDEO, PHOTO, VIDEO_2]


def test_paragraph_breaks_with_stray_spaces_are_recognised():
    text = BODY + "\n \n" + PHOTO + "\n"
    (span,) = caption_spans(text)
    assert text[span[0] : span[1]].rstrip() == PHOTO


def test_story_text_has_no_captions():
    assert caption_spans(BODY + "\n\n" + BODY_WITH_NUMBERS) == []
    assert caption_spans("") == []
