"""The first-name gender table: how training/first_name_genders.py cuts it, and what ships."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "training"))

from first_name_genders import MIN_COUNT, usual_genders  # noqa: E402

from onrecord.resolve.names import first_name_genders  # noqa: E402


def test_only_common_one_word_names_with_a_clear_gender_are_kept():
    name_data = {
        "susan": [31, 5 * MIN_COUNT, 0.99, 3],
        "mark": [33, 5 * MIN_COUNT, 0.0, 3],
        "jordan": [31, 5 * MIN_COUNT, 0.5, 3],  # given to both
        "zyxw": [1, MIN_COUNT - 1, 1.0, 3],  # too rare
        "mary ann": [9, 5 * MIN_COUNT, 1.0, 3],  # two words
        "&#26519;": [1, 5 * MIN_COUNT, 1.0, 3],  # not a word
    }
    assert usual_genders(name_data) == {"susan": "f", "mark": "m"}


def test_the_shipped_table_loads_with_no_network_and_tells_only_m_or_f():
    table = first_name_genders()
    assert len(table) > 10_000
    assert set(table.values()) == {"m", "f"}
    assert all(name == name.lower() and " " not in name for name in table)
    assert (table["hillary"], table["donald"]) == ("f", "m")
    assert "jordan" not in table
