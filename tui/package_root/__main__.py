"""``python -m newsdesk``: the same as the ``newsdesk`` command."""

from newsdesk.tui.cli import main

raise SystemExit(main())
