"""The command line: the typer app (``app``, the only importer of typer) parses options, calls
the parts below, and maps their errors to exit codes. No logic of its own.

May import: version, words, errors, files, catalogue, history, assess, present, classroom,
quiz, terminal.
"""
