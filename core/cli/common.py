"""Helpers shared by the CLI modules: finding the vault, reading the passphrase, printing."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path
from typing import Any

from core.errors import CoreError, InvalidInput, Join, Msg
from core.jobs import Progress
from core.vault.location import default_vault_dir

_language = "en"  # the language this command speaks to the person in (set by core.cli.main)


def set_language(language: str) -> str:
    global _language
    _language = language
    return language


def language() -> str:
    """The language of this command's messages ("en", "es")."""
    return _language


def say(msg: Msg | Join, *, err: bool = False) -> None:
    """Print a message with an id in the person's language (stderr when ``err``)."""
    from core.messages import render
    print(render(msg, _language), file=sys.stderr if err else sys.stdout)


def text_of(msg: Msg | Join) -> str:
    """A message with an id as text in the person's language (for words inside a line)."""
    from core.messages import render
    return render(msg, _language)


_YES = {"en": ("y", "yes"), "es": ("s", "si", "sí", "y", "yes")}


def ask_yes(prompt: Msg) -> bool:
    """Ask a yes/no question at the terminal in the person's language; no answer is no."""
    try:
        answer = input(text_of(prompt)).strip().lower()
    except EOFError:
        return False
    return answer in _YES.get(_language, _YES["en"])


def vault_dir(args: argparse.Namespace) -> Path:
    return Path(args.vault) if getattr(args, "vault", None) else default_vault_dir()


def read_passphrase(args: argparse.Namespace, prompt: str = "Passphrase: ", *, confirm: bool = False) -> str:
    """From --passphrase-file, $CONFIDANT_PASSPHRASE, or a TTY prompt (in that order)."""
    path = getattr(args, "passphrase_file", None)
    if path:
        try:
            return Path(path).read_text(encoding="utf-8").splitlines()[0]
        except (OSError, IndexError) as exc:
            raise InvalidInput(Msg("cli.cannot_read_passphrase", path=path),
                               Msg("cli.cannot_read_passphrase.hint")) from exc
    env = os.environ.get("CONFIDANT_PASSPHRASE")
    if env is not None:
        return env
    if not sys.stdin.isatty():
        raise InvalidInput(Msg("cli.no_passphrase_given"),
                           Msg("cli.no_passphrase_given.hint"))
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again, to confirm: ") != first:
        raise InvalidInput(Msg("cli.two_passphrases_not_match"), Msg("cli.two_passphrases_not_match.hint"))
    return first


def open_vault(args: argparse.Namespace):  # -> Vault (imported lazily)
    """Unlock the vault of ``--vault``; says so when the unlock recovered an interrupted recording."""
    from core.reports.fonts import use_paper_of
    from core.vault import Vault
    vault = Vault.open(vault_dir(args), read_passphrase(args))
    use_paper_of(vault)  # every PDF this command writes uses the vault's paper size
    for rid in vault.recovered_recordings:
        say(Msg("cli.recovered_recording_interrupted_everything", rid=rid), err=True)
    return vault


def print_json(data: Any) -> None:
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


class ProgressPrinter:
    """A one-line progress bar on stderr for CLI jobs (silent when stderr is not a TTY)."""

    def __init__(self, label: str = "") -> None:
        self.label = label
        self.is_tty = sys.stderr.isatty()
        self._last = -1

    def __call__(self, progress: Progress) -> None:
        frac = progress.fraction
        if frac is None:
            return
        pct = int(frac * 100)
        if pct == self._last:
            return
        self._last = pct
        if self.is_tty:
            bar = "#" * (pct // 4)
            from core.messages import localise_stage
            label = localise_stage(self.label or progress.stage, _language)
            sys.stderr.write(f"\r{label} [{bar:<25}] {pct:3d}%")
            if pct >= 100:
                sys.stderr.write("\n")
            sys.stderr.flush()


def fail(message: str | Msg, hint: str | Msg = "") -> CoreError:
    return CoreError(message, hint)


def words_block(words: str) -> str:
    """Fingerprint words in groups of four, easier to read aloud over the phone."""
    w = words.split()
    return "  ".join(" ".join(w[i:i + 4]) for i in range(0, len(w), 4))


def write_key_file(path: str | Path, text: str) -> Path:
    """Write a public key file a person hands on; a clear error if the folder is not writable."""
    path = Path(path)
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InvalidInput(Msg("cli.cannot_write", path=path), Msg("cli.cannot_write.hint")) from exc
    say(Msg("cli.wrote_file", path=path))
    return path
