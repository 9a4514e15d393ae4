"""The HTML a published page may hold: an allowlist, applied with nh3 (the ammonia sanitizer).

Owns: which tags and attributes the body of a page may have, which addresses its links and
media may point to, and cleaning a page's HTML down to that. The ``kits`` plugin runs
:func:`clean_page_html` on the HTML of every page MkDocs renders — generated kit pages and
hand-written pages alike — so whatever a content file, a label or a page under ``docs/`` holds,
and whatever a check missed, the published page has no script, no event handler (``on*``), no
``javascript:``/``data:`` address, no ``<meta>`` refresh, no ``<iframe>``, ``<form>`` or
``<style>``. The list is what the templates in ``templates/`` and the hand-written pages make;
a tag or attribute not on it is dropped (its text stays). The video player's ``<iframe>`` is
never in a page: ``overrides/assets/javascripts/video-consent.js`` makes it when the reader asks.

Addresses: ``https:``, ``mailto:``, the local preview ``http://127.0.0.1:…/`` (the editor's
guide links to it), and addresses on this site (``/staff/``, ``../x/``,
``#anchor``, ``file.pdf``); never another scheme, and never ``//host`` (another host without a
scheme). Images, videos and captions come from the site only, so a page loads nothing from
another host. Text content and allowed markup come out the same; only the way it is written may
change (``&#39;`` -> ``'``).
"""

from __future__ import annotations

import re

import nh3

_HEADINGS = {f"h{n}" for n in range(1, 7)}
_EVERYWHERE = {"class", "id", "lang", "dir", "title", "role", "aria-label", "aria-hidden",
               "aria-describedby", "aria-labelledby", "aria-live", "aria-pressed", "aria-modal",
               "hidden", "tabindex"}
ATTRIBUTES: dict[str, set[str]] = {
    "*": _EVERYWHERE,
    "a": {"href", "hreflang", "rel", "type", "download"},
    "img": {"src", "alt", "width", "height", "loading"},
    "video": {"controls", "preload", "width", "height", "poster"},
    "source": {"src", "type"},
    "track": {"kind", "srclang", "src", "label", "default"},
    "figure": {"data-video-embed", "data-video-title"},
    "div": {"data-session-view", "data-session-plan", "data-session-labels", "data-handout",
            "data-handout-margins", "data-notes-for"},
    "button": {"type"},
    "time": {"datetime"},
    "ol": {"start", "reversed"},
    "td": {"colspan", "rowspan", "align"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "abbr": set(),
    "details": {"open"},
    # the session pages (templates/session.md.j2, facilitator.md.j2, cards.md.j2): controls of
    # the agenda (no form: nothing is sent anywhere) and the steps session.js shows and hides
    "input": {"type", "value", "min", "max", "step", "checked"},
    "select": set(),
    "option": {"value", "selected"},
    "label": {"for"},
    "progress": {"max", "value"},
    "section": {"data-step-key"},
    "tr": {"data-step-key", "data-kind", "data-video"},
    "li": {"data-step-key", "data-video"},
}
"""Attributes by tag (``*``: on every tag). No ``style`` and nothing starting with ``on``."""

TAGS: set[str] = {
    "a", "abbr", "b", "blockquote", "br", "code", "dd", "del", "details", "div", "dl", "dt",
    "em", "figcaption", "figure", "hr", "i", "img", "ins", "kbd", "li", "mark", "nav", "ol",
    "p", "pre", "q", "s", "small", "span", "strong", "sub", "summary", "sup", "table",
    "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "video", "source",
    "track", "button", "caption", "section", "article", "input", "select", "option", "label",
    "progress", *_HEADINGS,
}
"""Every tag a page body may hold; no script, style, iframe, object, embed, form, meta,
link, base, svg or math (the session pages' controls are inputs without a form)."""

URL_SCHEMES = {"https", "mailto"}
URL_ATTRIBUTES = {"href", "src", "poster", "data-video-embed"}
SITE_ONLY = {"src", "poster"}
"""Images, videos, captions: files published with the site, never loaded from another host."""
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_LOCAL_PREVIEW = re.compile(r"^http://(127\.0\.0\.1|localhost)(:[0-9]{1,5})?(/[^@\\]*)?$",
                            re.IGNORECASE)
"""``http://127.0.0.1:8000/``: the preview on the editor's own machine (the editor's guide)."""
_IGNORED_IN_URLS = re.compile(r"[\x00-\x20\x7f]")
"""What a browser drops from an address before reading it (``java\\nscript:`` is
``javascript:``), and spaces around it."""


def allowed_url(value: str, *, external: bool = True) -> bool:
    """True for an address a page may use: ``https:``, ``mailto:`` or the local preview
    (``external``), or an address on this site: a path (``/staff/``, ``x.pdf``), ``#anchor``."""
    url = _IGNORED_IN_URLS.sub("", value)
    if url.startswith(("//", "\\\\", "/\\", "\\/")):
        return False  # another host, without a scheme
    scheme = _SCHEME.match(url)
    if scheme is None:
        return ":" not in url.split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    if external and _LOCAL_PREVIEW.match(url):
        return True
    return external and scheme.group(1).lower() in URL_SCHEMES


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    if attribute.startswith("on"):
        return None
    if attribute in URL_ATTRIBUTES and not allowed_url(
            value, external=attribute not in SITE_ONLY):
        return None
    if attribute == "data-video-embed" and not value.lower().startswith("https:"):
        return None
    return value


def clean_page_html(html: str) -> str:
    """``html`` (the body of a page) with only :data:`TAGS`, :data:`ATTRIBUTES` and allowed
    addresses left; the text of a dropped tag stays, the content of script-like ones goes."""
    return nh3.clean(
        # http for the local preview only: _filter_attribute drops every other http address
        html, tags=TAGS, attributes=ATTRIBUTES, url_schemes={*URL_SCHEMES, "http"}, link_rel=None,
        strip_comments=True, attribute_filter=_filter_attribute,
        clean_content_tags={"script", "style", "template", "noscript", "iframe", "object",
                            "textarea", "title", "xmp", "noembed", "noframes"},
    )
