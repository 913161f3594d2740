"""Every message core shows people has a stable id and a Spanish translation."""

from __future__ import annotations

import json
import re
from pathlib import Path

from core import messages
from core.errors import ModelNotInstalled, NoRecipients, WrongPassphrase

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "core.es.json"


def _stage_literals() -> set[str]:
    """Every string literal passed as a Progress stage anywhere in core."""
    found: set[str] = set()
    for path in (ROOT / "core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for m in re.finditer(r"Progress\(", text):
            call = text[m.end():m.end() + 300]
            depth, end = 1, 0
            for i, ch in enumerate(call):
                depth += ch == "("
                depth -= ch == ")"
                if depth == 0:
                    end = i
                    break
            found.update(re.findall(r'"([^"{}]+)"\s*$', call[:end].strip()))
            found.update(re.findall(r'stage\s*=\s*"([^"]+)"', call[:end]))
    return found


def test_every_progress_stage_in_core_has_a_stable_id():
    literals = _stage_literals()
    assert len(literals) >= 15
    missing = sorted(t for t in literals if messages.stage_id(t) is None)
    assert not missing, f"give these stages an id in core/messages.py STAGES: {missing}"


def test_every_core_message_and_stage_has_a_spanish_translation():
    spanish = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    ids = {**messages.error_ids(), **messages.STAGES}
    assert len(messages.error_ids()) > 60  # every CoreError subclass across core was found
    missing = sorted(i for i in ids if not spanish.get(i, "").strip())
    assert not missing, f"{len(missing)} core messages lack Spanish: {missing[:10]}"
    stale = sorted(set(spanish) - set(ids))
    assert not stale, f"translations for ids core no longer has: {stale}"
    same = sorted(i for i in ids if spanish[i] == ids[i] and len(ids[i]) > 12)
    assert not same, f"left in English: {same}"


def test_errors_and_stages_are_shown_in_spanish():
    message, hint = messages.localise_error(WrongPassphrase(), "es")
    assert message == "Esa frase no desbloquea esta bóveda." and "código de recuperación" in hint
    assert messages.localise_error(NoRecipients(), "es", desktop=True)[1].startswith("Abre Ajustes")
    assert messages.localise_stage("Loading the theme model", "es") == "Cargando el modelo de temas"
    assert messages.localise_error(WrongPassphrase(), "en")[0] == WrongPassphrase.user_message
    # A message written at the raise site (with a name in it) has no id yet: shown as raised,
    # and its class's generic hint is still translated.
    custom = ModelNotInstalled("The speech recognition model 'large' is not installed.")
    message, hint = messages.localise_error(custom, "es")
    assert message == custom.user_message and hint.startswith("Importa un modelo")
