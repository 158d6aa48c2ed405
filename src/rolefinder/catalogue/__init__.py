"""The catalogue: the roles, traits and questions as frozen dataclasses that also declare the
file format (``model``); checking data against it and the JSON Schema (``schema``); PyYAML
(``yamlfile``, its only importer); the checked-catalogue cache (``cache``); loading catalogues
and answer sheets (``load``); finding a role or trait by id or name (``lookup``); the two
garbage-collector settings (``collector``).

May import: version, words, errors, files.
"""
