"""The MkDocs adapter, the only module that knows MkDocs' events: it creates one Build per build,
feeds it MkDocs' file list and pages, and publishes the site atomically when every output succeeded.

The events in the order MkDocs calls them:
- on_startup: remember whether this is `mkdocs serve` (a live preview makes no PDFs);
- on_config: load and check all content (macros.build.Build), report overdue reviews, start the
  staging folder (macros.publish);
- on_files: the page index from MkDocs' file list, and one generated page per tiltak;
- on_page_markdown / on_page_content: sources and abbreviations on every page, the left menu hidden
  on wide screens, each page's HTML kept for the search index;
- on_post_build: search index, PDFs, calendar, then the swap into the target folder;
- on_build_error, on_serve: a failed build leaves the previous site; serve keeps the last good one.
"""
from __future__ import annotations

import atexit
import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files, get_files
from mkdocs.utils.meta import get_data

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros import knowledge, search_index  # noqa: E402
from macros.arshjul import write_calendar  # noqa: E402
from macros.build import CONFIG_KEY, Build, build_of  # noqa: E402
from macros.catalogue import CATALOGUE_PAGE, ROUTINE_DOCUMENTS, page_src, tiltak_page  # noqa: E402
from macros.content import SettingError  # noqa: E402
from macros.errors import ContentErrors  # noqa: E402
from macros.kontor import OfficeSettingError, publish_profile, selected_office  # noqa: E402
from macros.pages import Page  # noqa: E402
from macros.pdf import PdfError, print_pages  # noqa: E402
from macros.publish import Staging  # noqa: E402
from macros.rutineperm import print_binder  # noqa: E402

log = logging.getLogger("mkdocs.plugins.rutineportalen")
review_log = logging.getLogger("mkdocs.plugins.rutineportalen.revisjon")

INDEX_FILE = "assets/js/sokeindeks.js"
RULES_FILE = "assets/js/sokeregler.js"


class _Warnings(logging.Handler):
    """Counts warnings, as MkDocs' strict mode does after on_post_build, so the site is not
    published by a build that strict mode is about to fail."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


class _MacroErrorInOneLine(logging.Filter):
    """mkdocs-macros reports a failing macro with a Python traceback (then exits): an author
    gets the page and the message in one line instead."""

    _FILE = re.compile(r"_File_: `([^`]*)`")
    _ERROR = re.compile(r"^_(\w+)_: (.*)$", re.MULTILINE)

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if "_Macro Rendering Error_" in text or "_Macro Syntax Error_" in text:
            page = self._FILE.search(text)
            error = next((m for m in self._ERROR.finditer(text) if m.group(1) != "File"), None)
            detail = error.group(2).strip().strip('"') if error else "ukjent feil"
            record.msg = f"docs/{page.group(1) if page else '?'}: makroen på siden feilet: {detail}"
            record.args = ()
        return True


_MACRO_LOG = logging.getLogger("mkdocs.plugins.mkdocs_macros.util")
if not any(isinstance(f, _MacroErrorInOneLine) for f in _MACRO_LOG.filters):
    _MACRO_LOG.addFilter(_MacroErrorInOneLine())

_run: dict[str, object] = {"command": "build"}
"""This process: the MkDocs command (on_startup), and the staging folder and warning counter of
the build under way, which an exit in the middle of a build must still clean up (atexit). The
build's content and outputs are in its Build, kept in the config under macros.build.CONFIG_KEY."""


def _end_build() -> None:
    handler = _run.pop("warnings", None)
    if isinstance(handler, logging.Handler):
        logging.getLogger("mkdocs").removeHandler(handler)
    staging = _run.pop("staging", None)
    if isinstance(staging, Staging):
        staging.discard()


def on_startup(command, **kwargs):
    # A live preview must be quick; PDFs are made by `mkdocs build`.
    _run["command"] = command


@event_priority(100)  # before the macros plugin reads the configuration
def on_config(config, **kwargs):
    _end_build()
    # Internal links in content are checked against MkDocs' own list of the files under docs/.
    site_files = frozenset(f.src_uri for f in get_files(config))
    try:
        # RUTINEPORTALEN_KONTOR=<id> builds that office's edition; unset, the shared core
        build = Build.start(ROOT, selected_office(ROOT, config), site_files,
                            live_preview=_run["command"] == "serve")
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None
    except (SettingError, OfficeSettingError) as exc:
        raise PluginError(str(exc)) from None
    config[CONFIG_KEY] = build
    publish_profile(config, build.content)
    staging = Staging.begin(Path(config.site_dir))
    config.site_dir = str(staging.folder)
    warnings = _Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    _run.update(staging=staging, warnings=warnings, strict=bool(config.strict))
    # mkdocs-macros ends a build with sys.exit() on a macro error, past on_build_error
    atexit.register(_end_build)
    error, report = build.overdue_reviews()
    if error:
        raise PluginError(error)
    for line in report:
        review_log.info(line)  # INFO, not WARNING: strict: true turns every warning into a failed build
    return config


def on_files(files: Files, config, **kwargs) -> Files:
    """The page index from MkDocs' file list, and a generated page `tiltak/t-<id>.md` per tiltak
    (not in the nav: mkdocs.yml `not_in_nav`, since the sidebar grows with the square of its pages)."""
    build = build_of(config)
    content = build.content
    for tiltak_id in content.tiltak:
        src = page_src(tiltak_id)
        if files.get_file_from_path(src) is not None:
            raise PluginError(f"{Path(config['docs_dir']).name}/{src} finnes som fil, men tiltakssidene lages fra "
                              f"catalogue/tiltak/{tiltak_id}.yaml; slett filen")
    # The pages whose macros are rendered, read once: the page index finds the documents they show.
    templated = {}
    for file in files.documentation_pages():
        text = file.content_string
        if get_data(text)[1].get("render_macros"):
            templated[file.src_uri] = text
    generated = {tiltak_id: File.generated(config, page_src(tiltak_id), content="") for tiltak_id in content.tiltak}
    for file in generated.values():
        files.append(file)
    index = build.index_pages([Page(f.src_uri, f.url, f.dest_uri) for f in files], templated)
    missing = [f"docs/{CATALOGUE_PAGE}"] if index.page(CATALOGUE_PAGE) is None else []
    missing += [f"siden som viser {doc_id}" for doc_id in ROUTINE_DOCUMENTS.values() if index.document_page(doc_id) is None]
    if missing:
        raise PluginError(f"Tiltakskatalogen lenker til sider som ikke finnes: {', '.join(missing)}")
    for tiltak_id, file in generated.items():
        file.content_string = tiltak_page(content, content.tiltak[tiltak_id], index, build.similar(tiltak_id))
    return files


def on_page_markdown(markdown, page, config, files, **kwargs):
    k = build_of(config).content.knowledge
    try:
        knowledge.page_sources(k, page.file.src_uri, page.meta)
    except knowledge.PageSourceError as exc:
        raise PluginError(str(exc)) from None
    # No left menu on wide screens: Material hides the primary sidebar from 76.25em up when a page
    # hides "navigation"; the section tabs lead on, and phones keep the menu in the drawer.
    hide = list(page.meta.get("hide") or [])
    if "navigation" not in hide:
        hide.append("navigation")
    page.meta["hide"] = hide
    # Hover/focus explanations for every abbreviation in the glossary (the abbr extension).
    return markdown.rstrip() + "\n\n" + knowledge.abbreviation_definitions(k) + "\n"


def on_page_content(html, page, config, files, **kwargs):
    build = build_of(config)
    sources = knowledge.page_sources(build.content.knowledge, page.file.src_uri, page.meta)
    if sources:
        html = html + str(knowledge.sources_box(sources))  # str: Markup would escape the page
    # Tiltak pages are indexed from their records (name, office, kommuner, sections).
    if not page.file.src_uri.startswith("tiltak/t-") and page.file.src_uri != "404.md":
        build.search_pages[page.url] = (page.url, page.title or "", html)
    return html


@event_priority(-100)  # after the other plugins' post-build steps
def on_post_build(config, **kwargs):
    """The outputs made from the finished pages, then the swap: nothing is published unless all
    of them succeeded."""
    site_dir = Path(config["site_dir"])
    build = build_of(config)
    _write_search_index(build, site_dir)
    try:
        _print_pdfs(build, site_dir)
    except PdfError as exc:
        raise PluginError(str(exc)) from None
    path = write_calendar(build.content, build.today, site_dir)
    log.debug("Skrev %s", path.relative_to(site_dir))

    staging, warnings = _run.get("staging"), _run.get("warnings")
    if not isinstance(staging, Staging):
        return
    if _run.get("strict") and isinstance(warnings, _Warnings) and warnings.count:
        _end_build()  # strict mode fails this build next; the previous site stays
        return
    staging.publish()
    _run.pop("staging")
    config.site_dir = str(staging.target)
    _end_build()


def _write_search_index(build: Build, site_dir: Path) -> None:
    """assets/js/sokeindeks.js and sokeregler.js (macros/search_index.py, macros/norsk.py)."""
    content = build.content
    glossary = [(b.term, b.betydning) for b in content.knowledge.forkortelser]
    tiltak = [search_index.tiltak_record(t, build.index.url(page_src(t.id)) or "") for t in content.tiltak.values()]
    docs, vocab = search_index.build(build.search_pages.values(), tiltak, glossary)
    (site_dir / INDEX_FILE).parent.mkdir(parents=True, exist_ok=True)
    (site_dir / INDEX_FILE).write_text(search_index.script("sokeindeks", search_index.payload(docs, vocab)), encoding="utf-8")
    (site_dir / RULES_FILE).write_text(search_index.script("norskRegler", search_index.rules_payload(vocab)), encoding="utf-8")


def _print_pdfs(build: Build, site_dir: Path) -> None:
    """Every document page to pdf/<id>.pdf, and the Rutineperm with its page numbers."""
    if not build.pdf:
        return
    written = print_pages(site_dir, build.pdf_jobs())
    if written:
        log.info("Laget %d PDF-er i pdf/", len(written))
    binder = build.index.page_calling("rutineperm")
    if binder is not None and (site_dir / binder.dest).exists():
        out, pages = print_binder(site_dir, binder.dest)
        log.info("Laget %s (%d sider)", out.relative_to(site_dir).as_posix(), pages)


def on_build_error(error, **kwargs):
    _end_build()


def on_serve(server, config, builder, **kwargs):
    """`mkdocs serve` keeps showing the last good build while the content has errors: MkDocs
    would hold every request until a build succeeds. The errors are still printed."""
    rebuild = server.builder

    def rebuild_keeping_last_good():
        try:
            rebuild()
        except (Exception, SystemExit) as exc:
            if str(exc):
                log.error(str(exc))
            log.error("Nettstedet ble ikke bygget på nytt; forrige vellykkede bygg vises til feilene over er rettet.")

    server.builder = rebuild_keeping_last_good
    return server
