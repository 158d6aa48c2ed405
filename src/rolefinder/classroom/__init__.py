"""A class in one lesson: the quiz as a form for a teacher (``formbuild``), a class's files
opened by what they hold (``tables``), its answers read as a stream and matched to options
(``forms``), scored with the per-catalogue work shared (``scoring``), the summaries and pages
(``summary``), ``results.xlsx`` (``workbook``), and ``rolefinder class`` end to end, writing
the files as a set (``batch``).

May import: version, words, errors, files, catalogue, assess, present.
"""
