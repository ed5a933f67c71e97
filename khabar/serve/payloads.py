"""Request bodies -> extraction payloads (bytes + a name whose ending tells the reader the
format), so the server reads text exactly as `khabar extract` reads a file."""
from __future__ import annotations

import json
from typing import Any

from khabar.serve.envelope import ApiError

# the optional fields of a JSON request, and the record key each fills
GIVEN_FIELDS = {"title": "title", "date": "published", "published": "published",
                "url": "url", "author": "author"}
MEDIA = {"text/plain": "txt", "text/html": "html", "application/xhtml+xml": "html"}


def from_json(raw: bytes) -> dict[str, Any]:
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise ApiError(400, f"the body is not valid UTF-8 JSON: {err}") from None
    if not isinstance(obj, dict):
        raise ApiError(400, f"the JSON body must be an object, not a {type(obj).__name__}")
    if not isinstance(obj.get("text"), str) and not isinstance(obj.get("html"), str):
        raise ApiError(400, 'the JSON body needs a "text" or an "html" string field')
    for key in GIVEN_FIELDS:
        if obj.get(key) is not None and not isinstance(obj[key], str):
            raise ApiError(400, f"field {key!r} must be a string")
    if isinstance(obj.get("text"), str):
        # a one-record JSON file, read by the CLI's record reader
        record = {k: obj[k] for k in ("text", *GIVEN_FIELDS) if obj.get(k)}
        return {"data": json.dumps(record, ensure_ascii=False).encode(), "name": "request.json",
                "fmt": "json"}
    given = {GIVEN_FIELDS[k]: obj[k] for k in GIVEN_FIELDS if obj.get(k)}
    return {"data": obj["html"].encode("utf-8"), "name": "request.html", "fmt": "html",
            "given": given}


def from_body(content_type: str, raw: bytes) -> dict[str, Any]:
    media = content_type.split(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return from_json(raw)
    if media in MEDIA:
        fmt = MEDIA[media]
        return {"data": raw, "name": f"request.{fmt}", "fmt": fmt}
    raise ApiError(415, f"unsupported content type {media or '(none)'!r}: send application/json "
                        '({"text": ...} or {"html": ...}), text/plain or text/html')


def from_form(text: str | None, upload_name: str | None, upload: bytes | None,
              given: dict[str, str]) -> dict[str, Any]:
    """The paste page's form: an uploaded file (its name gives the format) or pasted text."""
    given = {k: v.strip() for k, v in given.items() if v and v.strip()}
    if upload:
        return {"data": upload, "name": upload_name or "upload.txt", "given": given}
    if text and text.strip():
        # no ending: the reader sniffs HTML, JSON or plain text as it does for stdin
        return {"data": text.encode("utf-8"), "name": "pasted", "given": given}
    raise ApiError(400, "paste a text or choose a file")
