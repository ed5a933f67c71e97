"""The SQLite store: opening (WAL, schema check) and indexing inputs into it.

Indexing reads inputs with khabar.ingest, runs the pipeline (khabar.corpus.pipe), and
writes each batch in one transaction: the inputs' rows, articles, statements, names,
mentions, timexes, full-text rows and duplicate bands. A run killed at any moment loses
at most the open batch; started again it skips the inputs already recorded, and since
every id is derived from content and the order of inputs is the same, it ends with the
rows of an uninterrupted run.
"""
from __future__ import annotations

import gc
import hashlib
import json
import os
import sqlite3
import sys
import time
import zlib
from collections import deque
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from khabar.corpus import dedup, speakers
from khabar.corpus.events import store_events
from khabar.corpus.folding import index_text
from khabar.corpus.pipe import process_articles
from khabar.corpus.prepare import Prepared, _dumps, failed_record, prepare, prepared
from khabar.record import to_record
from khabar.corpus.schema import BATCH_SIZE, DDL, LATE_DDL, SCHEMA_VERSION
from khabar.document import Article


# records made before they are written: memory holds a slice of records, not a batch.
# Small: records alive across the pipeline's work are what full garbage collections walk
# (on 1,000 articles 256 cost ~0.2 ms/article of collections, 32 ~0.1)
WRITE_SLICE = 32
YOUNG_GC = 5000  # allocations between young garbage collections while a run lasts


class CorpusError(Exception):
    """A corpus that cannot be used as asked; the message says what to do."""


@dataclass
class IndexSummary:
    inputs: int = 0          # inputs seen in this run
    skipped: int = 0         # already recorded by an earlier run
    new: int = 0             # articles stored
    same: int = 0            # inputs whose article was already stored
    errors: int = 0
    error_codes: dict[str, int] = field(default_factory=dict)
    joined_stories: int = 0  # new articles that joined an existing story
    statements: int = 0
    events: int = 0
    seconds: float = 0.0
    pipeline_seconds: float = 0.0
    store_seconds: float = 0.0
    # CPU time of this thread (the pipeline runs here unless workers > 1): what the store
    # costs beside the pipeline on a machine shared with other jobs. store_cpu also holds
    # the preparing of each article (khabar.corpus.prepare), wherever it ran
    pipeline_cpu: float = 0.0
    store_cpu: float = 0.0

    def text(self) -> str:
        rate = self.inputs / self.seconds if self.seconds else 0.0
        codes = ", ".join(f"{k}: {v}" for k, v in sorted(self.error_codes.items()))
        return (f"{self.inputs} inputs in {self.seconds:.1f} s ({rate:.1f}/s): {self.new} new "
                f"articles, {self.same} already stored, {self.skipped} done in an earlier run, "
                f"{self.errors} errors{' (' + codes + ')' if codes else ''}; "
                f"{self.statements} statements, {self.events} events; "
                f"{self.joined_stories} joined a story")


def connect(path: str | os.PathLike, readonly: bool = False) -> sqlite3.Connection:
    path = os.fspath(path)
    if readonly:
        if not os.path.exists(path):
            raise CorpusError(f"{path}: no such corpus; create it with `khabar index INPUT "
                              f"--db {path}`")
        db = sqlite3.connect(f"file:{Path(path).resolve().as_posix()}?mode=ro", uri=True,
                             check_same_thread=False)
    else:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    try:
        if not readonly:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        db.execute("PRAGMA busy_timeout=10000")
        # the indexes have random keys (hashes): a large page cache and rarer checkpoints
        # keep the pages a batch touches in memory and write each once per checkpoint
        db.execute("PRAGMA cache_size=-65536")
        if not readonly:
            db.execute("PRAGMA wal_autocheckpoint=20000")
        _check_schema(db, path, readonly)
    except sqlite3.DatabaseError as err:
        db.close()
        raise CorpusError(f"{path}: not a khabar corpus ({err}); give another --db path") from err
    return db


def _check_schema(db: sqlite3.Connection, path: str, readonly: bool) -> None:
    tables = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "meta" not in tables:
        if tables:
            raise CorpusError(f"{path}: an SQLite file, but not a khabar corpus; give another "
                              f"--db path")
        if readonly:
            raise CorpusError(f"{path}: an empty file, not a corpus; create it with "
                              f"`khabar index INPUT --db {path}`")
        db.executescript(f"BEGIN; {DDL}; INSERT INTO meta VALUES ('schema_version', "
                         f"'{SCHEMA_VERSION}'); COMMIT;")
        return
    row = db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    found = row[0] if row else None
    if found != SCHEMA_VERSION:
        raise CorpusError(
            f"{path}: corpus schema version {found}, this khabar reads version "
            f"{SCHEMA_VERSION}. Index the inputs again into a new file (`khabar index INPUT "
            f"--db NEW.db`; records saved by `khabar extract --format jsonl` go in without "
            f"the pipeline: `Corpus('NEW.db').add_records(...)`), or use the khabar version "
            f"that made it.")
    if not readonly:
        db.executescript(LATE_DDL)


def _hash(*parts: str | None, size: int = 8) -> str:
    h = hashlib.blake2b(digest_size=size)
    for p in parts:
        h.update((p or "").encode("utf-8", "surrogatepass"))
        h.update(b"\x00")
    return h.hexdigest()


def input_id(item: Article | dict) -> str:
    """An input's id: its absolute path and record number (an Article, or a record as
    `khabar extract` writes it)."""
    src = item.source if isinstance(item, Article) else (item.get("source") or {})
    path = src.get("path")
    where = os.path.abspath(path) if path else f"<{src.get('name')}>"
    return _hash(where, str(src.get("record")))


def article_key(text: str, meta: dict) -> str:
    """The text with its source: the URL, or the outlet and date without one."""
    source = meta.get("url") or f"{meta.get('outlet') or ''}|{meta.get('published') or ''}"
    return _hash(source, text)


def _slices(items: Iterable, batch_size: int, size: int) -> Iterator[tuple[bool, list]]:
    """The batches of `items` (`batch_size` each, one transaction each), read a slice of
    `size` at a time: (whether the slice opens a batch, the slice)."""
    it = iter(items)
    while True:
        left, opens = batch_size, True
        while left > 0:
            part = list(islice(it, min(size, left)))
            if not part:
                return
            yield opens, part
            opens, left = False, left - len(part)


class Indexer:
    def __init__(self, db: sqlite3.Connection, workers: int | None = None,
                 batch_size: int = BATCH_SIZE, timeout: float | None = None) -> None:
        self.db = db
        self.workers = workers
        self.timeout = timeout
        self.batch_size = batch_size

    def run(self, articles: Iterable[Article | dict], progress: bool = False,
            on_batch=None) -> IndexSummary:
        """Index `articles`; `on_batch(summary)` is called after each committed batch.

        One executor (`khabar.run.pipe`, with `workers` processes) runs over the whole run:
        the batches' articles stream through it in input order while the batches are
        written one transaction each, so worker processes start once, not per batch."""
        from tqdm import tqdm

        summary = IndexSummary()
        t0 = time.perf_counter()
        bar = tqdm(unit=" inputs", disable=not progress, file=sys.stderr, dynamic_ncols=True)
        plan = _Plan(self, _slices(articles, self.batch_size, WRITE_SLICE), summary)
        # the store's per-article work that needs no database (folding, MinHash, the packed
        # record) runs in the workers when there are workers; in this process it runs a
        # slice of records at a time with the rest of the store's work (interleaved with
        # the pipeline article by article, it runs cold: ~10% slower)
        self._here = (self.workers or 1) <= 1 and self.timeout is None
        fresh = iter(process_articles(plan.feed(), self.workers, timeout=self.timeout,
                                      after=None if self._here else prepared))
        # What a run keeps alive for a while (a batch's inputs, a slice of records, the
        # batch's names) outlives young collections and sets off full ones, each of which
        # walks every object of the process, the pipeline's models first (~0.3 ms/article
        # on 1,000 articles, against none for the pipeline alone). Objects that exist when
        # the run starts, and the models once the first article has loaded them
        # (`_records`), are frozen: full collections then walk the run's own objects.
        # Unfrozen when the run ends, so nothing stays uncollectable.
        gc.freeze()
        self._refreeze = True
        # Young collections less often (every YOUNG_GC allocations, not 700): a run's
        # short-lived objects (a record's dicts and lists, its rows) are then mostly gone
        # before one, fewer survive into the older generations, and the collections cost
        # about half (0.12 -> 0.07 ms/article on 1,000 articles); restored at the end
        thresholds = gc.get_threshold()
        gc.set_threshold(max(YOUNG_GC, thresholds[0]), *thresholds[1:])
        try:
            while plan.pending or plan.advance():
                # Articles come back from the pipeline and become records (what `khabar
                # extract` does per article), written a slice at a time inside the batch's
                # transaction, so memory holds a slice of records, not a batch; records
                # made earlier are stored as they are
                size = self._write(plan.batch(), fresh, summary)
                bar.update(size)
                bar.set_postfix(errors=summary.errors, new=summary.new, refresh=False)
                if on_batch is not None:
                    summary.seconds = time.perf_counter() - t0
                    on_batch(summary)
        finally:
            gc.set_threshold(*thresholds)
            gc.unfreeze()
            bar.close()
            close = getattr(fresh, "close", None)
            if close is not None:  # stops a pool's workers if the run ends early
                close()
        t4, c4 = time.perf_counter(), time.thread_time()
        speakers.settle(self.db)  # display names, once per run
        summary.store_seconds += time.perf_counter() - t4
        summary.store_cpu += time.thread_time() - c4
        summary.seconds = time.perf_counter() - t0
        if on_batch is not None:
            on_batch(summary)
        return summary

    def _records(self, todo: list, fresh: Iterator[Prepared | Article], summary: IndexSummary
                 ) -> Iterator[Prepared | dict]:
        """The batch's records in order, prepared (khabar.corpus.prepare) when workers made
        them; the time spent here (the pipeline, and making records) is the pipeline's, the
        rest of the batch's time the store's, and so is the workers' preparing."""
        for k, (_, item) in enumerate(todo):
            t1, c1 = time.perf_counter(), time.thread_time()
            if isinstance(item, Article):
                got = next(fresh)
                if isinstance(got, Prepared):  # prepared in a worker
                    summary.store_cpu += got.cpu
                    record = got
                else:  # processed here, or given up by the pool (E_TIMEOUT, E_WORKER)
                    record = to_record(got)
            else:
                record = item
            # in this process the pipeline fills the input's Article in place: let it go
            # with its layers now, not when the batch ends (a batch of processed Articles
            # kept alive costs memory and full garbage collections over them)
            todo[k] = None
            if self._refreeze and isinstance(item, Article):  # the pipeline is loaded now
                self._refreeze = False
                gc.freeze()
            summary.pipeline_seconds += time.perf_counter() - t1
            summary.pipeline_cpu += time.thread_time() - c1
            yield record

    def _done(self, ids: list[str]) -> set[str]:
        marks = ",".join("?" * len(ids))
        return {r[0] for r in self.db.execute(
            f"SELECT input_id FROM inputs WHERE input_id IN ({marks})", ids)}

    def _write(self, batch: Iterator[tuple[int, list]], fresh: Iterator[Article],
               summary: IndexSummary) -> int:
        """Write one batch (its slices) in one transaction; return its number of inputs.
        The store's time is the batch's time less what `_records` spends making records."""
        t0, c0 = time.perf_counter(), time.thread_time()
        p0, pc0 = summary.pipeline_seconds, summary.pipeline_cpu
        try:
            return self._transaction(batch, fresh, summary)
        finally:
            summary.store_seconds += (time.perf_counter() - t0
                                      - (summary.pipeline_seconds - p0))
            summary.store_cpu += time.thread_time() - c0 - (summary.pipeline_cpu - pc0)

    def _transaction(self, batch: Iterator[tuple[int, list]], fresh: Iterator[Article],
                     summary: IndexSummary) -> int:
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        inputs = 0
        try:
            names = speakers.NameBatch()
            self.seq = {t: _next_seq(db, t) for t in ("articles", "statements", "events")}
            self.later = Later()
            seen: set[str] = set()
            for size, todo in batch:
                inputs += size
                ids = [i for i, _ in todo]
                # an input listed twice in one run: planned before its first copy was written
                if ids:
                    seen |= self._done(ids)
                # the pipeline makes a slice of records, then they are written in a row: each
                # written as it comes runs the store's code cold after the pipeline's (~10%)
                for iid, article in zip(ids, list(self._records(todo, fresh, summary))):
                    if iid in seen:  # the same input twice in one batch
                        summary.skipped += 1
                        continue
                    seen.add(iid)
                    self._one(iid, article, summary, names)
                self.later.flush(db)
            speakers.resolve(db, names.flush(db))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        return inputs

    def _one(self, iid: str, item: Prepared | dict, summary: IndexSummary,
             names: speakers.NameBatch) -> None:
        db = self.db
        if isinstance(item, Prepared):
            record, failed = item.record, item.failed
        else:
            record, failed = item, failed_record(item)
        src = record.get("source") or {}
        issues = record.get("issues") or []
        row = (iid, src.get("path"), src.get("record"), src.get("name"))
        if failed:
            first = next((i for i in issues if i.get("severity") == "error"), None)
            code = first["code"] if first else "E_EMPTY"
            db.execute("INSERT INTO inputs VALUES (?, ?, ?, ?, 'error', ?, ?, NULL)",
                       (*row, code, first["message"] if first else "no text"))
            summary.errors += 1
            summary.error_codes[code] = summary.error_codes.get(code, 0) + 1
            return
        meta = record.get("metadata") or {}
        aid = article_key(record["text"], meta)
        if db.execute("SELECT 1 FROM articles WHERE article_id=?", (aid,)).fetchone():
            db.execute("INSERT INTO inputs VALUES (?, ?, ?, ?, 'same', NULL, NULL, ?)", (*row, aid))
            summary.same += 1
            return
        db.execute("INSERT INTO inputs VALUES (?, ?, ?, ?, 'new', NULL, NULL, ?)", (*row, aid))
        summary.new += 1
        store_article(db, aid, item if isinstance(item, Prepared) else prepare(item), names,
                      summary, self.seq, self.later)


class _Plan:
    """The slices of inputs ahead of the writer: which of their inputs still need the
    pipeline.

    Both the writer (`advance`, when it needs the next slice) and the executor (`feed`,
    which may read ahead to keep its workers busy) pull slices through here, so both see
    them in one order. Inputs are read a slice ahead of the pipeline in this process, not
    a batch: a batch of read inputs kept alive across the pipeline's work costs memory
    and garbage collections that walk it. Everything runs in the calling thread."""

    def __init__(self, indexer: "Indexer", slices: Iterator[tuple[bool, list]],
                 summary: IndexSummary):
        self.indexer = indexer
        self.slices = slices
        self.summary = summary
        # (opens a batch, inputs in the slice, [(input id, item) still to do]): a resumed
        # run reads through slices done earlier holding nothing of them but their size
        self.pending: deque[tuple[bool, int, list]] = deque()
        self.to_process: deque[Article] = deque()

    def advance(self) -> bool:
        got = next(self.slices, None)
        if got is None:
            return False
        opens, part = got
        ids = [input_id(a) for a in part]
        done = self.indexer._done(ids)
        todo = [(i, a) for i, a in zip(ids, part) if i not in done]
        self.summary.inputs += len(part)
        self.summary.skipped += len(part) - len(todo)
        self.pending.append((opens, len(part), todo))
        self.to_process.extend(a for _, a in todo if isinstance(a, Article))
        return True

    def batch(self) -> Iterator[tuple[int, list]]:
        """The slices of the next batch, (inputs, [(input id, item) still to do]) each."""
        first = True
        while self.pending or self.advance():
            opens, size, todo = self.pending[0]
            if opens and not first:
                return
            self.pending.popleft()
            first = False
            yield size, todo

    def feed(self) -> Iterator[Article]:
        while self.to_process or self.advance():
            while self.to_process:
                yield self.to_process.popleft()


def unpack(blob: bytes, text: str) -> dict:
    slim = json.loads(zlib.decompress(blob).decode("utf-8"))
    record: dict = {}
    for k, v in slim.items():
        if k == "metadata_evidence":
            record[k] = v
            record["text"] = text
            record["body"] = None
        elif k == "layers":
            record[k] = {name: [{**{key: val for key, val in span.items()
                                    if key in ("start", "end", "label")},
                                 "text": text[span["start"]:span["end"]],
                                 **{key: val for key, val in span.items()
                                    if key not in ("start", "end", "label")}}
                                for span in spans] for name, spans in v.items()}
        else:
            record[k] = v
    record["body"] = "\n\n".join(span["text"].strip() for span in record["layers"].get("body", []))
    return record


class Later(dict):
    """Rows of the tables that nothing reads back while a batch is written (full-text rows,
    mentions, timexes, events), gathered over a slice of articles and written with one
    statement per table (`flush`), in the order they came: INSERT statement -> rows."""

    def add(self, sql: str, rows: Iterable[tuple]) -> None:
        self.setdefault(sql, []).extend(rows)

    def flush(self, db: sqlite3.Connection) -> None:
        for sql, rows in self.items():
            if rows:
                db.executemany(sql, rows)
        self.clear()


def _next_seq(db: sqlite3.Connection, table: str) -> int:
    return (db.execute(f"SELECT max(seq) FROM {table}").fetchone()[0] or 0) + 1


def _order(published: str | None, article_id: str, statement_id: str = "") -> tuple:
    # undated copies come after dated ones
    return (published is None, published or "", article_id, statement_id)


def store_article(db: sqlite3.Connection, aid: str, prep: Prepared,
                  names: speakers.NameBatch, summary: IndexSummary,
                  seqs: dict[str, int], later: Later | None = None) -> None:
    """Write one article and what hangs on it; `seqs` holds the next free seq per table.
    The rows that nothing reads back during the batch go to `later` when given (the
    caller flushes it), else are written now."""
    now = later is None
    if later is None:
        later = Later()
    record = prep.record
    meta = record.get("metadata") or {}
    text = record["text"]
    published = meta.get("published")
    published = str(published) if published is not None else None
    outlet = meta.get("outlet")
    story, sim = dedup.assign(db, aid, sketched=prep.sketch)
    if sim is not None:
        summary.joined_stories += 1
    seq = seqs["articles"]
    seqs["articles"] += 1
    quotes = record.get("quotes") or []
    db.execute("INSERT INTO articles VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
               (seq, aid, meta.get("url"), outlet, published, meta.get("title"),
                (record.get("language") or {}).get("code"), len(quotes),
                len(record.get("issues") or []), story, int(story == aid), text, prep.packed))
    later.add("INSERT INTO articles_fts(rowid, title, text) VALUES (?, ?, ?)",
              [(seq, prep.fts_title, prep.fts_text)])
    _story(db, story, aid, published)
    mentions = []
    entity_nks: dict[str, str] = {}  # the record's entity ids (E1...) -> name keys
    full = speakers.article_full_names(record)
    for ent in record.get("entities") or []:
        typ = ent.get("type") or "MISC"
        nk = names.add(typ, speakers.in_article(typ, ent.get("canonical") or ent["text"], full),
                       [ent["text"]])
        entity_nks[ent.get("entity")] = nk
        mentions.extend((aid, ent.get("entity"), nk, typ, ent["text"], ent.get("canonical"),
                         start, end) for start, end in ent.get("mentions") or [])
    later.add("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?,?,?,?)", mentions)
    later.add("INSERT OR IGNORE INTO timexes VALUES (?,?,?,?,?,?,?,?)",
              [(aid, t["start"], t["end"], t["text"], t.get("type"),
                None if t.get("value") is None else str(t.get("value")),
                t.get("granularity"), t.get("anchor"))
               for t in (record.get("timexes") or [])
               + (record.get("timexes_unresolved") or [])])
    sseq = seqs["statements"]
    seqs["statements"] += len(quotes)
    local: dict[str, str] = {}
    rows, fts = [], []
    for n, q in enumerate(quotes):
        row, fts_row = _statement(db, aid, n, sseq + n, q, story, published, outlet, names, full,
                                  local, prep.contents[n], prep.speakers[n])
        rows.append(row)
        fts.append(fts_row)
    if rows:
        db.executemany(f"INSERT INTO statements VALUES ({','.join('?' * len(rows[0]))})", rows)
        later.add("INSERT INTO statements_fts(rowid, content, speaker) VALUES (?, ?, ?)", fts)
    summary.statements += len(quotes)
    summary.events += store_events(db, aid, record, story, published, outlet, entity_nks,
                                   [(r[1], r[17]) for r in rows], seqs, later.add)
    if now:
        later.flush(db)


def _story(db: sqlite3.Connection, story: str, aid: str, published: str | None) -> None:
    if story == aid:  # a new story (the article row was written with first=1)
        db.execute("INSERT INTO stories VALUES (?, ?, 1)", (story, aid))
        return
    row = db.execute("SELECT first_article FROM stories WHERE story_id=?", (story,)).fetchone()
    first = db.execute("SELECT published FROM articles WHERE article_id=?", (row[0],)).fetchone()
    better = _order(published, aid) < _order(first[0] if first else None, row[0])
    db.execute("UPDATE stories SET copies = copies + 1, first_article=? WHERE story_id=?",
               (aid if better else row[0], story))
    if better:
        db.execute("UPDATE articles SET first = (article_id = ?) WHERE article_id IN (?, ?)",
                   (aid, aid, row[0]))


# a copy group lies inside one story: its statements are found through the story's
# articles (indexed), which spares an index on the hashed copy_group
_IN_STORY = "article_id IN (SELECT article_id FROM articles WHERE story_id=?)"
SAME_STATEMENT = 0.8  # word-set overlap of two copies of one statement in one story


def _copy_group(db: sqlite3.Connection, story: str, aid: str, folded: str) -> str:
    """The group of copies a statement belongs to: a statement of another copy of the
    story with nearly the same words (a wire text edited by one outlet), or a new group."""
    if story == aid:  # the first copy of its story
        return _hash(story, folded)
    words = set(folded.split())
    best, best_sim = None, 0.0
    for other, group in db.execute("SELECT content, copy_group FROM statements WHERE article_id "
                                   "IN (SELECT article_id FROM articles WHERE story_id=? AND "
                                   "article_id != ?) ORDER BY seq", (story, aid)):
        theirs = set(index_text(other).split())
        sim = len(words & theirs) / max(1, len(words | theirs))
        if sim > best_sim:
            best, best_sim = group, sim
    return best if best is not None and best_sim >= SAME_STATEMENT else _hash(story, folded)


def _statement(db: sqlite3.Connection, aid: str, n: int, seq: int, q: dict, story: str,
               published: str | None, outlet: str | None, names: speakers.NameBatch,
               full: dict[str, str], local: dict[str, str], folded: str,
               speaker_fts: str) -> tuple[tuple, tuple]:
    """The statement's row and full-text row. `local` maps the article's copy groups to
    their primary statement (the first in the article, ids being zero-padded)."""
    sid = f"{aid}-{n + 1:04d}"
    spk = q.get("speaker") or {}
    typ, name, written = speakers.speaker_name(q.get("speaker"))
    variants = sorted({v for v in (name, written) if v})
    nk = names.add(typ, speakers.in_article(typ, name, full) if typ != "ANON" else (written or ""),
                   variants)
    content = q["content"]
    group = _copy_group(db, story, aid, folded)
    primary = local.get(group)
    if primary is None:
        primary = sid
        if story != aid:  # copies of this statement may sit in other articles of the story
            cur = db.execute("SELECT s.primary_id, s.published, s.article_id FROM statements s "
                             "WHERE s.statement_id = (SELECT primary_id FROM statements WHERE "
                             f"copy_group=? AND {_IN_STORY} LIMIT 1)", (group, story)).fetchone()
            if cur is not None:
                if _order(published, aid, sid) < _order(cur[1], cur[2], cur[0]):
                    db.execute(f"UPDATE statements SET primary_id=? WHERE copy_group=? AND "
                               f"{_IN_STORY}", (sid, group, story))
                else:
                    primary = cur[0]
        local[group] = primary
    cue = q.get("cue") or {}
    med = q.get("medium") or {}
    row = (seq, sid, aid, story, published, outlet, q.get("kind"), content["text"],
           content["start"], content["end"], spk.get("text"), spk.get("canonical"),
           spk.get("title"), spk.get("kind"), int(bool(spk.get("anonymous"))),
           spk.get("start"), spk.get("end"), nk, cue.get("text"), cue.get("lemma"),
           cue.get("class"), None if not cue else int(bool(cue.get("negated"))),
           med.get("canonical") or med.get("text"), med.get("relation"),
           _dumps(q.get("chain") or []).decode("utf-8"), q.get("time"), q.get("zone"),
           int(bool(q.get("inherited"))), group, primary)
    return row, (seq, folded, speaker_fts)
