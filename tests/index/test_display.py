"""One way to write text on one line and sizes in bytes, for the whole library."""

from __future__ import annotations

import inspect

import pytest

from newsdesk.index.display import format_size, one_line


def test_one_line_folds_whitespace_runs_and_keeps_edges():
    assert one_line("Putin\n\nschweigt.\r\n Der\tKreml ") == "Putin schweigt. Der Kreml "
    assert one_line(" nichts.\n") == " nichts. "
    assert one_line("") == ""


@pytest.mark.parametrize(
    "n, shown",
    [(0, "0 bytes"), (1, "1 byte"), (999, "999 bytes"), (1_000, "1.0 kB"), (1_536, "1.5 kB"),
     (20_000_000, "20.0 MB"), (50_000_000, "50.0 MB"), (3_200_000_000, "3.2 GB")],
)
def test_format_size_in_decimal_units(n, shown):
    assert format_size(n) == shown


def test_the_file_size_limit_has_one_definition():
    from newsdesk.index.ingest import DEFAULT_MAX_BYTES
    from newsdesk.index.ingest.files import read_file, read_paths
    from newsdesk.index.store import build_index
    from newsdesk.tui import cli

    for function in (read_file, read_paths, build_index):
        assert inspect.signature(function).parameters["max_bytes"].default == DEFAULT_MAX_BYTES
    args = cli._command_parser("index").parse_args([])
    assert args.max_bytes == DEFAULT_MAX_BYTES
    assert format_size(DEFAULT_MAX_BYTES) in cli._command_parser("index").format_help()
