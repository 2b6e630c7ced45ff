"""A random sample of attributions by their source, for checking speakers by hand.

    onrecord extract ../shared/polnear/train/text --output-dir /tmp/train-json
    python training/speaker_sample.py ../shared/polnear/train/text /tmp/train-json --n 40
    python training/speaker_sample.py ../shared/polnear/train/text /tmp/train-json --n 40 \
        --sources other --seed 7

PolNeAR marks source spans, not whom a "he" refers to, so ``onrecord eval`` cannot score
speaker resolution. This prints each sampled source (a pronoun, or with ``--sources other``
any other source: names, nominals, relative pronouns) with the article text before it and the
speaker onrecord resolved it to, with its type and title, so that a reader can judge it; the
sample depends only on the seed and the set of sources, so it can be drawn again after a
change to resolution.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
CONTEXT = 500


def sourced(json_dir: Path, pronouns: bool = True) -> list[tuple[str, dict]]:
    """(article stem, attribution) for every attribution whose source is a pronoun (or, with
    ``pronouns`` False, is anything else), in file and attribution order."""
    found = []
    for path in sorted(json_dir.glob("*.json")):
        for attribution in json.loads(path.read_text("utf-8"))["attributions"]:
            source = attribution["source"]
            if source and (source["text"].lower() in PRONOUNS) == pronouns:
                found.append((path.stem, attribution))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text_dir", type=Path, help="the articles' .txt files")
    parser.add_argument("json_dir", type=Path, help="onrecord extract's output for them")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--sources", choices=("pronoun", "other"), default="pronoun")
    args = parser.parse_args()
    found = sourced(args.json_dir, pronouns=args.sources == "pronoun")
    print(f"{len(found)} attributions with a {args.sources} source")
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    for number, (stem, attribution) in enumerate(sample):
        text = (args.text_dir / f"{stem}.txt").read_text("utf-8")
        start = attribution["source"]["start"]
        speaker = attribution["speaker"]
        said = (speaker["name"], speaker["type"], speaker["title"]) if speaker else None
        print(f"#{number} {stem} {attribution['source']['text']!r} -> {said!r}")
        print("   ", text[max(0, start - CONTEXT) : start + 60].replace("\n", " / "))


if __name__ == "__main__":
    main()
