"""Every failure rolefinder reports to a user, each carrying its exit code."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple, TypeAlias

from rolefinder.words.i18n import choice_list, t, visible
from rolefinder.words.languages import Lang

EXIT_OK = 0
EXIT_DATA = 1  # bad data or not found
EXIT_USAGE = 2  # bad usage, including "no terminal"
EXIT_INTERRUPTED = 130
# A reader that stopped early (`rolefinder roles | head -3`): the status a shell reports for a
# tool ended by SIGPIPE (128 + 13), which is what `seq`, `cat` or `grep` give in that pipeline.
EXIT_BROKEN_PIPE = 141
# At most this many problems are reported: more help nobody, and a hostile file could make millions.
MAX_PROBLEMS = 100


class RolefinderError(Exception):
    """Base class: a message for the user and the exit code the CLI returns."""

    exit_code = EXIT_DATA

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def describe(self, lang: Lang) -> str:
        """The message for the user, in ``lang`` where it has been translated."""
        return self.message


class Phrase(NamedTuple):
    """Words in a message (``a mapping``, ``English``): a MESSAGES key, told in the reader's
    language like the sentence around them, never an English word passed through."""

    key: str
    values: Mapping[str, Value] = {}

    def text(self, lang: Lang) -> str:
        """The words in ``lang``, with their own values (and phrases) filled in."""
        values = {
            name: value.text(lang) if isinstance(value, Phrase) else value
            for name, value in self.values.items()
        }
        return t(self.key, lang, **values)


# A value in a message: names from the file (keys, ids, paths) and numbers are shown verbatim,
# in every language; a Phrase is translated.
Value: TypeAlias = str | int | Phrase


class Problem(NamedTuple):
    """One thing wrong (or worth a warning) in a catalogue, and where it is.

    It holds data, not a sentence: a ``problem_...`` key of MESSAGES and the values for its
    placeholders. The sentence is made when it is shown, in the language asked for.
    """

    key: str  # e.g. "problem_unknown_trait"
    values: Mapping[str, Value] = {}  # e.g. {"trait": "creatve", "known": "creative, people"}
    path: str = ""  # e.g. roles[2].profile.creatve; empty for the whole file
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based

    def text(self, lang: Lang) -> str:
        """The message alone, in ``lang``."""
        return Phrase(self.key, self.values).text(lang)

    @property
    def message(self) -> str:
        """The message in English, as before problems were data (the documented API)."""
        return self.text("en")

    def describe(self, source: str, lang: Lang) -> str:
        """``SOURCE:LINE:COLUMN: path: message``, leaving out what is not known."""
        source = visible(source)  # a file name, and a path made of the file's own keys
        where = source if self.line is None else f"{source}:{self.line}:{self.column}"
        message = self.text(lang)
        return f"{where}: {visible(self.path)}: {message}" if self.path else f"{where}: {message}"


def closest(query: str, ids: Iterable[str], cutoff: float = 0.75) -> list[str]:
    """The ids most like ``query`` (at most three, the closest first), for a "Did you mean":
    of a role (lookup.find_role) or of an answer sheet's question or option (engine).
    ``cutoff`` is difflib's similarity ratio."""
    import difflib  # only for a mistake

    return difflib.get_close_matches(query.casefold(), list(ids), n=3, cutoff=cutoff)


def read_problem(error: OSError) -> Problem:
    """Why a file could not be opened or read, for every command that reads one (a catalogue,
    an answer sheet, a class's files): a missing file is said to be missing, in either language,
    not merely "cannot be read"; the system's own words only for the rarer reasons."""
    if isinstance(error, FileNotFoundError):
        return Problem("problem_not_found")
    if isinstance(error, IsADirectoryError):
        return Problem("problem_is_folder")
    if isinstance(error, PermissionError):
        return Problem("problem_permission")
    return Problem("problem_unreadable", {"reason": str(error.strerror or error)})


class Refused(Exception):
    """A file cannot be read as a catalogue or answer sheet at all (unreadable, bad YAML)."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.text("en"))
        self.problem = problem


class CatalogueError(RolefinderError):
    """The catalogue cannot be read or does not describe a valid quiz."""

    def __init__(self, source: str, problems: Sequence[Problem]) -> None:
        self.source = source
        self.problems = list(problems)
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang) -> str:
        """Every problem, one a line, in ``lang``."""
        return "\n".join(problem.describe(self.source, lang) for problem in self.problems)


class NotFoundError(RolefinderError):
    """A role (or other named thing) the user asked for does not exist."""

    def __init__(self, message: str, query: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.query = query
        self.suggestions = list(suggestions)

    def describe(self, lang: Lang) -> str:
        """Unknown role, the closest ids if any, and where to see them all."""
        parts = [t("unknown_role", lang, query=self.query)]
        if self.suggestions:
            names = choice_list(self.suggestions, lang)
            parts.append(t("did_you_mean", lang, names=names))
        parts.append(t("list_roles", lang))
        return " ".join(parts)


class AnswersError(RolefinderError):
    """An answer sheet that cannot be used: unreadable, unknown ids, or answers missing."""

    def __init__(self, problems: Sequence[tuple[str, dict[str, str]]]) -> None:
        # Each problem is a message key and its values, so it can be told in either language.
        self.problems = list(problems)
        super().__init__(self.describe("en"))

    def describe(self, lang: Lang) -> str:
        """Every problem with the sheet, one a line."""
        return "\n".join(t(key, lang, **values) for key, values in self.problems)


class SideError(AnswersError):
    """An AnswersError of one side of a comparison: each problem on a line of its own that
    says which result it is about ("Result B (#3, 2026-11-24) cannot be ranked: ...")."""

    def __init__(self, who: str, problems: Sequence[tuple[str, dict[str, str]]]) -> None:
        self.who = who
        super().__init__(problems)

    def describe(self, lang: Lang) -> str:
        """Every problem, one a line, each led by the side it is about."""
        return "\n".join(
            t("compare_cannot_rank", lang, who=self.who, problem=t(key, lang, **values))
            for key, values in self.problems
        )


class BadSheetError(AnswersError):
    """An answer sheet that cannot be read: its problem, placed in the file, in either language."""

    def __init__(self, source: str, problem: Problem) -> None:
        self.source, self.problem = source, problem
        super().__init__([])

    def describe(self, lang: Lang) -> str:
        """``SOURCE:LINE:COLUMN: path: message`` in ``lang``."""
        return t("bad_sheet", lang, problem=self.problem.describe(self.source, lang))


class TranslatedError(RolefinderError):
    """An error whose message is one UI string, told in the user's language."""

    def __init__(self, key: str, **values: str) -> None:
        self.key, self.values = key, values
        super().__init__(t(key, "en", **values))

    def describe(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return t(self.key, lang, **self.values)


class SaveError(TranslatedError):
    """A result file cannot be written where the user asked."""


class SaveFormatError(SaveError):
    """--save names a file type rolefinder cannot write."""

    exit_code = EXIT_USAGE


class CodeError(TranslatedError):
    """A result code that is mangled or belongs to another catalogue."""


class InputError(TranslatedError):
    """Nothing to read: none of the files given to ``rolefinder class`` can be opened."""


class HistoryError(RolefinderError):
    """The result history cannot be read, is off, or has no such result (see history/store.py).

    Its values may hold a Phrase (why a file could not be read), told in the reader's language.
    """

    def __init__(self, key: str, **values: Value) -> None:
        self.key, self.values = key, values
        super().__init__(Phrase(key, values).text("en"))

    def describe(self, lang: Lang) -> str:
        """The message in ``lang``."""
        return Phrase(self.key, self.values).text(lang)


class NoTerminalError(TranslatedError):
    """The quiz needs a terminal on stdin and stdout, or a console it can draw in."""

    exit_code = EXIT_USAGE

    def __init__(self, key: str = "no_terminal") -> None:
        super().__init__(key)


class QuizCancelled(TranslatedError):
    """The user pressed Ctrl-C (or Ctrl-D) during the quiz."""

    exit_code = EXIT_INTERRUPTED

    def __init__(self) -> None:
        super().__init__("cancelled")


class QuizStopped(TranslatedError):
    """SIGTERM or SIGHUP ended the quiz; the exit code is the shell's 128 + the signal."""

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__("stopped", signal=signal.Signals(signum).name)
        self.exit_code = 128 + signum


class Stopped(BaseException):
    """SIGTERM or SIGHUP, raised wherever the program is, as Python raises KeyboardInterrupt
    for SIGINT (files.stop_on_signals), so that every cleanup runs. A BaseException, like
    KeyboardInterrupt: no ``except Exception`` takes it for a failure. The exit code is the
    shell's 128 + the signal."""

    def __init__(self, signum: int) -> None:
        import signal

        super().__init__(signum)
        self.signal = signal.Signals(signum).name
        self.exit_code = 128 + signum
        self.written = False  # it came once the files were in place (it waited for them)


class UnknownTraitError(TranslatedError):
    """A trait asked for by a name or id that no trait has; told with every trait's id."""

    exit_code = EXIT_USAGE

    def __init__(self, query: str, known: Sequence[str]) -> None:
        super().__init__("unknown_trait", trait=query, known=", ".join(known))
        self.query = query
