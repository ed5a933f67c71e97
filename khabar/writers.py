"""What the CLI writes: records as JSON (an object or an array, as the arguments decide),
JSON Lines or a readable summary; statements and tags as rows (table, CSV, TSV, JSONL).
"""
from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

from khabar.document import Article
from khabar.termtable import render, shorten

ROW_FORMATS = ("table", "csv", "tsv", "jsonl")


def dumps(record: Mapping[str, Any], indent: int | None = 1) -> str:
    return json.dumps(record, ensure_ascii=False, indent=indent)


class RecordWriter:
    """Writes records one by one as they come. `array` True/False fixes the JSON shape;
    None lets the first article decide (a record of a multi-record input: an array)."""

    def __init__(self, out: IO[str], fmt: str, array: bool | None) -> None:
        self.out, self.fmt, self.array = out, fmt, array
        self.count = 0

    def write(self, record: Mapping[str, Any]) -> None:
        if self.fmt == "jsonl":
            self.out.write(dumps(record, indent=None) + "\n")
        elif self.fmt == "summary":
            self.out.write(summary(record) + "\n\n")
        elif self.fmt == "plover":
            from khabar.events.plover import plover_events

            for ev in plover_events(record):
                self.out.write(dumps(ev, indent=None) + "\n")
        else:
            if self.array is None:
                self.array = (record.get("source") or {}).get("record") is not None
            if self.array:
                self.out.write(("[\n" if self.count == 0 else ",\n") + dumps(record))
            elif self.count == 0:
                self.out.write(dumps(record))
            else:  # an object was promised; never print invalid JSON
                raise AssertionError("one JSON object was promised for this input")
        self.count += 1
        self.out.flush()

    def close(self) -> None:
        if self.fmt == "json":
            if self.array or self.array is None:
                self.out.write("\n]\n" if self.count else "[]\n")
            else:
                self.out.write("\n")
        self.out.flush()


def write_file(out_dir: Path, article: Article, record: Mapping[str, Any],
               used: set[str]) -> Path:
    """OUT/NAME.json for one article; a name already written in this batch gets a suffix
    (and the record an `output.renamed` warning)."""
    name = unique_name(article, used)
    path = out_dir / f"{name}.json"
    path.write_text(dumps(record), encoding="utf-8")
    return path


def unique_name(article: Article, used: set[str]) -> str:
    """The output stem; `a.txt` and `a.json` in one batch must not overwrite each other."""
    name = article.source.get("name") or "stdin"
    if name in used:
        base, k = f"{name}-{article.source.get('format') or 'x'}", 1
        name = base
        while name in used:
            k += 1
            name = f"{base}{k}"
        article.flag("output.renamed", f"output name {article.source.get('name')!r} was taken; "
                     f"written as {name!r}")
        article.source["name"] = name
    used.add(name)
    return name


# ------------------------------------------------------------------ summary
def _name(part: Any) -> str:
    if not isinstance(part, Mapping):
        return ""
    return str(part.get("canonical") or part.get("text") or "")


def summary(record: Mapping[str, Any]) -> str:
    """A readable page about one record, for people at a terminal."""
    meta = record.get("metadata", {})
    ev = record.get("metadata_evidence", {})
    lines = [f"== {(record.get('source') or {}).get('name') or 'article'}"]
    for key in ("title", "published", "updated", "crawled", "outlet", "agency", "author",
                "article_id", "views", "url"):
        if key in meta:
            lines.append(f"{key:>11}: {meta[key]}   [{ev.get(key, {}).get('source', '?')}]")
    lang = record.get("language") or {}
    if lang:
        lines.append(f"{'language':>11}: {lang.get('code')} ({lang.get('confidence')})")
    body = record.get("body") or ""
    furniture = len((record.get("layers") or {}).get("boilerplate", []))
    lines.append(f"{'body':>11}: {len(body)} characters; {furniture} furniture spans removed")
    lines += ["", "   " + shorten(body, 400), ""]
    quotes = record.get("quotes") or []
    lines.append(f"statements ({len(quotes)}):")
    for q in quotes:
        med = q.get("medium")
        via = f" → {_name(med)}" if med else ""
        cue = (q.get("cue") or {}).get("text", "")
        lines.append(f"  [{q['kind'][:3]}] {_name(q.get('speaker')) or '?'}{via} ({cue}): "
                     f"{shorten(q['content']['text'], 110)}")
    tx = record.get("timexes") or []
    lines.append(f"dates ({len(tx)}): " + "; ".join(f"{t['text']} = {t.get('value')}" for t in tx))
    by_type: dict[str, list[str]] = {}
    for e in record.get("entities") or []:
        names = by_type.setdefault(e["type"], [])
        if e.get("canonical", e["text"]) not in names:
            names.append(e.get("canonical", e["text"]))
    for typ in ("PER", "ORG", "LOC", "MISC"):
        if by_type.get(typ):
            lines.append(f"{typ}: " + "، ".join(by_type[typ]))
    for i in record.get("issues") or []:
        lines.append(f"{i['severity']}: {i['code']}: {i['message']}")
    return "\n".join(lines)


# ------------------------------------------------------------------ rows
QUOTE_COLUMNS = ("article", "n", "kind", "speaker", "speaker_text", "speaker_title",
                 "speaker_affiliation", "speaker_kind", "speaker_entity", "anonymous",
                 "inherited", "cue", "cue_lemma", "cue_class", "negated", "medium",
                 "medium_relation", "chain", "content", "start", "end", "time", "zone",
                 "title", "published", "outlet", "url")


def quote_rows(record: Mapping[str, Any]) -> Iterable[dict[str, Any]]:
    """One flat row per statement of a record (the columns of QUOTE_COLUMNS)."""
    meta = record.get("metadata") or {}
    article = (record.get("source") or {}).get("name")
    for n, q in enumerate(record.get("quotes") or [], 1):
        spk = q.get("speaker") or {}
        cue = q.get("cue") or {}
        med = q.get("medium") or {}
        yield {
            "article": article, "n": n, "kind": q.get("kind"),
            "speaker": _name(spk) or None, "speaker_text": spk.get("text"),
            "speaker_title": spk.get("title"), "speaker_affiliation": spk.get("affiliation"),
            "speaker_kind": spk.get("kind"), "speaker_entity": spk.get("entity"),
            "anonymous": bool(spk.get("anonymous")), "inherited": bool(q.get("inherited")),
            "cue": cue.get("text"), "cue_lemma": cue.get("lemma"),
            "cue_class": cue.get("class"), "negated": bool(cue.get("negated")),
            "medium": _name(med) or None, "medium_relation": med.get("relation"),
            "chain": " ← ".join(_name(h) for h in q.get("chain") or []) or None,
            "content": q["content"]["text"], "start": q["content"]["start"],
            "end": q["content"]["end"], "time": q.get("time"), "zone": q.get("zone"),
            "title": meta.get("title"), "published": meta.get("published"),
            "outlet": meta.get("outlet"), "url": meta.get("url"),
        }


class RowWriter:
    """Rows as CSV/TSV (one header for the whole run), JSON Lines, or the caller's table."""

    def __init__(self, out: IO[str], fmt: str, columns: Iterable[str]) -> None:
        self.out, self.fmt, self.columns = out, fmt, tuple(columns)
        self._csv: Any = None
        if fmt in ("csv", "tsv"):
            self._csv = csv.DictWriter(out, self.columns, delimiter="," if fmt == "csv" else "\t",
                                       lineterminator="\n", extrasaction="ignore")
            self._csv.writeheader()

    def write(self, rows: Iterable[Mapping[str, Any]]) -> None:
        for row in rows:
            if self._csv is not None:
                self._csv.writerow({k: _cell(v) for k, v in row.items()})
            else:
                self.out.write(dumps({k: row.get(k) for k in self.columns}, indent=None) + "\n")


def _cell(v: Any) -> Any:
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):  # a line break inside a cell is legal CSV but breaks `cut`/`awk`
        return " ".join(v.split())
    return "" if v is None else v


def quote_table(record: Mapping[str, Any], total: int) -> str:
    """The statements of one record as a wrapped table."""
    rows = []
    for r in quote_rows(record):
        speaker = r["speaker"] or ""
        if r["anonymous"]:
            speaker += " (anon.)"
        if r["inherited"]:
            speaker += " ↑"
        cue = ("¬" if r["negated"] else "") + (r["cue"] or "")
        hops = [h for h in (r["chain"] or "").split(" ← ") if h and h != r["medium"]]
        medium = " ← ".join(x for x in [r["medium"], *hops] if x)
        rows.append([str(r["n"]), "D" if r["kind"] == "direct" else "I", speaker, cue, medium,
                     r["content"]])
    return render(["#", "kind", "speaker", "cue", "medium", "content"], rows,
                  [4, 4, 28, 12, 18, None], total)
