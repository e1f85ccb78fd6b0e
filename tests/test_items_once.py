"""Each need becomes one Item of the programme per build (checks, pages, reports and downloads share it),
and a page's incremental record is made only when the page is read.

Why these are two moments, not one: ``views.outdated``'s docstring (the programme's
items are the needs as resolved, after the environment is pickled; which pages to
write again must be known before).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
from checks_support import build_once, copy_root
from conftest import needs_json
from policy_trace import items, state
from policy_trace.views import outdated


@pytest.fixture
def built(monkeypatch):
    """Per (moment, item ID): how often an Item was built from its need; ``programme`` or ``read``."""
    calls: Counter[tuple[str, str]] = Counter()

    def counting(moment: str):
        def build(need, file, *args, **kwargs):
            calls[moment, str(need["id"])] += 1
            return items.item_from_need(need, file, *args, **kwargs)

        return build

    monkeypatch.setattr(state, "item_from_need", counting("programme"))
    monkeypatch.setattr(outdated, "item_from_need", counting("read"))
    return calls


def _ids(srcdir: Path) -> list[str]:
    """The IDs the sources give, read from the text (not from what the build made of them)."""
    texts = [page.read_text(encoding="utf-8") for page in srcdir.rglob("*.md")]
    return sorted(i for text in texts for i in re.findall(r"^:id: (\S+)$", text, re.M))


def _of(calls: Counter[tuple[str, str]], moment: str) -> dict[str, int]:
    return {item_id: count for (when, item_id), count in sorted(calls.items()) if when == moment}


@pytest.mark.parametrize("buildername", ["html", "policy_check"])
def test_a_full_build_builds_each_item_once_for_the_programme(built, tmp_path, buildername):
    srcdir = copy_root("test-rules-incremental", tmp_path)
    build_once(srcdir, buildername)
    ids = _ids(srcdir)
    assert len(ids) == 7
    assert _of(built, "programme") == dict.fromkeys(ids, 1)
    # Every page is read, so every item is recorded as read, once.
    assert _of(built, "read") == dict.fromkeys(ids, 1)


def test_an_incremental_build_records_only_the_read_page_and_builds_the_programme_once(built, tmp_path):
    srcdir = copy_root("test-rules-incremental", tmp_path)
    app = build_once(srcdir)
    ids = _ids(srcdir)
    assert sorted(needs_json(app)) == ids
    on_page = sorted(item_id for item_id, need in needs_json(app).items() if need["docname"] == "partijen")
    assert len(on_page) == 2

    built.clear()
    page = Path(srcdir, "partijen.md")
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    build_once(srcdir)
    assert _of(built, "programme") == dict.fromkeys(ids, 1)
    assert _of(built, "read") == dict.fromkeys(on_page, 1)

    built.clear()
    build_once(srcdir)  # nothing changed: nothing read, the checks still run over every item
    assert _of(built, "programme") == dict.fromkeys(ids, 1)
    assert _of(built, "read") == {}


def test_the_programme_is_resolved_after_the_environment_is_pickled(tmp_path):
    """A ``needextend`` adds once, also in the incremental build after an edit of another page.

    Resolving the needs before the pickle (to build the programme in time for the
    incremental comparison) would pickle them extended, and the next build would
    extend them again.
    """
    srcdir = copy_root("test-rules-incremental", tmp_path)
    Path(srcdir, "uitbreiding.md").write_text(
        "---\norphan: true\n---\n\n# Uitbreiding\n\n```{needextend} CR-BRANDEN\n:+tags: extra\n```\n",
        encoding="utf-8",
    )
    assert needs_json(build_once(srcdir))["CR-BRANDEN"]["tags"] == ["extra"]
    page = Path(srcdir, "partijen.md")
    page.write_text(page.read_text(encoding="utf-8") + "\nEen zin erbij.\n", encoding="utf-8")
    assert needs_json(build_once(srcdir))["CR-BRANDEN"]["tags"] == ["extra"]
