"""`confidant demo`: the whole pipeline on the sample interview, in fresh vaults.

A researcher vault imports the sample audio with its question markers, transcribes it with
the default engine, tags it, de-identifies it (accepting every proposal, as a person would
after review), signs off and exports a sealed packet; a coordinator vault enrols the
researcher's device, imports the packet and writes the PDF, CSV and REFI-QDA reports; the
audit runs on both. Each step prints its time.
"""

from __future__ import annotations

import datetime as dt
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.demo.sample import Sample, load_sample
from core.errors import Msg
from core.jobs import CancelToken, ReportFn, no_report
from core.vault import Vault
from core.vault.interviews import Consent, InterviewRepo

Say = Callable[[str], None]


@dataclass
class DemoResult:
    out_dir: Path
    researcher_vault: Path
    coordinator_vault: Path
    passphrase_file: Path
    interview_id: str
    packet_path: Path
    report_pdf: Path
    csv_dir: Path
    qdpx_path: Path
    audit_pdf: Path
    audit_status: str
    transcript_text: str
    steps: list[tuple[str, float]] = field(default_factory=list)

    @property
    def total_s(self) -> float:
        return sum(s for _, s in self.steps)


class _Steps:
    def __init__(self, say: Say, cancel: CancelToken) -> None:
        self.say, self.cancel, self.done = say, cancel, []  # type: ignore[var-annotated]

    def run(self, name: str, fn: Callable[[], Any]) -> Any:
        self.cancel.raise_if_cancelled()
        started = time.perf_counter()
        result = fn()
        seconds = time.perf_counter() - started
        self.done.append((name, seconds))
        self.say(f"  {seconds:6.1f} s  {name}")
        return result


def create_sample_interview(vault: Vault, sample: Sample, report: ReportFn = no_report,
                            cancel: CancelToken | None = None, *, steps: _Steps | None = None) -> str:
    """Fill a researcher vault with the sample interview: imported, transcribed and tagged."""
    from core.audio.importer import make_import_job
    from core.tagging.service import make_tag_job
    from core.transcription.service import make_transcribe_job
    from core.vault.guides import GuideRepo
    from core.vault.recordings import RecordingRepo

    cancel = cancel or CancelToken()
    steps = steps or _Steps(lambda _: None, cancel)
    guides = GuideRepo(vault)

    def new_interview() -> str:
        guides.ensure_defaults()
        interviews = InterviewRepo(vault)
        iv = interviews.create(
            sample.participant_code, sample.site, guide_pk=guides.resolve("job-quality").pk,
            consent=Consent("verbal", dt.datetime.now().isoformat(timespec="minutes"),
                            "Demo witness", script_read=True))
        for name in sample.protected_names:
            interviews.add_protected_name(iv.id, name, sample.protected_roles.get(name, "other"))
        for place in sample.workplaces:
            interviews.add_workplace_name(place)
        return iv.id

    interview_id = steps.run("create the interview (guide, consent, names to protect)", new_interview)

    def import_audio() -> int:
        recording_id = make_import_job(vault, interview_id, sample.audio_path)(report, cancel)
        repo = RecordingRepo(vault)
        for m in sample.markers:
            repo.add_marker(recording_id, m["kind"], int(m["sample_offset"]), m.get("question_id"))
        return recording_id

    steps.run("import the audio with its question markers", import_audio)
    steps.run("transcribe (default engine, on this computer)",
              lambda: make_transcribe_job(vault, interview_id)(report, cancel))
    steps.run("tag answers with guide questions and suggest themes",
              lambda: make_tag_job(vault, interview_id)(report, cancel))
    return interview_id


def run_demo(out_dir: str | Path, *, say: Say = print, report: ReportFn = no_report,
             cancel: CancelToken | None = None) -> DemoResult:
    """Run the whole pipeline; outputs and both (encrypted) vaults go under ``out_dir``."""
    from core.audit.packet_audit import audit_packet
    from core.audit.vault_audit import run_vault_audit
    from core.coordinator import devices
    from core.coordinator.aggregate import aggregate
    from core.coordinator.inbox import make_import_job as make_inbox_job
    from core.deid import review
    from core.packets import keys
    from core.packets.format import PACKET_SUFFIX
    from core.packets.writer import make_export_job
    from core.reports.audit_pdf import write_audit_pdf
    from core.reports.coordinator_pdf import write_report
    from core.reports.csv_export import write_csv
    from core.reports.qdpx import write_qdpx
    from core.reports.share_view import TEAM_BANNER
    from core.vault.tags import TagRepo
    from core.vault.transcripts import TranscriptRepo

    cancel = cancel or CancelToken()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    if any(out.iterdir()):
        from core.errors import InvalidInput
        raise InvalidInput(Msg("demo.not_empty", out=out), Msg("demo.not_empty.hint"))
    steps = _Steps(say, cancel)
    sample = load_sample()
    passphrase = "demo-" + secrets.token_urlsafe(12)
    passphrase_file = out / "demo-passphrase.txt"
    passphrase_file.write_text(passphrase + "\n", encoding="utf-8")
    passphrase_file.chmod(0o600)

    say(f"Confidant demo in {out}")
    coordinator, _ = steps.run("create the coordinator's vault",
                               lambda: Vault.create(out / "coordinator-vault", passphrase, role="coordinator"))
    researcher, _ = steps.run("create the researcher's vault",
                              lambda: Vault.create(out / "researcher-vault", passphrase))
    try:
        recipient = keys.age_recipient(coordinator)
        steps.run("researcher adds the coordinator's key",
                  lambda: keys.add_recipient(researcher, recipient, label="Demo coordinator"))
        interview_id = create_sample_interview(researcher, sample, report, cancel, steps=steps)

        def accept_suggestions() -> int:
            tags = TagRepo(researcher)
            suggested = tags.list(interview_id, state="suggested")
            for tag in suggested:
                tags.accept(tag.id)
            return len(suggested)

        steps.run("accept the suggested themes (a person would review each)", accept_suggestions)
        steps.run("find names, places and numbers to hide",
                  lambda: review.make_detect_job(researcher, interview_id)(report, cancel))

        def accept_and_sign() -> None:
            from core.errors import SecondLookFlags
            review.accept_all(researcher, interview_id)
            try:
                review.sign_off(researcher, interview_id, signed_by="demo")
            except SecondLookFlags:
                # The export gate's second look filed what still looked identifying; the
                # demo takes the cautious choice a researcher would: hide each one.
                for r in review.list_redactions(researcher, interview_id, "proposed"):
                    if r.source == review.SECOND_LOOK:
                        review.accept(researcher, r.id)
                review.sign_off(researcher, interview_id, signed_by="demo")

        steps.run("accept every proposed redaction and sign off", accept_and_sign)
        packet_path = out / "shared" / f"{sample.participant_code}{PACKET_SUFFIX}"
        packet_path.parent.mkdir(exist_ok=True)
        steps.run("save a sealed copy for the coordinator",
                  lambda: make_export_job(researcher, interview_id, packet_path)(report, cancel))
        device_key = keys.device_public_key(researcher)
        transcript_text = " ".join(s.text for s in TranscriptRepo(researcher).current_segments(interview_id))

        steps.run("coordinator enrols the researcher's device",
                  lambda: devices.enrol(coordinator, device_key, "Demo researcher laptop"))
        results = steps.run("coordinator imports the packet",
                            lambda: make_inbox_job(coordinator, [packet_path])(report, cancel))
        bad = [r for r in results if r.verdict != "imported"]
        if bad:
            from core.errors import CoreError
            raise CoreError(Msg("demo.coordinator_could_not_import", reason=bad[0].reason))

        reports_dir = out / "reports"
        reports_dir.mkdir(exist_ok=True)
        report_pdf, csv_dir, qdpx_path = (reports_dir / "cross-site-report.pdf", reports_dir / "csv",
                                          reports_dir / "interviews.qdpx")

        def write_reports() -> None:
            agg = aggregate(coordinator)
            report_pdf.write_bytes(write_report(agg, banner=TEAM_BANNER))  # the team copy (0117)
            write_csv(agg, csv_dir)
            write_qdpx(agg, qdpx_path)

        steps.run("coordinator writes the PDF, CSV and REFI-QDA reports", write_reports)

        audit_pdf = reports_dir / "audit-report.pdf"

        def audit() -> str:
            # The demo's own outputs (reports, the packet) are de-identified on purpose, so
            # they are named in the evidence instead of being scanned.
            vault_report = run_vault_audit(researcher, passphrase=passphrase,
                                           skip_dirs=[reports_dir, packet_path.parent])
            audit_pdf.write_bytes(write_audit_pdf(vault_report))
            packet_report = audit_packet(packet_path.read_bytes(), keys.age_identity(coordinator),
                                         {keys.fingerprint(device_key): device_key})
            (reports_dir / "packet-audit.pdf").write_bytes(write_audit_pdf(packet_report))
            for rep, what in ((vault_report, "vault"), (packet_report, "packet")):
                for check in rep.checks:
                    if check.status != "PASS":
                        say(f"           {what} audit {check.status}: {check.name} — {check.evidence[:300]}")
            return f"vault {vault_report.status}, packet {packet_report.status}"

        audit_status = steps.run("privacy audit of the researcher's vault and the packet", audit)
    finally:
        researcher.close()
        coordinator.close()

    result = DemoResult(out, out / "researcher-vault", out / "coordinator-vault", passphrase_file,
                        interview_id, packet_path, report_pdf, csv_dir, qdpx_path, audit_pdf,
                        audit_status, transcript_text, steps.done)
    say("")
    say(f"Done in {result.total_s:.0f} s. Audit: {audit_status}.")
    say("Outputs:")
    say(f"  packet (sealed, what leaves the laptop): {packet_path}")
    say(f"  coordinator report:  {report_pdf}")
    say(f"  tables for R/pandas: {csv_dir}")
    say(f"  NVivo/ATLAS.ti/MAXQDA/QualCoder project: {qdpx_path}")
    say(f"  audit report:        {audit_pdf}")
    say(f"  vaults (encrypted):  {result.researcher_vault}, {result.coordinator_vault}")
    say(f"  their passphrase:    {passphrase_file}")
    return result


def create_demo_vault(folder: str | Path, passphrase: str, *, report: ReportFn = no_report,
                      cancel: CancelToken | None = None, kdf: dict[str, Any] | None = None) -> Vault:
    """A new researcher vault holding the sample interview, transcribed, tagged and scanned
    for names (so every screen of the app has something to show). Returned unlocked."""
    from core.deid import review

    cancel = cancel or CancelToken()
    vault, _code = Vault.create(folder, passphrase, kdf=kdf)
    try:
        interview_id = create_sample_interview(vault, load_sample(), report, cancel)
        review.make_detect_job(vault, interview_id)(report, cancel)
    except BaseException:
        vault.close()
        raise
    return vault
