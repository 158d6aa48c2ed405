"""The ``rolefinder`` console script and ``python -m rolefinder``.

``--version`` alone is answered here, before typer and the command line are built: that is
most of its cost. Everything else, ``--version`` among other arguments included, goes to cli.
"""

import sys

from rolefinder import __version__


def main() -> None:
    """Run rolefinder."""
    if sys.argv[1:] == ["--version"] and sys.stdout is not None:
        try:
            print(f"rolefinder {__version__}", flush=True)  # the same as cli.version_line()
            return
        except OSError:
            pass  # a full disk or a closed pipe: cli says so, in the user's language
    from rolefinder.cli.app import run

    run()


if __name__ == "__main__":
    main()
