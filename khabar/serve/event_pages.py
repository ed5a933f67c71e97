"""The events page (`/events`): counts per PLOVER type, per place and per month, each a
link that narrows the list, the filters in the address (a filtered view can be shared),
and the matching events, each shown in its sentence with its parts marked and linked to
the article at the event. Drawn from `Corpus.events` and `Corpus.event_counts`, the same
calls as `GET /api/v1/events`."""
from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from khabar.serve import chart
from khabar.serve.api import event_counts, event_filters
from khabar.serve.envelope import ApiError
from khabar.serve.pages import render
from khabar.serve.view import (ADMIN_LEVELS, EVENT_ROLES, EVENT_STATUS, EVENT_TYPES, Span,
                               event_anchor, event_label, tokens)

router = APIRouter(include_in_schema=False)
FILTERS = ("type", "place", "country", "actor", "since", "until", "status")
FILTER_LABEL = {"type": "النوع", "place": "المكان", "country": "الدولة", "actor": "الفاعل",
                "since": "من", "until": "إلى", "status": "الحالة"}
SNIPPET_CONTEXT = 90  # characters either side of a trigger that has no sentence
# an event's parts in a row of `Corpus.events`: (role, text column, start, end)
ROW_PARTS = (("trigger", "trigger_start", "trigger_end"),
             ("actor", "actor_start", "actor_end"),
             ("recipient", "recipient_start", "recipient_end"),
             ("location", "place_start", "place_end"),
             ("date", "date_start", "date_end"))


def page_url(params: dict[str, str], **changes: str | None) -> str:
    """/events with the current filters, some changed (None drops one); never a cursor."""
    merged = {**params, **changes}
    query = urlencode({k: v for k, v in merged.items() if k in FILTERS and v})
    return "/events" + (f"?{query}" if query else "")


def month_counts(per_month: list[tuple[str, int]]) -> dict[str, Any]:
    """The month list from the corpus's counts per period (khabar.corpus.event_dates):
    calendar months latest first (an event dated by a week is counted under a month by
    the corpus), then the events dated by a year (or a longer span, `1980/1989`), each a
    link to the date filter that selects them, and how many are undated (a duration)."""
    months = sorted(((m, n) for m, n in per_month if chart.is_month(m)), reverse=True)
    years = sorted(((m, n) for m, n in per_month if _years(m)), reverse=True)
    undated = sum(n for m, n in per_month if not chart.is_month(m) and not _years(m))
    return {"months": months, "years": years, "undated": undated}


def _years(period: str) -> tuple[str, str] | None:
    """(first, last) year of a period `YYYY` or `YYYY/YYYY`."""
    first, _, last = period.partition("/")
    last = last or first
    return (first, last) if len(first) == len(last) == 4 and first.isdigit() \
        and last.isdigit() else None


def year_url(params: dict[str, str], period: str) -> str:
    first, last = _years(period) or (period, period)
    return page_url(params, since=first, until=last)


def sentence_view(text: str, row: dict[str, Any]) -> dict[str, Any] | None:
    """The event's sentence (or the words around its trigger) as tokens, with the trigger,
    actor, recipient, place and date marked; None when the offsets do not fit the text."""
    ts, te = row.get("trigger_start"), row.get("trigger_end")
    if not isinstance(ts, int) or not isinstance(te, int) or not 0 <= ts < te <= len(text):
        return None
    ss, se = row.get("sentence_start"), row.get("sentence_end")
    whole = isinstance(ss, int) and isinstance(se, int) and 0 <= ss <= ts and te <= se \
        <= len(text)
    if not whole:
        ss, se = max(0, ts - SNIPPET_CONTEXT), min(len(text), te + SNIPPET_CONTEXT)
    spans = []
    for role, start, end in ROW_PARTS:
        a, b = row.get(start), row.get(end)
        if isinstance(a, int) and isinstance(b, int) and ss <= a < b <= se:
            attrs = {"class": f"ev-{role}", "title": EVENT_ROLES[role]}
            spans.append(Span(a - ss, b - ss, "event", attrs=attrs))
    return {"tokens": list(tokens(text[ss:se], spans)), "start": ss, "end": se,
            "cut_before": not whole and ss > 0, "cut_after": not whole and se < len(text)}


def article_link(row: dict[str, Any], where: dict[str, Any] | None) -> str:
    """The article at the event: its sentence marked, the page scrolled to its trigger."""
    aid = str(row.get("article_id") or "")
    local_id = str(row.get("event_id") or "").removeprefix(f"{aid}-")
    anchor = event_anchor({"id": local_id}, 0)
    hl = f"?hl={where['start']}-{where['end']}" if where else ""
    return f"/articles/{aid}{hl}#{anchor}"


def shown_rows(corpus: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    texts: dict[str, str] = {}
    for row in rows:
        aid = row.get("article_id")
        if aid not in texts:
            record = corpus.article(aid) if aid else None
            texts[aid] = (record or {}).get("text") or ""
        where = sentence_view(texts[aid], row)
        row["_sentence"] = where
        row["_href"] = article_link(row, where)
        row["_label"] = event_label(row.get("type"))
        row["_status"] = EVENT_STATUS.get(row.get("status") or "", row.get("status"))
        row["_admin"] = ADMIN_LEVELS.get(row.get("admin_level"))
    return rows


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, type: str = "", place: str = "", country: str = "",
                actor: str = "", since: str = "", until: str = "", status: str = "",
                cursor: str = "", limit: int = Query(20, ge=1, le=100)):
    params = {"type": type, "place": place, "country": country, "actor": actor,
              "since": since, "until": until, "status": status}
    store = request.app.state.store
    rows: list[dict[str, Any]] = []
    tally: dict[str, list] = {"type": [], "place": [], "month": []}
    next_url, error, total = None, None, 0
    try:
        filters = event_filters(type, place, country, since, until, actor, status)
        corpus = store.corpus()
        result = corpus.events(**filters, limit=limit, cursor=cursor or None)
        tally = event_counts(request, filters)
        rows = shown_rows(corpus, list(result.rows))
        total = sum(n for _, n in tally["type"])
        if result.next:
            next_url = page_url(params) + ("&" if any(params.values()) else "?") + urlencode(
                {**({"limit": limit} if limit != 20 else {}), "cursor": result.next})
    except ApiError as err:
        error = err.detail
    except store.error_types() as err:
        error = str(err)
    drawn, _ = chart.recent_span(tally["month"])
    undrawn = sum(n for _, n in tally["month"]) - sum(n for _, n in drawn)
    months = chart.bars(drawn)
    active = [(name, FILTER_LABEL[name], value, page_url(params, **{name: None}))
              for name, value in params.items() if value]
    return render(
        request, "events.html", 400 if error else 200, params=params, rows=rows,
        counts=tally, chart=months, undrawn=undrawn, per_month=month_counts(tally["month"]),
        total=total, next_url=next_url, error=error,
        active=active, page_url=page_url, year_url=year_url, continued=bool(cursor),
        api_url="/api/v1/events?" + urlencode({**{k: v for k, v in params.items() if v},
                                                "counts": "true"}),
        types=list(EVENT_TYPES.items()), type_labels=EVENT_TYPES,
        statuses=list(EVENT_STATUS.items()), admin_levels=ADMIN_LEVELS)
