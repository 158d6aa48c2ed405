"""The screen: every command's output drawn for a terminal or as plain text, wrapped between
words (``render``, the only importer of rich).

May import: words, errors, catalogue, history, assess, present, classroom.
"""
