"""The English of what checks and commands print (not errors): id -> template (decision 0210).

The privacy audit's evidence and what to do, retention rules, the inbox's verdicts, and the
command line's tables. Kept apart from ``core/message_texts.py`` (errors and hints) so that
neither grows past a readable size; ``TEXTS`` there holds both, and the same tests check both
(tests/unit/test_messages.py): an id per message, Spanish with the same placeholders.
"""

from __future__ import annotations

OUTPUT_TEXTS: dict[str, str] = {
    # --- audit: words used inside several checks ----------------------------------------------
    "audit.plain": "{text}",
    "audit.on": "on",
    "audit.off": "OFF",
    "audit.present": "present",
    "audit.absent": "absent",
    "audit.default": "default",
    "audit.unnamed": "unnamed",
    "audit.count_of": "{n} {kind}",
    "audit.and_more": "; and {n} more",
    "audit.locked": "The vault is locked.",
    "audit.locked.hint": "Unlock it.",
    "audit.locked_again.hint": "Unlock it and run the audit again.",
    "audit.cannot_run": "This check could not run: {reason}.",
    "audit.cannot_run.module": "the module {module} could not be loaded ({kind})",
    "audit.cannot_run.a_module": "the module it needs could not be loaded ({kind})",
    "audit.cannot_run.internal": "an internal error ({kind})",
    "audit.cannot_run.hint": ("A part of Confidant this check needs is missing or broken: reinstall Confidant and "
                              "run the audit again. Until then this claim is unchecked; treat it as failed."),
    # --- audit: the vault's files (core/audit/vault_checks.py) ---------------------------------
    "audit.header_plain": "vault.db starts with 'SQLite format 3': it is NOT encrypted.",
    "audit.header_plain.hint": "Stop using this vault and contact your coordinator; do not copy it anywhere.",
    "audit.header_salt": "The first 16 bytes are {salt} (a random salt), not 'SQLite format 3'.",
    "audit.entropy": ("Byte entropy {bits} bits/byte over {size} bytes (random data: 8.0; threshold {threshold} "
                      "for this sample size)."),
    "audit.entropy.hint": "Parts of the file are not encrypted; run the independent decryption check and report it.",
    "audit.sqlcipher": ("SQLCipher {version} ({provider}); page size {page_size}; HMAC {hmac} ({hmac_alg}); raw "
                        "256-bit key (no SQLCipher KDF)."),
    "audit.sqlcipher.hint": "The database is not using SQLCipher 4 defaults; report this build as a bug.",
    "audit.wal": ("journal mode {journal}; vault.db-wal {size} bytes ({frames} frames, encrypted like the "
                  "database); vault.db-shm {shm} (WAL index only: page numbers and checksums, no content)."),
    "audit.wal.hint": "Reopen the vault; Confidant sets WAL mode on every connection.",
    "audit.how_master_key": "the unlocked vault's master key",
    "audit.how_passphrase": "the passphrase (Argon2id → AES-GCM unwrap → HKDF)",
    "audit.keys_differ": ("Argon2id + AES-256-GCM with the documented parameters did not give the vault's "
                          "master key."),
    "audit.keys_differ.hint": "The key file does not follow docs/SECURITY.md; report this as a bug.",
    "audit.keys_same": ("Argon2id (argon2-cffi, parameters from vault.json) and AES-256-GCM (cryptography) with "
                        "the documented associated data unwrap the same 256-bit master key the app uses."),
    "audit.pages": ("Key derived from {how} with HKDF-SHA256 (info '{info}', salt = vault id). Using only the "
                    "cryptography library: {ok} of {pages} pages of vault.db passed HMAC-SHA512 (page + IV + "
                    "little-endian page number; key PBKDF2-HMAC-SHA512, salt XOR 0x3a, 2 rounds); page 1 "
                    "decrypted with AES-256-CBC reads as an SQLite header (page size {page_size}, reserve "
                    "{reserve}) and a b-tree page{page1}."),
    "audit.page1_no": " — NO: {problem}",
    "audit.pages_wal": "{ok} of {frames} WAL frames passed.",
    "audit.pages_control": "Control: a key differing in one bit verified {pages} pages.",
    "audit.pages_failing": "Pages failing: {pages}.",
    "audit.pages.hint": ("Some pages are not standard SQLCipher 4 under the documented key: keep the file and "
                         "report it."),
    "audit.kdf_meets": "meets OWASP's Argon2id minimums ({minimum})",
    "audit.kdf_below": "BELOW OWASP's Argon2id minimums (m=19456 KiB, t=2, p=1 or equivalent)",
    "audit.keyfile": "format {format}; Argon2id t={t}, m={m} KiB ({mib} MiB), p={p}; {policy}; master key wrapped with {cipher}.",
    "audit.keyfile.hint": ("Create a new vault with the default settings and move the interviews (or change the "
                           "passphrase after raising the parameters)."),
    "audit.no_secret": ("Fields: {fields}. Neither the master key nor the database key appears in any encoding "
                        "(raw, hex, base64); the passphrase and recovery code are never stored."),
    "audit.secret_found": "A key appears in vault.json in plaintext.",
    "audit.secret_found.hint": "Treat the vault as exposed: create a new one and report this as a bug.",
    # --- audit: deletions and retention (core/audit/erasure_checks.py) -------------------------
    "audit.erase_rows": "rows still carry a deleted id: {tables}",
    "audit.erase_withdrawn_left": "{n} packet(s) withdrawn by their researchers are still in the inbox",
    "audit.erase_pending": "a deletion has not finished clearing old page copies from vault.db-wal",
    "audit.erase_dirty_checks": "{n} deletion check(s) found pieces of the deleted data",
    "audit.erase_unreadable": "some pages could not be decrypted for the free-space check",
    "audit.erase_free_pages": "free pages not zeroed: {pages}",
    "audit.erase_btree_pages": "free space inside pages not zeroed: {pages}",
    "audit.erase_problems": "{problems}.",
    "audit.erase_problems.hint": ("Run `confidant scrub` (it rebuilds the search index and clears the WAL), close "
                                  "other Confidant windows, then run the audit again. If it still fails, report "
                                  "it as a bug."),
    "audit.erase_clean": ("The security log records {interviews} deleted or withdrawn interview(s) and {takes} "
                          "deleted take(s), and {withdrawn} packet(s) withdrawn at this coordinator (tombstones "
                          "only); {verified} deletion(s) were checked right after by decrypting every page and WAL "
                          "frame and looking for their codes, names, phrases and audio. Now: no table holds any of "
                          "their ids; of {pages} pages, {free} free page(s) and the free space of {btree} b-tree "
                          "page(s) decrypt (cryptography, not SQLCipher) to zeros."),
    "audit.retention_past": ("{rule} The audio of {n} interview(s) ({takes} take(s)) is past that date; the "
                             "oldest was due {oldest}. Interview ids: {ids}."),
    "audit.retention_past.hint": ("Run `confidant retention apply` (or Settings → Retention → Delete the audio "
                                  "now)."),
    "audit.retention_none_past": "{rule} {n} interview(s) have a date; none is past it.",
    "retention.part_signoff": "{days} day(s) after sign-off",
    "retention.part_receipt": "{days} day(s) after the coordinator confirms receipt",
    "retention.or": " or ",
    "retention.rule": "Audio is deleted {parts}, whichever comes first.",
    "retention.no_rule": "No retention rule: audio is kept until you delete it.",
    # --- audit: plaintext, logs, configuration (core/audit/vault_audit.py) ---------------------
    "audit.kind.transcript_phrase": "transcript phrase",
    "audit.kind.participant_code": "participant code",
    "audit.kind.protected_name": "protected name",
    "audit.kind.workplace_name": "workplace name",
    "audit.kind.raw_audio": "raw audio",
    "audit.kind.raw_audio_pcm16": "raw audio (PCM16)",
    "audit.kind.raw_audio_float32": "raw audio (float32)",
    "audit.kind.key_material": "key material",
    "audit.kind.wav_header": "WAV header",
    "audit.kind.flac_header": "FLAC header",
    "audit.kind.ogg_header": "OGG header",
    "audit.not_scanned": " (not scanned: {folders})",
    "audit.software_not_scanned": (" ({n} folder(s) of installed software under the temp folders, such as "
                                   "virtualenvs and package metadata, were not scanned; listed in the JSON facts)"),
    "audit.and_more_files": "; and {n} more (all in the JSON report's facts)",
    "audit.plaintext_found": "Found in {n} file(s): {listed}. Scanned {files} files ({mib} MiB) in {where}.",
    "audit.plaintext_found.hint": ("Securely delete the listed files (they hold interview content outside the "
                                   "vault), then run the audit again. If Confidant wrote them, report it as a bug."),
    "audit.vault_empty": "no vault content (the vault is empty)",
    "audit.plaintext_clean": ("Scanned {files} files ({mib} MiB) in {where} for {looked_for}, key material and "
                              "WAV/FLAC/OGG headers: nothing found."),
    "audit.not_scannable": "{n} file(s) could not be scanned: {files}",
    "audit.not_scannable.hint": "Check those files by hand or free them and re-run.",
    "audit.no_recordings": ("No recordings in this vault, so raw audio could not be searched for (audio file "
                            "headers were still searched)."),
    "audit.no_recordings.hint": "Run the audit again after the first recording.",
    "audit.raw_audio_clean": ("Windows of loud samples from {n} recording(s) were searched for as 16-bit PCM and "
                              "32-bit float: not found outside the vault."),
    "audit.raw_audio_see": "See 'No plaintext on disk' for the files.",
    "audit.delete_listed.hint": "Securely delete the listed files.",
    "audit.chain_ok": "{n} entries; every hash links to the one before and the head stored in the vault matches.",
    "audit.chain_broken": "The chain is broken: {problem}.",
    "audit.chain_broken.hint": "Keep this vault as evidence and tell your coordinator or privacy reviewer.",
    "audit.log_clean": ("Events: {events}. Details hold ids and counts; no participant code, name or transcript "
                        "phrase appears in them."),
    "audit.log_leaks": "Entries {entries} contain content.",
    "audit.log_leaks.hint": "Report this as a bug; the log must hold ids and counts only.",
    "audit.failed_unlocks": "{n} wrong passphrase or recovery code attempt(s) recorded in the security log.",
    "audit.failed_unlocks.hint": "If these were not you, change your passphrase and keep the laptop with you.",
    "audit.no_logs": ("No log files were found in the app's folders (Confidant logs ids, counts and timings to "
                      "the terminal only)."),
    "audit.logs_found": "Scanned {n} log file(s); content found in: {paths}.",
    "audit.logs_clean": "Scanned {n} log file(s); no transcript text, codes, names or keys.",
    "audit.logs_found.hint": "Delete the listed logs and report which program wrote them.",
    "audit.autolock": "The app locks the vault after {minutes} minutes without use ({source}).",
    "audit.autolock.hint": "Set auto-lock to {minutes} minutes or less in Settings → General.",
    "audit.recovery_code": "A recovery code was created and shown once; vault.json holds the master key wrapped under it.",
    "audit.no_recovery_code": "This vault has no recovery code.",
    "audit.no_recovery_code.hint": ("Without a recovery code a forgotten passphrase loses every interview; create "
                                    "a new vault."),
    "audit.coordinator_vault": "Coordinator vault; {n} other recipient(s).",
    "audit.no_recipients": "No coordinator has been added, so nothing can be shared yet.",
    "audit.no_recipients.hint": "Add your coordinator's key and compare its fingerprint words with them by phone.",
    "audit.recipients": ("Packets are sealed to {n} recipient(s): {listed}. Compare these fingerprints with your "
                         "coordinators'."),
    # --- audit: a packet (core/audit/packet_audit.py) ------------------------------------------
    "audit.masked": "{masked} ({n} chars)",
    "audit.rejected": "Rejected ({code}): {reason}.",
    "audit.not_a_packet": "Not a readable packet ({code}): {reason}.",
    "audit.ask_again.hint": "Ask the sender for the file again.",
    "audit.ask_sender.hint": "Do not import it; ask the sender.",
    "audit.header_withdrawal": "a withdrawal notice (spec §11)",
    "audit.header_corrects": "corrects {packet}",
    "audit.header_corrects_nothing": "corrects nothing",
    "audit.outer_header": ("Format version {version}; random packet id {packet_id}; day made {day}; device "
                           "fingerprint {device}…; payload {size} bytes, SHA-256 {sha}…; {what}. No participant "
                           "code, site, name, guide or interview date."),
    "audit.unfinished": ("The audit could not finish: an internal error ({kind}) while reading this packet's "
                         "contents."),
    "audit.unfinished.hint": ("Do not import this packet; ask the sender to export it again, and report the "
                              "problem."),
    "audit.not_age": "The payload does not start with the age v1 header.",
    "audit.not_age.hint": "Do not open this packet; ask the sender to export it again.",
    "audit.age": ("{header}-byte header, {signature}-byte Ed25519 signature, then a standard age v1 file for "
                  "{recipients} X25519 recipient(s) (the number of recipients is visible); {size} bytes of "
                  "ciphertext{runs}"),
    "audit.age_no_runs": " with no readable text runs.",
    "audit.age_runs": " with {n} readable run(s) of 32+ characters.",
    "audit.age.hint": "Readable text in ciphertext is very unlikely; check the file with the `age` command.",
    "audit.signed": "Signed by enrolled device {device}…; the Ed25519 signature and the payload hash verify.",
    "audit.no_device_keys": "No enrolled device keys were given, so the signature was not checked.",
    "audit.no_device_keys.hint": "Run it in the coordinator's vault, or pass the researcher's device key.",
    "audit.no_identity": "No coordinator identity was given, so the payload was not opened.",
    "audit.no_identity.hint": "Pass --identity KEYFILE to check what is inside.",
    "audit.hash_differs": "The payload does not match the header's hash.",
    "audit.cannot_decrypt": "The identity cannot decrypt it ({kind}).",
    "audit.cannot_decrypt.hint": "Use the coordinator identity this packet was sealed to.",
    "audit.payload_files": "Payload files: {files}.",
    "audit.payload_audio": "Payload files: {files}. Audio found: {audio}.",
    "audit.payload_audio.hint": "Audio must never leave the researcher's laptop; report this packet.",
    "audit.where_segment": "segment {index}",
    "audit.where_memo": "memo {index}",
    "audit.type.person": "PERSON",
    "audit.type.phone": "PHONE",
    "audit.type.email": "EMAIL",
    "audit.type.address": "ADDRESS",
    "audit.type.location": "LOCATION",
    "audit.finding": "{where}: {type} {masked} (score {score})",
    "audit.deid_findings": ("{n} passage(s) in {texts} segment(s)/memo(s) still look like personal details "
                            "(masked): {shown}."),
    "audit.deid_findings.hint": ("Check each with the researcher; if it identifies someone, they correct the "
                                 "redactions, sign off again and send a packet that supersedes this one."),
    "audit.deid_clean": ("The PII recognizers found no name, phone, email or address in {texts} segment(s)/memo(s) "
                         "(placeholders such as [PERSON 1] excluded)."),
    # --- the command line: `confidant audit` (core/cli/audit_cmds.py) ---------------------------
    "cli.audit_what_to_do": "       what to do: {text}",
    "cli.audit_overall": "Overall: {status} ({passed} pass, {warned} warn, {failed} fail)",
    # --- lifecycle: reminders (core/lifecycle/backup.py) ----------------------------------------
    "lifecycle.no_backup_yet": ("Nothing in this vault has been backed up yet. Back up to a USB stick so a lost or "
                                "broken laptop does not lose these interviews."),
    "lifecycle.last_backup_old": "The last backup was {days} days ago. Back up now to keep the newer interviews safe.",
    # --- the coordinator's inbox: why each copy got its verdict (core/coordinator) ------------
    "inbox.internal_error": ("Confidant could not check or store it (an internal error: {kind}); nothing from it "
                             "was kept"),
    "inbox.already_imported": "already imported on {day}; nothing changed",
    "inbox.id_conflict": "a different packet from this device with this id was imported on {day}; keeping that one",
    "inbox.claim_ignored": "it claims to replace {packet}, which came from another device; the claim is ignored",
    "inbox.claims_ignored": "; ignored {n} claim(s) from other devices to replace it",
    "inbox.history": "kept as history: packet {packet} already replaced it{noted}",
    "inbox.new": "new interview, stored and counted{noted}",
    "inbox.claims_other_device": "it claims to replace {packet}, which came from another device",
    "inbox.rival": "it replaces {packet}, which packet {rival} already replaces",
    "inbox.replaces_missing": "replaces {packet}, which has not arrived; it will be kept as history{noted}",
    "inbox.already_replaced": "it replaces {packet}, which was already replaced by {by}",
    "inbox.replaces": "replaces {packet} (kept as history){noted}",
    "inbox.still_held": "still in quarantine: its device is not enrolled",
    "inbox.quarantine_full": ("not kept: quarantine is full for devices that are not enrolled ({mine} packets from "
                              "this device, {everyone} in all); enrol the device or purge quarantine (`confidant "
                              "coordinator quarantine purge`), then import it again"),
    "inbox.held": "held in quarantine: {reason}",
    "inbox.quarantine_no_room": ("not kept: quarantine has no room for the sealed file of another device that is "
                                 "not enrolled; enrol the device, then import it again"),
    "inbox.held_header_only": ("held in quarantine, header only: {reason}; leave the file where it is until the "
                               "device is enrolled"),
    "inbox.file_gone": ("still in quarantine: only its header was kept and its file is no longer where it was; "
                        "import the file again"),
    "inbox.withdrawn_before": "its researcher withdrew this interview on {day}; nothing from it is kept",
    "inbox.withdraw_other_device": ("it withdraws packets that another device sent; only the device that sent a "
                                    "packet can withdraw it"),
    "inbox.withdrawal_again": "this withdrawal was applied before; nothing changed",
    "inbox.erased": "erased {n} packet(s) and everything from them",
    "inbox.will_refuse": "{n} not arrived yet will be refused",
    "inbox.ignored_other_devices": "ignored {n} packet id(s) sent by other devices",
    "inbox.other_study": ("it belongs to a study this coordinator vault did not make; open the vault of that study "
                          "to import it"),
    "inbox.verdict.imported": "added",
    "inbox.verdict.already_imported": "already here (nothing changed)",
    "inbox.verdict.superseded": "added, replacing an older copy",
    "inbox.verdict.withdrawn": "withdrawal applied: that interview was erased here",
    "inbox.verdict.conflict": "NOT added: conflicts with a copy already here",
    "inbox.verdict.quarantined": "held back: from a laptop you have not enrolled yet",
    "inbox.verdict.rejected": "NOT added",
    "devices.count_imported": "{n} imported",
    "devices.count_superseded": "{n} superseded",
    # --- quotes: the kinds of detail a quote is flagged for (core/reports/quote_screen.py) ------
    "quotes.kind.job_title": "rare job title",
    "quotes.kind.unique": "one of a kind",
    "quotes.kind.tenure": "length of service",
    "quotes.kind.event": "named event",
    "quotes.kind.day_time": "day or time",
    "quotes.kind.role_placeholder": "placeholder next to a role",
    "inbox.short.imported": "imported",
    "inbox.short.already_imported": "already_imported",
    "inbox.short.superseded": "superseded",
    "inbox.short.withdrawn": "withdrawn",
    "inbox.short.conflict": "conflict",
    "inbox.short.quarantined": "quarantined",
    "inbox.short.rejected": "rejected",
    "inbox.count.imported": "{n} imported",
    "inbox.count.already_imported": "{n} already imported",
    "inbox.count.superseded": "{n} superseded",
    "inbox.count.withdrawn": "{n} withdrawn",
    "inbox.count.conflict": "{n} conflict",
    "inbox.count.quarantined": "{n} quarantined",
    "inbox.count.rejected": "{n} rejected",
    # --- aggregation: what the coordinator is asked to check (core/coordinator/aggregate.py) ----
    "aggregate.left_out": ("Packet {packet} was left out: its stored interview data does not follow the packet "
                           "format. Remove it with `confidant coordinator remove {prefix}` and ask the researcher "
                           "to export the interview again."),
    "aggregate.possible_duplicate": ("Site {site}, participant {code}: {n} separate packets ({ids}); if they are one "
                                     "interview, ask the researcher to re-send it as a correction."),
    "cli.note": "note: {text}",
    # --- de-identification: what could still point at someone (core/deid/quasi.py, review.py) -
    "deid.qi_role": "a rare or unique role (\"{words}\", segment {segment})",
    "deid.qi_place": "a place at work (\"{words}\", segment {segment})",
    "deid.qi_tenure": "a length of service (\"{words}\", segment {segment})",
    "deid.qi_and": " and ",
    "deid.qi_warning": ("Together, {listed} could let co-workers recognise the participant. Consider generalising "
                        "one of them (for example \"a few years\" or \"my department\")."),
    "deid.language_note": ("This transcript reads as {guessed}, but names were looked for as in {used} (the "
                           "interview's guide or transcript language). Our own rules know both languages; check "
                           "the proposals with extra care."),
    "cli.warning": "warning: {text}",
    "cli.segment": "segment {id}",
    # --- the command line: guides, tags, memos, interviews, rescue (core/cli) --------------------
    "cli.guide_row": "{n} questions  {title}",
    "cli.guide_written": "Wrote {guide} to {path}.",
    "cli.tagged": "Tagged {interview_id} with {guide} ({method}): {placed} of {total} questions found, {segments} segments, {suggested} suggestions to review, {kept} earlier decisions kept.",
    "cli.tagged_by_markers": "markers",
    "cli.tagged_by_wording": "question wording",
    "cli.tag_chars": "chars {start}-{end}",
    "cli.tags_confirmed": "{n} tag(s) confirmed.",
    "cli.tags_rejected": "{n} tag(s) rejected.",
    "cli.tags_set": "{n} tag(s) {state}.",
    "cli.theme_under": "(under {parent})",
    "cli.memo_added": "Added memo #{id}.",
    "cli.memo_added_shared": "Added memo #{id} (shared).",
    "cli.memo_interview": "interview",
    "cli.memo_shared_mark": ", shared",
    "cli.rescue_unreadable": "could not be read at all",
    "cli.rescue_skipped": "{n} damaged stretch(es) skipped",
    "cli.rescue_table": "  {table}: {copied} rows copied; {what}",
    "cli.rescue_clean": "  No damaged rows were met.",
    "cli.show_consent_at": "{method} at {at}",
    "cli.show_consent_none": "not recorded",
    "cli.show_interview": "Interview {id}\n  participant code: {code}\n  site:             {site}\n  date:             {date}\n  state:            {state}\n  consent:          {consent}\n  names protected:  {names}",
    "cli.show_shared": "  shared:           {text}",
    "interview.state.new": "new",
    "interview.state.recorded": "recorded",
    "interview.state.transcribed": "transcribed",
    "interview.state.tagged": "tagged",
    "interview.state.reviewed": "reviewed",
    "interview.state.exported": "exported",
    "receipts.received": "Received by the coordinator on {day}.",
    "receipts.sent": "Copy saved for the coordinator on {day}; no receipt yet.",
    # --- the command line: recording and takes (core/cli/audio_cmds.py) --------------------------
    "cli.recording_from": "Recording interview {id} as recording {recording} from {device}.",
    "cli.default_microphone": "the default microphone",
    "cli.record_keys": "While recording type a letter and Enter: n = next question, o = off the record on/off, p = pause/resume, b = bookmark. Ctrl-C stops and keeps the audio.",
    "cli.first_audio": "Listening: the first audio arrived.",
    "cli.next_question_at": "Next question: {label} at {at} s",
    "cli.off_record_at": "OFF the record at {at} s",
    "cli.on_record_at": "back on the record at {at} s",
    "cli.paused": "Paused",
    "cli.resumed": "Resumed",
    "cli.bookmark_at": "Bookmark at {at} s",
    "cli.paused_mark": "PAUSED",
    "cli.off_record_mark": "OFF THE RECORD",
    "cli.saved_recording": "Saved recording {rid}: {seconds} s in {chunks} chunks, {markers} markers.",
    "cli.original_deleted": "The original file was deleted. A normal delete is not a secure erase: the file's contents may stay readable on the disk (and in backups, synced folders or the trash) until they are overwritten. On an encrypted disk this matters much less.",
    "cli.original_kept": "The original file was left as it was. The recording is now stored encrypted in your vault. You can delete the original file, but a normal delete is not a secure erase: the file's contents may stay readable on the disk (and in backups, synced folders or the trash) until they are overwritten. On an encrypted disk this matters much less.",
    "cli.take_recovered": " (recovered after an interruption)",
    "cli.take_stopped_early": ", stopped early: {error}",
    "cli.take_row": "Take {take} (recording {recording}) [{source}] {state}{flag}{err}: {seconds} s, {chunks} chunks, {markers} markers",
    "cli.take_typed_up": "typed up",
    "cli.take_not_typed_up": "not typed up",
    "cli.take_in_use": "  <- in use",
    "cli.take_line": "Take {take}: {seconds} s, {typed} (recording {recording}){mark}",
    # --- the command line: keys, packets, deleting, receipts, retention (core/cli) ---------------
    "cli.keys_device": "Device key:   {key}\nFingerprint:  {fingerprint}\nRead aloud:   {words}",
    "cli.keys_recipient": "Recipient:    {recipient}\nRead aloud:   {words}",
    "cli.recipient_added": "Added {label}: {recipient}",
    "cli.packet_made": "Packet {packet}, made {day}",
    "cli.packet_made_corrects": "Packet {packet}, made {day}, corrects {corrects}",
    "cli.type_yes_to_delete": "Type yes to delete: ",
    "cli.deleted_checked": "Deleted {what}. Checked {pages} pages of the vault file and its WAL, decrypted independently, for {needles} pieces of it: none is left.",
    "cli.deleted_interview_counts": "interview {id} ({takes} take(s), {transcripts} transcript version(s))",
    "cli.deleted_interview": "interview {id}",
    "cli.receipts_read": "Read {files} receipts file(s): {matched} of your packets confirmed received.",
    "cli.receipts_read_ignored": "Read {files} receipts file(s): {matched} of your packets confirmed received, {ignored} other entries ignored.",
    "cli.retention_past": "PAST ITS DATE",
    "cli.retention_kept_until": "kept until",
    "cli.retention_after_signoff": "sign-off",
    "cli.retention_after_receipt": "receipt",
    "cli.retention_row": "{takes} take(s)  {state} {day} (after {because})",
    "cli.retention_confirm": "The audio of {n} interview(s) ({takes} take(s)) is past its date and will be deleted for good; the transcripts stay.",
    "cli.withdrawal_row": "{packet}  withdrawn {day}  device {device}  (notice {notice}, applied {applied}); nothing of it is kept",
    "lifecycle.what_goes": "Interview {code} and everything in it will be deleted for good: {takes} take(s) of audio ({minutes} min), {transcripts} transcript version(s), {memos} memo(s), tags, redactions and the pseudonym map. This cannot be undone.",
    "lifecycle.what_goes_shared": "It was shared {n} time(s): deleting it here does not remove it from the coordinator; withdraw it instead if the participant withdrew.",
    "cli.withdraw_deleted_already": "Interview {id} was deleted here already.",
    "cli.withdraw_notice_will_tell": "A withdrawal notice for the {n} packet(s) sent will tell the coordinators to erase it too.",
    "cli.take_delete_question": "Take {take} of interview {id} will be deleted for good; its transcript stays. This cannot be undone.",
    "cli.deleted_take": "take {take} of interview {id} ({chunks} chunks)",
    # --- the command line: studies, models, voices, transcripts, paper (core/cli) ----------------
    "cli.study_summary": "Study:        {title} (version {version})\nGuides:       {guides}\nSites:        {sites}\nCoordinators: {coordinators}",
    "cli.study_settings": "Settings:     {settings}",
    "cli.study_signed_by": "Signed by:    {words}",
    "cli.roles_from_sample": "your voice sample",
    "cli.roles_from_wording": "who asks the questions",
    "cli.roles_from_manual": "your earlier choices",
    "cli.roles_from_single": "one voice",
    "cli.voices": "Voices: {names}.",
    "cli.voices_roles_from": "Voices: {names} (roles from {how}).",
    "cli.voices_not_found": "Voices: not found. {error}",
    "cli.model_set_here": "set in this vault",
    "cli.model_built_in": "built-in default",
    "cli.col_name": "name",
    "cli.col_format": "format",
    "cli.col_languages": "languages",
    "cli.col_size": "size",
    "cli.col_source": "source",
    "cli.many_languages": "many",
    "cli.voice_sample_deleted": "Your voice sample is deleted.",
    "cli.voice_sample_none": "There was no voice sample.",
    "cli.voice_set_by_you": "(set by you)",
    "cli.voice_role_set": "{voice} is the {role}; {n} passages changed.",
    "cli.transcript_imported": "Imported {n} segments ({format}, {encoding}{times}).",
    "cli.with_times": ", with times",
    "cli.no_times": ", no times: spread at speaking pace",
    "cli.could_not_read_line": "  could not read: {problem}",
    "cli.paper_letter": "PDFs are written on US Letter paper.",
    "cli.paper_a4": "PDFs are written on A4 paper.",
    "transcripts.identifying_warning": "This file will hold the real names and everything said on the record, and it is NOT encrypted: anyone who opens the file, the folder or the USB stick can read it. Save it only where nobody else can read it, and delete it when you are done. The de-identified version is safer to print or carry.",
    "cli.role_interviewer": "interviewer",
    "cli.role_participant": "participant",
    # --- the command line: inbox, themes, quotes, redactions (core/cli) --------------------------
    "cli.inbox_replaced_by": " (replaced by {packet})",
    "cli.inbox_status_imported": "imported",
    "cli.inbox_status_superseded": "superseded",
    "cli.inbox_device": "device {device}{extra}",
    "cli.col_theme": "theme",
    "cli.col_interviews": "interviews",
    "cli.col_answers": "answers",
    "cli.col_passages": "passages",
    "cli.quote_approved": "approved",
    "cli.quote_rejected": "rejected",
    "cli.quote_waiting": "waiting for you",
    "cli.quote_not_flagged": "not flagged",
    "cli.seg": "seg {id}",
}
