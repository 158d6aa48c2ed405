"""The presentation, in sentences and files: a result in words and its JSON shapes
(``report``), two results side by side (``compare``), the saved cards by extension (``cards``),
and checking and writing a ``--save`` path (``save``). No terminal: that is ``terminal``'s.

May import: version, words, errors, files, catalogue, history, assess.
"""
