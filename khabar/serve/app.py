"""The FastAPI application factory."""
from __future__ import annotations

import inspect
import logging
from contextlib import asynccontextmanager
from importlib import resources as _ir

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from khabar import __version__
from khabar.serve import api, event_pages, pages
from khabar.serve.config import ServeConfig
from khabar.serve.envelope import error
from khabar.serve.extraction import ExtractionError, Extractor
from khabar.serve.limits import BodyLimit, SecurityHeaders
from khabar.serve.store import Store

log = logging.getLogger("khabar.serve")


def create_app(config: ServeConfig | None = None) -> FastAPI:
    config = config or ServeConfig()
    store = Store(config.db)
    extractor = Extractor(config.timeout, config.extract_workers, config.pipeline_spec)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if not store.present:
            log.warning("khabar serve: no database at %s; serving an empty corpus "
                        "(index articles with the corpus commands, then restart)", config.db)
        extractor.warm()
        yield
        extractor.close()

    # FastAPI's /docs and /redoc pages load their scripts from a CDN: off. /openapi.json
    # stays, and /api lists the routes from it, rendered here.
    # newer FastAPI versions can export OpenTelemetry data when an environment variable
    # asks: this server sends nothing anywhere, whatever the environment says
    extra = ({"telemetry": {"auto_configure": False}}
             if "telemetry" in inspect.signature(FastAPI).parameters else {})
    app = FastAPI(title="khabar", version=__version__, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json", lifespan=lifespan, **extra,
                  description="Who said what in Arabic news: search a corpus of extracted "
                              "records, or extract a record from one article.")
    app.state.config = config
    app.state.store = store
    app.state.extractor = extractor
    app.state.templates = pages.templates

    static = _ir.files("khabar.serve").joinpath("static")
    app.mount("/static", StaticFiles(directory=str(static)), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.include_router(event_pages.router)

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such page: {request.url.path}"
        if exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
        if wants_json(request):
            return error(exc.status_code, message)
        return pages.error_page(request, exc.status_code, message)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError):
        parts = []
        for e in exc.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "path"))
            parts.append(f"{where}: {e.get('msg')}")
        message = "bad request: " + "; ".join(parts)
        if wants_json(request):
            return error(400, message)
        return pages.error_page(request, 400, message)

    @app.exception_handler(ExtractionError)
    async def extraction_error(request: Request, exc: ExtractionError):
        if wants_json(request):
            return error(exc.status, str(exc))
        return pages.error_page(request, exc.status, str(exc))

    # outermost first at run time: headers on every answer, the body bounded before routing
    app.add_middleware(BodyLimit, limit=config.max_body)
    app.add_middleware(SecurityHeaders)
    return app
