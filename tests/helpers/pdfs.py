"""Reading a printed PDF back as its text, with poppler's pdftotext (which `make test`
installs)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest


def pdf_text(pdf: Path) -> str:
    """The text of every page of ``pdf``, as pdftotext lays it out."""
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing: run 'make test', which installs poppler-utils")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
