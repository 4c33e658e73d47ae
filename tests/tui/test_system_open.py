import sys

import pytest

from newsdesk.tui import system_open
from newsdesk.tui.system_open import OpenError, open_target, opener_command, target_for


def test_target_prefers_url_then_existing_file(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("x")
    assert target_for("https://example.at/a", str(f)) == "https://example.at/a"
    assert target_for(None, str(f)) == str(f.resolve())
    with pytest.raises(OpenError, match="not found"):
        target_for(None, str(tmp_path / "gone.txt"))
    with pytest.raises(OpenError):
        target_for(None, "")


@pytest.mark.skipif(sys.platform in ("darwin", "win32"), reason="Linux/BSD openers")
def test_missing_opener_and_failing_opener_raise_open_error(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    with pytest.raises(OpenError, match="xdg-open"):
        opener_command("https://example.at")
    fake = tmp_path / "xdg-open"
    fake.write_text("#!/bin/sh\necho 'no method available for opening' >&2\nexit 3\n")
    fake.chmod(0o755)
    assert opener_command("x") == [str(fake), "x"]
    with pytest.raises(OpenError, match="no method available"):
        open_target("https://example.at")


def test_successful_opener(tmp_path, monkeypatch):
    if sys.platform in ("darwin", "win32"):
        pytest.skip("Linux/BSD openers")
    monkeypatch.setenv("PATH", str(tmp_path))
    log = tmp_path / "opened"
    fake = tmp_path / "xdg-open"
    fake.write_text(f"#!/bin/sh\necho \"$1\" > {log}\n")
    fake.chmod(0o755)
    open_target("https://example.at/x")
    assert log.read_text().strip() == "https://example.at/x"
    assert system_open.opener_command("y")[0] == str(fake)
