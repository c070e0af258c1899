"""ProperDocs' build in this Python process: what `properdocs build` does on the command line, set up for one
run and put back afterwards, so a build needs no interpreter and imports of its own and leaves nothing behind.

macros/adapters/properdocs.build, the one build path of `make build`, the scripts and the tests, runs
`run_engine_in_process`; scripts/bench.py imports the engine first with `import_engine` to time the build alone.
"""

import contextlib
import io
import logging
import os
import sys
import traceback
import warnings
from pathlib import Path


def run_engine_in_process(config_file: Path, site_dir: Path, strict: bool, cwd: Path) -> tuple[int, str, str]:
    """`properdocs build --clean -f config_file -d site_dir [--strict]` in this process: its exit code and
    what the command prints to stdout and stderr when they are not a terminal.

    Everything the command line sets up for one run is set up here and put back afterwards (the log
    handler, levels and duplicate filter, the warnings filter, the working folder), so no build leaves
    a handler or a remembered message behind for the next. Builds in one process run one at a time.
    """
    import properdocs.replacement  # noqa: F401  (before anything imports mkdocs.*)
    from properdocs import __main__ as command_line
    from properdocs import exceptions, utils
    from properdocs.commands import build as engine
    from properdocs.config import load_config

    if "mkdocs.plugins" in sys.modules and not sys.modules["mkdocs.plugins"].__name__.startswith("properdocs"):
        raise RuntimeError("mkdocs.plugins is MkDocs' own module here, not ProperDocs': build in a new process")
    stdout, stderr = io.StringIO(), io.StringIO()
    logger, legacy = logging.getLogger("properdocs"), logging.getLogger("mkdocs")
    saved = logger.level, logger.propagate, legacy.parent, legacy.level, legacy.propagate, list(engine.log.filters)
    # As properdocs.__main__.State and its --color callback set them up for output that is not a terminal.
    handler = logging.StreamHandler(stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-8s-  %(message)s"))
    logger.setLevel(logging.INFO)
    logger.propagate = False
    legacy.parent, legacy.propagate = logger, True
    legacy.setLevel(logging.NOTSET)
    logger.addHandler(handler)
    engine.log.addFilter(utils.DuplicateFilter())  # properdocs.__main__._enable_warnings, one per run
    here = os.getcwd()
    code = 0
    with (
        warnings.catch_warnings(),
        contextlib.redirect_stdout(stdout),
        contextlib.redirect_stderr(stderr),
        _environment(NO_MKDOCS_2_WARNING="1"),
    ):
        warnings.simplefilter("module", DeprecationWarning)
        warnings.showwarning = command_line._showwarning
        try:
            os.chdir(cwd)
            config = load_config(config_file=str(config_file), site_dir=str(site_dir), strict=True if strict else None)
            config.plugins.on_startup(command="build", dirty=False)
            try:
                engine.build(config, dirty=False)
            finally:
                config.plugins.on_shutdown()
        except exceptions.ProperDocsException as error:  # as click's main shows it, then exits
            error.show()
            code = error.exit_code
        except SystemExit as error:
            code = error.code if isinstance(error.code, int) else 1
        except Exception:  # noqa: BLE001  (what the interpreter prints for an uncaught exception)
            traceback.print_exc()
            code = 1
        finally:
            os.chdir(here)
            logger.removeHandler(handler)
            level, logger.propagate, legacy.parent, legacy_level, legacy.propagate, engine.log.filters[:] = saved
            logger.setLevel(level)
            legacy.setLevel(legacy_level)  # and the loggers' cached levels are cleared
    return code, stdout.getvalue(), stderr.getvalue()


def import_engine() -> None:
    """Import the engine into this process now (scripts/bench.py: so a measurement leaves the imports out)."""
    with _environment(NO_MKDOCS_2_WARNING="1"):
        import properdocs.replacement  # noqa: F401  (before anything imports mkdocs.*)
        from properdocs.commands import build  # noqa: F401
        from properdocs.config import load_config  # noqa: F401


@contextlib.contextmanager
def _environment(**values: str):
    """os.environ with `values` set while the block runs, and exactly as it was afterwards."""
    before = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in before.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
