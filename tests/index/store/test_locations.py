import pytest

from newsdesk.index.store import StoreError, build_index, default_corpus, index_dir_for, list_indexes, remove_index
from newsdesk.index.store.locations import data_dir, read_info

from .helpers import FakeAnalyzer


@pytest.fixture(autouse=True)
def data(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSDESK_DATA_DIR", str(tmp_path / "data"))


def test_index_dir_depends_on_resolved_corpus(tmp_path, monkeypatch):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    d = index_dir_for([tmp_path / "a", tmp_path / "b"])
    assert d.parent == data_dir() / "indexes" == tmp_path / "data" / "indexes"
    assert index_dir_for([tmp_path / "b", tmp_path / "a", tmp_path / "a"]) == d
    monkeypatch.chdir(tmp_path)
    from pathlib import Path

    assert index_dir_for([Path("a"), Path("b")]) == d
    assert index_dir_for([tmp_path / "a"]) != d


def test_default_corpus_is_the_seeds():
    (seeds,) = default_corpus()
    assert seeds.name == "seeds" and any(seeds.glob("*.txt"))


def test_list_and_remove(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "x.txt").write_text("Titel\n\nPutin in Budapest.\n", encoding="utf-8")
    d = index_dir_for([corpus])
    build_index([corpus], d, analyzer=FakeAnalyzer())
    assert read_info(d)["corpus"] == [str(corpus.resolve())]
    (info,) = list_indexes()
    assert info.index_dir == d and info.corpus == [str(corpus.resolve())] and info.article_count == 1
    assert info.size_bytes > 0
    remove_index(d)
    assert not d.exists() and list_indexes() == []


def test_remove_refuses_other_directories(tmp_path):
    other = tmp_path / "precious"
    other.mkdir()
    (other / "keep.txt").write_text("x")
    with pytest.raises(StoreError, match="not a newsdesk index"):
        remove_index(other)
    assert (other / "keep.txt").exists()
    with pytest.raises(StoreError, match="no index"):
        remove_index(tmp_path / "missing")
