"""The JSON envelope every API answer shares (Datasette's conventions): `ok`, `rows`,
`next` (an opaque cursor or null), `truncated`; or `ok: false` with `status` and `error`."""
from __future__ import annotations

import re
from typing import Any

from fastapi import HTTPException
from fastapi.responses import JSONResponse

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
KINDS = ("direct", "indirect")


def ok(rows: list[Any], next_: str | None = None, **extra: Any) -> dict[str, Any]:
    return {"ok": True, "rows": rows, "next": next_, "truncated": False, **extra}


def error(status: int, message: str) -> JSONResponse:
    return JSONResponse({"ok": False, "status": status, "error": message}, status_code=status)


class ApiError(HTTPException):
    """An error the API answers in the envelope (raised by routes and helpers)."""


def not_found(what: str, key: str) -> ApiError:
    return ApiError(404, f"no {what} with id {key!r} in this corpus")


def check_date(name: str, value: str | None) -> str | None:
    """A filter date as YYYY, YYYY-MM or YYYY-MM-DD (a real calendar date), else 400."""
    if value in (None, ""):
        return None
    value = value.strip()
    bad = ApiError(400, f"bad date {value!r} for {name!r}: use YYYY, YYYY-MM or YYYY-MM-DD")
    if not _DATE.match(value):
        raise bad
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        raise bad
    if len(parts) == 3:
        import datetime

        try:
            datetime.date(*parts)
        except ValueError:
            raise bad from None
    return value


def check_kind(value: str | None) -> str | None:
    if value in (None, ""):
        return None
    if value not in KINDS:
        raise ApiError(400, f"bad kind {value!r}: use one of {', '.join(KINDS)}")
    return value
