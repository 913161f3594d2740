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
    looked_for = ", ".join(f"{n} {k}" for k, n in sorted(found.counts.items()) if k != "key material")
    where = "; ".join(str(r) for r in roots if r.exists())
    if skip:
        where += " (not scanned: " + "; ".join(str(p) for p in skip) + ")"
    if software:
        where += (f" ({len(software)} folder(s) of installed software under the temp folders, such as "
                  "virtualenvs and package metadata, were not scanned; listed in the JSON facts)")
    if result.hits:
        by_path: dict[str, list[str]] = {}
        for hit in result.hits:
            by_path.setdefault(hit.path, []).append(hit.kind)
        items = sorted(by_path.items())
        listed = "; ".join(f"{path}: {', '.join(sorted(set(kinds)))}" for path, kinds in items[:MAX_LISTED_FILES])
        if len(items) > MAX_LISTED_FILES:
            listed += f"; and {len(items) - MAX_LISTED_FILES} more (all in the JSON report's facts)"
        report.facts["plaintext_hits"] = {path: sorted(set(kinds)) for path, kinds in items}
        report.add("No plaintext on disk", FAIL,
                   f"Found in {len(by_path)} file(s): {listed}. Scanned {result.files} files "
                   f"({result.bytes / 2**20:.1f} MiB) in {where}.",
                   "Securely delete the listed files (they hold interview content outside the vault), then "
                   "run the audit again. If Confidant wrote them, report it as a bug.")
    else:
        report.add("No plaintext on disk", PASS,
                   f"Scanned {result.files} files ({result.bytes / 2**20:.1f} MiB) in {where} for "
                   f"{looked_for or 'no vault content (the vault is empty)'}, key material and WAV/FLAC/OGG "
                   "headers: nothing found.")
    if result.skipped:
        report.add("Plaintext scan coverage", WARN, f"{len(result.skipped)} file(s) could not be scanned: "
                   + "; ".join(result.skipped[:5]), "Check those files by hand or free them and re-run.")
    if found.recordings == 0:
        report.add("Raw audio search", WARN,
                   "No recordings in this vault, so raw audio could not be searched for "
                   "(audio file headers were still searched).",
                   "Run the audit again after the first recording.")
    else:
        report.add("Raw audio search", PASS if not any(h.kind.startswith("raw audio") for h in result.hits)
                   else FAIL, f"Windows of loud samples from {found.recordings} recording(s) were searched for as "
                   "16-bit PCM and 32-bit float: not found outside the vault." if not result.hits else
                   "See 'No plaintext on disk' for the files.", "Securely delete the listed files.")


def _check_audit_log(report: AuditReport, vault: Vault, found: needles_mod.NeedleSet) -> None:
    chain = auditlog.verify(vault.conn)
    items = auditlog.entries(vault.conn)
    if chain.ok:
        report.add("Security log hash chain", PASS, f"{chain.entries} entries; every hash links to the one "
                   "before and the head stored in the vault matches.")
    else:
        report.add("Security log hash chain", FAIL, f"The chain is broken: {chain.problem}.",
                   "Keep this vault as evidence and tell your coordinator or privacy reviewer.")
    texts = found.texts()
    leaks = [e.seq for e in items if any(t in json.dumps(e.details, ensure_ascii=False) for t in texts)]
    events = sorted({e.event for e in items})
    report.add("Security log holds no content", FAIL if leaks else PASS,
               f"Events: {', '.join(events)}. Details hold ids and counts; no participant code, name or "
               "transcript phrase appears in them." if not leaks else f"Entries {leaks[:10]} contain content.",
               "Report this as a bug; the log must hold ids and counts only.")
    failed = sum(int(e.details.get("count", 0)) for e in items if e.event == "unlock_failed")
    report.facts["failed_unlocks_logged"] = failed
    report.add("Failed unlock attempts", WARN if failed else PASS,
               f"{failed} wrong passphrase or recovery code attempt(s) recorded in the security log.",
               "If these were not you, change your passphrase and keep the laptop with you.")


def _check_logs(report: AuditReport, found: needles_mod.NeedleSet, roots: list[Path]) -> None:
    logs = [p for p in iter_files(roots) if p.suffix in (".log", ".txt") or ".log." in p.name]
    if not logs:
        report.add("Log files hold no content", PASS, "No log files were found in the app's folders "
                   "(Confidant logs ids, counts and timings to the terminal only).")
        return
    result = scan_files(logs, found.needles, signatures=False)
    hit_paths = sorted({h.path for h in result.hits})
    report.add("Log files hold no content", FAIL if hit_paths else PASS,
               f"Scanned {len(logs)} log file(s); " + (f"content found in: {'; '.join(hit_paths)}." if hit_paths
                                                       else "no transcript text, codes, names or keys."),
               "Delete the listed logs and report which program wrote them.")


def _check_configuration(report: AuditReport, vault: Vault, apps: list[Path]) -> None:
    minutes, source = DEFAULT_AUTOLOCK_MINUTES, "default"
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
                minutes, source = int(value), str(ini)
                break
    report.add("Auto-lock on", PASS if minutes <= MAX_AUTOLOCK_MINUTES else WARN,
               f"The app locks the vault after {minutes} minutes without use ({source}).",
               f"Set auto-lock to {MAX_AUTOLOCK_MINUTES} minutes or less in Settings → General.")
    has_recovery = vault.keyfile.recovery_wrap is not None and vault.meta("recovery_code_created") == "1"
    report.add("Recovery code created", PASS if has_recovery else WARN,
               "A recovery code was created and shown once; vault.json holds the master key wrapped under it."
               if has_recovery else "This vault has no recovery code.",
               "Without a recovery code a forgotten passphrase loses every interview; create a new vault.")
    _check_recipients(report, vault)


def _check_recipients(report: AuditReport, vault: Vault) -> None:
    recipients = list_recipients(vault)
    if vault.role == "coordinator":
        report.add("Coordinator recipients", PASS, f"Coordinator vault; {len(recipients)} other recipient(s).")
        return
    if not recipients:
        report.add("Coordinator recipients", WARN, "No coordinator has been added, so nothing can be shared yet.",
                   "Add your coordinator's key and compare its fingerprint words with them by phone.")
        return
    listed = "; ".join(f"{r.label or 'unnamed'}: {r.fingerprint}" for r in recipients)
    report.add("Coordinator recipients", PASS, f"Packets are sealed to {len(recipients)} recipient(s): {listed}. "
               "Compare these fingerprints with your coordinators'.")
