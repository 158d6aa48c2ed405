"""What ``rolefinder validate --audit`` shows: the simulated respondents' table and the lines
under it (calibration, levels, random sittings, confused pairs, the targets met or missed).

It changes with the audit (``assess/audit.py``) and nothing else draws it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich import box
from rich.table import Table
from rich.text import Text

from rolefinder.catalogue.model import Catalogue
from rolefinder.present.compare import role_name
from rolefinder.terminal.render import say
from rolefinder.words.i18n import t
from rolefinder.words.languages import Lang, number

if TYPE_CHECKING:
    from rich.console import Console

    from rolefinder.assess.audit import AuditReport, Recovery


def render_audit(
    console: Console, catalogue: Catalogue, report: AuditReport, lang: Lang, plain: bool = False
) -> None:
    """Simulated respondents per role, model and setting; calibration; random and one-position
    sittings; the most confused pairs; and whether the catalogue meets every target.
    ``plain`` (screen readers, TERM=dumb): the table has no rule under its head."""
    from rolefinder.assess.audit import (
        CAREFUL_FLAGGED_MAX,
        RANDOM_CONFIDENT_MAX,
        RANDOM_WARNED_MIN,
        TARGETS,
    )

    def pct(value: float) -> str:
        return f"{number(round(100 * value), lang)}%"

    def figures(recovery: Recovery) -> str:
        return f"{pct(recovery.top1)} / {pct(recovery.retake)} / {pct(recovery.flagged)}"

    title = t(
        "audit_title",
        lang,
        people=number(report.people, lang),
        samples=number(report.samples, lang),
    )
    rule = None if plain else box.SIMPLE_HEAD
    table = Table(title=title, title_justify="left", title_style="bold", box=rule)
    table.add_column(t("col_role", lang))
    columns = [(model, setting) for model in report.recovery for setting in TARGETS]
    for model, setting in columns:
        table.add_column(f"{model}\n{t(f'audit_{setting}', lang)}", justify="right")
    for role_id in [*(role.id for role in catalogue.roles), "all"]:
        name = t("audit_all", lang) if role_id == "all" else role_name(catalogue, role_id, lang)
        cells = [figures(report.recovery[m][s][role_id]) for m, s in columns]
        table.add_row(Text(name, style="bold" if role_id == "all" else ""), *cells)
    console.print(table)
    say(console, t("audit_columns", lang), style="dim")
    targets = {
        "careful": pct(TARGETS["careful"][0]),
        "noisy": pct(TARGETS["noisy"][0]),
        "retake": pct(TARGETS["noisy"][1]),
        "flagged": pct(CAREFUL_FLAGGED_MAX),
    }
    say(console, t("audit_targets", lang, **targets))
    for model, bins in report.calibration.items():
        shown = ", ".join(
            f"{pct(b.low)}-{pct(b.high)}: {number(b.count, lang)} x {pct(b.sure)} -> {pct(b.right)}"
            for b in bins
        )
        say(console, t("audit_calibration", lang, model=model, bins=shown))
    for model, settings in report.by_level.items():
        careful, noisy = settings["careful"], settings["noisy"]
        levels = ", ".join(f"{lv} {pct(careful[lv])} / {pct(noisy[lv])}" for lv in careful)
        say(console, t("audit_levels", lang, model=model, levels=levels))
    random_line = t(
        "audit_random",
        lang,
        confident=pct(report.random_confident),
        confident_max=pct(RANDOM_CONFIDENT_MAX),
        warned=pct(report.random_warned),
        warned_min=pct(RANDOM_WARNED_MIN),
        caught=pct(report.same_position_caught),
    )
    say(console, random_line)
    mean, fewest, most = report.lengths
    console.print(t("audit_lengths", lang, mean=number(mean, lang, 1), low=fewest, high=most))
    if report.confused:
        pairs = ", ".join(
            f"{role_name(catalogue, a, lang)} -> {role_name(catalogue, b, lang)} ({count})"
            for a, b, count in report.confused
        )
        say(console, t("audit_confused", lang, pairs=pairs))
    if report.passed:
        say(console, t("audit_passed", lang), style="green")
    else:
        missed = ", ".join(report.missed)
        say(console, t("audit_failed", lang, missed=missed), style="red")
