"""Catalogues shared by the tests: the shipped role ids and a minimal valid catalogue."""

from __future__ import annotations

import textwrap
from pathlib import Path

ROLE_IDS = [
    "social-media-specialist",
    "social-media-admin",
    "graphic-designer",
    "social-media-strategist",
    "social-media-analyst",
    "social-media-manager",
    "head-of-marketing",
    "social-media-influencer",
    "marketing-consultant",
    "community-manager",
]


def write(tmp_path: Path, text: str, name: str = "roles.yaml") -> Path:
    path = tmp_path / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


MINIMAL = """\
traits:
  - {id: creative, name: {en: Creative, id: Kreatif}, description: {en: Makes, id: Membuat}}
roles:
  - id: designer
    name: {en: Designer, id: Desainer}
    summary: {en: Draws, id: Menggambar}
    duties: [{en: Draw, id: Menggambar}]
    skills: []
    level: entry
    profile: {creative: 1}
    related: []
    way_in: {en: A portfolio, id: Portofolio}
questions:
  - id: q1
    prompt: {en: Pick, id: Pilih}
    options:
      - {id: a, text: {en: A, id: A}, weights: {creative: 1}}
      - {id: b, text: {en: B, id: B}, weights: {creative: 2}}
"""
