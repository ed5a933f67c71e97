"""The Arabic pages: paste (the first page), search, article, speaker, entity, story.
Every page is rendered on the server from the same calls as its JSON twin; the templates
escape everything (Jinja2's autoescape, never switched off for article text)."""
from __future__ import annotations

import re
from importlib import resources as _ir
from typing import Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates

from khabar.serve import chart
from khabar.serve.api import run_search, search_args
from khabar.serve.envelope import KINDS, ApiError
from khabar.serve.payloads import from_form
from khabar.serve.view import KIND_LABEL, article_view

templates = Jinja2Templates(directory=str(_ir.files("khabar.serve").joinpath("templates")))
templates.env.filters["q"] = lambda s: quote(str(s), safe="")


def web_url(value: Any) -> str | None:
    """A link taken from article data, kept only when it is http(s): never `javascript:`."""
    value = str(value or "").strip()
    return value if re.match(r"(?i)^https?://[^\s]+$", value) else None


templates.env.filters["web_url"] = web_url
router = APIRouter(include_in_schema=False)
_MARKER = re.compile(r"«\[(.*?)\]»", re.DOTALL)
_HL = re.compile(r"^(\d+)-(\d+)$")


def render(request: Request, name: str, status_code: int = 200, **context: Any
           ) -> HTMLResponse:
    store = request.app.state.store
    return templates.TemplateResponse(request, name, {"corpus_present": store.present,
                                                      **context}, status_code=status_code)


def error_page(request: Request, status: int, message: str, search: str | None = None
               ) -> HTMLResponse:
    return render(request, "error.html", status, status=status, message=message,
                  search=search)


def marked(snippet: str | None, marks: list | None = None) -> list[tuple[str, bool]]:
    """A snippet as (text, matched?) pieces, from `marks` offsets or «[ ]» markers."""
    snippet = snippet or ""
    if marks:
        out, pos = [], 0
        for start, end in sorted(marks):
            if start < pos:
                continue
            out += [(snippet[pos:start], False), (snippet[start:end], True)]
            pos = end
        return out + [(snippet[pos:], False)]
    out, pos = [], 0
    for m in _MARKER.finditer(snippet):
        out += [(snippet[pos:m.start()], False), (m.group(1), True)]
        pos = m.end()
    return out + [(snippet[pos:], False)]


@router.get("/", response_class=HTMLResponse)
def home(request: Request):
    stats = {}
    if request.app.state.store.present:
        try:
            stats = request.app.state.store.corpus().stats()
        except Exception:  # noqa: BLE001 - the first page shows even over a damaged store
            stats = {}
    return render(request, "paste.html", stats=stats, form={})


@router.post("/paste", response_class=HTMLResponse)
async def paste(request: Request):
    max_body = request.app.state.config.max_body
    form = await request.form(max_part_size=max_body)
    upload = form.get("file")
    data, upload_name = None, None
    if upload is not None and hasattr(upload, "read"):
        data = await upload.read()
        upload_name = upload.filename or None
    fields = {k: str(form.get(k) or "") for k in ("title", "date", "url")}
    try:
        payload = from_form(str(form.get("text") or ""), upload_name, data,
                            {"title": fields["title"], "published": fields["date"],
                             "url": fields["url"]})
    except ApiError as err:
        return render(request, "paste.html", 400, form=fields, error=err.detail, stats={})
    result = await request.app.state.extractor.extract(payload)
    records = result["records"]
    if not records:
        return render(request, "paste.html", 400, form=fields, stats={},
                      error="لم يُعثر على نص في المُدخل")
    record = records[0]
    return render(request, "article.html", record=record, view=article_view(record),
                  pasted=True, total=result["total"], article_id=None)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: str = "", speaker: str = "", entity: str = "",
                outlet: str = "", since: str = "", until: str = "", kind: str = "",
                cursor: str = "", limit: int = Query(20, ge=1, le=100)):
    params = {"q": q, "speaker": speaker, "entity": entity, "outlet": outlet,
              "since": since, "until": until, "kind": kind}
    rows, next_url, facets, error = [], None, None, None
    try:
        args = search_args(q, speaker, entity, outlet, since, until, kind)
        result = run_search(request, args, limit=limit, cursor=cursor or None, facets=True)
        rows, facets = list(result.rows), result.facets
        if result.next:
            next_url = "/search?" + urlencode({**{k: v for k, v in params.items() if v},
                                               **({"limit": limit} if limit != 20 else {}),
                                               "cursor": result.next})
    except ApiError as err:
        error = err.detail
    for row in rows:
        row["_pieces"] = marked(row.get("snippet") or row.get("content"), row.get("marks"))
        row["_kind"] = KIND_LABEL.get(row.get("kind"), row.get("kind"))

    def facet_url(name: str, value: str, **more: str) -> str:
        return "/search?" + urlencode({**{k: v for k, v in params.items() if v},
                                       name: value, **more})
    searched = any(params.values())
    return render(request, "search.html", 400 if error else 200, params=params, rows=rows,
                  next_url=next_url, facets=facets or {}, error=error, kinds=KINDS,
                  kind_labels=KIND_LABEL, facet_url=facet_url, searched=searched,
                  continued=bool(cursor))


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str, hl: str = ""):
    corpus = request.app.state.store.corpus()
    record = corpus.article(article_id)
    if record is None:
        return error_page(request, 404, f"لا توجد مقالة بالمعرّف {article_id}")
    m = _HL.match(hl)
    highlight = (int(m.group(1)), int(m.group(2))) if m else None
    view = article_view(record, highlight)
    return render(request, "article.html", record=record, view=view, pasted=False,
                  article_id=article_id, story_id=record.get("story_id"))


@router.get("/speakers", response_class=HTMLResponse)
def speakers_page(request: Request, q: str = ""):
    rows = request.app.state.store.corpus().speakers(q or None, limit=200)
    return render(request, "speakers.html", rows=rows, q=q)


@router.get("/speakers/{key}", response_class=HTMLResponse)
def speaker_page(request: Request, key: str):
    row = request.app.state.store.corpus().speaker(key)
    if row is None:
        return error_page(request, 404, f"لا يوجد في المدوّنة متحدث بالاسم أو المفتاح «{key}»",
                          search=key)
    if row["key"] != key:  # reached by a name: the page's address is the speaker's key
        return RedirectResponse(f"/speakers/{quote(row['key'], safe='')}", status_code=303)
    for s in row.get("statements") or []:
        s["_pieces"] = marked(s.get("snippet") or s.get("content"), s.get("marks"))
        s["_kind"] = KIND_LABEL.get(s.get("kind"), s.get("kind"))
    return render(request, "speaker.html", s=row, chart=chart.bars(row.get("per_month") or []))


@router.get("/entities/{key}", response_class=HTMLResponse)
def entity_page(request: Request, key: str):
    row = request.app.state.store.corpus().entity(key)
    if row is None:
        return error_page(request, 404, f"لا يوجد في المدوّنة كيان بالاسم أو المفتاح «{key}»",
                          search=key)
    if row["key"] != key:  # reached by a name, as the article's entity list links
        return RedirectResponse(f"/entities/{quote(row['key'], safe='')}", status_code=303)
    for s in row.get("statements") or []:
        if isinstance(s, dict):
            s["_pieces"] = marked(s.get("snippet") or s.get("content"), s.get("marks"))
    return render(request, "entity.html", e=row)


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str):
    row = request.app.state.store.corpus().story(story_id)
    if row is None:
        return error_page(request, 404, f"لا توجد قصة بالمعرّف {story_id}")
    return render(request, "story.html", st=row)


@router.get("/api", response_class=HTMLResponse)
def api_page(request: Request):
    """The API's routes from its OpenAPI description, drawn here (no CDN docs page)."""
    spec = request.app.openapi()
    routes = [(method.upper(), path, op.get("summary") or "", op.get("description") or "")
              for path, ops in spec.get("paths", {}).items() for method, op in ops.items()]
    return render(request, "api.html", routes=routes)
