"""The pages in a real headless Chromium (Debian's package, driven by Playwright) against
a real `khabar serve` on 127.0.0.1. Every test also checks that no request left the local
server, no dialog fired and the console stayed free of errors.

Without Chromium these tests skip with one line; with CI=true a missing Chromium fails."""
from __future__ import annotations

import os
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from tests.serve_live import browser, chromium_path, live_server

ON_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _need_browser() -> None:
    reason = None
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        reason = "the playwright package is not installed (pip install -e '.[test]')"
    if reason is None and chromium_path() is None:
        reason = "no Chromium at /usr/bin/chromium (apt-get install chromium)"
    if reason:
        if ON_CI:
            pytest.fail(f"browser tests need Chromium on CI: {reason}")
        pytest.skip(reason)


@pytest.fixture(scope="module")
def server(demo_db) -> str:
    _need_browser()
    with live_server(demo_db) as base:
        yield base


@pytest.fixture(scope="module")
def context(server):
    with browser() as ctx:
        yield ctx


@pytest.fixture
def page(context, server):
    """A fresh tab that records every request, console error and dialog of its test."""
    tab = context.new_page()
    requests, errors, dialogs = [], [], []
    tab.on("request", lambda r: requests.append(r.url))
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))

    def on_dialog(d):
        dialogs.append(d.message)
        d.dismiss()
    tab.on("dialog", on_dialog)
    yield tab
    tab.close()
    origin = urlsplit(server)
    foreign = [u for u in requests
               if urlsplit(u).scheme not in ("data", "about", "blob")
               and (urlsplit(u).hostname, urlsplit(u).port) != (origin.hostname, origin.port)]
    assert requests, "the test made no request at all"
    assert foreign == [], f"requests left the local server: {foreign}"
    assert dialogs == [], f"a dialog fired: {dialogs}"
    assert errors == [], f"console errors: {errors}"


def test_search_article_speaker_chart(page, server):
    page.goto(f"{server}/search?q={quote('المياه')}")
    assert page.locator("ol.hits li.hit").count() > 0
    assert page.locator("ol.hits mark").count() > 0
    assert page.locator("aside.facets").is_visible()
    assert page.input_value("#q") == "المياه"  # the URL holds the query
    page.locator("a.evidence").first.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("#hl").is_visible()
    assert page.locator("#hl .q-content").count() > 0  # the statement, highlighted
    assert page.locator("article.text .q-cue").count() > 0
    speaker = page.locator("article.text a.q-speaker").first
    speaker.click()
    page.wait_for_url("**/speakers/**")
    assert page.locator("svg.chart g.bar").count() > 0
    assert page.locator("h1").inner_text().strip()


def test_paste_shows_the_annotated_article(page, server):
    page.goto(server + "/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.fill("#text", "قالت الطبيبة سلمى عيسى، يوم الإثنين، إن \"العيادة الجديدة تفتح "
                       "أبوابها الشهر المقبل\".\nوأضافت أن الخدمة مجانية.")
    page.click("form.paste summary")
    page.fill("#date", "2024-03-06")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("article.text")
    assert "العيادة الجديدة" in page.locator("article.text .q-content").first.inner_text()
    assert "سلمى عيسى" in page.locator("article.text .q-speaker").first.inner_text()
    date = page.locator("article.text time.tx").first
    assert date.get_attribute("data-value") == "2024-03-04"
    date.focus()  # the resolved value shows on focus, not only on hover
    shown = date.evaluate("e => getComputedStyle(e, '::after').content")
    assert "2024-03-04" in shown


def test_unsafe_article_is_text_and_fires_nothing(page, server):
    page.goto(f"{server}/search?q={quote('الوسم')}")
    page.locator("a.evidence").first.click()
    page.wait_for_selector("article.text")
    body = page.locator("article.text").inner_text()
    assert "<script>alert('xss')</script>" in body
    assert "<img src=x onerror=alert(3)>" in body
    assert page.locator("article.text script, article.text img").count() == 0
    assert page.locator("a[href^='javascript:']").count() == 0
    assert page.title().startswith("مقالة اختبار: <script>")  # the title as text


def test_pasted_markup_is_text(page, server):
    page.goto(server + "/")
    page.fill("#text", "قال الكاتب إن \"<img src=x onerror=alert(7)>\" ليس صورة.")
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("article.text")
    assert "<img src=x onerror=alert(7)>" in page.locator("article.text").inner_text()
    assert page.locator("article.text img").count() == 0


def test_keyboard_reaches_the_page_with_visible_focus(page, server):
    page.goto(f"{server}/search?q={quote('المياه')}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip"
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.tagName")
    assert focused == "A"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")

def test_furniture_is_dimmed_and_folds_without_loss(page, server):
    from khabar.api import example_path

    page.goto(server + "/")
    page.set_input_files("#file", str(example_path()))
    page.click("form.paste button[type=submit]")
    page.wait_for_selector("article.text")
    furniture = page.locator("article.text .furniture")
    assert furniture.count() > 0 and furniture.first.is_visible()
    assert float(furniture.first.evaluate("e => getComputedStyle(e).opacity")) < 1
    page.focus("#show-furniture")
    page.keyboard.press("Space")  # the switch is a real checkbox, reached by keyboard
    assert not furniture.first.is_visible()
    assert furniture.count() > 0  # folded away, still in the page


def test_phone_width_has_no_sideways_scroll(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    for path in ("/", f"/search?q={quote('المياه')}", "/speakers", "/events"):
        page.goto(server + path)
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 390, (path, wide)


IN_VIEW = """e => { const r = e.getBoundingClientRect();
                   return r.bottom > 0 && r.top < window.innerHeight && r.width > 0; }"""


def test_events_page_counts_and_a_filter_link_narrows_the_list(page, server):
    page.goto(server + "/events")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main')).direction") == "rtl"
    total = int(page.locator("#ev-total").inner_text())
    assert page.locator("ol.ev-hits li.ev-hit").count() == min(total, 20)
    assert page.locator("svg.chart g.bar").count() > 0
    type_links = page.locator("ul[data-facet=type] li")
    assert type_links.count() > 1
    # the second most frequent type: its link must narrow the list
    item = type_links.nth(1)
    count = int(item.locator(".count").inner_text())
    code = item.locator("code").inner_text().strip()
    assert 0 < count < total
    item.locator("a").click()
    page.wait_for_url(f"**/events?type={code}")
    types = page.locator("ol.ev-hits li.ev-hit").evaluate_all(
        "els => els.map(e => e.dataset.type)")
    assert types == [code] * count
    assert page.input_value("#ev-type") == code  # the form shows the filter
    assert page.locator("span.chip").count() == 1
    # a month bar of the chart narrows further and keeps the type
    page.locator("svg.chart a").first.click()
    page.wait_for_url("**since=**")
    query = parse_qs(urlsplit(page.url).query)
    assert query["type"] == [code] and query["since"] == query["until"]
    assert page.locator("span.chip").count() == 3
    assert 0 < page.locator("ol.ev-hits li.ev-hit").count() <= count


def test_article_highlights_events_and_the_panel_scrolls_to_them(page, server):
    page.goto(server + "/events?type=ASSAULT&country=SY")
    page.locator("a.evidence").last.click()
    page.wait_for_url("**/articles/**#ev-*")
    target = page.locator(":target")
    assert target.count() == 1 and "ev-trigger" in target.get_attribute("class")
    assert target.evaluate(IN_VIEW)
    assert target.evaluate("e => getComputedStyle(e).animationName") == "ev-flash"
    assert page.locator("#hl").count() == 1  # the event's sentence is marked too
    for cls in ("ev-trigger", "ev-location", "ev-date"):
        assert page.locator(f"article.text .{cls}").count() > 0, cls
    assert page.locator(".legend .key.ev-trigger").is_visible()
    # the panel: each event jumps to its trigger, which then flashes in view
    jumps = page.locator(".events-panel a.ev-jump")
    assert jumps.count() == page.locator(".events-panel li.event").count() > 1
    for i in (0, jumps.count() - 1):
        page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
        href = jumps.nth(i).get_attribute("href")
        jumps.nth(i).click()
        page.wait_for_url("**" + href)
        target = page.locator(":target")
        assert target.get_attribute("id") == href[1:]
        assert target.evaluate(IN_VIEW), href
        assert target.evaluate("e => getComputedStyle(e).animationName") == "ev-flash"
    # a second mention of an event is a link too
    mention = page.locator(".events-panel .ev-mentions a").first
    href = mention.get_attribute("href")
    mention.click()
    page.wait_for_url("**" + href)
    assert page.locator(":target").get_attribute("class") == "ev-trigger ev-mention"
