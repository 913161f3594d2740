"""Every message core shows people has a stable id and a Spanish translation."""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from core import messages
from core.errors import (
    GuideInvalid,
    InvalidInput,
    ModelNotInstalled,
    Msg,
    NoRecipients,
    NotFound,
    WrongPassphrase,
    placeholders,
)
from core.message_texts import TEXTS

ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = ROOT / "resources" / "translations" / "core.es.json"
# Packages whose raise sites still write their message as plain English (being converted to
# ids one package at a time); the scan below skips them. Empty when every package is done.
NOT_YET_CONVERTED: set[str] = set()


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


def _is_text(node: ast.AST) -> bool:
    """A message written out in English at the call: a literal, an f-string, or one glued."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and bool(node.value)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "format":
        return _is_text(node.func.value)
    return False


def _core_trees() -> list[tuple[str, ast.AST]]:
    return [(str(p.relative_to(ROOT)), ast.parse(p.read_text(encoding="utf-8")))
            for p in sorted((ROOT / "core").rglob("*.py"))]


def _error_names() -> set[str]:
    # core/cli/common.fail, core/packets/format.reject (a packet's reason code and detail)
    return {c.__name__ for c in messages.error_classes()} | {"fail", "reject"}


def _message_args(call: ast.Call) -> list[ast.AST]:
    """The arguments of an error call that become the words a person reads."""
    name = call.func.id if isinstance(call.func, ast.Name) else getattr(call.func, "attr", "")
    args = list(call.args[:2])
    if name in ("reject", "add", "at"):  # (code, detail), (line or node, problem)
        args = list(call.args[1:2])
    elif name in ("GuideInvalid", "InvalidInterviewDoc"):  # (problems, message)
        first = call.args[0] if call.args else None
        args = [*(first.elts if isinstance(first, (ast.List, ast.Tuple)) else []), *call.args[1:2]]
    return args + [k.value for k in call.keywords if k.arg in ("user_message", "hint", "reason")]


def test_no_raise_site_in_core_writes_its_message_as_plain_text():
    names = _error_names()
    written: list[str] = []
    for rel, tree in _core_trees():
        package = Path(rel).parts[1]
        if package in NOT_YET_CONVERTED:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            if name == "fail" and package != "cli":  # core/cli/common.fail; others are not errors
                continue
            # The guide loader collects its problems: problems.add(line, …), problems.at(node, …).
            collects = package == "guide" and name in ("add", "at")
            if (name in names or collects) and any(_is_text(a) for a in _message_args(node)):
                written.append(f"{rel}:{node.lineno}")
    assert not written, ("raise these with an id, Msg(\"<package>.<what>\", detail=...), English "
                         f"in core/message_texts.py and Spanish in core.es.json: {written}")


def test_no_audit_check_in_core_writes_its_evidence_as_plain_text():
    """A privacy check's evidence and what to do are read in the reviewer's language (decision
    0210): ``report.add(name, status, Msg(...), Msg(...))``, never a sentence written out."""
    written, seen = [], 0
    for rel, tree in _core_trees():
        if not rel.startswith("core/audit/"):
            continue
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "add"
                    and len(node.args) >= 3):
                seen += 1
                words = [*node.args[2:4], *(k.value for k in node.keywords if k.arg in ("evidence", "what_to_do"))]
                for arg in words:
                    branches = [arg.body, arg.orelse] if isinstance(arg, ast.IfExp) else [arg]
                    if any(_is_text(b) for b in branches):
                        written.append(f"{rel}:{node.lineno}")
    assert seen > 45  # every check was looked at
    assert not written, f"write these checks' words as Msg ids (core/message_texts_output.py): {written}"


def test_no_import_verdict_in_core_gives_its_reason_as_plain_text():
    """Why a copy was added or refused is read on the coordinator's screen in its language:
    ``ImportResult.said(path, id, verdict, Msg(...))``, never ``ImportResult(..., "a sentence")``."""
    written, seen = [], 0
    for rel, tree in _core_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                if name in ("ImportResult", "said", "result") and len(node.args) >= 2:
                    seen += 1
                    if any(_is_text(a) for a in node.args[1:4] if not isinstance(a, ast.Constant)
                           or len(str(a.value).split()) > 1):
                        written.append(f"{rel}:{node.lineno}")
    assert seen > 15
    assert not written, f"give these verdicts' reasons as Msg ids (core/message_texts_output.py): {written}"


_WORD = re.compile(r"(?<!\w)[^\W\d_]{3,}(?!\w)")
# Words a literal may show in any language: the product, a language named in itself, a hash's
# name, the recovery code's pattern.
_ANY_LANGUAGE = {"Confidant", "English", "Español", "SHA", "XXXXX"}
# Where the desktop shows text: a literal here is English on a Spanish screen (use self.tr).
_SHOWN = {"setText", "addItem", "setToolTip", "setPlaceholderText", "setWindowTitle", "setTitle", "QLabel",
          "setStatusTip", "showMessage", "setHtml", "setPlainText", "addTab", "QListWidgetItem", "QPushButton",
          "QCheckBox", "QRadioButton", "QGroupBox", "button", "note", "heading"}


def _literal_words(node: ast.AST) -> list[str]:
    """The words written out in a literal argument (f-string parts and constants inside it)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [w for w in _WORD.findall(node.value) if w not in _ANY_LANGUAGE]
    if isinstance(node, ast.JoinedStr):
        return [w for v in node.values for w in _literal_words(v.value if isinstance(v, ast.FormattedValue) else v)]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _literal_words(node.left) + _literal_words(node.right)
    if isinstance(node, ast.IfExp):
        return _literal_words(node.body) + _literal_words(node.orelse)
    return []


def _english_literals(folder: str, names: set[str], first_only: bool) -> list[str]:
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call):
                name = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
                args = node.args[:1] if first_only else node.args
                words = [w for a in args for w in _literal_words(a)]
                if name in names and words:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {' '.join(words)}")
    return found


def test_no_command_prints_english_written_out():
    """What a command prints is a message with an id (``say(Msg(...))``, ``text_of``): a
    sentence, a label or a column heading written out in a ``print`` is English in Spanish."""
    found = _english_literals("core/cli", {"print", "write"}, first_only=False)
    assert not found, f"print these with Msg ids (core/message_texts_output.py): {found}"


def test_no_screen_shows_english_written_out():
    """A text the window shows goes through ``self.tr`` (or a core message): a literal passed
    straight to a widget would be English on the Spanish screen."""
    found = _english_literals("desktop", _SHOWN, first_only=True)
    assert not found, f"wrap these in self.tr(...) and translate them: {found}"


def test_every_string_the_desktop_translates_is_written_where_lupdate_finds_it():
    """``self.tr(variable)`` translates only what some other literal put in the catalogue: words
    looked up from a dict were English in Spanish (a redaction's state, issue 18). Only the two
    helpers that pass core's already-translated text through may take a variable."""
    dynamic = []
    for path in sorted((ROOT / "desktop").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "attr", getattr(node.func, "id", "")) in (
                    "tr", "translate"):
                text = node.args[1:2] if getattr(node.func, "attr", "") == "translate" else node.args[:1]
                if any(not isinstance(a, ast.Constant | ast.BinOp) for a in text):
                    dynamic.append(path.relative_to(ROOT).as_posix())
    assert dynamic == ["desktop/errors.py", "desktop/unlock/strength.py"], dynamic  # their ``_tr`` helpers


def test_the_english_scans_can_fail(tmp_path):
    sample = ast.parse('print(f"Imported {n} segments")\nlabel.setText("Saved.")\nlabel.setText(self.tr("Saved."))\n'
                       'print(f"{code}  {text_of(Msg(\'cli.x\'))}")\nitem.addItem("English", "en")\n')
    calls = [n for n in ast.walk(sample) if isinstance(n, ast.Call) and getattr(n.func, "id", "") == "print"
             or isinstance(n, ast.Call) and getattr(n.func, "attr", "") in ("setText", "addItem")]
    flagged = [n.lineno for n in calls if [w for a in n.args[:1] for w in _literal_words(a)]]
    assert flagged == [1, 2]


def _msg_calls() -> list[tuple[str, int, str, set[str]]]:
    found = []
    for rel, tree in _core_trees():
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Msg"
                    and node.args and isinstance(node.args[0], ast.Constant)):
                found.append((rel, node.lineno, node.args[0].value, {k.arg for k in node.keywords if k.arg}))
    return found


def test_every_message_id_raised_has_its_english_with_the_same_details():
    calls = _msg_calls()
    assert len(calls) > 100
    problems = []
    for rel, line, mid, given in calls:
        if mid not in TEXTS:
            problems.append(f"{rel}:{line}: {mid} is not in core/message_texts.py")
        elif placeholders(TEXTS[mid]) != given:
            problems.append(f"{rel}:{line}: {mid} takes {sorted(placeholders(TEXTS[mid]))}, given {sorted(given)}")
    assert not problems, problems
    # "format.*" entries are how numbers are written (core.errors.Count reads them), not messages.
    unused = sorted(set(TEXTS) - {mid for _, _, mid, _ in calls} - {m for m in TEXTS if m.startswith("format.")})
    assert not unused, f"ids no raise site uses any more (remove them here and in core.es.json): {unused}"


def test_every_progress_stage_in_core_has_a_stable_id():
    literals = _stage_literals()
    assert len(literals) >= 15
    missing = sorted(t for t in literals if messages.stage_id(t) is None)
    assert not missing, f"give these stages an id in core/messages.py STAGES: {missing}"


def test_every_core_message_and_stage_has_a_spanish_translation():
    spanish = json.loads(CATALOGUE.read_text(encoding="utf-8"))
    ids = {**messages.error_ids(), **messages.STAGES, **TEXTS}
    assert len(messages.error_ids()) > 60  # every CoreError subclass across core was found
    missing = sorted(i for i in ids if not spanish.get(i, "").strip())
    assert not missing, f"{len(missing)} core messages lack Spanish: {missing[:10]}"
    stale = sorted(set(spanish) - set(ids))
    assert not stale, f"translations for ids core no longer has: {stale}"
    same = sorted(i for i in ids if spanish[i] == ids[i] and len(re.sub(r"\{[^}]*\}", "", ids[i])) > 12)
    assert not same, f"left in English: {same}"
    differ = sorted(i for i in TEXTS if placeholders(spanish[i]) != placeholders(TEXTS[i]))
    assert not differ, f"Spanish with other placeholders than the English: {differ}"


def test_errors_and_stages_are_shown_in_spanish():
    message, hint = messages.localise_error(WrongPassphrase(), "es")
    assert message == "Esa frase no desbloquea esta bóveda." and "código de recuperación" in hint
    assert messages.localise_error(NoRecipients(), "es", desktop=True)[1].startswith("Abre Ajustes")
    assert messages.localise_stage("Loading the theme model", "es") == "Cargando el modelo de temas"
    assert messages.localise_error(WrongPassphrase(), "en")[0] == WrongPassphrase.user_message
    # A message still written at the raise site is shown as raised; its class's hint is translated.
    custom = ModelNotInstalled("The speech recognition model 'large' is not installed.")
    message, hint = messages.localise_error(custom, "es")
    assert message == custom.user_message and hint.startswith("Importa un modelo")


def test_a_message_with_details_is_shown_in_either_language_with_its_details_untranslated():
    exc = NotFound(Msg("vault.no_interview", interview_id="int-42"), Msg("vault.no_interview.hint"))
    assert exc.user_message == "There is no interview int-42."  # English where raised (logs, str)
    assert str(exc).endswith("`confidant interview list`.")
    assert messages.localise_error(exc, "en") == (exc.user_message, exc.hint)
    message, hint = messages.localise_error(exc, "es")
    assert message == "No existe la entrevista int-42." and hint.startswith("Mira las entrevistas")
    # A detail that is itself a message is rendered in the same language.
    none = InvalidInput(Msg("vault.no_guide_vault_2", ref="x"),
                        Msg("vault.no_guide_vault_2.hint", guides=Msg("vault.none")))
    assert "Guías aquí: ninguna." in messages.localise_error(none, "es")[1]
    assert "Guides here: none." in none.hint
    guide = GuideInvalid([Msg("vault.site_empty"), "line 3: plain"])
    assert messages.localise_error(guide, "es")[0] == (
        "La guía de entrevista tiene errores:\n  - El lugar está vacío.\n  - line 3: plain")


def test_the_language_a_command_speaks_is_chosen_as_the_person_set_it(tmp_path, monkeypatch):
    for name in ("CONFIDANT_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    monkeypatch.setenv("APPDATA", str(tmp_path))
    assert messages.person_language() == "en"
    monkeypatch.setenv("LANG", "es_MX.UTF-8")
    assert messages.person_language() == "es"
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert messages.person_language() == "en"  # a language Confidant does not speak
    settings = tmp_path / "Confidant" / "confidant.ini"
    settings.parent.mkdir()
    settings.write_text("[General]\nlanguage=es\nautolock_minutes=10\n", encoding="utf-8")
    assert messages.person_language() == "es"  # the app's setting before the locale
    monkeypatch.setenv("CONFIDANT_LANG", "en")
    assert messages.person_language() == "en"
    assert messages.person_language("es") == "es"  # --language wins
    settings.write_bytes(b"\xff\xfe not an ini")
    monkeypatch.delenv("CONFIDANT_LANG")
    assert messages.person_language() == "en"  # a damaged settings file is ignored


def _cli(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "core.cli", *args], check=False, capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=120)


@pytest.fixture
def cli_env(tmp_path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CONFIDANT_LANG", "LC_ALL", "LC_MESSAGES", "LANG", "CONFIDANT_PASSPHRASE")}
    env.update(PYTHONPATH=str(ROOT), XDG_CONFIG_HOME=str(tmp_path / "config"), LANG="C.UTF-8")
    return env


def test_the_command_line_speaks_spanish_when_the_app_was_set_to_spanish(tmp_path, cli_env):
    settings = tmp_path / "config" / "Confidant" / "confidant.ini"
    settings.parent.mkdir(parents=True)
    settings.write_text("[General]\nlanguage=es\n", encoding="utf-8")
    missing = tmp_path / "no-such-passphrase.txt"
    run = _cli(["--vault", str(tmp_path / "v"), "--passphrase-file", str(missing), "interview", "list"],
               cli_env, tmp_path)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert f"error: No se puede leer una frase de contraseña de {missing}." in run.stderr
    assert "sugerencia: Escribe la frase de contraseña en la primera línea de ese archivo." in run.stderr
    # --language en, and CONFIDANT_LANG, override the app's setting.
    english = _cli(["--language", "en", "--vault", str(tmp_path / "v"), "--passphrase-file", str(missing),
                    "interview", "list"], cli_env, tmp_path)
    assert f"error: Cannot read a passphrase from {missing}." in english.stderr
    assert "hint: Put the passphrase on the first line of that file." in english.stderr


def test_the_command_line_speaks_spanish_from_the_environment(tmp_path, cli_env):
    cli_env["CONFIDANT_LANG"] = "es"
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery staple\n", encoding="utf-8")
    run = _cli(["--vault", str(tmp_path / "nothing-here"), "--passphrase-file", str(passphrase),
                "interview", "list"], cli_env, tmp_path)
    assert run.returncode != 0 and "Traceback" not in run.stderr
    assert f"error: No hay ninguna bóveda en {tmp_path / 'nothing-here'}." in run.stderr, run.stderr
    assert "sugerencia: Revisa la carpeta" in run.stderr
    # What a command prints when it works is in Spanish too.
    made = _cli(["--vault", str(tmp_path / "nueva"), "--passphrase-file", str(passphrase), "init"],
                cli_env, tmp_path)
    assert made.returncode == 0, made.stderr
    assert f"Se creó una bóveda de investigación en {tmp_path / 'nueva'}" in made.stdout
    assert "Tu código de recuperación (se muestra solo esta vez" in made.stdout
    # The tables and rows of everyday commands too (codes, ids and dates stay as they are).
    vault = ["--vault", str(tmp_path / "nueva"), "--passphrase-file", str(passphrase)]
    new = _cli([*vault, "interview", "new", "--participant-code", "P-007", "--site", "PLANTA",
                "--language", "es", "--consent", "verbal"], cli_env, tmp_path)
    assert new.returncode == 0, new.stderr
    iid = new.stdout.strip()
    shown = _cli([*vault, "interview", "show", iid], cli_env, tmp_path)
    assert f"Entrevista {iid}\n  código de participante: P-007\n" in shown.stdout, shown.stdout + shown.stderr
    assert "estado:                 sin grabar" in shown.stdout and "participant code" not in shown.stdout
    listed = _cli([*vault, "interview", "list"], cli_env, tmp_path)
    assert "P-007" in listed.stdout and "sin grabar" in listed.stdout and " new" not in listed.stdout
    guides = _cli([*vault, "guide", "list"], cli_env, tmp_path)
    assert guides.returncode == 0 and " preguntas  " in guides.stdout and "questions" not in guides.stdout
    takes = _cli([*vault, "audio", "takes", iid], cli_env, tmp_path)
    assert takes.returncode == 0 and "Take" not in takes.stdout, takes.stdout


def test_the_coordinator_and_deid_commands_speak_spanish(tmp_path, cli_env):
    cli_env["CONFIDANT_LANG"] = "es"
    passphrase = tmp_path / "pass.txt"
    passphrase.write_text("correct horse battery staple\n", encoding="utf-8")
    vault = ["--vault", str(tmp_path / "coord"), "--passphrase-file", str(passphrase)]
    made = _cli([*vault, "coordinator", "init"], cli_env, tmp_path)
    assert made.returncode == 0 and "Traceback" not in made.stderr, made.stderr
    assert f"Se creó una bóveda de coordinación en {tmp_path / 'coord'}" in made.stdout
    assert "Tu código de recuperación (se muestra solo esta vez" in made.stdout
    assert "Esta es una bóveda de coordinación." in made.stdout
    assert "Para leer en voz alta: " in made.stdout
    assert "This is a coordinator vault" not in made.stdout
    inbox = _cli([*vault, "coordinator", "inbox"], cli_env, tmp_path)
    assert inbox.returncode == 0 and inbox.stdout.strip() == "La bandeja de entrada está vacía.", inbox.stderr
    rules = _cli([*vault, "coordinator", "rules"], cli_env, tmp_path)
    assert "Grupo más pequeño que se muestra en los informes para compartir (k): " in rules.stdout, rules.stderr
    # deid scan needs no vault: an empty file, then Spanish text scanned as English.
    empty = tmp_path / "vacio.txt"
    empty.write_text("", encoding="utf-8")
    scan = _cli(["deid", "scan", str(empty), "--no-presidio"], cli_env, tmp_path)
    assert scan.returncode == 0, scan.stderr
    assert "No hay texto que revisar: la entrada está vacía." in scan.stderr
    spanish = tmp_path / "texto.txt"
    spanish.write_text("Mi supervisora me dijo que el turno de la noche no se paga y que los domingos "
                       "trabajamos sin descanso en la planta.\n", encoding="utf-8")
    noted = _cli(["deid", "scan", str(spanish), "--no-presidio", "--language", "en"], cli_env, tmp_path)
    assert noted.returncode == 0, noted.stderr
    assert ("nota: este texto parece estar en español; se revisó como inglés "
            "(usa --language es si no es así).") in noted.stderr, noted.stderr


def test_a_guide_with_mistakes_is_explained_in_spanish_with_its_lines_and_ids():
    from core.guide.draft import GuideDraft
    from core.guide.loader import load_guide
    bad = "id: g\nversion: '1'\ntitle: T\nlanguage: es\nsectons: []\nthemes: []\n"
    with pytest.raises(GuideInvalid) as caught:
        load_guide(bad, "mi-guia.yaml")
    english = caught.value.user_message
    assert "mi-guia.yaml, line 5: 'sectons' is not something the guide can have. Did you mean 'sections'?" in english
    spanish = messages.localise_error(caught.value, "es")[0]
    assert spanish.startswith("La guía de entrevista tiene errores:\n  - mi-guia.yaml, línea ")
    assert "'sectons' no es algo que pueda tener la guía. ¿Quisiste decir 'sections'?" in spanish
    # The guide editor's own checks, shown as the person types.
    draft = GuideDraft("g", "", "", "xx", "", [], [])
    shown = [messages.render(m, "es") for m in draft.problem_messages()]
    assert shown[:3] == ["La guía necesita un título.", "Elige el idioma de la guía (inglés o español).",
                         "La guía necesita una versión."]
    assert draft.problems()[0] == "The guide needs a title."


def test_a_yes_no_question_is_asked_and_answered_in_the_persons_language(monkeypatch, capsys):
    from core.cli import common
    asked: list[str] = []
    answers = iter(["Sí", "no", "sí", "yes"])

    def terminal(prompt: str) -> str:
        asked.append(prompt)
        return next(answers)

    monkeypatch.setattr("builtins.input", terminal)
    before = common.language()
    try:
        common.set_language("es")
        assert common.ask_yes(Msg("cli.words_match_prompt")) is True
        assert common.ask_yes(Msg("cli.words_match_prompt")) is False
        common.set_language("en")
        assert common.ask_yes(Msg("cli.words_match_prompt")) is False  # "sí" is not an English yes
        assert common.ask_yes(Msg("cli.words_match_prompt")) is True
    finally:
        common.set_language(before)
    assert asked[0] == "¿Coinciden las ocho palabras? [sí/no] "
    assert asked[2] == "Do all eight words match? [yes/no] "


def test_counts_are_grouped_the_readers_way():
    """Sizes in audit evidence read "552,960 bytes" in English and "552.960 bytes" in Spanish;
    Spanish leaves four digits whole ("2048"), as the RAE asks and the reports do."""
    from core.errors import Count
    msg = Msg("audit.wal", journal="wal", size=Count(552960), frames=134, shm="absent")
    assert "552,960 bytes" in messages.render(msg, "en")
    assert "552.960 bytes" in messages.render(msg, "es")
    assert "2048 bytes" in messages.render(Msg("audit.wal", journal="wal", size=Count(2048), frames=0, shm="absent"), "es")
    assert "2,048 bytes" in messages.render(Msg("audit.wal", journal="wal", size=Count(2048), frames=0, shm="absent"), "en")
