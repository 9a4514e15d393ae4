"""The thin layer that plugs the generator into MkDocs (and ProperDocs).

Owns: the ``kits`` plugin's options and MkDocs events. On each build it loads and checks the
content and stops the build with every problem listed when there are errors. Before MkDocs
copies a file, it makes sure every file from ``docs_dir`` and the theme's ``custom_dir`` is the
project's own (no symlink out of the project: :mod:`kitsite.content.project_files`), and that no
hand-written page has a generated page's address. Every page's front matter is
narrowed to the keys the site uses, its title escaped, and its HTML cleaned with an allowlist
(:mod:`kitsite.render.safe_html`). Otherwise every
generated page joins MkDocs' files as an ordinary page of ``docs_dir`` (so mkdocs-static-i18n
sorts it by language like any other) and gets its text, rendered in memory, only in the pass
that builds its language. Nothing is written besides the site. Everything else lives in plain
modules that do not import MkDocs.
"""

from __future__ import annotations

import gc
import html
import logging
import os
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.config import config_options as opt
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import File, Files, set_exclusions

from kitsite.content.docs_pages import FRONT_MATTER_KEYS, GENERATED_FRONT_MATTER_KEYS
from kitsite.content.labels import fill, read_labels
from kitsite.content.model import Library
from kitsite.content.page_collisions import check_page_collisions
from kitsite.content.problems import Problem, error_report
from kitsite.content.project_files import outside_reason, problem_for
from kitsite.edit.atomic import write_text
from kitsite.plugins.search_index import write_language_indexes
from kitsite.render.footer import SiteFooter, site_footer
from kitsite.render.hosting import headers_file, redirects_file
from kitsite.render.page_scripts import without_unused_scripts
from kitsite.render.part_languages import mark_title_languages
from kitsite.render.publishing import drop_source_maps, for_readers, robots_txt
from kitsite.render.safe_html import clean_page_html
from kitsite.render.security import content_security_policy, frame_sources, security_headers
from kitsite.render.site_address import address_problem, public_url
from kitsite.render.site_sources import SiteSources, prepare_site_sources
from kitsite.render.template_cache import SHARED as SHARED_BYTECODE
from kitsite.render.text_direction import text_direction, with_document_direction
from kitsite.render.valid_html import without_checkbox_autocomplete

log = logging.getLogger("mkdocs.plugins.kits")


class KitsContentError(PluginError):
    """The content has errors: nothing was generated and the site folder was not touched."""


class KitsPluginConfig(Config):
    content_dir = opt.Type(str, default="content")
    templates_dir = opt.Type(str, default="templates")


class KitsPlugin(BasePlugin[KitsPluginConfig]):
    """Generates kit pages from YAML and hands them to MkDocs as pages of ``docs_dir``."""

    def __init__(self) -> None:
        self.sources: SiteSources | None = None
        self.checked_config: int | None = None
        self.added: set[str] = set()
        self.command = ""
        self.in_child = False
        self.footers: dict[str, SiteFooter] = {}

    @event_priority(200)  # before mkdocs-static-i18n, which builds its links on site_url
    def _set_address(self, config: MkDocsConfig) -> MkDocsConfig:
        """``site_url`` is the public address from ``SITE_URL`` (:mod:`kitsite.render.site_address`)
        when it is set; ``mkdocs serve`` keeps its own 127.0.0.1 address, and the offline
        edition (Material's offline plugin on) names no web address."""
        address = public_url()
        if address is None or self.command == "serve" or _offline(config):
            return config
        problem = address_problem(address)
        if problem is not None:
            raise PluginError(problem)
        config.site_url = address
        return config

    @event_priority(100)
    def _load_content(self, config: MkDocsConfig) -> MkDocsConfig:
        # mkdocs-static-i18n builds each other language with the same configuration: the
        # content was checked and planned once, for the first pass
        if self.checked_config == id(config):
            return config
        config_file = Path(config.config_file_path or ".").resolve()
        root = config_file.parent
        # in the process that `parallel-languages` forked to build the other languages, the
        # main process runs every check and reports the problems: here only what rendering needs
        in_child = self.in_child = bool(
            getattr(config.plugins.get("parallel-languages"), "in_child", False))
        sources = prepare_site_sources(
            content_dir=root / self.config.content_dir,
            templates_dir=root / self.config.templates_dir,
            docs_dir=Path(config.docs_dir),
            use_directory_urls=config.use_directory_urls,
            cross_checks=not in_child,
            # the languages this configuration builds must be site.yml's
            mkdocs_file=config_file if config.config_file_path else None,
        )
        if in_child:
            if sources.errors:  # the main process reports them and stops this one
                raise SystemExit(1)
            self._keep(sources, config)
            return config
        # Content warnings (missing captions, language-guide advice) are advice: `kits check`,
        # which `make site` runs first, prints them; at INFO level they show in the build's
        # output without failing a --strict build, which MkDocs does for every WARNING.
        for advice in (*sources.warnings, *sources.load.language_warnings):
            log.info(advice.format())
        if sources.errors:
            raise KitsContentError(sources.error_report())
        self._keep(sources, config)
        return config

    @event_priority(-110)  # after mkdocs-static-i18n chose this pass's language
    def _set_direction(self, config: MkDocsConfig) -> MkDocsConfig:
        """The theme lays out each language's pages in its direction (Material mirrors the
        layout for ``rtl``), which :mod:`kitsite.render.text_direction` takes from Babel."""
        config.theme["direction"] = text_direction(_pass_language(config))
        return config

    on_config = CombinedEvent(_set_address, _load_content, _set_direction)

    def _keep(self, sources: SiteSources, config: MkDocsConfig) -> None:
        self.sources, self.checked_config = sources, id(config)
        self.footers = {}
        if self.command == "build":
            # The content lives as long as this one-off process: leave it (and what MkDocs made
            # so far) out of the cycle collector's walks, which would otherwise go over every
            # loaded kit, video and parsed YAML file again and again while MkDocs builds pages.
            # Not while serving, where each rebuild must free the previous one.
            gc.freeze()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command

    @event_priority(110)  # first: every file MkDocs found, before any plugin changes them
    def _refuse_files_from_outside(self, files: Files, config: MkDocsConfig) -> Files:
        """Stop the build when a file MkDocs would copy or read from ``docs_dir`` or the
        theme's ``custom_dir`` is, or is reached through, a symlink out of the project."""
        root = Path(os.path.realpath(Path(config.config_file_path or ".").resolve().parent))
        guarded = {os.path.normpath(d) for d in (config.docs_dir, config.theme.custom_dir) if d}
        problems: dict[Path, Problem] = {}
        for file in files:
            if file.src_dir is None or os.path.normpath(file.src_dir) not in guarded:
                continue
            probe = Path(file.src_dir)
            for part in Path(file.src_uri).parts:
                probe = probe / part
                reason = outside_reason(probe, root)
                if reason is not None:
                    problems[probe] = problem_for(probe, reason)
                    break
        if problems:
            raise KitsContentError(error_report(list(problems.values())))
        return files

    @event_priority(100)  # before mkdocs-static-i18n (-100) sorts the files by language
    def _add_generated_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Every generated page of every language joins the files of ``docs_dir`` as if it
        were written there; a hand-written file at the same path stops the build (``kits
        check`` reports it first, naming both)."""
        if self.sources is None:
            return files
        if any(files.get_file_from_path(path) is not None for path in self.sources.planned):
            taken = check_page_collisions(self.sources.load.library, Path(config.docs_dir))
            raise KitsContentError(error_report(taken) if taken else
                                   "a hand-written page has the path of a generated page")
        new = [File(path, config.docs_dir, config.site_dir, config.use_directory_urls)
               for path in self.sources.planned]
        set_exclusions(new, config)
        self.added = {file.src_uri for file in new}
        return Files(sorted([*files, *new], key=_walk_order))

    @event_priority(-200)  # after mkdocs-static-i18n chose this pass's files
    def _fill_generated_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Render the generated pages this pass builds (one language: a process building
        another language renders that one) and give them their text."""
        if self.sources is None:
            return files
        wanted = [file for file in files if file.src_uri in self.added]
        rendered = self.sources.render(file.src_uri for file in wanted)
        for file in wanted:
            file.content_string = rendered[file.src_uri]
        return files

    on_files = CombinedEvent(_refuse_files_from_outside, _add_generated_files,
                             _fill_generated_files)

    def on_page_markdown(self, markdown: str, page: Any, config: MkDocsConfig,
                         files: Any) -> str:
        """A page's front matter as the theme may read it: only the keys the site uses
        (:data:`~kitsite.content.docs_pages.FRONT_MATTER_KEYS`; ``kits check`` reports the
        others), and the title escaped, because the theme prints it as HTML (in the menu, the
        header and the browser tab), as it does a title taken from the page's heading."""
        allowed = {**FRONT_MATTER_KEYS, **(GENERATED_FRONT_MATTER_KEYS
                                          if page.file.src_uri in self.added else {})}
        meta = {key: value for key, value in page.meta.items() if key in allowed}
        if "title" in meta:
            meta["title"] = html.escape(str(meta["title"]), quote=False)
        if "description" in meta:
            meta["description"] = str(meta["description"])
        page.meta = meta
        return markdown

    @event_priority(-1000)  # last: no plugin changes the HTML after it has been cleaned
    def on_page_content(self, output: str, page: Any, config: MkDocsConfig, files: Any) -> str:
        """Every page's HTML, generated or hand-written, cleaned down to what a page may hold
        (:mod:`kitsite.render.safe_html`): whatever its sources held, no script, handler,
        script address or refresh reaches the site. Then titles in another language than the
        page's say so wherever the theme shows them (:mod:`kitsite.render.part_languages`);
        every page's content is made before any page's template, so the menu finds each
        page's marked title."""
        cleaned = clean_page_html(output)
        mark_title_languages(page, cleaned, _pass_language(config))
        return cleaned

    def on_page_context(self, context: Any, page: Any, config: MkDocsConfig, nav: Any) -> Any:
        """Every page's footer: the contributors' pages, the publisher, the accessibility
        statement (``overrides/partials/site-footer.html`` shows them)."""
        return self._with_footer(context, config)

    def on_template_context(self, context: Any, template_name: str,
                            config: MkDocsConfig) -> Any:
        """The same footer on the 404 pages."""
        return self._with_footer(context, config) if template_name == "404.html" else context

    def _with_footer(self, context: Any, config: MkDocsConfig) -> Any:
        if self.sources is None:
            return context
        language = _pass_language(config)
        if language not in self.footers:
            library = self.sources.load.library
            self.footers[language] = site_footer(
                library, language, read_labels(library.root, language), Path(config.docs_dir),
                config.use_directory_urls)
        context["site_footer"] = self.footers[language]
        return context

    def on_post_page(self, output: str, page: Any, config: MkDocsConfig) -> str:
        """The page's direction on its root element too (``<html dir="rtl">``): the theme
        sets it on ``<body>`` only; no ``autocomplete`` on the theme's checkboxes
        (:mod:`kitsite.render.valid_html`); and none of the site's scripts the page does not
        use (:mod:`kitsite.render.page_scripts`)."""
        return _finished(output, config)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        """Each language's 404 page goes to its own folder (``/en/404.html``); without this,
        every language pass writes ``/404.html`` and the last language built wins."""
        if template_name != "404.html":
            return output
        output = _finished(output, config)
        language = getattr(config.plugins.get("i18n"), "current_language", None)
        if self.sources is None or language in (
                None, self.sources.load.library.default_language):
            return output
        target = Path(config.site_dir) / language / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return ""  # MkDocs writes nothing for empty output: /404.html stays the default's

    @event_priority(-110)  # after mkdocs-static-i18n has built every language
    def on_post_build(self, config: MkDocsConfig) -> None:
        """One search index per language (see :mod:`kitsite.plugins.search_index`), once every
        language is in the site (not in the process that built the other languages)."""
        if self.sources is not None and not self.in_child:
            library = self.sources.load.library
            write_language_indexes(Path(config.site_dir), library.languages,
                                   library.default_language)
            site = Path(config.site_dir)
            robots = robots_txt(config.site_url)
            if robots is not None:  # none under a sub-path: crawlers do not read it there
                write_text(site / "robots.txt", robots)
            drop_source_maps(site)
            if not _offline(config):
                write_host_files(site, library, urlsplit(config.site_url or "/").path or "/")

    def on_env(self, env: Any, config: MkDocsConfig, files: Any) -> Any:
        """Compile the theme's templates once per process, not once per language pass and
        ``mkdocs serve`` rebuild (see :mod:`kitsite.render.template_cache`)."""
        env.bytecode_cache = SHARED_BYTECODE
        env.globals["kits_for_readers"] = for_readers  # overrides/sitemap.xml
        if self.sources is not None:  # partials/hreflang.html: x-default
            library = self.sources.load.library
            env.globals["kits_default_language"] = library.default_language
            # partials/security-policy.html; not from file://, nor while serving: mkdocs
            # serve's live reload is an inline script
            if not _offline(config) and self.command != "serve":
                env.globals["kits_security_policy"] = content_security_policy(
                    frame_sources(library), for_meta=True)
        env.filters["fill"] = fill  # labels in the theme's overrides, filled in as on pages
        env.globals["dir_of"] = text_direction
        return env

    def on_serve(self, server: Any, config: MkDocsConfig, builder: Any) -> Any:
        """Watch the content and templates too; after an invalid save, keep serving the last
        good site instead of leaving every request waiting."""
        server.builder = _keep_last_good_site(server.builder)
        root = Path(config.config_file_path or ".").resolve().parent
        for path in (root / self.config.content_dir, root / self.config.templates_dir):
            if path.exists():
                server.watch(str(path))
        return server


def write_host_files(site: Path, library: Library, base_path: str) -> None:
    """``_headers`` and ``_redirects`` for Netlify and Cloudflare Pages
    (:mod:`kitsite.render.hosting`)."""
    write_text(site / "_headers", headers_file(security_headers(frame_sources(library))))
    write_text(site / "_redirects",
               redirects_file(library.languages, library.default_language, base_path))


def _finished(html: str, config: MkDocsConfig) -> str:
    """A rendered page (or 404 page) as the site serves it: the direction on its root element,
    no ``autocomplete`` on the theme's checkboxes, no script it does not use."""
    return without_unused_scripts(without_checkbox_autocomplete(
        with_document_direction(html, config.theme["direction"])))


def _offline(config: MkDocsConfig) -> bool:
    """Whether this is the offline edition (mkdocs.offline.yml: Material's offline plugin on)."""
    offline = config.plugins.get("material/offline")
    return bool(offline is not None and offline.config.get("enabled"))


def _pass_language(config: MkDocsConfig) -> str:
    """The language this pass builds: mkdocs-static-i18n's, else the theme's."""
    language = getattr(config.plugins.get("i18n"), "current_language", None)
    return str(language or config.theme.get("language") or "en")


def _walk_order(file: File) -> tuple[tuple[int, tuple[int, str]], ...]:
    """The order in which MkDocs lists the files of ``docs_dir`` (a folder's files, index
    first, before its subfolders), which decides the order of a navigation it builds itself."""
    *folders, name = file.src_uri.split("/")
    stem = name.rsplit(".", 1)[0]
    return (*((1, (1, folder)) for folder in folders),
            (0, (0 if stem in ("index", "README") else 1, name)))


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
