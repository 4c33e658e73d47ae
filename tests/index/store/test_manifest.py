from newsdesk.index.store.manifest import MANIFEST_NAME, FileEntry, Manifest


def test_round_trip_and_row_changes(tmp_path):
    Manifest.clear(tmp_path)
    Manifest.write(tmp_path, [("/a.txt", FileEntry(10, 123, "abc", 2, "sig")), ("/b.txt", FileEntry(1, 2, "d", 1, "s"))])
    assert Manifest.load(tmp_path).files == {"/a.txt": FileEntry(10, 123, "abc", 2, "sig"),
                                             "/b.txt": FileEntry(1, 2, "d", 1, "s")}
    Manifest.write(tmp_path, [("/a.txt", None), ("/b.txt", FileEntry(5, 6, "e", 3, "s"))])
    assert Manifest.load(tmp_path).files == {"/b.txt": FileEntry(5, 6, "e", 3, "s")}
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME]  # no journal left


def test_missing_or_broken_manifest_is_empty_and_made_anew(tmp_path):
    assert Manifest.load(tmp_path).files == {}
    (tmp_path / MANIFEST_NAME).write_text("not a database")
    assert Manifest.load(tmp_path).files == {}
    Manifest.write(tmp_path, [("/a.txt", FileEntry(1, 2, "h", 1, "s"))])
    assert list(Manifest.load(tmp_path).files) == ["/a.txt"]
