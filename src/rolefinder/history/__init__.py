"""The history: a private SQLite database of the quiz results taken on this computer, the
checks that keep it private (who owns its folder and file, never a link), its layout versions
and migrations, and listing it as a stream (``store``, the only importer of ``sqlite3``).

May import: version, words, errors, files.
"""
