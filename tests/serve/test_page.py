"""The web page in a real headless browser (Debian's chromium driven by Playwright), served
by uvicorn on a loopback port over the real corpus."""

from __future__ import annotations

import datetime as dt
import os
import socket
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from helpers import REQUIRE_SHARED_VARIABLE, shared_is_required
from serve_corpus import (
    HOSTILE_ARTICLE,
    HOSTILE_QUOTE,
    HOSTILE_SPEAKER,
    HOSTILE_TEXT,
    HOSTILE_TITLE,
    seed_expected,
)

from onrecord.serve import create_app

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SCREENSHOTS = os.environ.get("ONRECORD_SCREENSHOTS")  # a folder to save page images in
WAIT_MS = 15_000


def require_browser() -> None:
    """Skip without chromium or Playwright, unless CI requires everything to run."""
    missing = []
    if not CHROMIUM.exists():
        missing.append(f"{CHROMIUM} (apt-get install chromium)")
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        missing.append("playwright (pip install playwright)")
    if not missing:
        return
    reason = "browser test needs " + " and ".join(missing)
    if shared_is_required():
        pytest.fail(f"{reason} ({REQUIRE_SHARED_VARIABLE} is set)", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def base_url(serve_db) -> Iterator[str]:
    """The app under uvicorn in a thread, on a socket bound before it starts (no port race)."""
    import uvicorn

    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(serve_db), log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            if server.started:
                break
            threading.Event().wait(0.05)
        assert server.started, "uvicorn did not start"
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        sock.close()


@pytest.fixture(scope="module")
def api(base_url) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=base_url, timeout=30) as client:
        yield client


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class Watched:
    """A page with everything that went wrong on it: console errors (a CSP violation is
    one), uncaught exceptions, dialogs (what alert() from injected markup would open)."""

    page: Any
    problems: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def assert_clean(self, expected: str | None = None) -> None:
        """No dialog, no flag set, and no problem but the ``expected`` one (if any)."""
        assert self.dialogs == []
        assert [p for p in self.problems if not (expected and expected in p)] == []
        assert self.page.evaluate("typeof window.__onrecordXss") == "undefined"


@pytest.fixture
def watched(browser, base_url) -> Iterator[Watched]:
    context = browser.new_context(base_url=base_url, viewport={"width": 1200, "height": 900})
    page = context.new_page()
    page.set_default_timeout(WAIT_MS)
    result = Watched(page)
    page.on(
        "console",
        lambda m: (
            result.problems.append(f"console {m.type}: {m.text}")
            if m.type in ("error", "warning")
            else None
        ),
    )
    page.on("pageerror", lambda error: result.problems.append(f"page error: {error}"))

    def on_dialog(dialog: Any) -> None:
        result.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    yield result
    context.close()


def screenshot(page: Any, name: str) -> None:
    if SCREENSHOTS:
        Path(SCREENSHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=True)


def open_route(watched: Watched, route: str, heading: str | None = None) -> Any:
    page = watched.page
    page.goto(f"/{route}")
    page.wait_for_selector("main:not([aria-busy])")
    if heading is not None:
        assert page.locator("main h1").inner_text() == heading
    return page


# --- the pages ---------------------------------------------------------------------------


def months_spanned(by_month: list[dict]) -> int:
    (first_year, first_month), (last_year, last_month) = (
        map(int, row["month"].split("-")) for row in (by_month[0], by_month[-1])
    )
    return (last_year - first_year) * 12 + last_month - first_month + 1


def test_overview_draws_its_charts_as_svg(watched, api):
    overview = api.get("/api/overview").json()
    page = open_route(watched, "#/", "Corpus overview")
    charts = page.locator("figure.chart")
    assert charts.count() == 4
    months = charts.nth(0).locator("svg rect.bar")
    assert months.count() == months_spanned(overview["by_month"])  # empty months drawn as 0
    speakers = charts.nth(1).locator("svg a")
    assert speakers.count() == len(overview["top_speakers"])
    first = overview["top_speakers"][0]
    assert speakers.first.get_attribute("href") == f"#/speaker/{first['id']}"
    assert first["name"][:29] in speakers.first.text_content()
    share = charts.nth(2)
    assert share.locator("svg rect.part-named").count() == 1
    assert share.locator("svg rect.part-unnamed").count() == 1
    assert "Named (person or organization)" in share.locator(".legend").inner_text()
    totals = page.locator(".totals dd").all_inner_texts()
    assert totals[:2] == [str(overview["articles"]), f"{overview['attributions']:,}"]
    screenshot(page, "overview")
    watched.assert_clean()


def test_search_by_speaker_lists_their_quotes(watched, api):
    speaker = api.get("/api/overview").json()["top_speakers"][0]
    expected = api.get("/api/quotes", params={"speaker": speaker["name"]}).json()
    page = open_route(watched, "#/quotes", "Quotes")
    page.get_by_label("Speaker").fill(speaker["name"])
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("main h1:text('Quotes found')")
    rows = page.locator("table.quotes tbody tr")
    assert rows.count() == min(expected["total"], 25) > 0
    assert f"of {expected['total']} attribution" in page.locator(".summary").inner_text()
    first_speaker = rows.first.locator("td.speaker a")
    assert first_speaker.inner_text() == expected["items"][0]["speaker"]
    assert page.get_by_label("Speaker").input_value() == speaker["name"]
    screenshot(page, "search")
    watched.assert_clean()


def test_quote_pages_move_with_next_and_previous(watched, api):
    from playwright.sync_api import expect

    total = api.get("/api/quotes", params={"limit": 1}).json()["total"]
    assert total > 25
    page = open_route(watched, "#/quotes", "Quotes")
    page.get_by_role("link", name="Next").click()
    expect(page.locator(".summary")).to_contain_text("Showing 26\u2013")
    page.get_by_role("link", name="Previous").click()
    expect(page.locator(".summary")).to_contain_text("Showing 1\u2013")
    page.get_by_label("Kind").select_option("direct")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("main h1:text('Quotes found')")
    kinds = page.locator("table.quotes tbody tr td:nth-child(4)").all_inner_texts()
    assert kinds and set(kinds) == {"direct quote"}
    watched.assert_clean()


def article_with_speakers(api: httpx.Client) -> dict:
    """The article with the most attributions that have a cue, a source and a speaker."""
    best, best_count = None, -1
    for quote in api.get("/api/quotes", params={"limit": 1000}).json()["items"]:
        if best is not None and quote["article_id"] == best["id"]:
            continue
        article = api.get(f"/api/articles/{quote['article_id']}").json()
        count = sum(1 for a in article["attributions"] if a["cue"] and a["speaker"])
        if count > best_count:
            best, best_count = article, count
    assert best is not None and best_count > 0
    return best


def test_article_highlights_content_cue_and_source(watched, api):
    article = article_with_speakers(api)
    page = open_route(watched, f"#/article/{article['id']}", article["title"])
    text = page.locator(".article-text .text")
    assert text.text_content() == article["text"]  # highlighting neither loses nor adds text
    for role in ("content", "cue", "source"):
        assert page.locator(f".article-text .hl-{role}").count() > 0
    candidates = [
        (i, a) for i, a in enumerate(article["attributions"]) if a["source_slices"] and a["speaker"]
    ]
    index, attribution = max(candidates, key=lambda pair: pair[1]["speaker_title"] is not None)
    source = page.locator(f'.article-text .hl-source[data-attributions~="{index}"]').first
    tooltip = page.locator("#tooltip")
    assert tooltip.is_hidden()
    source.hover()
    assert tooltip.is_visible()
    shown = tooltip.inner_text()
    assert attribution["speaker"] in shown
    if attribution["speaker_title"]:
        assert attribution["speaker_title"] in shown
    assert page.locator(f'.hl.active[data-attributions~="{index}"]').count() >= 2
    screenshot(page, "article")
    page.mouse.move(0, 0)
    assert tooltip.is_hidden()
    focusable = page.locator(".article-text .hl-source[tabindex='0']")
    assert focusable.count() >= 1  # keyboard users reach the speaker too
    focusable.first.focus()
    assert tooltip.is_visible() and tooltip.inner_text()
    page.keyboard.press("Escape")
    assert tooltip.is_hidden()
    watched.assert_clean()


def test_speaker_page_shows_titles_outlets_companions_and_quotes(watched, api):
    speaker = api.get("/api/overview").json()["top_speakers"][0]
    detail = api.get(f"/api/speakers/{speaker['id']}").json()
    page = open_route(watched, "#/quotes", "Quotes")
    page.get_by_label("Speaker").fill(speaker["name"])
    page.get_by_role("button", name="Search").click()
    page.locator("table.quotes td.speaker a", has_text=speaker["name"]).first.click()
    page.wait_for_selector(f"main h1:text-is('{speaker['name']}')")
    assert page.url.endswith(f"#/speaker/{speaker['id']}")
    for heading in ("Titles over time", "Outlets", "Quoted alongside", "Attributions"):
        assert page.get_by_role("heading", name=heading).count() == 1
    titles = page.locator("table.titles tbody tr")
    assert titles.count() == len(detail["titles"])
    title_links = titles.locator("a")
    assert title_links.count() == sum(len(t["article_ids"]) for t in detail["titles"])
    if detail["titles"]:
        first_id = detail["titles"][0]["article_ids"][0]
        assert title_links.first.get_attribute("href") == f"#/article/{first_id}"
        assert title_links.first.inner_text() == f"#{first_id}"
    outlets = page.locator("section[aria-labelledby='outlets-h'] svg g.row")
    assert outlets.count() == len(detail["outlets"])
    companions = page.locator("ul.alongside a")
    assert companions.count() == len(detail["alongside"])
    rows = page.locator("table.quotes tbody tr")
    assert rows.count() == min(detail["attributions"], 25)
    screenshot(page, "speaker")
    watched.assert_clean()


# --- when, where, and figures ------------------------------------------------------------

OWN_CLAIM = "the article\u2019s own claim"


def readable_day(iso: str) -> str:
    """How the page writes a day: "23 April 2022"."""
    day = dt.date.fromisoformat(iso)
    return f"{day.day} {day:%B} {day.year}"


@pytest.fixture(scope="module")
def seed_article(api, seed_article_id) -> dict:
    return api.get(f"/api/articles/{seed_article_id}").json()


@pytest.fixture(scope="module")
def placed_attribution(seed_article) -> tuple[int, dict]:
    """The seed attribution said on the expected Saturday, with its index in the article."""
    saturday = seed_expected()["dates_if_published_2022_04_26"]["Saturday"]
    [found] = [
        (i, a)
        for i, a in enumerate(seed_article["attributions"])
        if a["said_on"] == saturday and a["said_in"]
    ]
    return found


def test_article_marks_figures_with_their_amount_on_hover(watched, seed_article):
    article = seed_article
    figures = article["figures"]
    page = open_route(watched, f"#/article/{article['id']}", article["title"])
    assert page.locator(".article-text .text").text_content() == article["text"]
    for index, figure in enumerate(figures):
        marked = page.locator(f'.article-text .hl-figure[data-figures~="{index}"]')
        assert "".join(marked.all_text_contents()) == figure["text"]
    tooltip = page.locator("#tooltip")
    by_text = {f["text"]: i for i, f in enumerate(figures)}
    page.locator(f'.hl-figure[data-figures~="{by_text["$1.9 billion"]}"]').first.hover()
    assert tooltip.is_visible()
    shown = tooltip.inner_text()
    assert "1.9 billion USD" in shown and "1,900,000,000" in shown
    assert "1.9e9" not in shown and "1900000000" not in shown
    over = figures[by_text["more than 200"]]
    page.locator(f'.hl-figure[data-figures~="{by_text["more than 200"]}"]').first.hover()
    shown = tooltip.inner_text()
    assert f"more than 200 {over['unit'] or ''}".strip() in shown and ">" not in shown
    screenshot(page, "article-figure")
    rows = page.locator("table.figures tbody tr")
    assert rows.count() == len(figures)
    speakers = {a["id"]: a["speaker"] or a["source"] for a in article["attributions"]}
    for row, figure in zip(rows.all(), figures, strict=True):
        cells = row.locator("td").all_inner_texts()
        assert cells[0] == figure["text"]
        owner = speakers[figure["attribution"]] if figure["attribution"] else OWN_CLAIM
        assert cells[2] == owner
    focusable = page.locator(".article-text .hl-figure[tabindex='0']")
    assert focusable.count() == len(figures)
    watched.assert_clean()


def article_with_a_quoted_figure(api: httpx.Client) -> tuple[dict, int, dict]:
    """An article with a figure inside a named speaker's quote: (article, index, attribution)."""
    ids = {q["article_id"] for q in api.get("/api/quotes", params={"limit": 1000}).json()["items"]}
    for article_id in sorted(ids):
        article = api.get(f"/api/articles/{article_id}").json()
        speakers = {a["id"]: a for a in article["attributions"] if a["speaker_id"] is not None}
        for index, figure in enumerate(article["figures"]):
            attribution = speakers.get(figure["attribution"])
            slices = attribution["content_slices"] if attribution else []
            if any(start <= figure["start_char"] < end for start, end in slices):
                return article, index, attribution
    raise AssertionError("no figure inside a named speaker's quote in the corpus")


def test_a_quoted_figure_belongs_to_its_speaker(watched, api):
    article, index, attribution = article_with_a_quoted_figure(api)
    page = open_route(watched, f"#/article/{article['id']}", article["title"])
    marked = page.locator(f'.article-text .hl-figure[data-figures~="{index}"]').first
    assert "hl-content" in marked.get_attribute("class")  # both highlights, one piece of text
    marked.hover()
    shown = page.locator("#tooltip").inner_text()
    assert attribution["speaker"] in shown and "own claim" not in shown
    row = page.locator("table.figures tbody tr").nth(index)
    claimed = row.locator("td").nth(2).locator("a")
    assert claimed.inner_text() == attribution["speaker"]
    assert claimed.get_attribute("href") == f"#/speaker/{attribution['speaker_id']}"
    watched.assert_clean()


def test_article_says_when_and_where_each_statement_was_made(
    watched, seed_article, placed_attribution
):
    index, attribution = placed_attribution
    page = open_route(watched, f"#/article/{seed_article['id']}", seed_article["title"])
    day = readable_day(attribution["said_on"])
    item = page.locator("ol.attributions > li").nth(index)
    when = item.locator(".when-where")
    assert day in when.inner_text() and attribution["said_in"] in when.inner_text()
    assert when.locator("time").get_attribute("datetime") == attribution["said_on"]
    attributions = seed_article["attributions"]
    unknown = next(i for i, a in enumerate(attributions) if not (a["said_on"] or a["said_in"]))
    assert page.locator("ol.attributions > li").nth(unknown).locator(".when-where").count() == 0
    page.locator(f'.article-text .hl-source[data-attributions~="{index}"]').first.hover()
    shown = page.locator("#tooltip").inner_text()
    assert attribution["speaker"] in shown
    assert day in shown and attribution["said_in"] in shown
    watched.assert_clean()


def dated_marks(api: httpx.Client, speaker_id: int) -> tuple[list[dict], list[dict]]:
    """A speaker's attributions placed by the date they were said, and by publication."""
    quotes = api.get("/api/quotes", params={"speaker_id": speaker_id, "limit": 1000}).json()
    said = [q for q in quotes["items"] if q["said_on"]]
    published = [q for q in quotes["items"] if not q["said_on"] and q["published"]]
    return said, published


def test_speaker_timeline_has_one_mark_per_dated_attribution(watched, api, placed_attribution):
    _, attribution = placed_attribution
    top = api.get("/api/overview").json()["top_speakers"][0]
    for speaker_id in (attribution["speaker_id"], top["id"]):
        said, published = dated_marks(api, speaker_id)
        page = open_route(watched, f"#/speaker/{speaker_id}")
        timeline = page.locator("section[aria-labelledby='timeline-h'] svg.timeline")
        assert timeline.count() == 1
        assert timeline.locator("a.mark").count() == len(said) + len(published)
        assert timeline.locator("a.mark-said").count() == len(said)
        assert timeline.locator("a.mark-published").count() == len(published)
        for quote in said:
            mark = timeline.locator(f'a.mark-said[data-when="{quote["said_on"]}"]')
            assert mark.count() >= 1
            assert mark.first.get_attribute("href").startswith("#/article/")
        legend = page.locator(".timeline-figure .legend").inner_text()
        assert ("date the article gives" in legend) == bool(said)
        assert ("publication date" in legend) == bool(published)
        screenshot(page, f"speaker-timeline-{speaker_id}")
    page = open_route(watched, f"#/speaker/{attribution['speaker_id']}")
    places = page.locator("ul.places li").all_inner_texts()
    assert any(text.startswith(f"{attribution['said_in']} (UA)") for text in places)
    mark = page.locator(f'svg.timeline a.mark-said[data-when="{attribution["said_on"]}"]')
    assert attribution["said_in"] in mark.get_attribute("aria-label")
    watched.assert_clean()


def test_search_by_when_and_where(watched, api, placed_attribution):
    _, attribution = placed_attribution
    month = attribution["said_on"][:7]
    expected = api.get("/api/quotes", params={"said_on": month, "place": "ua"}).json()
    page = open_route(watched, "#/quotes", "Quotes")
    page.get_by_label("Said on").fill(month)
    page.get_by_label("Place").fill("ua")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("main h1:text('Quotes found')")
    rows = page.locator("table.quotes tbody tr")
    assert rows.count() == expected["total"] >= 1
    assert attribution["said_in"] in rows.first.locator(".when-where").inner_text()
    assert page.get_by_label("Said on").input_value() == month
    page.get_by_label("Said on").fill("April")
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("main [role=alert]")
    assert "said_on" in page.locator("main [role=alert]").inner_text()
    watched.assert_clean(expected="the server responded with a status of 400")


def test_unknown_article_says_not_found(watched):
    page = open_route(watched, "#/article/424242", "Not found")
    assert "no article with id 424242" in page.locator("[role=alert]").inner_text()
    open_route(watched, "#/nowhere", "Not found")
    watched.assert_clean(expected="the server responded with a status of 404")


# --- hostile data ------------------------------------------------------------------------


def test_hostile_article_shows_as_text_and_runs_nothing(watched, hostile_article_id):
    page = open_route(watched, f"#/article/{hostile_article_id}", HOSTILE_ARTICLE.title)
    assert page.locator(".article-text .text").text_content() == HOSTILE_TEXT
    assert page.locator(".article-text .hl-content").text_content() == HOSTILE_QUOTE
    lede = page.locator(".lede").inner_text()
    assert HOSTILE_ARTICLE.outlet in lede and HOSTILE_ARTICLE.author in lede
    page.locator(".article-text .hl-source").hover()
    shown = page.locator("#tooltip").inner_text()
    assert HOSTILE_SPEAKER in shown and HOSTILE_TITLE in shown
    assert page.locator("main script, main img, main iframe, main b, #tooltip img").count() == 0
    assert page.locator("a[href^='javascript' i]").count() == 0  # the URL is not linked
    assert page.locator("[onmouseover], [onerror]").count() == 0
    screenshot(page, "hostile-article")
    watched.assert_clean()


def test_hostile_speaker_in_search_and_speaker_page_runs_nothing(watched):
    page = open_route(watched, "#/quotes", "Quotes")
    page.get_by_label("Speaker").fill(HOSTILE_SPEAKER)
    page.get_by_role("button", name="Search").click()
    page.wait_for_selector("main h1:text('Quotes found')")
    row = page.locator("table.quotes tbody tr")
    assert row.count() == 1
    assert row.locator("td.speaker a").inner_text() == HOSTILE_SPEAKER
    assert row.locator("td.said .content").inner_text() == HOSTILE_QUOTE
    row.locator("td.speaker a").click()
    page.wait_for_selector("section[aria-labelledby='said-h']")
    assert page.locator("main h1").inner_text() == HOSTILE_SPEAKER
    assert page.locator("table.titles td").first.inner_text() == HOSTILE_TITLE
    assert page.locator("main img, main script").count() == 0
    page.goto("/#/speakers?name=" + "%3Cimg")
    page.wait_for_selector("main:not([aria-busy]) h1")
    assert page.locator("main tbody a").first.inner_text() == HOSTILE_SPEAKER
    watched.assert_clean()


def test_markup_in_the_address_stays_text(watched):
    """Filters come back from the URL into the form: as values, never as markup."""
    payload = '"><img src=x onerror="window.__onrecordXss=10">'
    page = watched.page
    page.goto("/#/quotes?contains=" + payload.replace("#", "%23"))
    page.wait_for_selector("main:not([aria-busy]) h1")
    assert page.get_by_label("Quote contains").input_value() == payload
    assert page.locator("main img").count() == 0
    watched.assert_clean()
