"""Build step of the wheel: the site's pinned Mermaid goes into the package (see tools/vendor_assets.py).

Everything else about the package is in pyproject.toml.
"""

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "tools"))

import vendor_assets  # noqa: E402  (stdlib only, beside this file)


class BuildWithMermaid(build_py):
    """build_py, then Mermaid and d3 from package-lock.json into policy_trace/vendor/."""

    def run(self) -> None:
        super().run()
        # An editable install (make venv) serves the checkout's node_modules instead.
        if not getattr(self, "editable_mode", False):
            try:
                vendor_assets.vendor(
                    HERE / "package-lock.json", Path(self.build_lib) / "policy_trace" / "vendor"
                )
            except vendor_assets.VendorError as error:
                sys.exit(f"policy-trace: {error}")


setup(cmdclass={"build_py": BuildWithMermaid})
