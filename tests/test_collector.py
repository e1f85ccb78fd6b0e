"""The garbage-collector settings of a build: raised for it, given back, nothing kept out of collection."""

from __future__ import annotations

import gc

from checks_support import build_once, copy_root, make_app
from policy_trace import collector


def test_a_build_collects_less_often_and_gives_the_thresholds_back(tmp_path):
    host = gc.get_threshold()
    gc.set_threshold(700, 10, 10)  # Python's defaults, as a host that never changed them has
    try:
        app = make_app(copy_root("test-every-type", tmp_path), "html")
        during: list[tuple[int, int, int]] = []
        app.connect("env-before-read-docs", lambda *_args: during.append(gc.get_threshold()))
        try:
            app.build()
        finally:
            app.cleanup()
        assert app.statuscode == 0
        assert during == [collector.THRESHOLDS]
        # The process's own thresholds again: gc is process-wide, the build is not.
        assert gc.get_threshold() == (700, 10, 10)
    finally:
        gc.set_threshold(*host)


def test_a_build_leaves_nothing_set_aside(tmp_path):
    app = build_once(copy_root("test-every-type", tmp_path), "html")
    assert app.statuscode == 0
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
