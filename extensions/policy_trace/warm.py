"""A warm process for Sphinx builds: Python's imports paid once, every build in a fresh fork.

Why: each ``sphinx-build`` process spends about 0.65 s (2 cores) importing
Sphinx, sphinx-needs, MyST, furo and their dependencies before it reads a
single page: at 2,000 items, 40 % of the rebuild after a one-page edit. An
adviser previewing with ``make live`` pays that on every save.

The :class:`Worker` is a process that has imported all of that once. For every
build it forks: the child runs the ``sphinx-build`` command line it was given
in a copy of the warm process and exits, so each build still starts from a
clean state, as a new ``sphinx-build`` would, and nothing of one build stays
behind for the next. The first build is a child like any other; after it the
worker imports the modules that build needed, so that later children find them
loaded. When the file of a module it holds changes (someone edits an
extension, or installs a new version), the next build runs in a fresh Python
and the worker starts afresh: no build runs old code. Needs ``os.fork``
(Linux, macOS); see :data:`AVAILABLE`.
"""

from __future__ import annotations

import contextlib
import importlib
import json
import os
import select
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

#: Whether this platform can run a worker.
AVAILABLE = hasattr(os, "fork")
#: The exit code :func:`build_with` gives when no worker answered (it is gone or crashed).
EXIT_NO_WORKER = 3


# --- the warm process ---------------------------------------------------------------------------------


def serve(socket_path: str, ready_fd: int) -> None:
    """Run the worker: one build per connection, each in a forked child, until stdin closes.

    The builds write to our stdout and stderr (the terminal of ``make live``);
    we say we listen on ``ready_fd``, a pipe of its own (-1: nobody waits).
    """
    import sphinx.cmd.build  # noqa: F401  (loaded once, here, for every child)

    # Ctrl+C in the terminal of ``make live`` reaches us too: the parent stops us by closing
    # our stdin, so we ignore it (a build running in a child is still interrupted, see below).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(socket_path)
    server.listen()
    if ready_fd >= 0:
        with os.fdopen(ready_fd, "w") as ready:
            ready.write("ready\n")
    preloaded = False
    loaded = _module_files()
    while True:
        # The parent holds our stdin open; when it is gone (even killed), stdin ends and so do we.
        readable, _, _ = select.select([server, sys.stdin], [], [])
        if sys.stdin in readable and not sys.stdin.readline():
            return
        if server not in readable:
            continue
        connection, _ = server.accept()
        with connection:
            try:
                argv = json.loads(connection.makefile("r", encoding="utf-8").readline())
            except ValueError:  # not one of our requests: no build, no answer
                continue
            # Someone edited code we hold (an extension, say): this build runs in a fresh
            # Python, and then we start afresh ourselves, so that no build sees old code.
            stale = _changed(loaded)
            exit_code, modules = _build_in_child(argv, server, fresh=stale)
            connection.sendall(f"{exit_code}\n".encode())
        if stale:
            server.close()
            os.unlink(socket_path)
            os.execv(sys.executable, [sys.executable, "-m", "policy_trace.warm", socket_path, "-1"])
        if not preloaded:
            _preload(modules)
            preloaded = True
            loaded = _module_files()


def _module_files() -> dict[str, int]:
    """The file of every loaded module, with its modification time."""
    files = {}
    for module in list(sys.modules.values()):
        path = getattr(module, "__file__", None)
        if isinstance(path, str):
            with contextlib.suppress(OSError):
                files[path] = os.stat(path).st_mtime_ns
    return files


def _changed(files: dict[str, int]) -> bool:
    """Whether any of these files changed or went since :func:`_module_files` saw them."""
    for path, modified in files.items():
        try:
            if os.stat(path).st_mtime_ns != modified:
                return True
        except OSError:
            return True
    return False


def _build_in_child(
    argv: list[str], server: socket.socket, fresh: bool = False
) -> tuple[int, list[str]]:
    """Fork and run ``sphinx-build argv`` in the child: its exit code, and the modules it had loaded.

    ``fresh``: the child runs ``python -m sphinx`` anew instead (and reports no modules).
    """
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: one build, then leave without the parent's clean-up
        signal.signal(signal.SIGINT, signal.default_int_handler)  # Ctrl+C stops a build, as ever
        server.close()
        os.close(read_end)
        if fresh:  # the pipe does not survive exec (PEP 446): the parent reads no modules
            os.execv(sys.executable, [sys.executable, "-m", "sphinx", *argv])
        exit_code = 1
        try:
            from sphinx.cmd.build import main

            exit_code = main(argv)
        finally:
            with contextlib.suppress(Exception), os.fdopen(write_end, "w", encoding="utf-8") as pipe:
                pipe.write("\n".join(sorted(sys.modules)))
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(exit_code)
    os.close(write_end)
    with os.fdopen(read_end, encoding="utf-8") as pipe:  # read before waiting: the child may fill the pipe
        modules = pipe.read().split()
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), modules


def _preload(modules: Sequence[str]) -> None:
    """Import what a build imported, so that the next children start with it loaded."""
    for name in modules:
        if name in sys.modules or name.startswith("__main__"):
            continue
        # A module a build had may not import on its own (one made at run time, say): skip it.
        with contextlib.suppress(Exception):
            importlib.import_module(name)


# --- the side that asks for builds -------------------------------------------------------------------


class Worker:
    """A warm worker process: start it (or use ``with``), then ask it for builds."""

    def __init__(self, env: dict[str, str] | None = None) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="policy-trace-warm-")
        self.socket_path = str(Path(self._folder.name) / "worker.sock")
        self._env = env
        self._process: subprocess.Popen[str] | None = None

    def start(self) -> Worker:
        """Start the process and wait until it listens."""
        ready_read, ready_write = os.pipe()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "policy_trace.warm", self.socket_path, str(ready_write)],
            stdin=subprocess.PIPE,
            text=True,
            env=self._env,
            pass_fds=(ready_write,),
        )
        os.close(ready_write)
        with os.fdopen(ready_read) as ready:
            started = ready.readline().strip() == "ready"  # "" if the process died first
        if not started:
            self.stop()
            raise RuntimeError("het warme bouwproces van policy-trace startte niet")
        return self

    def stop(self) -> None:
        """Stop the process and remove its socket."""
        if self._process is not None and self._process.poll() is None:
            assert self._process.stdin is not None
            self._process.stdin.close()  # serve() returns
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._folder.cleanup()

    def __enter__(self) -> Worker:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def build(self, argv: Sequence[str]) -> int:
        """Run ``sphinx-build argv`` in the worker; the build's exit code."""
        if self._process is None or self._process.poll() is not None:
            return EXIT_NO_WORKER
        return build_with(self.socket_path, argv)


def build_with(socket_path: str, argv: Sequence[str], wait: float = 10.0) -> int:
    """Ask the worker at ``socket_path`` for one build: its exit code, or EXIT_NO_WORKER.

    A worker that starts afresh (see :func:`serve`) is away for a moment: we try
    again for up to ``wait`` seconds before we give up on it.
    """
    deadline = time.monotonic() + wait
    while True:
        try:
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
                connection.connect(socket_path)
                connection.sendall((json.dumps(list(argv)) + "\n").encode())
                answer = connection.makefile("r", encoding="utf-8").readline()
            break
        except (FileNotFoundError, ConnectionRefusedError):
            if time.monotonic() >= deadline:
                return EXIT_NO_WORKER
            time.sleep(0.05)
        except OSError:
            return EXIT_NO_WORKER
    return int(answer) if answer.strip() else EXIT_NO_WORKER


if __name__ == "__main__":  # Worker.start runs ``python -m policy_trace.warm SOCKET READY_FD``
    serve(sys.argv[1], int(sys.argv[2]))
