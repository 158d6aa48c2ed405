"""Start-up and scaling benchmark for rolefinder: whole processes, medians, ratios to a floor.

Run from the repository with the Python that has rolefinder installed:

    python benchmarks/bench.py            # 21 timed runs per command after 2 warm-ups
                                          # (5 after 1 for the 10,000-role full results)
    python benchmarks/bench.py --runs 31

It never fails a build: it prints each ratio beside its target and "ok" or "MISS".
Standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TypeVar

try:
    import resource  # noqa: F401 - POSIX only

    HAS_RESOURCE = True
except ImportError:  # pragma: no cover - Windows
    HAS_RESOURCE = False

ROOT = Path(__file__).resolve().parents[1]
CATALOGUE = ROOT / "data" / "roles.yaml"
BIN = Path(sys.executable).parent
ROLEFINDER = str(BIN / ("rolefinder.exe" if os.name == "nt" else "rolefinder"))

# The least a command-line tool built on these libraries can do: import typer, PyYAML (C
# loader) and rich, read the catalogue, print one role's duties in a Rich panel. No rolefinder.
FLOOR = """\
import sys
import typer  # noqa: F401
import yaml
from rich.console import Console
from rich.panel import Panel

try:
    from yaml import CSafeLoader as Loader
except ImportError:
    from yaml import SafeLoader as Loader
with open(sys.argv[1], encoding="utf-8") as stream:
    data = yaml.load(stream, Loader=Loader)
role = next(r for r in data["roles"] if r["id"] == "social-media-analyst")
duties = "\\n".join("- " + duty["en"] for duty in role["duties"])
Console().print(Panel(duties, title=role["name"]["en"]))
"""


# The least an arrow-key prompt costs: import questionary, ask one select question.
BARE_PROMPT = """\
import questionary

choices = ["None yet", "Under a year", "One to two years", "Three to five years", "More"]
questionary.select("Question 1, about 16 left", choices=choices).ask()
"""


def first_answers(source: str) -> dict[str, str]:
    """An answer sheet for the catalogue: the first option of every question."""
    import yaml

    return {q["id"]: q["options"][0]["id"] for q in yaml.safe_load(source)["questions"]}


def goal_answers(source: str) -> dict[str, str]:
    """An answer sheet that aims above its level: the option that fits the first senior role
    where a question has one (the first option elsewhere), and the first, least experience.
    Its result has goals, so explaining it searches for a way up to them."""
    import yaml

    data = yaml.safe_load(source)
    goal = next(role["id"] for role in data["roles"] if role["level"] == "senior")
    return {
        q["id"]: next(
            (o["id"] for o in q["options"] if goal in o.get("fits", ())), q["options"][0]["id"]
        )
        for q in data["questions"]
    }


def scaled_catalogue(source: str, copies: int) -> str:
    """The shipped catalogue with its roles copied ``copies`` times under new ids (as JSON,
    which is YAML too, so the copy is exact)."""
    import yaml  # only the benchmark's own process needs it

    data = yaml.safe_load(source)
    roles = []
    for n in range(copies):
        suffix = "" if n == 0 else f"-{n}"
        for role in data["roles"]:
            copy = dict(role, id=role["id"] + suffix)
            copy["related"] = [other + suffix for other in role["related"]]
            roles.append(copy)
    data["roles"] = roles
    return json.dumps(data, ensure_ascii=False, indent=1)


def _cpu_of_children() -> float:
    """User plus system CPU seconds used so far by finished child processes."""
    import resource

    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


K = TypeVar("K")  # what names a command: a label, or a catalogue's number of roles


def measure(
    commands: dict[K, list[str]], runs: int, warmups: int = 2, repeats: dict[K, int] | None = None
) -> tuple[dict[K, list[float]], dict[K, list[float]]]:
    """CPU time and wall time (ms) of each command, one sample per round.

    Rounds are interleaved, so that drift in the machine's speed touches every command alike,
    and figures from the same round can be paired. Each round runs the commands in a new
    order, so that no command always follows the same one. A command given ``repeats`` runs
    that many times in a row each round, and the round keeps their median.
    The ratios use CPU time (user + system, of the whole process): on a shared machine it
    moves far less than wall time, which is printed beside it. Without the resource module
    (Windows) CPU time falls back to wall time.
    """
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "100", "ROLEFINDER_LANG": "en"}
    cpu: dict[K, list[float]] = {name: [] for name in commands}
    wall: dict[K, list[float]] = {name: [] for name in commands}
    order = list(commands)
    shuffler = random.Random(2026)  # seeded: the same orders on every run of the benchmark
    for round_ in range(warmups + runs):
        shuffler.shuffle(order)
        for name in order:
            times = [_run(name, commands[name], env) for _ in range((repeats or {}).get(name, 1))]
            if round_ >= warmups:
                cpu[name].append(statistics.median(used for used, _ in times))
                wall[name].append(statistics.median(elapsed for _, elapsed in times))
    return cpu, wall


def _run(name: object, command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Run one command to its end: its CPU time and wall time in ms."""
    cpu_before = _cpu_of_children() if HAS_RESOURCE else 0.0
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, env=env)
    elapsed = (time.perf_counter() - start) * 1000
    used = (_cpu_of_children() - cpu_before) * 1000 if HAS_RESOURCE else elapsed
    if done.returncode != 0:
        sys.exit(f"{name} failed ({done.returncode}): {done.stderr.decode()[-400:]}")
    return used, elapsed


def medians(samples: dict[K, list[float]]) -> dict[K, float]:
    """The median of each command's samples."""
    return {name: statistics.median(values) for name, values in samples.items()}


def ratio(samples: dict[K, list[float]], name: K, base: K) -> float:
    """Median over rounds of ``name``'s time over ``base``'s time in the same round.

    On a shared machine whose speed wanders by half from one second to the next, the ratio
    within a round moves far less than either figure does, so this is steadier than the ratio
    of the two medians.
    """
    return statistics.median(a / b for a, b in zip(samples[name], samples[base], strict=True))


def cost_per_role(samples: dict[int, list[float]], low: int, high: int) -> float:
    """Median over rounds of the extra time per extra role from ``low`` to ``high`` roles (ms).

    A round's two figures were taken at most a second or two apart, so pairing them cancels the
    slower drift in the machine's speed that would otherwise swamp a difference this small.
    """
    pairs = zip(samples[low], samples[high], strict=True)
    return statistics.median((b - a) / (high - low) for a, b in pairs)


def question_latency(sittings: int = 50) -> list[float]:
    """Milliseconds from an answer to the next question, adaptive choice included, over
    ``sittings`` whole sittings with random answers on the shipped catalogue (in process)."""
    from rolefinder.assess.engine import Evidence, next_question
    from rolefinder.catalogue.load import load_catalogue

    catalogue = load_catalogue(CATALOGUE)
    chooser = random.Random(7)
    times = []
    for _ in range(sittings):
        evidence = Evidence(catalogue)  # one per sitting, as the quiz does
        answers: dict[str, str] = {}
        while True:
            start = time.perf_counter()
            question = next_question(catalogue, answers, evidence).question
            times.append(1000 * (time.perf_counter() - start))
            if question is None:
                break
            answers[question.id] = chooser.choice(question.options).id
    return times


def time_to_prompt(command: list[str], marker: bytes, timeout: float = 20.0) -> float:
    """Wall milliseconds from starting ``command`` in a pseudo-terminal to ``marker`` on it.

    The process is killed once the marker shows: what is timed is how long a person waits
    for the first question, not how long the quiz takes.
    """
    import pty
    import select
    import signal

    env = {
        **os.environ,
        "TERM": "xterm-256color",
        "COLUMNS": "100",
        "LINES": "40",
        "ROLEFINDER_LANG": "en",
        "PROMPT_TOOLKIT_NO_CPR": "1",  # nothing here answers the cursor-position question
    }
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:  # the child: become the command
        os.execve(command[0], command, env)
    seen = b""
    try:
        while marker not in seen:
            if time.perf_counter() - start > timeout:
                sys.exit(f"{command} never showed {marker!r}: {seen[-300:]!r}")
            ready, _, _ = select.select([fd], [], [], 0.5)
            if ready:
                try:
                    seen += os.read(fd, 65536)
                except OSError:  # the child closed the terminal
                    break
        return (time.perf_counter() - start) * 1000
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def first_question(work: Path, runs: int) -> tuple[list[float], list[float]]:
    """Time to the first question: rolefinder quiz against a bare questionary prompt, each
    round one of each in turn (interleaved, so that drift touches both alike)."""
    (work / "bare.py").write_text(BARE_PROMPT, encoding="utf-8")
    bare_command = [sys.executable, str(work / "bare.py")]
    quiz_command = [ROLEFINDER, "quiz"]
    bare: list[float] = []
    quiz: list[float] = []
    for round_ in range(runs + 2):
        pair = (
            time_to_prompt(bare_command, b"Question 1"),
            time_to_prompt(quiz_command, b"Question 1"),
        )
        if round_ >= 2:  # two warm-ups
            bare.append(pair[0])
            quiz.append(pair[1])
    return bare, quiz


def form_export(path: Path, rows: int, seed: int = 5) -> None:
    """A Google Forms export of ``rows`` students: every question of the shipped catalogue as
    a header (in Indonesian), option texts as cells, two students in three answering in
    Indonesian and one in English; written a row at a time."""
    import csv

    sys.path.insert(0, str(ROOT / "src"))
    from rolefinder.catalogue.load import load_catalogue
    from rolefinder.words.languages import LANGS

    catalogue = load_catalogue(CATALOGUE)
    rng = random.Random(seed)
    questions = list(catalogue.questions)
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        header = ["Stempel waktu", "Alamat email", "Nama"]
        writer.writerow([*header, *(q.prompt.get("id") for q in questions)])
        for n in range(rows):
            lang = LANGS[0] if n % 3 == 0 else LANGS[1]  # en, id
            answers = [rng.choice(q.options).text.get(lang) for q in questions]
            writer.writerow(
                [f"24/11/2026 09.{n % 60:02d}.00", f"s{n}@sekolah.sch.id", f"Siswa {n}", *answers]
            )


def class_benchmark(runs: int) -> None:
    """`rolefinder class` on 10,000 and 100,000 form rows: wall time and peak memory."""
    print()
    print("rolefinder class, a Google Forms export (wall; peak memory of the process)")
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        os.environ["ROLEFINDER_CACHE"] = str(work / "cache")
        for rows in (1_000, 10_000, 100_000):
            export = work / f"class-{rows}.csv"
            form_export(export, rows)
            walls, peaks = [], []
            for run in range(runs if rows < 100_000 else max(1, runs // 3)):
                out = work / f"out-{rows}-{run}"
                start = time.perf_counter()
                process = subprocess.Popen(
                    [ROLEFINDER, "class", str(export), "--out", str(out)], stdout=subprocess.DEVNULL
                )
                if HAS_RESOURCE:
                    _, _, usage = os.wait4(process.pid, 0)
                    peaks.append(usage.ru_maxrss / 1024)  # KiB on Linux
                else:  # pragma: no cover - Windows
                    process.wait()
                walls.append(time.perf_counter() - start)
            wall, peak = statistics.median(walls), statistics.median(peaks) if peaks else 0
            size = export.stat().st_size / 1e6
            verdict = (
                "" if rows != 100_000 else f"  (target 10 s)  {'ok' if wall <= 10 else 'MISS'}"
            )
            print(f"{rows:>9,} rows, {size:>5.0f} MB: {wall:>6.2f} s, {peak:>5.0f} MiB{verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=21, help="timed runs per command")
    parser.add_argument("--class-only", action="store_true", help="only `rolefinder class`")
    args = parser.parse_args()
    if args.class_only:
        class_benchmark(min(args.runs, 3))
        return

    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        (work / "floor.py").write_text(FLOOR, encoding="utf-8")
        source = CATALOGUE.read_text(encoding="utf-8")
        sheet = work / "sheet.json"
        sheet.write_text(json.dumps(first_answers(source)), encoding="utf-8")
        sizes = {10: CATALOGUE}
        for copies in (10, 100, 1000):
            path = work / f"roles-{copies * 10}.yaml"
            path.write_text(scaled_catalogue(source, copies), encoding="utf-8")
            sizes[copies * 10] = path
        os.environ["ROLEFINDER_CACHE"] = str(work / "cache")  # a cache of its own, cold at first

        quiz = [ROLEFINDER, "quiz", "--answers", str(sheet)]
        _, first = measure({n: [*quiz, "--catalogue", str(p)] for n, p in sizes.items()}, 1, 0)
        cold = medians(first)
        startup_cpu, startup_walls = measure(
            {
                "floor script": [sys.executable, str(work / "floor.py"), str(CATALOGUE)],
                "import typer": [sys.executable, "-c", "import typer"],
                "show": [ROLEFINDER, "show", "social-media-analyst"],
                "roles": [ROLEFINDER, "roles"],
                "quiz --answers": quiz,
                "--version": [ROLEFINDER, "--version"],
                "--help": [ROLEFINDER, "--help"],
            },
            args.runs,
        )
        # From 100 to 1,000 roles a process gains only ~50 ms, little more than the noise of one
        # run here, so the smaller catalogues run three times a round; 1,000 to 10,000 adds ~550.
        scale_cpu, scale_walls = measure(
            {n: [*quiz, "--catalogue", str(path)] for n, path in sizes.items()},
            args.runs,
            repeats={10: 3, 100: 3, 1000: 3},
        )
        # The full result on 10,000 roles against the plain one, from a sheet with goals. Fewer
        # rounds: --explain --top 2000 writes out 2,000 roles in full, seconds a run.
        goals = work / "goals.json"
        goals.write_text(json.dumps(goal_answers(source)), encoding="utf-8")
        big = [ROLEFINDER, "quiz", "--answers", str(goals), "--catalogue", str(sizes[10000])]
        output_cpu, output_walls = measure(
            {
                "quiz --answers": big,
                "--json": [*big, "--json"],
                "--explain --top 500": [*big, "--explain", "--top", "500"],
                "--explain --top 2000": [*big, "--explain", "--top", "2000"],
            },
            min(args.runs, 5),
            warmups=1,
        )
    startup, startup_wall = medians(startup_cpu), medians(startup_walls)
    scale, scale_wall = medians(scale_cpu), medians(scale_walls)
    output, output_wall = medians(output_cpu), medians(output_walls)

    print(
        f"rolefinder benchmark, {time.strftime('%Y-%m-%d')}, Python {platform.python_version()}, "
        f"{platform.machine()}, {os.cpu_count()} cores; medians of {args.runs} runs"
    )
    print("(each ratio is the median over the rounds of the ratio within a round)")
    print()
    clock = "CPU" if HAS_RESOURCE else "wall"
    print(f"{'command':<22}{clock:>10}{'ratio':>8}{'target':>9}{'':>8}{'wall':>9}")
    rows = [
        ("show", "floor script", 1.15),
        ("roles", "floor script", 1.15),
        ("quiz --answers", "floor script", 1.25),
        ("--version", "import typer", 1.15),
        ("--help", "import typer", 1.15),
    ]
    for name in ("floor script", "import typer"):
        print(f"{name:<22}{startup[name]:>8.0f} ms{'':>33}{startup_wall[name]:>7.0f} ms")
    for name, base, target in rows:
        measured = ratio(startup_cpu, name, base)
        verdict = "ok" if measured <= target else "MISS"
        figures = f"{startup[name]:>8.0f} ms{measured:>7.2f}x{target:>8.2f}x  {verdict:<4}"
        print(f"{name:<22}{figures}{startup_wall[name]:>9.0f} ms  (vs {base})")
    print()
    print(f"{'catalogue roles':<22}{clock + ', warm':>12}{'wall, warm':>13}{'wall, 1st run':>15}")
    for n, value in scale.items():
        print(f"{n:<22,}{value:>10.0f} ms{scale_wall[n]:>10.0f} ms{cold[n]:>12.0f} ms")
    # The marginal cost of a role at N, measured over the tenfold span that ends at N.
    at_1000 = cost_per_role(scale_cpu, 100, 1000)
    at_10000 = cost_per_role(scale_cpu, 1000, 10000)
    growth = ratio(scale_cpu, 1000, 10)
    linear = at_10000 / at_1000
    print()
    print(
        f"cost per role: {at_1000 * 1000:.0f} us at 1,000 roles (100 -> 1,000), "
        f"{at_10000 * 1000:.0f} us at 10,000 (1,000 -> 10,000)"
    )
    print(
        f"1,000 roles vs shipped: {growth:.2f}x (target 3.00x)  {'ok' if growth <= 3 else 'MISS'}"
    )
    print(
        f"cost per role, 10,000 vs 1,000: {linear:.2f}x (target 1.20x)  "
        f"{'ok' if linear <= 1.2 else 'MISS'}"
    )
    print()
    rounds = min(args.runs, 5)
    print(f"10,000 roles, a sheet with goals (medians of {rounds} runs)")
    name = "quiz --answers"
    print(f"{name:<22}{output[name]:>8.0f} ms{'':>33}{output_wall[name]:>7.0f} ms")
    name, target = "--json", 2.0
    measured = ratio(output_cpu, name, "quiz --answers")
    verdict = "ok" if measured <= target else "MISS"
    figures = f"{output[name]:>8.0f} ms{measured:>7.2f}x{target:>8.2f}x  {verdict:<4}"
    print(f"{name:<22}{figures}{output_wall[name]:>9.0f} ms  (vs quiz --answers)")
    for name in ("--explain --top 500", "--explain --top 2000"):
        print(f"{name:<22}{output[name]:>8.0f} ms{'':>33}{output_wall[name]:>7.0f} ms")
    # Every listed role is drawn in full (about 40 lines each): the cost must stay the same per
    # role, whether 500 or 2,000 are listed.
    per_role = (output["--explain --top 500"] - output["quiz --answers"]) / 500
    per_role_after = (output["--explain --top 2000"] - output["--explain --top 500"]) / 1500
    print(
        f"cost per listed role: {per_role:.1f} ms up to 500, {per_role_after:.1f} ms from 500 "
        f"to 2,000: {per_role_after / per_role:.2f}x (target 1.20x)  "
        f"{'ok' if per_role_after / per_role <= 1.2 else 'MISS'}"
    )
    if os.name != "nt":
        with tempfile.TemporaryDirectory() as folder:
            bare, asked = first_question(Path(folder), args.runs)
        within = statistics.median(q / b for q, b in zip(asked, bare, strict=True))
        print()
        print(
            f"first question on screen: rolefinder quiz {statistics.median(asked):.0f} ms, "
            f"a bare questionary prompt {statistics.median(bare):.0f} ms (wall): "
            f"{within:.2f}x (target 1.25x)  {'ok' if within <= 1.25 else 'MISS'}"
        )
    class_benchmark(min(args.runs, 3))
    latency = question_latency()
    worst = max(latency)
    print()
    print(
        f"next question after an answer: median {statistics.median(latency):.1f} ms, "
        f"slowest {worst:.1f} ms of {len(latency)} (target 20 ms)  "
        f"{'ok' if worst <= 20 else 'MISS'}"
    )


if __name__ == "__main__":
    main()
