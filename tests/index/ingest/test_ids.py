from newsdesk.index.ingest.ids import article_id, resolved_path


def test_resolved_path_is_absolute_and_resolves_links(tmp_path, monkeypatch):
    target = tmp_path / "a.txt"
    target.write_text("x")
    (tmp_path / "link.txt").symlink_to(target)
    monkeypatch.chdir(tmp_path)
    assert resolved_path("a.txt") == str(target.resolve()) == resolved_path(tmp_path / "link.txt")


def test_article_id_is_stable_short_and_distinct():
    a = article_id("/corpus/a.jsonl", ":3")
    assert a == article_id("/corpus/a.jsonl", ":3") and len(a) == 16 and int(a, 16) >= 0
    assert len({a, article_id("/corpus/a.jsonl", ":4"), article_id("/corpus/b.jsonl", ":3"), article_id("/corpus/a.jsonl")}) == 4
    assert article_id("/corpus/\udcff.txt")  # a file name that is not valid UTF-8
