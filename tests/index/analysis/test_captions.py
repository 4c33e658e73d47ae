from index.analysis.captions import caption_spans, is_media_caption

VIDEO = "Trump hatte bereits im September angekündigt, wieder mit Putin sprechen zu wollen 10.09.2025 | 0:21 min"
PHOTO = "Zeigt sich nach dem Gespräch mit Wladimir Putin zufrieden: Donald Trump. (Archivbild) Quelle: AP"
BODY = "Trump und Putin hatten sich Mitte August im US-Bundesstaat Alaska getroffen."


def test_video_teaser_with_date_and_running_time_is_a_caption():
    assert is_media_caption(VIDEO)
    assert is_media_caption(
        "Russlands Präsident Putin hat vor einer Eskalation gewarnt. Dies könne eintreffen. 03.10.2025 | 0:20 min"
    )
    assert is_media_caption("Die Lage in Kiew 18.08.2025 | 2:37 min ")


def test_photo_lines_are_captions():
    assert is_media_caption(PHOTO)
    assert is_media_caption("Olaf Scholz im Bundestag. Foto: picture alliance/dpa | Kay Nietfeld")
    assert is_media_caption("Blick auf Budapest (Symbolbild)")
    assert is_media_caption("Der Kreml in Moskau © Reuters")


def test_story_paragraphs_are_not_captions():
    assert not is_media_caption(BODY)
    assert not is_media_caption("Die Quelle des Berichts blieb unklar. Am 10.09.2025 sprach Trump 21 Minuten.")
    assert not is_media_caption("Das Spiel endete 2:1, sagte der Trainer am 12.10.2025.")
    assert not is_media_caption("   ")


def test_caption_spans_are_offsets_of_caption_paragraphs():
    text = "\n\n".join([BODY, VIDEO, BODY, PHOTO])
    spans = caption_spans(text)
    assert [text[s:e] for s, e in spans] == [VIDEO, PHOTO]


def test_caption_spans_of_a_text_without_captions_is_empty():
    assert caption_spans(BODY + "\n\n" + BODY) == []
    assert caption_spans("") == []
