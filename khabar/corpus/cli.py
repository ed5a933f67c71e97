"""The corpus commands: `khabar index`, `search`, `speakers`, `export` (all with --db).
Registered on the main group in khabar/cli.py; heavy imports happen inside the commands."""
from __future__ import annotations

import csv
import json
import sys

import click

from khabar.corpus.schema import BATCH_SIZE

DB_OPTION = click.option("--db", "db_path", default="khabar.db", show_default=True,
                         type=click.Path(dir_okay=False),
                         help="The corpus file (SQLite).")
FORMAT_OPTION = click.option("--format", "fmt",
                             type=click.Choice(["table", "json", "jsonl", "csv"]),
                             default="table", show_default=True)
CSV_COLUMNS = ("published", "outlet", "speaker", "speaker_key", "kind", "cue", "content",
               "article_id", "statement_id", "start", "end", "story_id", "copies", "url", "title")
CSV_ARTICLE_COLUMNS = ("published", "outlet", "title", "article_id", "story_id", "copies",
                       "statements", "url", "snippet")
_ISOLATE = "\u2068{}\u2069"  # first-strong isolate: an Arabic field keeps its direction


def _open(db_path: str, readonly: bool):
    from khabar.corpus import Corpus, CorpusError

    try:
        return Corpus(db_path, readonly=readonly)
    except CorpusError as err:
        raise click.ClickException(str(err)) from None


INDEX_EXAMPLES = """
\b
Examples:
  khabar index news.jsonl.gz                 # into ./khabar.db
  khabar index pages/ feed.csv --db my.db    # folders, CSV, JSON(L), HTML, text, .gz
\b
Run it again after a crash or with more inputs: inputs already indexed are skipped.
"""


@click.command(epilog=INDEX_EXAMPLES)
@click.argument("inputs", nargs=-1, required=True, type=click.Path(allow_dash=True))
@DB_OPTION
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Worker processes for the pipeline [default: every core for more than "
                   "one input]. The rows are the same whatever it is.")
@click.option("--batch-size", type=int, default=BATCH_SIZE, show_default=True,
              help="Inputs written per transaction.")
@click.option("--progress/--no-progress", default=None,
              help="A progress bar on stderr (default: when stderr is a terminal).")
@click.option("--timeout", type=click.FloatRange(min=0, min_open=True), default=None,
              metavar="SECONDS", help="Per article, on worker processes: an article not "
              "done by then is an input error E_TIMEOUT [default: none].")
def index(inputs, db_path, workers, batch_size, progress, timeout) -> None:
    """Index articles into a corpus: statements, speakers, entities, dates, stories."""
    corpus = _open(db_path, False)
    if progress is None:
        progress = sys.stderr.isatty()
    summary = corpus.add(inputs, workers=workers or "auto", progress=progress,
                         batch_size=batch_size, timeout=timeout)
    click.echo(summary.text(), err=True)
    rows = corpus.db.execute("SELECT path, record, error_code, error_message FROM inputs WHERE "
                             "status='error' ORDER BY path, record LIMIT 10").fetchall()
    for path, record, code, msg in rows if summary.errors else ():
        where = f"{path}#{record + 1}" if record is not None else path
        click.echo(f"khabar: {where}: {code}: {msg}", err=True)
    if summary.errors > 10:
        click.echo("khabar: every error is in the `inputs` table (status 'error')", err=True)
    stats = corpus.stats()
    click.echo(f"corpus {db_path}: {stats['articles']} articles, {stats['statements']} "
               f"statements, {stats['stories_with_copies']} stories with copies, "
               f"{stats['input_errors']} input errors", err=True)


SEARCH_EXAMPLES = """
\b
Query: words (all must occur), "a phrase", AND, OR, NOT, ( ). Letters are folded
(hamza, alef, ta marbuta, diacritics, digits...) and «ال», «و», «ب», «ل» need not be typed.
\b
Examples:
  khabar search 'وقف إطلاق النار' --since 2024-01 --facets
  khabar search 'الحكومة NOT الوزير' --speaker بوتين --format csv > out.csv
  khabar search --speaker 'سامي الخطيب' --outlet الجزيرة --format jsonl
"""


@click.command(epilog=SEARCH_EXAMPLES)
@click.argument("query", required=False, default="")
@DB_OPTION
@click.option("--speaker", help="A speaker's name (titles optional) or key.")
@click.option("--entity", help="A person, organisation or place mentioned in the article.")
@click.option("--outlet")
@click.option("--since", help="Published on or after (YYYY-MM-DD, YYYY-MM, YYYY).")
@click.option("--until", help="Published on or before.")
@click.option("--kind", help="Statement kind (direct, indirect, ...).")
@click.option("--exact", is_flag=True, help="Match the characters as typed, not folded.")
@click.option("--articles", is_flag=True, help="Articles instead of statements.")
@click.option("--all-copies", is_flag=True, help="Do not collapse a story's copies.")
@click.option("--limit", type=int, default=20, show_default=True,
              help="Rows for table/json (csv and jsonl stream every row).")
@click.option("--cursor", help="The `next` value printed by an earlier page.")
@click.option("--facets", is_flag=True, help="Counts by speaker, outlet and month.")
@FORMAT_OPTION
def search(query, db_path, speaker, entity, outlet, since, until, kind, exact, articles,
           all_copies, limit, cursor, facets, fmt) -> None:
    """Search statements (or --articles) by words, speaker, entity, outlet and date."""
    from khabar.corpus import CorpusError

    corpus = _open(db_path, True)
    kw = {"speaker": speaker, "entity": entity, "outlet": outlet, "since": since,
          "until": until, "kind": kind, "exact": exact, "articles": articles,
          "collapse": not all_copies}
    try:
        if fmt in ("csv", "jsonl") and not facets:
            _stream(corpus.iter_search(query, **kw), fmt, articles)
            return
        result = corpus.search(query, limit=limit, cursor=cursor, facets=facets, **kw)
    except CorpusError as err:
        raise click.ClickException(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps({"rows": result.rows, "next": result.next,
                               "facets": result.facets}, ensure_ascii=False, indent=1))
    elif fmt in ("jsonl", "csv"):
        _stream(iter(result.rows), fmt, articles)
    else:
        tty = sys.stdout.isatty()
        for row in result.rows:
            click.echo(_block(row, articles, tty))
        if not result.rows:
            click.echo("no results")
        if result.facets:
            click.echo(_facets(result.facets))
        if result.next:
            click.echo(f"more: --cursor {result.next}")


def _stream(rows, fmt: str, articles: bool) -> None:
    out = sys.stdout
    if fmt == "jsonl":
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    cols = CSV_ARTICLE_COLUMNS if articles else CSV_COLUMNS
    w = csv.DictWriter(out, fieldnames=cols, extrasaction="ignore")
    w.writeheader()
    for row in rows:
        w.writerow(row)


def _marked(text: str, marks: list[list[int]], tty: bool) -> str:
    on, off = ("\x1b[7m", "\x1b[27m") if tty else ("«[", "]»")
    for a, b in reversed(marks):
        text = text[:a] + on + text[a:b] + off + text[b:]
    return text


def _block(row: dict, articles: bool, tty: bool) -> str:
    """One result as a few lines: metadata left to right, the Arabic text isolated."""
    def iso(value) -> str:
        return _ISOLATE.format(value) if value else "-"

    text = _marked(row["snippet"], row["marks"], tty).replace("\n", " ")
    copies = f"  ({row['copies']} copies)" if (row.get("copies") or 0) > 1 else ""
    if articles:
        head = f"{row.get('published') or '?'}  {iso(row.get('outlet') or '')}  " \
               f"{iso(row.get('title') or '')}{copies}"
        tail = f"    article {row['article_id']}  story {row['story_id']}"
    else:
        head = f"{row.get('published') or '?'}  {iso(row.get('outlet') or '')}  " \
               f"[{row.get('kind')}]  {iso(row.get('speaker') or 'unknown')}  " \
               f"({iso(row.get('cue') or '')}){copies}"
        tail = f"    article {row['article_id']}  offsets {row['start']}-{row['end']}"
    return f"{head}\n    {iso(text)}\n{tail}\n"


def _facets(facets: dict) -> str:
    lines = []
    for name, pairs in facets.items():
        if pairs:
            lines.append(f"{name}: " + "; ".join(f"{_ISOLATE.format(k)} {n}" for k, n in pairs))
    return "\n".join(lines)


@click.command()
@click.argument("name", required=False)
@DB_OPTION
@click.option("--query", default=None, help="Only statements matching these words.")
@click.option("--entity", help="Only statements in articles mentioning this entity.")
@click.option("--since")
@click.option("--until")
@click.option("--limit", type=int, default=50, show_default=True)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
def speakers(name, db_path, query, entity, since, until, limit, fmt) -> None:
    """Who is quoted most; with NAME, one speaker: months, entities, outlets, media."""
    from khabar.corpus import CorpusError

    corpus = _open(db_path, True)
    try:
        if name:
            data = corpus.speaker(name, limit=limit)
            if data is None:
                raise click.ClickException(f"no speaker {name!r} in {db_path}")
        else:
            data = corpus.speakers(query, entity=entity, since=since, until=until, limit=limit)
    except CorpusError as err:
        raise click.ClickException(str(err)) from None
    if fmt == "json":
        click.echo(json.dumps(data, ensure_ascii=False, indent=1))
        return
    iso = _ISOLATE.format
    if not name:
        for row in data:
            click.echo(f"{row['statements']:>7}  {row['outlets']:>4} outlets  {row['kind']:<12} "
                       f"{row['key']:<18} {iso(row['name'])}")
        return
    click.echo(f"{iso(data['name'])}  [{data['kind']}]  {data['key']}")
    click.echo("variants: " + "; ".join(f"{iso(v)} {n}" for v, n in data["variants"][:20]))
    for title, pairs in (("per month", data["per_month"]), ("outlets", data["outlets"]),
                         ("media", data["media"])):
        click.echo(f"{title}: " + "; ".join(f"{iso(str(k))} {n}" for k, n in pairs[:24]))
    click.echo("speaks about: " + "; ".join(f"{iso(n)} {c}" for _, n, c in data["entities"]))
    click.echo(f"latest statements ({len(data['statements'])}):")
    for row in data["statements"][:10]:
        click.echo(_block(row, False, sys.stdout.isatty()))


@click.command()
@click.argument("out_dir", type=click.Path(file_okay=False))
@DB_OPTION
@click.option("--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]),
              default="parquet", show_default=True)
def export(out_dir, db_path, fmt) -> None:
    """Write one table per kind (articles, statements, entities, mentions, timexes,
    stories, events, event_mentions) to OUT_DIR, for pandas, DuckDB or Spark."""
    from khabar.corpus.export import export as run

    corpus = _open(db_path, True)
    try:
        counts = run(corpus.db, out_dir, fmt)
    except RuntimeError as err:
        raise click.ClickException(str(err)) from None
    for table, n in counts.items():
        click.echo(f"{out_dir}/{table}.{fmt}: {n} rows", err=True)


EVENT_CSV_COLUMNS = ("day", "type", "mode", "status", "actor", "actor_key", "recipient",
                     "recipient_key", "place", "place_key", "country", "lat", "lon",
                     "admin_level", "date", "dead", "injured", "arrested", "trigger",
                     "trigger_start", "trigger_end", "sentence_start", "sentence_end",
                     "event_id", "article_id", "statement_id", "from_statement", "published",
                     "outlet", "url", "title", "copies", "day_start", "day_end", "period")
EVENTS_EXAMPLES = """
\b
Examples:
  khabar events --type ASSAULT --country SY --since 2024-01 --counts
  khabar events --place غزة --until 2024-06-30 --format csv > gaza.csv
  khabar events --actor 'سامي الخطيب' --verbal --format jsonl
"""


@click.command(epilog=EVENTS_EXAMPLES)
@DB_OPTION
@click.option("--type", "type_", help="PLOVER type(s), comma-separated (ASSAULT, PROTEST...).")
@click.option("--place", help="A place name (folded) or corpus id.")
@click.option("--country", help="ISO country code of the place (SY, IQ...).")
@click.option("--since", help="On or after (YYYY-MM-DD, YYYY-MM, YYYY): events whose date "
                              "(a day, week, month or year; the publication day when it "
                              "has none) overlaps the range; never a duration's.")
@click.option("--until", help="On or before.")
@click.option("--actor", help="The actor's name or corpus id.")
@click.option("--status", help="asserted, claimed, denied, future or hypothetical.")
@click.option("--verbal", is_flag=True, help="Also the verbal acts of statements (ACCUSE...).")
@click.option("--all-copies", is_flag=True, help="Events of every copy of a story.")
@click.option("--counts", is_flag=True, help="Counts per type, place and month.")
@click.option("--limit", type=int, default=20, show_default=True,
              help="Rows for table/json (csv and jsonl stream every row).")
@click.option("--cursor", help="The `next` value printed by an earlier page.")
@FORMAT_OPTION
def events(db_path, type_, place, country, since, until, actor, status, verbal, all_copies,
           counts, limit, cursor, fmt) -> None:
    """Coded events (PLOVER): who did what to whom, where, when, with how many dead."""
    from khabar.corpus import CorpusError

    corpus = _open(db_path, True)
    kw = {"type": type_, "place": place, "country": country, "since": since,
          "until": until, "actor": actor, "status": status, "verbal": verbal,
          "collapse": not all_copies}
    try:
        if fmt in ("csv", "jsonl") and not counts:
            rows = corpus.iter_events(**kw)
            if fmt == "jsonl":
                for row in rows:
                    sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
            else:
                w = csv.DictWriter(sys.stdout, fieldnames=EVENT_CSV_COLUMNS,
                                   extrasaction="ignore")
                w.writeheader()
                w.writerows(rows)
            return
        result = corpus.events(limit=limit, cursor=cursor, **kw)
        tally = corpus.event_counts(**kw) if counts else None
    except CorpusError as err:
        raise click.ClickException(str(err)) from None
    if fmt in ("json", "jsonl", "csv"):  # json; jsonl/csv with --counts print json too
        click.echo(json.dumps({"rows": result.rows, "next": result.next, "counts": tally},
                              ensure_ascii=False, indent=1))
        return
    iso = _ISOLATE.format
    for row in result.rows:
        toll = ", ".join(f"{k} {row[k]}" for k in ("dead", "injured", "arrested")
                         if row[k] is not None)
        where = f"{iso(row['place'])} {row['country'] or ''}".strip() if row["place"] else "-"
        click.echo(f"{row['day'] or '?'}  {row['type']}"
                   f"{'/' + row['mode'] if row['mode'] else ''}  [{row['status']}]  "
                   f"{iso(row['actor'] or '-')} -> {iso(row['recipient'] or '-')}  at {where}"
                   f"{'  (' + toll + ')' if toll else ''}")
        click.echo(f"    {iso(row['trigger'] or '')}  article {row['article_id']}  offsets "
                   f"{row['trigger_start']}-{row['trigger_end']}  {iso(row['outlet'] or '')}")
    if not result.rows:
        click.echo("no events")
    if tally:
        click.echo("per type: " + "; ".join(f"{t} {n}" for t, n in tally["type"]))
        click.echo("per place: " + "; ".join(f"{iso(p['place'])} {p['country'] or ''} "
                                              f"{p['events']}" for p in tally["place"][:20]))
        click.echo("per month: " + "; ".join(f"{m} {n}" for m, n in tally["month"]))
    if result.next:
        click.echo(f"more: --cursor {result.next}")


COMMANDS = (index, search, speakers, export, events)
