"""Error mapping: every failure becomes `{"error": {code, message, field?}}` with a 4xx/5xx.

Bad input is always 4xx: malformed JSON 400, schema violations 422 (naming the field),
unknown agents 404, oversized bodies 413. Only an unreachable dependency is 503.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import get_route_path
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from actors.errors import NovamemError
from actors.inputs import field_path
from actors.settings import Settings

log = logging.getLogger(__name__)


def error_response(status: int, code: str, message: str, field: str | None = None) -> JSONResponse:
    body: dict[str, str] = {"code": code, "message": message}
    if field:
        body["field"] = field
    return JSONResponse({"error": body}, status_code=status)


async def _validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
    first = exc.errors()[0]
    if first.get("type") == "json_invalid":
        return error_response(400, "malformed_json", f"request body is not valid JSON: {first.get('msg')}")
    loc = tuple(first.get("loc", ()))
    field = field_path(loc[1:] if loc and loc[0] in ("body", "path", "query") else loc)
    if field == "body" and first.get("type") in ("model_attributes_type", "dict_type", "missing"):
        return error_response(422, "invalid_input", "request body must be a JSON object (Content-Type: application/json)", "body")
    return error_response(422, "invalid_input", f"{field}: {first.get('msg')}", field)


async def _novamem_error(_: Request, exc: NovamemError) -> JSONResponse:
    return error_response(exc.http_status, exc.code, exc.message, exc.field)


async def _http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    response = error_response(exc.status_code, code, str(exc.detail))
    response.headers.update(getattr(exc, "headers", None) or {})
    if exc.status_code == 405:
        response.headers["Allow"] = ", ".join(_allowed_methods(request))
    return response


def _allowed_methods(request: Request) -> list[str]:
    """Every method any route accepts on this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    pending = list(request.app.router.routes)
    while pending:
        route = pending.pop()
        included = getattr(route, "original_router", None)  # FastAPI wraps included routers
        if included is not None:
            pending.extend(included.routes)
            continue
        pattern = getattr(route, "path_regex", None)
        if pattern is not None and pattern.match(get_route_path(request.scope)):
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)


_HTTP_CODES = {
    400: "malformed_json",  # FastAPI's "error parsing the body": bad UTF-8, nesting beyond the parser
    404: "not_found",
    405: "method_not_allowed",
    413: "payload_too_large",
}


async def _unexpected(_: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error")
    return error_response(500, "internal", f"internal error: {type(exc).__name__}")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(NovamemError, _novamem_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)


_max_body_bytes: int = Settings.model_fields["max_body_bytes"].default


def set_body_limit(max_bytes: int) -> None:
    """Called by each Serve replica with the deployment's `max_body_bytes`."""
    global _max_body_bytes
    _max_body_bytes = max_bytes


class BodySizeLimit:
    """ASGI middleware: 413 for bodies over `max_bytes`, by header or by counting the stream.

    Streamed (chunked) bodies are counted as they are read; the overflow raises an HTTP
    413 that FastAPI passes through its body parsing to `_http_error`.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    @property
    def max_bytes(self) -> int:
        return _max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._reject(scope, receive, send)
            return
        received = 0

        async def counted() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.max_bytes:
                raise StarletteHTTPException(413, self._message)
            return message

        await self.app(scope, counted, send)

    @property
    def _message(self) -> str:
        return f"request body exceeds {self.max_bytes} bytes"

    async def _reject(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = error_response(413, "payload_too_large", self._message)
        await response(scope, receive, send)
