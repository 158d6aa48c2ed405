"""``python -m rolefinder``."""

from rolefinder.cli import main

if __name__ == "__main__":
    main()
