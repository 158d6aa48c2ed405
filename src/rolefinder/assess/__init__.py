"""The assessment, pure: scoring answers against every role (``engine``: evidence, fits, how
sure, readiness, the ranking, the next question), the reasons and flags behind a result
(``explain``), result codes and the catalogue fingerprint (``codes``), and simulated
respondents for ``validate --audit`` (``audit``). Plain data in, plain data out.

May import: words, errors, catalogue.
"""
