"""MkDocs hooks: validate all content before anything is rendered, build into a staging folder
and publish it only when every page, PDF and the calendar have succeeded (macros.publish)."""
from __future__ import annotations

import atexit
import logging
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import get_files

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs loads this file by path, not as part of the package
    sys.path.insert(0, str(ROOT))

from macros.arshjul import write_calendar  # noqa: E402
from macros.build import CONFIG_KEY, Build, build_of  # noqa: E402
from macros.content import SettingError  # noqa: E402
from macros.errors import ContentErrors  # noqa: E402
from macros.kontor import publish_profile  # noqa: E402
from macros.pdf import PdfError, print_pages  # noqa: E402
from macros.publish import Staging  # noqa: E402
from macros.rutineperm import PAGE as BINDER_PAGE  # noqa: E402
from macros.rutineperm import print_binder  # noqa: E402

log = logging.getLogger("mkdocs.plugins.rutineportalen")


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

_build: dict[str, object] = {}
"""The build under way: its staging folder and warning counter."""
_session: dict[str, str] = {"command": "build"}
"""The MkDocs command of this process (on_startup): `serve` makes live previews without PDFs."""


def _config_ref(config) -> tuple[str, int]:
    """The configuration file and the line of `kontor:` in it, for messages about the office."""
    path = Path(config.config_file_path or "mkdocs.yml")
    try:
        shown = path.resolve().relative_to(ROOT).as_posix()
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return path.name, 1
    line = next((i for i, text in enumerate(lines, 1) if re.match(r"\s*kontor\s*:", text)), 1)
    return shown, line


def _end_build() -> None:
    handler = _build.pop("warnings", None)
    if isinstance(handler, logging.Handler):
        logging.getLogger("mkdocs").removeHandler(handler)
    staging = _build.pop("staging", None)
    if isinstance(staging, Staging):
        staging.discard()


@event_priority(100)  # before the macros plugin renders any page
def on_config(config, **kwargs):
    _end_build()
    # Internal links in content are checked against MkDocs' own list of the files under docs/.
    site_files = frozenset(f.src_uri for f in get_files(config))
    try:
        build = Build.start(ROOT, config.extra.get("kontor"), _config_ref(config),  # kontor: set by kontor/<id>.yml
                            site_files, live_preview=_session["command"] == "serve")
    except ContentErrors as exc:
        raise PluginError(exc.report()) from None
    except SettingError as exc:
        raise PluginError(str(exc)) from None
    config[CONFIG_KEY] = build
    publish_profile(config, build.content)
    staging = Staging.begin(Path(config.site_dir))
    config.site_dir = str(staging.folder)
    warnings = _Warnings()
    logging.getLogger("mkdocs").addHandler(warnings)
    _build.update(staging=staging, warnings=warnings, strict=bool(config.strict))
    # mkdocs-macros ends a build with sys.exit() on a macro error, past on_build_error
    atexit.register(_end_build)
    return config


def on_startup(command, **kwargs):
    # A live preview must be quick; PDFs are made by `mkdocs build`.
    _session["command"] = command


@event_priority(-100)  # after the other plugins' post-build steps
def on_post_build(config, **kwargs):
    """The outputs made from the finished pages, then the swap: nothing is published unless all
    of them succeeded."""
    site_dir = Path(config["site_dir"])
    build = build_of(config)
    try:
        _print_pdfs(build, site_dir)
    except PdfError as exc:
        raise PluginError(str(exc)) from None
    path = write_calendar(build.content, build.today, site_dir)
    log.debug("Skrev %s", path.relative_to(site_dir))

    staging, warnings = _build.get("staging"), _build.get("warnings")
    if not isinstance(staging, Staging):
        return
    if _build.get("strict") and isinstance(warnings, _Warnings) and warnings.count:
        _end_build()  # strict mode fails this build next; the previous site stays
        return
    staging.publish()
    _build.pop("staging")
    config.site_dir = str(staging.target)
    _end_build()


def _print_pdfs(build: Build, site_dir: Path) -> None:
    """Every document page to pdf/<id>.pdf, and the Rutineperm with its page numbers."""
    if not build.pdf:
        return
    written = print_pages(site_dir, build.pdf_jobs())
    if written:
        log.info("Laget %d PDF-er i pdf/", len(written))
    if (site_dir / BINDER_PAGE).exists():
        out, pages = print_binder(site_dir)
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
