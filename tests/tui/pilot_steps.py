"""Steps the reader's tests take the way a person does, written once."""

from __future__ import annotations

from textual.pilot import Pilot

from newsdesk.tui.screens.timeline import TimelineScreen


async def open_timeline(pilot: Pilot) -> TimelineScreen:
    """Press the timeline key, let its rows load and return the full-screen timeline."""
    await pilot.press("t")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    screen = pilot.app.screen
    assert isinstance(screen, TimelineScreen)
    return screen
