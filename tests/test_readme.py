"""The README's commands are tested, not just written."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from rolefinder.cli import app

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


@pytest.mark.parametrize(("command", "output"), console_examples(), ids=lambda v: str(v)[:40])
def test_console_examples_run_as_shown(runner, command, output):
    args = shlex.split(command)
    assert args[0] == "rolefinder"
    result = runner.invoke(app, args[1:], env={"COLUMNS": "200"})
    fails = any(line.startswith("Error:") for line in output)
    shown = result.stderr if fails else result.stdout
    assert result.exit_code == (1 if fails else 0), result.output
    for line in output:
        assert line in shown


def test_the_python_example_runs_and_its_comments_are_true():
    code = re.search(r"```python\n(.+?)```", README, flags=re.S).group(1)
    namespace: dict = {}
    exec(code, namespace)
    result, why = namespace["result"], namespace["why"]
    claims = {
        "result.profile": result.profile,
        "result.best.id, result.best.chance > 0.99": (result.best.id, result.best.chance > 0.99),
        "[goal.id for goal in result.goals][0]": result.goals[0].id,
        "[pull.question for pull in why.raised]": [p.question for p in why.raised],
    }
    for expression, value in claims.items():
        line = next(line for line in code.splitlines() if line.startswith(expression + "  #"))
        assert line.split("  # ")[1].startswith(repr(value).replace("'", '"')), line


def test_exit_codes_are_documented():
    for code in ("| 0 |", "| 1 |", "| 2 |", "| 130 |"):
        assert code in README


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
    assert "Best match:" in result.stdout


def test_every_command_is_in_the_commands_table_and_the_lang_claim_is_true():
    from typer.main import get_command

    commands = get_command(app).commands  # type: ignore[attr-defined]
    table = README[README.index("## Commands") : README.index("```console")]
    assert "Every command but `schema` takes `--lang en|id`" in table
    for name, command in commands.items():
        assert f"| `rolefinder {name}" in table, name
        options = {opt for param in command.params for opt in getattr(param, "opts", [])}
        assert ("--lang" in options) == (name != "schema"), name
