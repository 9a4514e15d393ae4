"""Browser contexts for the tests: nothing leaves 127.0.0.1."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse


def guarded_context(browser: Any, outside: list[str], **options: Any) -> Any:
    """A browser context that records in ``outside`` and refuses every request to a host
    other than 127.0.0.1 (the tests have no network, and the site must need none)."""
    context = browser.new_context(**options)

    def guard(route: Any) -> None:
        if urlparse(route.request.url).hostname in (None, "127.0.0.1"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    context.route("**/*", guard)
    return context
