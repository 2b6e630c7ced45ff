"""A random sample of attributions whose source is a pronoun, for checking speakers by hand.

    onrecord extract ../shared/polnear/train/text --output-dir /tmp/train-json
    python training/speaker_sample.py ../shared/polnear/train/text /tmp/train-json --n 40

PolNeAR marks source spans, not whom a "he" refers to, so ``onrecord eval`` cannot score
speaker resolution. This prints each sampled pronoun with the article text before it and the
speaker onrecord resolved it to, so that a reader can judge it; the sample depends only on the
seed and the set of pronoun sources, so it can be drawn again after a change to resolution.
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
CONTEXT = 500


def pronoun_sourced(json_dir: Path) -> list[tuple[str, dict]]:
    """(article stem, attribution) for every attribution whose source is a pronoun, in file
    and attribution order."""
    found = []
    for path in sorted(json_dir.glob("*.json")):
        for attribution in json.loads(path.read_text("utf-8"))["attributions"]:
            source = attribution["source"]
            if source and source["text"].lower() in PRONOUNS:
                found.append((path.stem, attribution))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("text_dir", type=Path, help="the articles' .txt files")
    parser.add_argument("json_dir", type=Path, help="onrecord extract's output for them")
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    found = pronoun_sourced(args.json_dir)
    print(f"{len(found)} pronoun-sourced attributions")
    sample = random.Random(args.seed).sample(found, min(args.n, len(found)))
    for number, (stem, attribution) in enumerate(sample):
        text = (args.text_dir / f"{stem}.txt").read_text("utf-8")
        start = attribution["source"]["start"]
        speaker = attribution["speaker"]["name"] if attribution["speaker"] else None
        print(f"#{number} {stem} {attribution['source']['text']!r} -> {speaker!r}")
        print("   ", text[max(0, start - CONTEXT) : start + 60].replace("\n", " / "))


if __name__ == "__main__":
    main()
