"""The version of policy-trace, written once: the package, the wheel, its extensions and reports read it."""

__version__ = "0.1.0"
