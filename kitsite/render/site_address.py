"""The site's public address, the one place that knows it.

Owns: reading ``SITE_URL`` (the address the site is published at, set by ``make site
SITE_URL=https://…/`` or the environment) and normalising it to end in ``/``. ``None`` means
the address is not known: whatever is built then names no absolute address of the site
(never a local port). Everything that needs an absolute link to the site — canonical links,
hreflang alternates, the sitemap, QR codes and links in the PDF handouts — asks here.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from urllib.parse import urlsplit

ENVIRONMENT_VARIABLE = "SITE_URL"


def public_url(environ: Mapping[str, str] | None = None) -> str | None:
    """The published address of the site, ending in ``/``, or ``None`` when it is not set."""
    value = (os.environ if environ is None else environ).get(ENVIRONMENT_VARIABLE, "").strip()
    if not value:
        return None
    return value if value.endswith("/") else value + "/"


def address_problem(url: str) -> str | None:
    """Why ``url`` cannot be the site's public address, or ``None`` when it can."""
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http") or not parts.netloc:
        return (f"SITE_URL must be the full address the site is published at, such as "
                f"https://materialer.example.dk/ — found {url!r}")
    return None
