"""The JSON API under /api/v1/: every route calls `khabar.corpus.Corpus` (through the
read-only store) or the extraction pool, and answers in the envelope."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Query, Request

from khabar.serve.envelope import ApiError, check_date, check_kind, not_found, ok
from khabar.serve.payloads import from_body

router = APIRouter(prefix="/api/v1")
MAX_LIMIT = 100


def search_args(q: str, speaker: str | None, entity: str | None, outlet: str | None,
                since: str | None, until: str | None, kind: str | None) -> dict[str, Any]:
    """The corpus search's keyword arguments from request filters, checked (400 when bad)."""
    since, until = check_date("since", since), check_date("until", until)
    if since and until and since > until:
        raise ApiError(400, f"'since' ({since}) is after 'until' ({until})")
    return {"query": q or "", "speaker": speaker or None, "entity": entity or None,
            "outlet": outlet or None, "since": since, "until": until, "kind": check_kind(kind)}


def run_search(request: Request, args: dict[str, Any], **options: Any):
    store = request.app.state.store
    want_facets = options.pop("facets", False)
    key = tuple(sorted({**args, **{k: v for k, v in options.items()
                                   if k not in ("limit", "cursor")}}.items()))
    cached = store.cached_facets(key) if want_facets and store.present else None
    try:
        result = store.corpus().search(**args, **options,
                                       facets=want_facets and cached is None)
    except store.error_types() as err:
        raise ApiError(400, str(err)) from None
    if cached is not None:
        result.facets = cached
    elif want_facets and store.present and result.facets is not None:
        store.keep_facets(key, result.facets)
    return result


def facets_json(facets: dict | None) -> dict | None:
    """Counts as `{"value", "count"}`; a count that comes with more than a value (an event
    place: its key, country and admin level) keeps those beside them."""
    if facets is None:
        return None
    return {name: [_count_json(item) for item in pairs] for name, pairs in facets.items()}


def _count_json(item: Any) -> dict[str, Any]:
    if isinstance(item, dict):  # the corpus's event places
        more = {k: v for k, v in item.items() if k not in ("place", "events")}
        return {"value": item.get("place"), "count": item.get("events"), **more}
    value, n = item
    return {"value": value, "count": n}


@router.post("/extract", summary="Extract a record from one article")
async def extract(request: Request) -> dict:
    """Body: JSON `{"text": ..., "title", "date", "url", "author"}` or `{"html": ..., ...}`,
    or a raw `text/plain` / `text/html` body. Answers `rows: [record]`, the record of
    `khabar extract` for the same input."""
    payload = from_body(request.headers.get("content-type", ""), await request.body())
    result = await request.app.state.extractor.extract(payload)
    return ok(result["records"], records_total=result["total"])


@router.get("/search", summary="Search statements (or articles) in the corpus")
def search(request: Request, q: str = "", speaker: str | None = None,
           entity: str | None = None, outlet: str | None = None, since: str | None = None,
           until: str | None = None, kind: str | None = None, exact: bool = False,
           articles: bool = False, collapse: bool = True,
           limit: int = Query(20, ge=1, le=MAX_LIMIT), cursor: str | None = None,
           facets: bool = False) -> dict:
    """Statement rows with `marks` (offsets of the matched words in `snippet`); with
    `facets=true`, speaker, outlet and month counts of the whole result (kept between
    pages of one search)."""
    args = search_args(q, speaker, entity, outlet, since, until, kind)
    result = run_search(request, args, exact=exact, articles=articles, collapse=collapse,
                        limit=limit, cursor=cursor or None, facets=facets)
    return ok(list(result.rows), result.next, facets=facets_json(result.facets))


@router.get("/articles/{article_id}", summary="One stored article record with its spans")
def article(request: Request, article_id: str) -> dict:
    record = request.app.state.store.corpus().article(article_id)
    if record is None:
        raise not_found("article", article_id)
    return ok([record])


@router.get("/speakers", summary="Speakers, most quoted first")
def speakers(request: Request, q: str | None = None, entity: str | None = None,
             since: str | None = None, until: str | None = None,
             limit: int = Query(50, ge=1, le=500)) -> dict:
    since, until = check_date("since", since), check_date("until", until)
    store = request.app.state.store
    try:
        rows = store.corpus().speakers(q or None, entity=entity or None, since=since,
                                       until=until, limit=limit)
    except store.error_types() as err:
        raise ApiError(400, str(err)) from None
    return ok(list(rows))


@router.get("/speakers/{key}", summary="A speaker: statements, per month, entities, outlets")
def speaker(request: Request, key: str) -> dict:
    row = request.app.state.store.corpus().speaker(key)
    if row is None:
        raise not_found("speaker", key)
    return ok([row])


@router.get("/entities/{key}", summary="An entity: names, articles, statements")
def entity(request: Request, key: str) -> dict:
    row = request.app.state.store.corpus().entity(key)
    if row is None:
        raise not_found("entity", key)
    return ok([row])


@router.get("/stories/{story_id}", summary="A story: the syndicated copies of one article")
def story(request: Request, story_id: str) -> dict:
    row = request.app.state.store.corpus().story(story_id)
    if row is None:
        raise not_found("story", story_id)
    return ok([row])


@router.get("/events", summary="Coded events (PLOVER), latest first, with counts")
def events(request: Request, type: str | None = None, place: str | None = None,
           country: str | None = None, since: str | None = None, until: str | None = None,
           actor: str | None = None, status: str | None = None, verbal: bool = False,
           collapse: bool = True, limit: int = Query(20, ge=1, le=MAX_LIMIT),
           cursor: str | None = None, counts: bool = False) -> dict:
    """Event rows (type, status, actor, place with coordinates, date, casualties, trigger
    offsets, article id); `counts=true` adds counts per type, place and month of the whole
    result. `verbal=true` adds the verbal acts of statements."""
    filters = event_filters(type, place, country, since, until, actor, status, verbal,
                            collapse)
    store = request.app.state.store
    try:
        result = store.corpus().events(**filters, limit=limit, cursor=cursor or None)
        tally = event_counts(request, filters) if counts else None
    except store.error_types() as err:
        raise ApiError(400, str(err)) from None
    return ok(list(result.rows), result.next, counts=facets_json(tally))


def event_filters(type: str | None, place: str | None, country: str | None,
                  since: str | None, until: str | None, actor: str | None,
                  status: str | None, verbal: bool = False, collapse: bool = True
                  ) -> dict[str, Any]:
    """The corpus's event filters from request parameters, checked (400 when bad)."""
    since, until = check_date("since", since), check_date("until", until)
    if since and until and since > until:
        raise ApiError(400, f"'since' ({since}) is after 'until' ({until})")
    return {"type": type or None, "place": place or None, "country": country or None,
            "since": since, "until": until, "actor": actor or None,
            "status": status or None, "verbal": verbal, "collapse": collapse}


def event_counts(request: Request, filters: dict[str, Any]) -> dict:
    """Counts per type, place and month; kept, like search facets, while the database
    is unchanged (the unfiltered counts are asked for on every visit of /events)."""
    store = request.app.state.store
    key = ("events", *sorted(filters.items()))
    cached = store.cached_facets(key) if store.present else None
    if cached is not None:
        return cached
    tally = store.corpus().event_counts(**filters)
    if store.present:
        store.keep_facets(key, tally)
    return tally


@router.get("/stats", summary="Counts per table of the corpus")
def stats(request: Request) -> dict:
    store = request.app.state.store
    return ok([store.corpus().stats()], database=str(store.db) if store.present else None)
