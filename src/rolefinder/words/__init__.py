"""The words: the languages rolefinder speaks (``languages``: codes, names, locale aliases, how
numbers are written, choosing one from the environment) and every message shown (``i18n``:
the texts, ``t()``, spelling out hidden characters). Pure: no files, no terminal.

May import: nothing of rolefinder's (every other part imports it).
"""
