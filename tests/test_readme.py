"""The README's commands are tested, not just written."""

from __future__ import annotations

import re
import shlex
import signal
from pathlib import Path

import pytest

from helpers import app_commands
from rolefinder import errors
from rolefinder.cli.app import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def block_after(marker: str) -> str:
    match = re.search(rf"<!-- {marker} -->\n```sh\n(.+?)\n```", README, flags=re.S)
    assert match, f"README has no {marker} block"
    return match.group(1)


def test_there_are_exactly_two_setup_commands_one_line_each():
    quiz, tests = block_after("quiz-command"), block_after("test-command")
    assert "\n" not in quiz and "\n" not in tests
    assert "pip install ." in quiz and quiz.endswith("rolefinder quiz")
    assert 'pip install ".[test]"' in tests and tests.endswith("-m pytest")


def console_examples() -> list[tuple[str, list[str]]]:
    """Each `$ rolefinder ...` line with the output lines printed under it, if any."""
    examples = []
    for block in re.findall(r"```console\n(.+?)```", README, flags=re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            examples.append((command, output))
    return examples


def test_the_readme_has_console_examples():
    # the test below is parametrized over them, and an empty parametrization passes as skipped
    examples = console_examples()
    assert len(examples) >= 5, examples
    assert any(output for _, output in examples), "no example shows its output"


@pytest.mark.parametrize(("command", "output"), console_examples(), ids=lambda v: str(v)[:40])
def test_console_examples_run_as_shown(runner, command, output):
    args = shlex.split(command)
    assert args[0] == "rolefinder"
    # as a terminal shows them: the runner's TERM=dumb asks for plain output
    result = runner.invoke(app, args[1:], env={"COLUMNS": "200", "TERM": "xterm"})
    fails = any(line.startswith("Error:") for line in output)
    shown = result.stderr if fails else result.stdout
    assert result.exit_code == (1 if fails else 0), result.output
    assert shown.strip(), "the example prints nothing"
    for line in output:
        assert line.strip(), "a blank output line would match any output"
        assert line in shown


def test_the_python_example_runs_and_its_comments_are_true():
    code = re.search(r"```python\n(.+?)```", README, flags=re.S).group(1)
    namespace: dict = {}
    exec(code, namespace)
    result, why = namespace["result"], namespace["why"]
    claims = {
        "result.profile": result.profile,
        "result.best.id, result.best.fit, result.best.ready": (
            result.best.id,
            result.best.fit,
            result.best.ready,
        ),
        "[match.id for match in result.matches if match.listed]": [
            m.id for m in result.matches if m.listed
        ],
        "[pull.question for pull in why.raised]": [p.question for p in why.raised],
    }
    for expression, value in claims.items():
        line = next(line for line in code.splitlines() if line.startswith(expression + "  #"))
        assert line.split("  # ")[1].startswith(repr(value).replace("'", '"')), line


@pytest.mark.skipif(not hasattr(signal, "SIGHUP"), reason="SIGHUP is POSIX")
def test_the_exit_codes_table_lists_exactly_the_codes_rolefinder_exits_with():
    section = README[README.index("## Exit codes") :].split("\n## ")[0]
    rows = re.findall(r"^\| ([0-9][0-9, ]*) \| (.*) \|$", section, flags=re.M)
    documented = [int(code) for codes, _ in rows for code in codes.split(",")]
    exits = {value for name, value in vars(errors).items() if name.startswith("EXIT_")}
    # errors.QuizStopped: the quiz ended by SIGHUP or SIGTERM exits with 128 + the signal
    exits |= {128 + signal.SIGHUP, 128 + signal.SIGTERM}
    assert sorted(documented) == sorted(exits), rows
    for codes, meaning in rows:
        assert meaning.strip(), f"exit code {codes} has no meaning in the README"


def test_the_validate_example_is_real_output(runner, tmp_path, monkeypatch):
    from catalogues import MINIMAL

    block = re.search(r"```text\n(my-roles\.yaml:.+?)```", README, flags=re.S).group(1)
    monkeypatch.chdir(tmp_path)
    mistakes = MINIMAL.replace("level: entry", "level: junior\n    colour: red").replace(
        "id: q1", "id: no"
    )
    Path("my-roles.yaml").write_text(mistakes, encoding="utf-8")
    result = runner.invoke(app, ["validate", "my-roles.yaml"], env={"COLUMNS": "200"})
    assert result.exit_code == 1
    assert result.stdout == block


def test_the_answer_sheet_example_works_as_printed(runner, tmp_path):
    sheet = re.search(r"```yaml\n(.+?)```", README, flags=re.S)
    assert sheet, "README has no answer-sheet example"
    path = tmp_path / "sheet.yaml"
    path.write_text(sheet.group(1), "utf-8")
    result = runner.invoke(app, ["quiz", "--answers", str(path)])
    assert result.exit_code == 0, result.output
    assert "Best fit:" in result.stdout


def test_every_command_is_in_the_commands_table_and_the_lang_claim_is_true():
    commands = app_commands()
    table = README[README.index("## Commands") : README.index("```console")]
    assert (
        "Every command but `schema` takes `--lang LANG` (`en` or `id`) and `--catalogue FILE`"
        in table
    )
    assert commands, "the app lists no commands"
    for name, command in commands.items():
        assert re.search(rf"^\| `rolefinder {name}[ `]", table, flags=re.M), name
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert ("--lang" in options) == (name != "schema"), name
        assert ("--catalogue" in options) == (name != "schema"), name
