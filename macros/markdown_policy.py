"""The safe subset of Markdown an author may write in a YAML field: no raw HTML, no attributes but
`id` and our own `rp-` classes, links only inside the site or over https to registered hosts,
images only from the site. Checked when content is loaded, so a problem is a `path:line` error
and never reaches a page."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

import markdown
from types import MappingProxyType

# The extensions mkdocs.yml enables that change what Markdown produces from an author's text.
_EXTENSIONS = ("abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables")
_CODE = re.compile(r"```.*?```|`[^`\n]*`", re.DOTALL)
_RAW_HTML = re.compile(r"<\s*[A-Za-z!?/]")
_ADMONITIONS = frozenset({"admonition", "admonition-title", "note", "abstract", "info", "tip", "success", "question",
                "warning", "failure", "danger", "bug", "example", "quote"})
_ALIGN = re.compile(r"text-align: (left|right|center);")
# Attributes Markdown itself writes, by element; anything else came from the author.
_ALLOWED_ATTRS = MappingProxyType({
    "a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}, "ol": {"start"},
    "th": {"align"}, "td": {"align"},
})
_INVISIBLE = re.compile(r"[\x00-\x20\x7f]+")

ALLOWED_TEXT = ("lenker innenfor nettstedet (for eksempel /rutiner/samtalenotat.md), https-lenker til vertene i "
                "data/eksterne-verter.yaml")


class _Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, {k: v or "" for k, v in attrs}))


def _host_allowed(host: str, hosts: frozenset[str]) -> bool:
    host = host.lower().rstrip(".")
    return any(host == h or host.endswith("." + h) for h in hosts)


def _internal_problem(url: str, what: str, site_files: frozenset[str] | None) -> str | None:
    """A link inside the site is written from the root of docs/ («/rutiner/samtalenotat.md»),
    because the same text is shown on several pages; it must name a page or file that exists."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if not path:
        return None  # an anchor on the same page
    if not path.startswith("/"):
        return (f"{what} «{url}» er relativ; skriv lenker innenfor nettstedet fra roten av docs/, "
                "for eksempel /rutiner/samtalenotat.md")
    if site_files is not None and path.lstrip("/") not in site_files:
        return f"{what} «{url}» viser til docs{path}, som ikke finnes"
    return None


def _link_problem(url: str, hosts: frozenset[str], *, image: bool,
                  site_files: frozenset[str] | None = None) -> str | None:
    # Browsers ignore tabs, line breaks and control characters inside a URL's scheme.
    cleaned = _INVISIBLE.sub("", url)
    parts = urlsplit(cleaned)
    scheme = parts.scheme.lower()
    what = "bildet" if image else "lenken"
    if not scheme and not cleaned.startswith("//"):
        return _internal_problem(url, what, site_files)
    if image:
        return f"{what} «{url}» ligger utenfor nettstedet; bilder må ligge i docs/ og lenkes uten adresse til en annen vert"
    if scheme == "https" and parts.hostname and _host_allowed(parts.hostname, hosts):
        return None
    if scheme == "https" and parts.hostname:
        return (f"{what} går til «{parts.hostname}», som ikke står i registeret over eksterne verter "
                f"(data/eksterne-verter.yaml); tillatt er {', '.join(sorted(hosts))}")
    if scheme == "http":
        return f"{what} «{url}» bruker http; bruk https, og bare til vertene i data/eksterne-verter.yaml"
    shown = f"«{scheme}:»" if scheme else "«//» (uten https)"
    return f"{what} «{url}» bruker {shown}, som ikke er tillatt; tillatt er {ALLOWED_TEXT}"


def _attribute_problems(tag: str, attrs: dict[str, str]) -> list[str]:
    out = []
    for name, value in attrs.items():
        if name == "id":
            continue
        if name == "class":
            bad = [c for c in value.split() if not (
                c.startswith("rp-") or tag in ("div", "p") and c in _ADMONITIONS
                or tag == "code" and c.startswith("language-"))]
            if bad:
                out.append(f"klassen «{bad[0]}» er ikke tillatt; med {{: … }} kan bare id (#navn) og klasser "
                           "som begynner med «rp-» settes")
            continue
        if name == "style":
            if tag in ("th", "td") and _ALIGN.fullmatch(value):
                continue
        elif name in _ALLOWED_ATTRS.get(tag, ()):
            continue
        out.append(f"attributtet «{name}» er ikke tillatt; med {{: … }} kan bare id (#navn) og klasser "
                   "som begynner med «rp-» settes")
    return out


def problems(text: str, hosts: frozenset[str], site_files: frozenset[str] | None = None) -> list[str]:
    """What is wrong with an author's Markdown, each as a message; empty when it is safe.
    `site_files`: the paths under docs/ (pages generated from content included) that internal
    links may name; None leaves that check to MkDocs."""
    found: list[str] = []
    raw = _RAW_HTML.search(_CODE.sub("", text))
    if raw:
        snippet = text[raw.start():raw.start() + 12].split("\n")[0]
        found.append(f"rå HTML er ikke tillatt i Markdown-tekst (fant «{snippet}»); skriv vanlig tekst, og bruk "
                     "Markdown for lenker og utheving")
    parser = _Elements()
    parser.feed(markdown.markdown(text, extensions=list(_EXTENSIONS)))
    for tag, attrs in parser.elements:
        if tag == "a" and "href" in attrs:
            found.append(_link_problem(attrs["href"], hosts, image=False, site_files=site_files) or "")
        if tag == "img" and "src" in attrs:
            found.append(_link_problem(attrs["src"], hosts, image=True, site_files=site_files) or "")
        found.extend(_attribute_problems(tag, attrs))
    return list(dict.fromkeys(p for p in found if p))
