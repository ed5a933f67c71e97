"""Screenshots of the pages (paste, search, article, speaker, events, an article with its
events) on a laptop and a phone, from a demo corpus of our own invented articles
(tests/fixtures/serve_demo).

    .venv/bin/python scripts/screenshots.py [--out docs/screenshots]

Starts `khabar serve` on a free 127.0.0.1 port and drives Debian's Chromium.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from serve_live import browser, build_demo, live_server

PASTE = ("أعلن رئيس بلدية المدينة كريم العلي، اليوم الأربعاء، افتتاح حديقة عامة جديدة "
         "في الحي الشرقي.\nوقال العلي إن \"الحديقة مفتوحة للجميع مجاناً\".\n"
         "وأضاف أن البلدية ستزرع ألف شجرة قبل نهاية العام.")


def shoot(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    shots = []
    with tempfile.TemporaryDirectory() as tmp:
        db = build_demo(Path(tmp) / "demo.db")
        with live_server(db) as base, browser() as context:
            page = context.new_page()
            for label, width, height in (("laptop", 1280, 860), ("phone", 390, 844)):
                page.set_viewport_size({"width": width, "height": height})
                page.goto(base + "/")
                page.fill("#text", PASTE)
                page.click("form.paste summary")
                page.fill("#date", "2024-05-08")
                shots.append(_save(page, out / f"paste-{label}.png"))
                page.click("form.paste button[type=submit]")
                page.wait_for_selector("article.text")
                shots.append(_save(page, out / f"pasted-article-{label}.png"))
                page.goto(base + "/search?q=" + quote("المياه"))
                shots.append(_save(page, out / f"search-{label}.png"))
                page.click("a.evidence >> nth=0")
                page.wait_for_selector("#hl")
                shots.append(_save(page, out / f"article-{label}.png", top=True))
                page.click("article.text a.q-speaker >> nth=0")
                page.wait_for_selector("svg.chart")
                shots.append(_save(page, out / f"speaker-{label}.png"))
                page.goto(base + "/events")
                page.wait_for_selector("ol.ev-hits")
                shots.append(_save(page, out / f"events-{label}.png"))
                page.click("ul[data-facet=type] a >> nth=0")
                page.wait_for_selector("span.chip")
                page.evaluate("document.querySelector('.ev-filters-on').scrollIntoView()")
                shots.append(_save(page, out / f"events-filtered-{label}.png"))
                page.goto(base + "/events?type=ASSAULT&country=SY")
                page.click("a.evidence >> nth=-1")  # the earliest: a strike in a statement
                page.wait_for_selector(".ev-trigger:target")
                page.wait_for_timeout(400)  # mid-flash
                shots.append(_save(page, out / f"article-events-{label}.png"))
    return shots


def _save(page, path: Path, top: bool = False) -> Path:
    if top:
        page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=str(path), full_page=False)
    return path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = ap.parse_args()
    for path in shoot(args.out):
        print(path)


if __name__ == "__main__":
    main()
