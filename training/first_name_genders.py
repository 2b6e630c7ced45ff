"""Build ``src/onrecord/models/first_name_genders.tsv`` from the nomquamgender package.

    pip install nomquamgender==0.1.4
    python training/first_name_genders.py

onrecord uses a first name's usual gender for one thing only: to keep "she" from being
resolved to "Donald Trump" (and "he" to "Hillary Clinton") when nothing else in the article
has told the person's gender yet. nomquamgender (MIT licence, Ian Van Buskirk) holds
name-gender figures for 720,000 names gathered from many national and historical sources;
loading them takes a second and a quarter of a GiB, so onrecord ships a small table cut
from them: one-word names seen at least ``MIN_COUNT`` times whose share of women is at most
``SHARE`` or at least ``1 - SHARE`` (nomquamgender's own default threshold, 0.1). A name
between the two ("Jordan", "Bernie", "Chris") tells nothing, which is the safe answer.
"""

from __future__ import annotations

import argparse
import json
import re
from importlib import resources
from pathlib import Path

MIN_COUNT = 1000
SHARE = 0.1
ONE_WORD = re.compile(r"^[a-z][a-z'\-]*[a-z]$")
HEADER = (
    "# first name (lower case), tab, usual gender (m or f). Built by\n"
    "# training/first_name_genders.py from nomquamgender 0.1.4 (MIT licence, Ian Van Buskirk):\n"
    f"# names seen at least {MIN_COUNT} times whose share of women is <= {SHARE} or >= "
    f"{1 - SHARE:g}.\n"
)
OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "models" / "first_name_genders.tsv"


def usual_genders(name_data: dict[str, list]) -> dict[str, str]:
    """Each clear, common one-word name and its usual gender; a record is
    ``[sources, count, share of women, uncertainty]``."""
    genders = {}
    for name, (_, count, share_female, _) in name_data.items():
        if not ONE_WORD.match(name) or count < MIN_COUNT:
            continue
        if share_female <= SHARE:
            genders[name] = "m"
        elif share_female >= 1 - SHARE:
            genders[name] = "f"
    return genders


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    data = resources.files("nomquamgender").joinpath("name_data.json").read_text("utf-8")
    genders = usual_genders(json.loads(data))
    lines = "".join(f"{name}\t{gender}\n" for name, gender in sorted(genders.items()))
    args.out.write_text(HEADER + lines, encoding="utf-8")
    women = sum(g == "f" for g in genders.values())
    print(f"wrote {args.out}: {len(genders)} names ({women} f, {len(genders) - women} m)")


if __name__ == "__main__":
    main()
