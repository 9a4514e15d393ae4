"""How the commands that messages print are written, so that they work when pasted.

Owns: the spelling of the ``kits`` command in every message, hint and guide line the tools
print. People paste these at the project root, where ``kits`` is not on the PATH but
``.venv/bin/kits`` (made by ``make site`` or ``make test``) is.
"""

from __future__ import annotations

KITS = ".venv/bin/kits"
"""The ``kits`` command as typed at the project root."""


def kits_command(arguments: str) -> str:
    """``kits_command("status --lang da")`` -> ``.venv/bin/kits status --lang da``."""
    return f"{KITS} {arguments}"
