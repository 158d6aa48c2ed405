"""The quiz: the adaptive sitting with an injected prompter (``sitting``, pure) and the prompts
that ask it on a terminal or in plain text (``prompts``, the only importer of questionary and
prompt_toolkit, loaded lazily).

May import: words, errors, catalogue, assess.
"""
