"""HTTP for sources: timeouts, retries with backoff for what may pass (network errors,
5xx, 429), none for what will not (other 4xx), and a polite pause between requests to
the same host. Standard library only; downloads stream to disk while being hashed."""
from __future__ import annotations

import hashlib
import os
import tempfile
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from pathlib import Path
from urllib.parse import quote, urlsplit

USER_AGENT = "boardpapers/0.1 (nightly ingest of published board papers)"
CHUNK_BYTES = 1 << 16


class FetchError(Exception):
    """A request that did not succeed; `transient` says whether trying later may help."""

    def __init__(self, url: str, reason: str, transient: bool):
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.transient = transient


@dataclass
class Response:
    url: str                       # where the body came from, after any redirects
    status: int
    headers: Message
    body: bytes = b""


@dataclass
class Download:
    """A body streamed into `path` (a temporary file the caller moves or deletes)."""

    url: str
    status: int
    headers: Message
    path: Path
    sha256: str
    size: int


@dataclass
class HttpClient:
    timeout: float = 30.0          # seconds for connecting and for each read
    retries: int = 3               # further attempts after the first, for transient failures
    backoff: float = 1.0           # first pause; doubles after each failed attempt
    min_interval: float = 1.0      # seconds between the starts of two requests to one host
    max_retry_after: float = 60.0  # cap on a server's Retry-After
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    _last: dict[str, float] = field(default_factory=dict, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def get(self, url: str, headers: dict[str, str] | None = None) -> Response:
        """The whole body of a small document (XML, HTML, a manifest)."""
        def read(reply) -> Response:
            return Response(reply.geturl(), reply.status, reply.headers, reply.read())
        return self._attempts(url, headers, read)

    def download(self, url: str, folder: Path, headers: dict[str, str] | None = None) -> Download:
        """Stream a file into a temporary file in `folder`, hashing it on the way."""
        def save(reply) -> Download:
            digest, size = hashlib.sha256(), 0
            handle = tempfile.NamedTemporaryFile(dir=folder, prefix=".fetch-", delete=False)
            try:
                with handle:
                    while chunk := reply.read(CHUNK_BYTES):
                        digest.update(chunk)
                        handle.write(chunk)
                        size += len(chunk)
            except BaseException:
                os.unlink(handle.name)
                raise
            return Download(url, reply.status, reply.headers, Path(handle.name), digest.hexdigest(), size)
        return self._attempts(url, headers, save)

    def _attempts(self, url: str, headers: dict[str, str] | None, handle):
        pause = self.backoff
        for attempt in range(self.retries + 1):
            self._wait_turn(url)
            request = urllib.request.Request(_requoted(url), headers={"User-Agent": USER_AGENT, **(headers or {})})
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as reply:
                    return handle(reply)
            except urllib.error.HTTPError as error:
                transient = error.code >= 500 or error.code in (408, 429)
                failure = FetchError(url, f"HTTP {error.code} {error.reason}", transient)
                wait = _retry_after(error.headers, self.max_retry_after)
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
                reason = getattr(error, "reason", error)
                failure = FetchError(url, f"{type(reason).__name__}: {reason}", True)
                wait = None
            if not failure.transient or attempt == self.retries:
                raise failure
            self.sleep(wait if wait is not None else pause)
            pause *= 2
        raise AssertionError("unreachable")

    def _wait_turn(self, url: str) -> None:
        """Sleep until `min_interval` has passed since the last request to this host."""
        host = urlsplit(url).netloc
        with self._lock:
            now = time.monotonic()
            due = self._last.get(host, float("-inf")) + self.min_interval
            if due > now:
                self.sleep(due - now)
                now = due
            self._last[host] = now


def _requoted(url: str) -> str:
    """The URL with spaces and other unsafe characters percent-encoded, as a browser
    sends it; sites list document URLs with raw spaces in their names."""
    return quote(url, safe=":/?&=%#;@+,~!$'()*[]")


def _retry_after(headers: Message | None, cap: float) -> float | None:
    value = headers.get("Retry-After") if headers else None
    if value and value.strip().isdigit():
        return min(float(value), cap)
    return None
