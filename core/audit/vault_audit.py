"""``run_vault_audit``: every check of an unlocked vault, as one report (docs/SECURITY.md §5)."""

from __future__ import annotations

import configparser
import json
import logging
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from core.audit import needles as needles_mod
from core.audit import vault_checks
from core.audit.erasure_checks import NAME as ERASURE_CHECK
from core.audit.erasure_checks import RETENTION, check_erasures, check_retention
from core.audit.model import FAIL, PASS, WARN, AuditReport, guarded
from core.audit.scan import iter_files, scan_files
from core.errors import Join, Msg
from core.packets.keys import list_recipients
from core.vault import Vault, auditlog

log = logging.getLogger(__name__)
APP_NAME = "Confidant"
MAX_AUTOLOCK_MINUTES = 30
DEFAULT_AUTOLOCK_MINUTES = 10


def app_dirs() -> list[Path]:
    """The app's own cache, config, log and data folders (platformdirs; XDG on Linux)."""
    import platformdirs
    out = []
    for name in (APP_NAME, APP_NAME.lower()):
        out += [Path(platformdirs.user_cache_dir(name, appauthor=False)),
                Path(platformdirs.user_config_dir(name, appauthor=False)),
                Path(platformdirs.user_log_dir(name, appauthor=False)),
                Path(platformdirs.user_data_dir(name, appauthor=False))]
    return list(dict.fromkeys(out))


def run_vault_audit(vault: Vault, *, extra_dirs: Iterable[str | Path] = (),
                    passphrase: str | None = None, temp_dirs: Sequence[str | Path] | None = None,
                    app_folders: Sequence[str | Path] | None = None,
                    seed: int | None = None, skip_dirs: Iterable[str | Path] = ()) -> AuditReport:
    """Audit an unlocked vault. ``passphrase`` (optional) re-derives the whole key chain too.

    ``skip_dirs`` are left out of the plaintext scan and named in the evidence (the demo uses
    it for its own de-identified outputs, which are meant to hold interview text)."""
    started = time.monotonic()
    report = AuditReport(subject="vault", subject_id=vault.vault_id)
    db_path = vault.folder / "vault.db"
    # Each step is guarded: one that cannot run (a missing module, a bug) is FAIL with the
    # reason for each claim it makes, and the other checks still run.
    guarded(report, ["vault.db has no SQLite header", "vault.db looks random"],
            vault_checks.check_header_and_entropy, report, db_path)
    guarded(report, ["SQLCipher version and settings", "WAL and shared-memory files"],
            vault_checks.check_sqlcipher_settings, report, vault)
    guarded(report, ["Independent decryption (SQLCipher 4 page format)"]
            + (["Key hierarchy re-derived from the passphrase"] if passphrase else []),
            vault_checks.check_pages, report, vault, passphrase)
    guarded(report, ["vault.json format and key-derivation policy", "vault.json holds no secret in plaintext"],
            vault_checks.check_keyfile, report, vault)
    guarded(report, [ERASURE_CHECK], check_erasures, report, vault)
    guarded(report, [RETENTION], check_retention, report, vault)

    # If the app's own folders cannot be named they cannot be scanned: that is a FAIL of its own.
    apps = ([Path(p) for p in app_folders] if app_folders is not None
            else guarded(report, ["App folders scanned"], app_dirs) or [])
    found = guarded(report, PLAINTEXT_CHECKS + AUDIT_LOG_CHECKS + ["Log files hold no content"],
                    needles_mod.gather, vault, seed)
    if found is not None:
        temps = [Path(p) for p in (temp_dirs if temp_dirs is not None else [tempfile.gettempdir()])]
        roots = [vault.folder, *apps, *temps, *(Path(p) for p in extra_dirs)]
        guarded(report, PLAINTEXT_CHECKS, _check_plaintext, report, found, roots,
                [Path(p) for p in skip_dirs], temps)
        guarded(report, AUDIT_LOG_CHECKS, _check_audit_log, report, vault, found)
        guarded(report, ["Log files hold no content"], _check_logs, report, found,
                [*apps, vault.folder, *(Path(p) for p in extra_dirs)])
    guarded(report, ["Auto-lock on", "Recovery code created", "Coordinator recipients"],
            _check_configuration, report, vault, apps)
    report.facts["audit_seconds"] = round(time.monotonic() - started, 2)
    log.info("vault audit id=%s checks=%d status=%s", vault.vault_id, len(report.checks), report.status)
    return report


MAX_LISTED_FILES = 25
# The kinds of thing the scan looks for, in words a reader of any language gets (the JSON
# facts keep the English kind).
KIND_WORDS = {"transcript phrase": Msg("audit.kind.transcript_phrase"),
              "participant code": Msg("audit.kind.participant_code"),
              "protected name": Msg("audit.kind.protected_name"),
              "workplace name": Msg("audit.kind.workplace_name"),
              "raw audio": Msg("audit.kind.raw_audio"),
              "raw audio (PCM16)": Msg("audit.kind.raw_audio_pcm16"),
              "raw audio (float32)": Msg("audit.kind.raw_audio_float32"),
              "key material": Msg("audit.kind.key_material"),
              "WAV header": Msg("audit.kind.wav_header"),
              "FLAC header": Msg("audit.kind.flac_header"),
              "OGG header": Msg("audit.kind.ogg_header")}


def kind_word(kind: str) -> Msg | str:
    return KIND_WORDS.get(kind, kind)
PLAINTEXT_CHECKS = ["No plaintext on disk", "Raw audio search"]
AUDIT_LOG_CHECKS = ["Security log hash chain", "Security log holds no content", "Failed unlock attempts"]


def _check_plaintext(report: AuditReport, found: needles_mod.NeedleSet, roots: list[Path],
                     skip: list[Path], temps: list[Path]) -> None:
    software: list[str] = []
    result = scan_files(iter_files(roots, skip=skip, scoped=temps, software_dirs=software), found.needles)
    report.facts["plaintext_scan"] = {"roots": [str(r) for r in roots if r.exists()], "files": result.files,
                                      "bytes": result.bytes, "needles": found.counts,
                                      "skipped": result.skipped[:50],
                                      "software_folders_not_scanned": software[:50]}
    looked_for = Join([Msg("audit.count_of", n=n, kind=kind_word(k))
                       for k, n in sorted(found.counts.items()) if k != "key material"], ", ")
    where_parts: list[Msg | str] = ["; ".join(str(r) for r in roots if r.exists())]
    if skip:
        where_parts.append(Msg("audit.not_scanned", folders="; ".join(str(p) for p in skip)))
    if software:
        where_parts.append(Msg("audit.software_not_scanned", n=len(software)))
    where = Join(where_parts, "")
    if result.hits:
        by_path: dict[str, list[str]] = {}
        for hit in result.hits:
            by_path.setdefault(hit.path, []).append(hit.kind)
        items = sorted(by_path.items())
        listed: list[Msg | Join] = [Join([Join([path, Join([kind_word(k) for k in sorted(set(kinds))], ", ")], ": ")
                                          for path, kinds in items[:MAX_LISTED_FILES]])]
        if len(items) > MAX_LISTED_FILES:
            listed.append(Msg("audit.and_more_files", n=len(items) - MAX_LISTED_FILES))
        report.facts["plaintext_hits"] = {path: sorted(set(kinds)) for path, kinds in items}
        report.add("No plaintext on disk", FAIL,
                   Msg("audit.plaintext_found", n=len(by_path), listed=Join(listed, ""), files=result.files,
                       mib=f"{result.bytes / 2**20:.1f}", where=where),
                   Msg("audit.plaintext_found.hint"))
    else:
        report.add("No plaintext on disk", PASS,
                   Msg("audit.plaintext_clean", files=result.files, mib=f"{result.bytes / 2**20:.1f}", where=where,
                       looked_for=looked_for if looked_for.items else Msg("audit.vault_empty")))
    if result.skipped:
        report.add("Plaintext scan coverage", WARN,
                   Msg("audit.not_scannable", n=len(result.skipped), files="; ".join(result.skipped[:5])),
                   Msg("audit.not_scannable.hint"))
    if found.recordings == 0:
        report.add("Raw audio search", WARN, Msg("audit.no_recordings"), Msg("audit.no_recordings.hint"))
    else:
        # Judged on audio hits alone: a text hit is the plaintext check's finding, and pointing
        # the reader there from here when no audio was found sent them looking for audio.
        audio_found = any(h.kind.startswith("raw audio") for h in result.hits)
        report.add("Raw audio search", FAIL if audio_found else PASS,
                   Msg("audit.raw_audio_see") if audio_found else
                   Msg("audit.raw_audio_clean", n=found.recordings), Msg("audit.delete_listed.hint"))


def _check_audit_log(report: AuditReport, vault: Vault, found: needles_mod.NeedleSet) -> None:
    chain = auditlog.verify(vault.conn)
    items = auditlog.entries(vault.conn)
    if chain.ok:
        report.add("Security log hash chain", PASS, Msg("audit.chain_ok", n=chain.entries))
    else:
        report.add("Security log hash chain", FAIL, Msg("audit.chain_broken", problem=chain.problem),
                   Msg("audit.chain_broken.hint"))
    texts = found.texts()
    leaks = [e.seq for e in items if any(t in json.dumps(e.details, ensure_ascii=False) for t in texts)]
    events = sorted({e.event for e in items})
    report.add("Security log holds no content", FAIL if leaks else PASS,
               Msg("audit.log_clean", events=", ".join(events)) if not leaks
               else Msg("audit.log_leaks", entries=leaks[:10]), Msg("audit.log_leaks.hint"))
    failed = sum(int(e.details.get("count", 0)) for e in items if e.event == "unlock_failed")
    report.facts["failed_unlocks_logged"] = failed
    report.add("Failed unlock attempts", WARN if failed else PASS, Msg("audit.failed_unlocks", n=failed),
               Msg("audit.failed_unlocks.hint"))


def _check_logs(report: AuditReport, found: needles_mod.NeedleSet, roots: list[Path]) -> None:
    logs = [p for p in iter_files(roots) if p.suffix in (".log", ".txt") or ".log." in p.name]
    if not logs:
        report.add("Log files hold no content", PASS, Msg("audit.no_logs"))
        return
    result = scan_files(logs, found.needles, signatures=False)
    hit_paths = sorted({h.path for h in result.hits})
    report.add("Log files hold no content", FAIL if hit_paths else PASS,
               Msg("audit.logs_found", n=len(logs), paths="; ".join(hit_paths)) if hit_paths
               else Msg("audit.logs_clean", n=len(logs)), Msg("audit.logs_found.hint"))


def _check_configuration(report: AuditReport, vault: Vault, apps: list[Path]) -> None:
    minutes, source = DEFAULT_AUTOLOCK_MINUTES, Msg("audit.default")
    for folder in apps:
        ini = folder / "confidant.ini"
        if ini.is_file():
            parser = configparser.ConfigParser()
            try:
                parser.read(ini, encoding="utf-8")
                value = parser.get("General", "autolock_minutes", fallback=None)
            except (configparser.Error, UnicodeDecodeError):
                value = None
            if value is not None and value.strip().isdigit():
                minutes, source = int(value), Msg("audit.plain", text=str(ini))
                break
    report.add("Auto-lock on", PASS if minutes <= MAX_AUTOLOCK_MINUTES else WARN,
               Msg("audit.autolock", minutes=minutes, source=source),
               Msg("audit.autolock.hint", minutes=MAX_AUTOLOCK_MINUTES))
    has_recovery = vault.keyfile.recovery_wrap is not None and vault.meta("recovery_code_created") == "1"
    report.add("Recovery code created", PASS if has_recovery else WARN,
               Msg("audit.recovery_code") if has_recovery else Msg("audit.no_recovery_code"),
               Msg("audit.no_recovery_code.hint"))
    _check_recipients(report, vault)


def _check_recipients(report: AuditReport, vault: Vault) -> None:
    recipients = list_recipients(vault)
    if vault.role == "coordinator":
        report.add("Coordinator recipients", PASS, Msg("audit.coordinator_vault", n=len(recipients)))
        return
    if not recipients:
        report.add("Coordinator recipients", WARN, Msg("audit.no_recipients"), Msg("audit.no_recipients.hint"))
        return
    listed = Join([Join([r.label or Msg("audit.unnamed"), r.fingerprint], ": ") for r in recipients])
    report.add("Coordinator recipients", PASS, Msg("audit.recipients", n=len(recipients), listed=listed))
