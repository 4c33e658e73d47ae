"""newsdesk: a terminal reader for news articles, German first.

The repository keeps two folders at its top, ``index/`` (files -> articles -> analysis -> the store)
and ``tui/`` (the reader and the command line); installed, they are ``newsdesk.index`` and
``newsdesk.tui`` under this package, so that no generic top-level name is taken.
"""
