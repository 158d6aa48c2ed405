"""The ``rolefinder`` console script and ``python -m rolefinder``.

``--version`` alone is answered here, before typer and the command line are built: that is
most of its cost. Everything else, ``--version`` among other arguments included, goes to cli.
"""

import sys

from rolefinder import __version__


def main() -> None:
    """Run rolefinder."""
    if sys.argv[1:] == ["--version"]:
        print(f"rolefinder {__version__}")  # the same line as cli.version_line()
        return
    from rolefinder.cli import main as run

    run()


if __name__ == "__main__":
    main()
