"""The word diff of *Wat is er veranderd* stays near-linear on long items (issue 21): 20,000 words of
repeating phrases took difflib minutes; the diff is still right and still reads like difflib's."""

from __future__ import annotations

import difflib
import random
import sys
import time
from pathlib import Path

import pytest
from checks_support import build_once
from policy_trace.views import worddiff
from policy_trace.views.wijzigingen import word_diff

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the benchmarks package, beside extensions/
from benchmarks.worddiff import words, write_programme  # noqa: E402


def _replayed(a: list[str], b: list[str]) -> int:
    """Check the opcodes turn ``a`` into ``b``; the number of words they keep."""
    result, kept, i, j = [], 0, 0, 0
    for tag, i1, i2, j1, j2 in worddiff.opcodes(a, b):
        assert (i1, j1) == (i, j)
        if tag == "equal":
            assert a[i1:i2] == b[j1:j2]
            kept += i2 - i1
        result += b[j1:j2]
        i, j = i2, j2
    assert (i, j) == (len(a), len(b)) and result == b
    return kept


@pytest.mark.parametrize("seed", range(40))
def test_the_diff_turns_old_into_new_and_keeps_nearly_what_difflib_keeps(seed):
    rng = random.Random(seed)
    vocabulary = [f"w{n}" for n in range(rng.randint(1, 12))]
    old = [rng.choice(vocabulary) for _ in range(rng.randint(0, 1500))]
    new = list(old)
    for _ in range(rng.randint(0, 30)):
        place = rng.randint(0, len(new))
        roll = rng.random()
        if roll < 0.4 and new:
            new.pop(min(place, len(new) - 1))
        elif roll < 0.7:
            new.insert(place, rng.choice([*vocabulary, "nieuw"]))
        elif new:
            new[min(place, len(new) - 1)] = "anders"
    kept = _replayed(old, new)
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    best = sum(block.size for block in matcher.get_matching_blocks())
    assert kept >= 0.95 * best


@pytest.mark.parametrize("count", [8000, 20000])
def test_a_long_item_of_repeating_phrases_is_diffed_in_well_under_a_second(count):
    old, new = words(count), words(count, edited=True)
    start = time.perf_counter()
    kept = _replayed(old, new)
    assert time.perf_counter() - start < 1.0  # difflib: 1.5 s at 8,000 words, 22 s at 20,000
    assert kept == count - len(range(200, count, 400))  # only the edited words differ


def test_a_text_rewritten_from_start_to_end_is_one_replacement_in_bounded_time():
    rng = random.Random(7)
    phrase = words(60)
    old = [rng.choice(phrase) for _ in range(20000)]
    new = [rng.choice(phrase) for _ in range(20000)]
    start = time.perf_counter()
    _replayed(old, new)
    assert time.perf_counter() - start < 5.0


def test_the_page_marks_what_changed_in_a_20000_word_item(tmp_path):
    published = build_once(write_programme(tmp_path / "v1", 20000, False, None), "html")
    start = time.perf_counter()
    app = build_once(
        write_programme(tmp_path / "v2", 20000, True, Path(published.outdir) / "needs.json"), "html"
    )
    assert time.perf_counter() - start < 60
    page = (Path(app.outdir) / "wijzigingen.html").read_text(encoding="utf-8")
    assert page.count("<ins>gewijzigd") == len(range(200, 20000, 400))
    assert "<ins>gewijzigd200</ins>" in page


def test_word_diff_marks_removed_and_added_words():
    assert word_diff("de regio oefent jaarlijks", "de regio oefent elk kwartaal") == (
        "de regio oefent <del>jaarlijks</del>",
        "de regio oefent <ins>elk kwartaal</ins>",
    )
