"""Run a script's main() inside the test process, as a shell would run the script, for a function call's cost.

A subprocess costs an interpreter and every import (about a second on a busy two-core machine); most
tests of a script's rules need neither. run_main gives main() what the command line gives the script:
exactly the environment asked for (nothing of the test process's), sys.argv[0] (argparse names the
program from it), standard input, and standard output and error captured. It returns what
subprocess.run returns: returncode, stdout, stderr. A crash comes back as the command line shows it: a
traceback on stderr and exit code 1. A few tests per script still run the real command line.
"""

import contextlib
import io
import os
import sys
import traceback
from dataclasses import dataclass
from unittest import mock


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str


class _Input(io.StringIO):
    """Standard input from a pipe: readable, never a terminal."""

    def isatty(self) -> bool:
        return False


def run_main(main, argv: list[str], env: dict[str, str], program: str, stdin: str = "") -> Run:
    out, err = io.StringIO(), io.StringIO()
    # sys.__stdout__ too: argparse and shutil.get_terminal_size ask it for the width, which is 80 columns
    # when the output goes to a pipe, whatever terminal pytest itself runs in.
    with (
        mock.patch.dict(os.environ, env, clear=True),
        mock.patch.object(sys, "argv", [program, *argv]),
        mock.patch.object(sys, "stdin", _Input(stdin)),
        mock.patch.object(sys, "__stdout__", out),
        mock.patch.object(sys, "__stderr__", err),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = main(argv)
        except SystemExit as end:  # sys.exit() and argparse, as the interpreter turns them into an exit code
            if end.code is None or isinstance(end.code, int):
                code = end.code or 0
            else:
                print(end.code, file=sys.stderr)
                code = 1
        except Exception:  # noqa: BLE001  (what the interpreter prints for an uncaught exception)
            traceback.print_exc()
            code = 1
    return Run(code or 0, out.getvalue(), err.getvalue())
