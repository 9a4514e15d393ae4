"""The thin layer that plugs the generator into MkDocs (and ProperDocs).

Owns: the ``kits`` plugin's options and MkDocs events. On each build it loads and checks the
content, stops the build with every problem listed when there are errors, renders the
generated pages of every language and points ``docs_dir`` at a staging folder holding them
next to the hand-written docs. Everything else lives in plain modules that do not import
MkDocs.
"""

from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import Any

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority

from kitsite.build import generate_site_sources
from kitsite.search_index import write_language_indexes
from kitsite.template_cache import SHARED as SHARED_BYTECODE

log = logging.getLogger("mkdocs.plugins.kits")


class KitsContentError(PluginError):
    """The content has errors: nothing was generated and the site folder was not touched."""


class KitsPluginConfig(Config):
    content_dir = opt.Type(str, default="content")
    templates_dir = opt.Type(str, default="templates")
    staging_dir = opt.Optional(opt.Type(str))


class KitsPlugin(BasePlugin[KitsPluginConfig]):
    """Generates kit pages from YAML before MkDocs collects its files."""

    def __init__(self) -> None:
        self.source_docs_dir: Path | None = None
        self.staging_dir: Path | None = None
        self.languages: tuple[str, ...] = ()
        self.default_language = ""

    @event_priority(100)  # before mkdocs-static-i18n reads docs_dir
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # a later language pass of the same build (which may write elsewhere: see
        # kitsite.mkdocs_parallel) reads the folder the first pass generated
        staging = self.staging_dir or self._staging_dir(config)
        if Path(config.docs_dir) == staging:
            return config
        root = Path(config.config_file_path or ".").resolve().parent
        docs_dir = Path(config.docs_dir)
        result = generate_site_sources(
            content_dir=root / self.config.content_dir,
            templates_dir=root / self.config.templates_dir,
            docs_dir=docs_dir,
            staging_dir=staging,
            use_directory_urls=config.use_directory_urls,
        )
        # Content warnings (missing captions, language-guide advice) are advice: `kits check`,
        # which `make site` runs first, prints them; at INFO level they show in the build's
        # output without failing a --strict build, which MkDocs does for every WARNING.
        for advice in (*result.warnings, *result.load.language_warnings):
            log.info(advice.format())
        if result.errors:
            raise KitsContentError(result.error_report())
        self.source_docs_dir = docs_dir
        self.staging_dir = staging
        self.languages = result.load.library.languages
        self.default_language = result.load.library.default_language
        config.docs_dir = str(staging)
        return config

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """Each language's 404 page goes to its own folder (``/en/404.html``); without this,
        every language pass writes ``/404.html`` and the last language built wins."""
        language = getattr(config.plugins.get("i18n"), "current_language", None)
        if template_name != "404.html" or language in (None, self.default_language):
            return output
        target = Path(config.site_dir) / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""  # MkDocs writes nothing for empty output: /404.html stays the default's

    @event_priority(-110)  # after mkdocs-static-i18n has built every language
    def on_post_build(self, config: MkDocsConfig) -> None:
        """One search index per language (see :mod:`kitsite.search_index`)."""
        if self.languages:
            write_language_indexes(Path(config.site_dir), self.languages, self.default_language)

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        """Compile the theme's templates once per process, not once per language pass and
        ``mkdocs serve`` rebuild (see :mod:`kitsite.template_cache`)."""
        env.bytecode_cache = SHARED_BYTECODE
        return env

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Watch the real sources, not the staging folder the build writes; after an invalid
        save, keep serving the last good site instead of leaving every request waiting."""
        server.builder = _keep_last_good_site(server.builder)
        root = Path(config.config_file_path or ".").resolve().parent
        if self.staging_dir is not None:
            server.unwatch(str(self.staging_dir))
        for path in (self.source_docs_dir, root / self.config.content_dir,
                     root / self.config.templates_dir):
            if path is not None and path.exists():
                server.watch(str(path))
        return server

    def _staging_dir(self, config: MkDocsConfig) -> Path:
        if self.config.staging_dir:
            return Path(self.config.staging_dir).resolve()
        root = Path(config.config_file_path or ".").resolve().parent
        key = hashlib.sha1(str(Path(config.site_dir).resolve()).encode()).hexdigest()[:10]
        return root / ".cache" / "kitsite" / key / "docs"


def _keep_last_good_site(build: Any) -> Any:
    """Wrap ``mkdocs serve``'s rebuild: a content error has already been printed and left the
    built site as it was, so report the rebuild as finished and let MkDocs serve that site
    (MkDocs would otherwise hold every request until the next successful build)."""

    def rebuild() -> None:
        try:
            build()
        except SystemExit as err:  # MkDocs' Abort, raised while handling our error
            if not isinstance(err.__context__, KitsContentError):
                raise
            log.error("kits: fix the problems above and save again; "
                      "still serving the last good site")

    return rebuild
