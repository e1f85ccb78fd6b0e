"""The subcommands of ``policy-trace``, one module each.

Every module has ``NAME``, ``HELP`` (one line for ``policy-trace --help``),
``DESCRIPTION``, ``add_arguments(parser)`` and ``run(args) -> int``; a module
that takes sphinx-build's own options after ``--`` sets ``PASSES_THROUGH``.
:mod:`policy_trace.cli` lists them in :data:`policy_trace.cli.COMMANDS`.
Modules import Sphinx only inside ``run``, so ``policy-trace new`` starts fast.
"""
