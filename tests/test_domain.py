"""Our data on the build environment lives in one Domain, purged and merged by Sphinx (issue 9).

The pages' records and the Controle pages must be the same whether the
documents were read by one process or by two (``-j 2``), and a removed page
must leave no trace; the build environment itself carries no attribute of ours.
"""

from __future__ import annotations

import pickle
from pathlib import Path

from checks_support import build_once, copy_root
from conftest import warnings_of
from policy_trace.domain import DATA_VERSION, PolicyTraceDomain

NAME = PolicyTraceDomain.name


def test_a_parallel_read_keeps_the_same_data_as_a_serial_one(tmp_path_factory):
    serial = build_once(copy_root("test-rules", tmp_path_factory.mktemp("serial")))
    parallel = build_once(copy_root("test-rules", tmp_path_factory.mktemp("parallel")), parallel=2)
    ours, theirs = serial.env.domaindata[NAME], parallel.env.domaindata[NAME]
    assert ours["pages"] == theirs["pages"]
    assert ours["overviews"] == theirs["overviews"] == {"controle"}
    # Every page is read, so each has a record; the items' page is among them.
    assert set(theirs["pages"]) == set(parallel.env.found_docs)
    assert "PRJ-LEEG" in theirs["pages"]["projecten"].items
    # The previous build's records are compared and dropped before the environment is pickled.
    assert theirs["previous"] == {}
    assert warnings_of(parallel) == warnings_of(serial)


def test_the_environment_holds_nothing_of_ours_outside_the_domain(tmp_path):
    app = build_once(copy_root("test-rules", tmp_path))
    assert [name for name in vars(app.env) if "policy" in name] == []
    assert app.registry.get_envversion(app)["policy_trace"] == DATA_VERSION
    with (Path(app.doctreedir) / "environment.pickle").open("rb") as pickled:
        data = pickle.load(pickled).domaindata[NAME]
    assert data["version"] == DATA_VERSION
    assert data["overviews"] == {"controle"}
    assert data["overview_date"] == app.env.domaindata[NAME]["overview_date"]


def test_a_removed_page_leaves_no_record_behind(tmp_path):
    srcdir = copy_root("test-rules", tmp_path)
    build_once(srcdir)
    (srcdir / "controle.md").unlink()
    (srcdir / "index.md").write_text(
        (srcdir / "index.md").read_text(encoding="utf-8").replace("controle\n", ""), encoding="utf-8"
    )
    app = build_once(srcdir)
    data = app.env.domaindata[NAME]
    assert "controle" not in data["pages"]
    assert data["overviews"] == set()
