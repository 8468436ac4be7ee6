"""A small HTTP server on 127.0.0.1 for source tests: it serves canned responses by path
(and query) and logs every request it gets."""
from __future__ import annotations

import threading
from collections import defaultdict
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import quote

SAFE = ":/?&=%#;@+,~!$'()*[]"


class Site:
    """routes: "/path?query" -> list of (status, headers, body); the last one repeats. A
    route ending in "*" answers every path it begins."""

    def __init__(self):
        self.routes: dict[str, list[tuple[int, dict, bytes]]] = {}
        self.requests: list[str] = []
        self.counts: dict[str, int] = defaultdict(int)
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                site.requests.append(self.path)
                replies = site.routes.get(self.path) or next(
                    (r for key, r in site.routes.items()
                     if key.endswith("*") and self.path.startswith(key[:-1])), None)
                if replies is None:
                    self.send_error(404)
                    return
                status, headers, body = replies[min(site.counts[self.path], len(replies) - 1)]
                site.counts[self.path] += 1
                self.send_response(status)
                for name, value in {"Content-Length": str(len(body)), **headers}.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def serve(self, path: str, body: bytes, status: int = 200, headers: dict | None = None) -> str:
        """Serve `path` (as a browser would request it: spaces and the like percent-encoded);
        returns its URL as written, unencoded."""
        self.routes[quote(path, safe=SAFE)] = [(status, headers or {}, body)]
        return self.url + path

    def serve_sequence(self, path: str, replies: list[tuple[int, dict, bytes]]) -> str:
        self.routes[path] = replies
        return self.url + path

    def __enter__(self) -> Site:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()
