"""What a ModernGov site lists, whichever way it is read (web service or pages): committees,
meetings and their documents, and an account of a reply that is not ModernGov's."""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import parse_qs, unquote, urlsplit

from pipeline.sources.http import Response

ITEM_DOCUMENT = re.compile(r"/documents/s(\d+)/", re.I)   # an agenda item's attachment, by id
META = re.compile(r"<meta\b[^>]*>", re.I)
REFRESH_TARGET = re.compile(r"""url\s*=\s*['"]?([^'"\s>]+)""", re.I)
TITLE = re.compile(r"<title[^>]*>(.*?)</title>", re.I | re.S)


class NotModernGov(Exception):
    """The site answered, but not as ModernGov does: a redirect stub, a login page, another
    system's pages, XML of another shape."""


@dataclass(frozen=True)
class Committee:
    id: str
    title: str
    current: bool = True        # neither expired nor deleted


@dataclass(frozen=True)
class Document:
    url: str
    title: str | None


@dataclass
class Meeting:
    id: str
    date: date
    documents: list[Document] = field(default_factory=list)
    page: str | None = None     # the meeting's own page, read for the documents not listed yet


def query_value(url: str, *keys: str) -> str | None:
    """The first of `keys` in the URL's query, matched without regard to case (sites write
    MId, MID and MeetingId for the same thing)."""
    query = {key.lower(): values[0] for key, values in parse_qs(urlsplit(url).query).items()}
    return next((query[key] for key in keys if key in query), None)


def attachment_id(url: str) -> str | None:
    """The attachment an item's document is, in either of the two URLs ModernGov gives it:
    mgConvert2PDF.aspx?ID=60860 (the web service) and documents/s60860/<name>.pdf (pages)."""
    parts = urlsplit(url)
    if parts.path.lower().endswith("/mgconvert2pdf.aspx"):
        return query_value(url, "id")
    match = ITEM_DOCUMENT.search(parts.path)
    return match.group(1) if match else None


def describe(reply: Response, asked: str) -> str:
    """What came back instead of ModernGov's answer, in a few words."""
    head = reply.body[:8192].decode("utf-8", errors="replace")
    told = []
    if _place(reply.url) != _place(asked):
        told.append(f"was redirected to {reply.url}")
    refresh = next((REFRESH_TARGET.search(tag) for tag in META.findall(head)
                    if re.search(r"http-equiv\s*=\s*['\"]?refresh", tag, re.I)), None)
    if refresh:
        told.append(f"answered with a redirect stub to {html.unescape(refresh.group(1))}")
    elif title := TITLE.search(head):
        told.append(f"answered with an HTML page titled {' '.join(html.unescape(title.group(1)).split())!r}")
    elif "<html" in head.lower():
        told.append("answered with an HTML page")
    elif not reply.body.strip():
        told.append("answered with an empty body")
    else:
        kind = reply.headers.get("Content-Type", "no stated type") if reply.headers else "no stated type"
        told.append(f"answered with {len(reply.body)} bytes of {kind}")
    return " and ".join(told)


def _place(url: str) -> tuple[str, str, str]:
    parts = urlsplit(url)
    return parts.scheme, parts.netloc.lower(), unquote(parts.path).lower()
