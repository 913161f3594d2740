"""The bundled sample interview: where its files are and what it contains."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from core.errors import CoreError, Msg


def samples_dir() -> Path:
    """resources/samples in a checkout, or inside the PyInstaller bundle."""
    candidates = [Path(__file__).resolve().parents[2] / "resources" / "samples"]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "resources" / "samples")
    for folder in candidates:
        if (folder / "sample-interview.ogg").exists():
            return folder
    raise CoreError(Msg("demo.sample_interview_missing_installation"),
                    Msg("demo.sample_interview_missing_installation.hint"))


@dataclass(frozen=True)
class Sample:
    audio_path: Path
    participant_code: str
    site: str
    protected_names: list[str]
    workplaces: list[str]
    markers: list[dict[str, Any]]   # {"kind", "question_id", "sample_offset"} at 16 kHz
    turns: list[dict[str, Any]]     # the script: {"speaker", "text", "question"?}
    protected_roles: dict[str, str] = field(default_factory=dict)  # name -> participant, supervisor…

    @property
    def spoken_text(self) -> str:
        """Every word spoken, in order (the reference for word error rate)."""
        return " ".join(t["text"] for t in self.turns)


def load_sample() -> Sample:
    folder = samples_dir()
    script = yaml.safe_load((folder / "interview-script.yaml").read_text(encoding="utf-8"))
    markers = json.loads((folder / "sample-interview.markers.json").read_text(encoding="utf-8"))
    return Sample(
        audio_path=folder / "sample-interview.ogg",
        participant_code=script["participant_code"],
        site=script["site"],
        protected_names=list(script["protected_names"]),
        workplaces=list(script["workplaces"]),
        markers=list(markers["markers"]),
        turns=list(script["turns"]),
        protected_roles=dict(script.get("protected_roles") or {}),
    )
