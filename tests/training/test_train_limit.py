"""training/train.py's time limit stops spaCy between checkpoints, never while one is written."""

from __future__ import annotations

import sys
import textwrap
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

import train  # noqa: E402

# stands in for ``python -m spacy train``: trains a while, writes a checkpoint slowly, then prints
# its table row (as spaCy prints a row after saving it)
FAKE_TRAINER = textwrap.dedent("""
    import os, sys, time
    out = sys.argv[sys.argv.index("-o") + 1]
    os.makedirs(out, exist_ok=True)
    print("E    #       LOSS NER  ENTS_F  SCORE", flush=True)
    for step in range(0, 100000, 500):
        time.sleep(0.1)                                     # training
        partial = os.path.join(out, f"ckpt-{step}.partial")
        open(partial, "w").close()
        time.sleep(0.7)                                     # writing model-last / model-best (most of the time)
        os.rename(partial, os.path.join(out, f"ckpt-{step}"))
        print(f"  0    {step:4d}    12.5   70.00   0.70", flush=True)
""")


def test_time_limit_waits_for_the_checkpoint_being_written(tmp_path, capsys):
    script = tmp_path / "fake_spacy.py"
    script.write_text(FAKE_TRAINER)
    run_dir = tmp_path / "run"
    t0 = time.monotonic()
    train.train("unused.cfg", run_dir, 1.0 / 60, [], cmd_prefix=[sys.executable, str(script)])
    assert time.monotonic() - t0 < 30
    written = sorted(p.name for p in run_dir.iterdir())
    assert written and not [name for name in written if name.endswith(".partial")], written
    out = capsys.readouterr().out
    assert "stopping at the next checkpoint" in out
    # the last row printed is the last checkpoint written, and it came after the limit (1 s)
    lines = out.splitlines()
    last_row = [line for line in lines if train.CHECKPOINT_ROW.match(line)][-1]
    assert f"ckpt-{int(last_row.split()[1])}" == max(written, key=lambda n: int(n.split("-")[1]))
    assert lines.index(last_row) > lines.index(next(line for line in lines if "stopping at the next" in line))


def test_checkpoint_rows_are_told_from_spacys_other_lines():
    assert train.CHECKPOINT_ROW.match("  1    1000       5390.05      4323.44  10008.35     0.00   72.79")
    for line in ("E    #       LOSS TOK2VEC  LOSS TAGGER", "---  ------  ------------",
                 "ℹ Initial learn rate: 0.001", "warm start: 6 of 6 embedding tables copied"):
        assert not train.CHECKPOINT_ROW.match(line)
