"""The command line, the only part that imports typer: it parses options, calls the parts below,
and maps their errors to exit codes. No logic of its own. ``app`` holds the typer app and the
list of commands; ``command``, ``options`` and ``base`` what they share; the commands live in
modules by what they serve (results, history, catalogue, class).

May import: version, words, errors, files, catalogue, history, assess, present, classroom,
quiz, terminal.
"""
