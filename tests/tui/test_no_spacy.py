"""The reader never loads spaCy: run it on an existing index in a fresh interpreter."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_reader_does_not_import_spacy(sample_index):
    script = textwrap.dedent(
        f"""
        import asyncio, sys
        from pathlib import Path
        from newsdesk.tui.app import NewsdeskApp

        async def main():
            app = NewsdeskApp(None, Path({str(sample_index)!r}))
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.press("enter", "n", "e", "enter")
                await pilot.pause()
                await pilot.press("enter")
                await pilot.press("slash", "w", "i", "e", "n")
                await pilot.pause(0.4)
                await pilot.press("t")
                await pilot.pause()
                assert app.store is not None and app.store.article_count() == 5
            print("SPACY" if "spacy" in sys.modules else "NO-SPACY")

        asyncio.run(main())
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().splitlines()[-1] == "NO-SPACY"
