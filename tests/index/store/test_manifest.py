import json

from newsdesk.index.store.manifest import MANIFEST_NAME, FileEntry, Manifest


def test_round_trip(tmp_path):
    m = Manifest({"/a.txt": FileEntry(10, 123, "abc", ["id1", "id2"], "sig")})
    m.save(tmp_path)
    assert Manifest.load(tmp_path).files == m.files
    assert [p.name for p in tmp_path.iterdir()] == [MANIFEST_NAME]  # no temp files left


def test_missing_or_broken_manifest_is_empty(tmp_path):
    assert Manifest.load(tmp_path).files == {}
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    assert Manifest.load(tmp_path).files == {}
    (tmp_path / MANIFEST_NAME).write_text(json.dumps({"version": 999, "files": {}}))
    assert Manifest.load(tmp_path).files == {}
