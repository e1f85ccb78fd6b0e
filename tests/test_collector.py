"""The garbage-collector settings of a build: set once, and nothing kept out of collection afterwards."""

from __future__ import annotations

import gc

from checks_support import build_once, copy_root
from policy_trace import collector


def test_a_build_collects_less_often_and_leaves_nothing_set_aside(tmp_path):
    app = build_once(copy_root("test-every-type", tmp_path), "html")
    assert app.statuscode == 0
    assert gc.get_threshold()[0] >= collector.THRESHOLDS[0]
    # What was set aside during the build is collectable again: a process that runs
    # many builds (this test suite, a live preview) does not keep the old ones.
    assert gc.get_freeze_count() == 0


def test_a_failing_build_also_leaves_nothing_set_aside(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    index = srcdir / "index.md"
    text = index.read_text(encoding="utf-8")
    index.write_text(text.replace(":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG"), encoding="utf-8")
    app = build_once(srcdir, "html", warningiserror=True)
    assert app.statuscode == 1
    assert gc.get_freeze_count() == 0
