from __future__ import annotations

import pytest

from tests.tui.sample_index import write_sample_index


@pytest.fixture(scope="session")
def sample_index(tmp_path_factory):
    """A small fixed index (written once per test session; the reader only reads it)."""
    return write_sample_index(tmp_path_factory.mktemp("reader") / "index")


@pytest.fixture
def make_app(sample_index):
    from newsdesk.tui.app import NewsdeskApp

    def make(**kw):
        return NewsdeskApp(None, sample_index, **kw)

    return make
