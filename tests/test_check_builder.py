"""``make check``'s builder: every check and both reports, no site and no needs.json."""

from __future__ import annotations

from pathlib import Path

from checks_support import build_once, copy_root, report


def test_policy_check_reports_without_writing_the_site(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    app = build_once(srcdir, "policy_check")
    out = Path(app.outdir)
    assert app.statuscode == 0
    assert report(app)["counts"] == {"error": 0, "advice": 0, "uitgezonderd": 0}
    assert (out / "policy-report.xml").exists()
    assert not (out / "needs.json").exists()
    assert not (out / "index.html").exists()


def test_policy_check_fails_on_an_error_like_the_html_build(tmp_path):
    srcdir = copy_root("test-every-type", tmp_path)
    index = srcdir / "index.md"
    broken = index.read_text(encoding="utf-8").replace(":voert_uit: IN-PREVENTIE", ":voert_uit: IN-WEG")
    index.write_text(broken, encoding="utf-8")
    app = build_once(srcdir, "policy_check", warningiserror=True)
    assert app.statuscode == 1
    found = report(app)["findings"]
    # The effort now has no project: advice PT202 beside the error.
    assert [(f["code"], f["id"], f["severity"]) for f in found] == [
        ("PT202", "IN-PREVENTIE", "advice"),
        ("PT101", "PRJ-WIJK", "error"),
    ]
    assert "PT101 PRJ-WIJK: 'voert_uit' verwijst naar IN-WEG" in app.warning.getvalue()
