"""The FastAPI application: pages, the JSON API, the paper files and the static assets."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import duckdb
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from warehouse.publish import published_folder
from web.snapshot import SnapshotReader, View

HERE = Path(__file__).parent
templates = Jinja2Templates(directory=HERE / "templates")

SECURITY_HEADERS = {
    # Pages run no inline script or style and load nothing from elsewhere, so even text a
    # paper smuggled past escaping could not run.
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; object-src 'none'; "
                               "base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def create_app(db: str | Path, poll_seconds: float = 2.0) -> FastAPI:
    """The app reading what the flow publishes of the warehouse at `db` (web/snapshot.py),
    following each new version within `poll_seconds`."""
    reader = SnapshotReader(published_folder(db), poll_seconds=poll_seconds)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        reader.start()
        try:
            yield
        finally:
            reader.stop()

    app = FastAPI(title="boardpapers", lifespan=lifespan,
                  description="Search the commitments, milestones, budgets, risks, decisions "
                              "and relations of health and care board papers, each with its "
                              "paper, page and the paper's own words; milestone slippage; "
                              "the graph of who works with whom. Read-only.")
    app.state.reader = reader

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            # A paper opens in the browser's own PDF viewer, which a page policy can block.
            if name != "Content-Security-Policy" or \
                    response.headers.get("content-type") != "application/pdf":
                response.headers.setdefault(name, value)
        return response

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        problems = [{"loc": list(e["loc"]), "msg": e["msg"]} for e in error.errors()]
        if request.url.path.startswith("/api/"):
            return JSONResponse({"detail": problems}, status_code=422)
        return templates.TemplateResponse(request, "error.html", {
            "status": 422, "title": "That request is not valid",
            "problems": problems}, status_code=422)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException):
        if request.url.path.startswith("/api/") or error.status_code == 405:
            return JSONResponse({"detail": error.detail}, status_code=error.status_code,
                                headers=getattr(error, "headers", None))
        return templates.TemplateResponse(request, "error.html", {
            "status": error.status_code, "title": error.detail, "problems": []},
            status_code=error.status_code)

    from web import api, pages
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


def warehouse_cursor(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """FastAPI dependency: a read-only cursor on the current version for one request."""
    with request.app.state.reader.cursor() as cursor:
        yield cursor


def published_view(request: Request) -> Iterator[View]:
    """FastAPI dependency: the current version's tables and search index, for one request."""
    with request.app.state.reader.view() as view:
        yield view
