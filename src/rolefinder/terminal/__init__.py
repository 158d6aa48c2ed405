"""The screen: every command's output drawn for a terminal or as plain text, wrapped between
words; the only part that imports rich. ``render`` makes the console and holds what the screens
share, and each of the others draws the screens of what changes together: ``result`` (the quiz
result), ``lists`` (roles, show, questions, history, compare), ``classview`` (``class``) and
``auditview`` (``validate --audit``).

May import: words, errors, catalogue, history, assess, present, classroom.
"""
