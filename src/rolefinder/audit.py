"""Is the quiz fair to every role? Reachability and #1 shares over random answer sheets. Pure."""

from __future__ import annotations

import random
from dataclasses import dataclass

from rolefinder.engine import rank
from rolefinder.model import Catalogue

SAMPLES = 10_000
SEED = 2026  # fixed, so the audit of one catalogue always prints the same table
LOWEST_SHARE, HIGHEST_SHARE = 2.0, 25.0  # percent of random sheets where a role comes first


@dataclass(frozen=True)
class AuditReport:
    """#1 shares over random sheets, and the roles no answer sheet puts first."""

    shares: dict[str, float]  # role id -> percent of random sheets where it is the top match
    unreachable: list[str]
    samples: int

    @property
    def too_rare(self) -> list[str]:
        """Roles that come first for fewer than LOWEST_SHARE percent of sheets."""
        return [r for r, share in self.shares.items() if share < LOWEST_SHARE]

    @property
    def too_common(self) -> list[str]:
        """Roles that come first for more than HIGHEST_SHARE percent of sheets."""
        return [r for r, share in self.shares.items() if share > HIGHEST_SHARE]

    @property
    def passed(self) -> bool:
        """Every role reachable, and every #1 share within bounds."""
        return not (self.unreachable or self.too_rare or self.too_common)


def audit(catalogue: Catalogue, samples: int = SAMPLES, seed: int = SEED) -> AuditReport:
    """Rank ``samples`` uniformly random answer sheets and find a sheet for every role."""
    chooser = random.Random(seed)
    asked = [q for q in catalogue.questions if q.kind == "trait"]
    firsts = dict.fromkeys((r.id for r in catalogue.roles), 0)
    for _ in range(samples):
        sheet = {q.id: chooser.choice(q.options).id for q in asked}
        firsts[rank(catalogue, sheet).best.id] += 1
    shares = {role: 100 * count / samples for role, count in firsts.items()}
    unreachable = [
        r.id for r in catalogue.roles if rank(catalogue, sheet_for(catalogue, r.id)).best.id != r.id
    ]
    return AuditReport(shares, unreachable, samples)


def sheet_for(catalogue: Catalogue, role_id: str, rounds: int = 3) -> dict[str, str]:
    """An answer sheet that favours ``role_id``: each answer chosen in turn to widen its lead."""

    def lead(sheet: dict[str, str]) -> float:
        matches = rank(catalogue, sheet).matches
        mine = next(m.match for m in matches if m.id == role_id)
        return mine - max((m.match for m in matches if m.id != role_id), default=0.0)

    sheet = {q.id: q.options[0].id for q in catalogue.questions if q.kind == "trait"}
    for _ in range(rounds):
        for question in catalogue.questions:
            if question.kind == "trait":
                options = (o.id for o in question.options)
                sheet[question.id] = max(options, key=lambda o: lead({**sheet, question.id: o}))
    return sheet
