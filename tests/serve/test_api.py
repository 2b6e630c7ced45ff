"""The HTTP API over a real ingested corpus: filters, pages, errors, headers, extraction."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_corpus import HOSTILE_QUOTE, HOSTILE_SPEAKER, HOSTILE_TEXT, TRAIN_ARTICLES, seed_expected

from onrecord.serve import create_app
from onrecord.serve.app import LOOPBACK_HOSTS, MAX_BODY_BYTES
from onrecord.serve.middleware import SECURITY_HEADERS
from onrecord.types import SCHEMA

pytestmark = pytest.mark.slow

STATIC = Path(__file__).resolve().parents[2] / "src" / "onrecord" / "serve" / "static"


@pytest.fixture(scope="module")
def client(serve_db):
    with TestClient(create_app(serve_db)) as test_client:
        yield test_client


@pytest.fixture(scope="module")
def overview(client) -> dict:
    response = client.get("/api/overview")
    assert response.status_code == 200
    return response.json()


@pytest.fixture(scope="module")
def top_speaker(overview) -> dict:
    return overview["top_speakers"][0]


def get_ok(client: TestClient, url: str, **params) -> dict:
    response = client.get(url, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def assert_one_line_error(response, status: int, code: str | None = None) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error", "message"}
    assert "\n" not in body["message"] and body["message"]
    if code is not None:
        assert body["error"] == code
    return body


# --- quotes ------------------------------------------------------------------------------


def test_quote_pages_cover_every_match_once(client):
    everything = get_ok(client, "/api/quotes", limit=1000)
    assert everything["total"] == len(everything["items"]) > 10
    seen = []
    for offset in range(0, everything["total"], 7):
        page = get_ok(client, "/api/quotes", limit=7, offset=offset)
        assert page["total"] == everything["total"]
        assert (page["limit"], page["offset"]) == (7, offset)
        assert len(page["items"]) == min(7, everything["total"] - offset)
        seen += [(q["article_id"], q["id"]) for q in page["items"]]
    assert seen == [(q["article_id"], q["id"]) for q in everything["items"]]


def test_quotes_past_the_end_are_an_empty_page(client):
    page = get_ok(client, "/api/quotes", offset=100_000)
    assert page["items"] == [] and page["total"] > 0


def test_speaker_filter_finds_that_speakers_quotes(client, top_speaker):
    page = get_ok(client, "/api/quotes", speaker=top_speaker["name"].upper(), limit=1000)
    matching = get_ok(client, "/api/speakers", name=top_speaker["name"], limit=1000)
    matching_ids = {s["id"] for s in matching["items"]}
    assert page["total"] >= top_speaker["attributions"]
    assert {q["speaker_id"] for q in page["items"]} <= matching_ids
    assert top_speaker["id"] in {q["speaker_id"] for q in page["items"]}


def test_speaker_id_filter_matches_the_speakers_count(client, top_speaker):
    page = get_ok(client, "/api/quotes", speaker_id=top_speaker["id"], limit=1000)
    assert page["total"] == top_speaker["attributions"]
    assert {q["speaker_id"] for q in page["items"]} == {top_speaker["id"]}


def test_contains_filter_matches_content_case_insensitively(client):
    page = get_ok(client, "/api/quotes", contains="THE", limit=1000)
    assert page["total"] > 0
    assert all("the" in q["content"].lower() for q in page["items"])


def test_kind_filter_agrees_with_the_overview(client, overview):
    for row in overview["by_kind"]:
        page = get_ok(client, "/api/quotes", kind=row["kind"], limit=1)
        assert page["total"] == row["attributions"]
        assert [q["kind"] for q in page["items"]] == [row["kind"]]


def test_date_and_outlet_filters(client):
    everything = get_ok(client, "/api/quotes", limit=1000)["items"]
    dates = sorted({q["published"] for q in everything if q["published"]})
    since, until = dates[1], dates[-2]
    page = get_ok(client, "/api/quotes", since=since, until=until, limit=1000)
    expected = [q for q in everything if q["published"] and since <= q["published"] <= until]
    assert page["total"] == len(expected) > 0
    outlet = everything[0]["outlet"]
    by_outlet = get_ok(client, "/api/quotes", outlet=outlet.upper(), limit=1000)
    assert by_outlet["total"] == sum(1 for q in everything if q["outlet"] == outlet)


def test_quotes_name_the_hostile_speaker_verbatim(client):
    page = get_ok(client, "/api/quotes", speaker="<img src=x")
    assert page["total"] == 1
    quote = page["items"][0]
    assert (quote["speaker"], quote["content"]) == (HOSTILE_SPEAKER, HOSTILE_QUOTE)


def test_speaker_filter_takes_underscores_literally(client):
    assert get_ok(client, "/api/quotes", speaker=HOSTILE_SPEAKER)["total"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"kind": "shouted"},
        {"since": "yesterday"},
        {"until": "2016-13-45"},
        {"limit": 0},
        {"limit": 1001},
        {"offset": -1},
        {"speaker_id": "three"},
        {"contains": "x" * 501},
        {"said_on": "23 April 2022"},
        {"said_on": "2022-4"},
        {"said_on": "2022-04-23T10:00"},
        {"said_on": "2022-13"},
        {"said_on": "2022-02-30"},
        {"place": "x" * 501},
    ],
)
def test_bad_filters_are_400_with_one_line(client, params):
    body = assert_one_line_error(client.get("/api/quotes", params=params), 400, "invalid_request")
    assert next(iter(params)) in body["message"]


# --- when and where ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_said_on() -> str:
    """The day the seed article's "on Saturday" falls on, published when it was."""
    return seed_expected()["dates_if_published_2022_04_26"]["Saturday"]


@pytest.fixture(scope="module")
def everything(client) -> list[dict]:
    return get_ok(client, "/api/quotes", limit=1000)["items"]


def test_every_quote_says_when_and_where_or_null(everything):
    assert all({"said_on", "said_in"} <= set(q) for q in everything)
    dated = [q for q in everything if q["said_on"]]
    assert dated and any(q["said_in"] for q in everything)
    assert any(q["said_on"] is None for q in everything)


def test_said_on_a_day_finds_zelenskiy_in_kyiv(client, seed_said_on):
    page = get_ok(client, "/api/quotes", said_on=seed_said_on, limit=1000)
    assert page["total"] == len(page["items"]) >= 1
    assert {q["said_on"] for q in page["items"]} == {seed_said_on}
    zelenskiy = [q for q in page["items"] if "Zelenskiy" in (q["speaker"] or "")]
    assert [q["said_in"] for q in zelenskiy] == ["Kyiv"]


@pytest.mark.parametrize("length", [4, 7])
def test_said_on_a_month_or_year_finds_every_date_within_it(client, everything, length):
    prefixes = {q["said_on"][:length] for q in everything if q["said_on"]}
    for prefix in {p for p in prefixes if re.fullmatch(r"[0-9]{4}(-[0-9]{2})?", p)}:
        page = get_ok(client, "/api/quotes", said_on=prefix, limit=1000)
        expected = [
            (q["article_id"], q["id"])
            for q in everything
            if q["said_on"] and (q["said_on"] == prefix or q["said_on"].startswith(prefix + "-"))
        ]
        assert page["total"] == len(expected) > 0
        assert [(q["article_id"], q["id"]) for q in page["items"]] == expected


@pytest.mark.parametrize("place", ["Kyiv", "kyi", "UA", "ua"])
def test_place_filter_by_name_or_country_code(client, everything, place):
    page = get_ok(client, "/api/quotes", place=place, limit=1000)
    assert page["total"] >= 1
    assert "Kyiv" in {q["said_in"] for q in page["items"]}
    assert all(q["said_in"] for q in page["items"])
    if len(place) > 2:
        expected = sum(1 for q in everything if place.lower() in (q["said_in"] or "").lower())
        assert page["total"] == expected


def test_when_and_where_filters_combine_with_the_others(client, seed_said_on):
    month = seed_said_on[:7]
    both = get_ok(client, "/api/quotes", said_on=month, place="Kyiv", speaker="zelenskiy")
    assert both["total"] == 1
    assert get_ok(client, "/api/quotes", said_on="1999", place="Kyiv")["total"] == 0


def test_seed_article_gives_when_and_where_of_its_attribution(
    client, seed_article_id, seed_said_on
):
    article = get_ok(client, f"/api/articles/{seed_article_id}")
    [zelenskiy] = [
        a for a in article["attributions"] if a["said_on"] == seed_said_on and a["said_in"]
    ]
    assert "Zelenskiy" in zelenskiy["speaker"]
    assert (zelenskiy["said_in"], zelenskiy["said_in_country"]) == ("Kyiv", "UA")
    assert zelenskiy["said_on_text"] and zelenskiy["said_on_text"] in article["text"]
    undated = [a for a in article["attributions"] if a["said_on"] is None]
    assert undated and all(a["said_on_text"] is None for a in undated)


def test_seed_article_lists_dates_places_and_figures_at_their_offsets(client, seed_article_id):
    article = get_ok(client, f"/api/articles/{seed_article_id}")
    text = article["text"]
    for key in ("dates", "places", "figures"):
        assert article[key], key
        for item in article[key]:
            assert text[item["start_char"] : item["end_char"]] == item["text"]
        starts = [item["start_char"] for item in article[key]]
        assert starts == sorted(starts)
    expected = seed_expected()
    resolved = {d["text"]: d["value"] for d in article["dates"]}
    assert expected["dates_if_published_2022_04_26"].items() <= resolved.items()
    figures = {f["text"]: f for f in article["figures"]}
    assert set(expected["amounts"]) <= set(figures)
    billions = figures["$1.9 billion"]
    assert (billions["value"], billions["unit"], billions["modifier"]) == (1.9e9, "USD", None)
    assert figures["more than 200"]["modifier"] == ">"
    ids = {a["id"] for a in article["attributions"]}
    assert all(f["attribution"] is None or f["attribution"] in ids for f in article["figures"])
    assert "Kyiv" in {p["name"] for p in article["places"]}


def test_articles_without_facts_have_empty_lists(client, hostile_article_id):
    article = get_ok(client, f"/api/articles/{hostile_article_id}")
    assert (article["dates"], article["places"], article["figures"]) == ([], [], [])
    assert article["attributions"][0]["said_on"] is None


def test_speaker_places_count_their_placed_attributions(client, everything):
    placed = {q["speaker_id"] for q in everything if q["said_in"] and q["speaker_id"]}
    assert placed
    for speaker_id in placed:
        who = get_ok(client, f"/api/speakers/{speaker_id}")
        theirs = [q for q in everything if q["speaker_id"] == speaker_id and q["said_in"]]
        assert sum(p["attributions"] for p in who["places"]) == len(theirs)
        assert {p["name"] for p in who["places"]} == {q["said_in"] for q in theirs}


# --- speakers ----------------------------------------------------------------------------


def test_speakers_come_most_quoted_first_and_page(client):
    first = get_ok(client, "/api/speakers", limit=5)
    second = get_ok(client, "/api/speakers", limit=5, offset=5)
    assert first["total"] == second["total"] > 10
    counts = [s["attributions"] for s in first["items"] + second["items"]]
    assert counts == sorted(counts, reverse=True)
    assert not {s["id"] for s in first["items"]} & {s["id"] for s in second["items"]}


def test_speaker_name_filter_and_its_total(client, top_speaker):
    found = get_ok(client, "/api/speakers", name=top_speaker["name"].lower(), limit=1000)
    assert found["total"] == len(found["items"]) >= 1
    assert top_speaker["id"] in {s["id"] for s in found["items"]}
    nobody = get_ok(client, "/api/speakers", name="no such speaker anywhere")
    assert (nobody["total"], nobody["items"]) == (0, [])


def test_speaker_page(client, top_speaker):
    who = get_ok(client, f"/api/speakers/{top_speaker['id']}")
    assert (who["id"], who["name"]) == (top_speaker["id"], top_speaker["name"])
    assert who["attributions"] == top_speaker["attributions"]
    assert sum(o["attributions"] for o in who["outlets"]) == who["attributions"]
    assert top_speaker["id"] not in {c["id"] for c in who["alongside"]}


def test_unknown_speaker_is_404(client):
    assert_one_line_error(client.get("/api/speakers/999999"), 404, "not_found")
    assert_one_line_error(client.get("/api/speakers/abc"), 400, "invalid_request")


# --- articles ----------------------------------------------------------------------------


def test_article_slices_cut_their_text(client):
    quote = get_ok(client, "/api/quotes", limit=1)["items"][0]
    article = get_ok(client, f"/api/articles/{quote['article_id']}")
    assert article["attributions"]
    for attribution in article["attributions"]:
        for role in ("content", "cue", "source"):
            pieces = [article["text"][s:e] for s, e in attribution[f"{role}_slices"]]
            assert (" ".join(pieces) or None) == attribution[role]
    assert "path" not in article and "doc_key" not in article


def test_hostile_article_comes_back_verbatim(client, hostile_article_id):
    article = get_ok(client, f"/api/articles/{hostile_article_id}")
    assert article["text"] == HOSTILE_TEXT
    [attribution] = article["attributions"]
    assert attribution["speaker"] == HOSTILE_SPEAKER
    assert attribution["content"] == HOSTILE_QUOTE


def test_unknown_article_is_404(client):
    body = assert_one_line_error(client.get("/api/articles/424242"), 404, "not_found")
    assert "424242" in body["message"]


# --- overview ----------------------------------------------------------------------------


def test_overview_adds_up(client, overview):
    everything = get_ok(client, "/api/quotes", limit=1)
    assert overview["attributions"] == everything["total"]
    assert sum(r["attributions"] for r in overview["by_kind"]) == overview["attributions"]
    assert sum(r["attributions"] for r in overview["by_source_type"]) == overview["attributions"]
    months = [r["month"] for r in overview["by_month"]]
    assert months == sorted(months) and len(months) >= 3
    assert overview["articles"] == TRAIN_ARTICLES + 2  # and the seed and the hostile one
    assert overview["speakers"] == get_ok(client, "/api/speakers", limit=1)["total"]
    counts = [s["attributions"] for s in overview["top_speakers"]]
    assert counts == sorted(counts, reverse=True) and len(counts) == 10


# --- errors, limits, headers -------------------------------------------------------------


def test_unknown_route_is_json_404(client):
    assert_one_line_error(client.get("/api/nothing-here"), 404, "not_found")


@pytest.mark.parametrize(
    "url", ["/", "/static/app.js", "/api/overview", "/api/articles/424242", "/openapi.json"]
)
def test_security_headers_on_every_answer(client, url):
    response = client.get(url)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy and "http" not in policy
    assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy


def test_unexpected_error_is_a_generic_500(serve_db):
    """A database closed under a running app is a real failure no handler expects."""
    app = create_app(serve_db)
    with TestClient(app, raise_server_exceptions=False) as broken:
        app.state.corpus.close()
        response = broken.get("/api/overview")
    assert_one_line_error(response, 500, "internal_error")
    for leak in ("Traceback", "duckdb", "File ", "Connection"):
        assert leak not in response.text
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_loopback_app_refuses_other_host_names(serve_db):
    """A page elsewhere that rebinds its domain to 127.0.0.1 sends its own Host header."""
    app = create_app(serve_db, allowed_hosts=LOOPBACK_HOSTS)
    with TestClient(app, base_url="http://127.0.0.1:8000") as local:
        assert local.get("/api/overview").status_code == 200
    with TestClient(app, base_url="http://attacker.example:8000") as remote:
        response = remote.get("/api/overview")
    assert response.status_code == 400
    assert response.headers["x-frame-options"] == "DENY"


def test_body_over_the_limit_is_413(client):
    big = "x" * (MAX_BODY_BYTES + 1)
    response = client.post("/api/extract", json={"text": big})
    assert_one_line_error(response, 413, "too_large")


def test_chunked_body_over_the_limit_is_413(client):
    def chunks():
        for _ in range(MAX_BODY_BYTES // 100_000 + 1):
            yield b"x" * 100_000

    response = client.post(
        "/api/extract", content=chunks(), headers={"content-type": "application/json"}
    )
    assert_one_line_error(response, 413, "too_large")


# --- the schema and the page -------------------------------------------------------------


def test_openapi_schema_lists_every_endpoint(client):
    schema = get_ok(client, "/openapi.json")
    assert schema["openapi"].startswith("3.")
    assert {
        "/api/quotes",
        "/api/speakers",
        "/api/speakers/{speaker_id}",
        "/api/articles/{article_id}",
        "/api/overview",
        "/api/extract",
    } <= set(schema["paths"])
    quote_params = {p["name"] for p in schema["paths"]["/api/quotes"]["get"]["parameters"]}
    assert {"speaker", "contains", "kind", "since", "until", "outlet", "limit", "offset"} <= (
        quote_params
    )
    assert {"said_on", "place"} <= quote_params
    models = schema["components"]["schemas"]
    assert {"said_on", "said_in"} <= set(models["Quote"]["properties"])
    assert {"dates", "places", "figures"} <= set(models["ArticleDetail"]["required"])
    assert {"value", "unit", "modifier", "attribution"} <= set(models["ArticleFigure"]["required"])
    assert {"said_on", "said_on_text", "said_in", "said_in_country"} <= set(
        models["ArticleAttribution"]["required"]
    )
    assert "places" in models["SpeakerDetail"]["required"]


def test_openapi_schema_is_valid_openapi(client):
    validator = pytest.importorskip("openapi_spec_validator")
    validator.validate(get_ok(client, "/openapi.json"))


def test_no_docs_pages_that_would_load_a_cdn(client):
    assert client.get("/docs").status_code == 404
    assert client.get("/redoc").status_code == 404


def test_page_and_assets_are_served_from_the_package(client):
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/app.js">' in page.text
    script = client.get("/static/app.js")
    assert "javascript" in script.headers["content-type"]
    assert client.get("/static/style.css").headers["content-type"].startswith("text/css")


def test_page_loads_nothing_from_elsewhere_and_parses_no_data_as_html():
    html = (STATIC / "index.html").read_text(encoding="utf-8")
    script = (STATIC / "app.js").read_text(encoding="utf-8")
    css = (STATIC / "style.css").read_text(encoding="utf-8")
    for text in (html, script, css):
        assert "http://" not in text.replace("http://www.w3.org/2000/svg", "")
        assert "https://" not in text and "//cdn" not in text
    for sink in ("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval("):
        assert sink not in script
    assert "<script>" not in html and " style=" not in html


# --- extraction --------------------------------------------------------------------------

SMALL_ARTICLE = (
    "The city council voted on Monday to close the old library. "
    '"We simply cannot afford two buildings," said Maria Lopez, the council\'s budget chair. '
    "Residents said they would appeal the decision."
)


def test_extract_returns_a_valid_document(client, check_output):
    response = client.post("/api/extract", json={"text": SMALL_ARTICLE, "published": "2016-05-02"})
    assert response.status_code == 200, response.text
    document = response.json()
    check_output(document)
    assert document["schema"] == SCHEMA
    assert document["document"]["text"] == SMALL_ARTICLE
    assert document["document"]["published"] == "2016-05-02"
    speakers = {a["speaker"]["name"] for a in document["attributions"] if a["speaker"]}
    assert any("Lopez" in name for name in speakers)


@pytest.mark.parametrize(
    "body",
    [{}, {"text": ""}, {"text": "   "}, {"text": "Hi.", "published": "soon"}, {"text": 5}],
)
def test_extract_refuses_bad_bodies_with_400(client, body):
    assert_one_line_error(client.post("/api/extract", json=body), 400)


def test_extract_refuses_a_body_that_is_not_json(client):
    response = client.post(
        "/api/extract", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert_one_line_error(response, 400, "invalid_request")


def test_dates_in_answers_are_iso(client):
    quote = get_ok(client, "/api/quotes", limit=1)["items"][0]
    assert dt.date.fromisoformat(quote["published"])
