"""The vault's schema as ordered migrations.

``PRAGMA user_version`` holds the schema version. Opening a vault runs every migration above
its version in one transaction; a vault newer than this code is refused (VaultTooNew).
Never edit a migration that has shipped: add a new one.
"""

from __future__ import annotations

SCHEMA_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

-- Append-only, hash-chained security log. details is JSON with ids and counts only.
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY, at TEXT NOT NULL, event TEXT NOT NULL, details TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL);

-- Interview guides, one row per (guide_id, version); yaml is the exact text imported.
CREATE TABLE guides (
  id INTEGER PRIMARY KEY, guide_id TEXT NOT NULL, version TEXT NOT NULL, title TEXT NOT NULL,
  language TEXT NOT NULL, yaml TEXT NOT NULL, sha256 TEXT NOT NULL, imported_at TEXT NOT NULL,
  UNIQUE (guide_id, version));

-- The vault's codebook (themes). Guides bring themes in; people rename/merge/split them here.
CREATE TABLE themes (
  code_id TEXT PRIMARY KEY, label TEXT NOT NULL, description TEXT NOT NULL DEFAULT '',
  parent_id TEXT, examples TEXT NOT NULL DEFAULT '[]', merged_into TEXT,
  created_at TEXT NOT NULL);

CREATE TABLE interviews (
  id TEXT PRIMARY KEY, participant_code TEXT NOT NULL, site TEXT NOT NULL,
  interview_date TEXT NOT NULL, guide_pk INTEGER REFERENCES guides(id),
  state TEXT NOT NULL DEFAULT 'new', capture_off_record INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

CREATE TABLE consents (
  interview_id TEXT PRIMARY KEY REFERENCES interviews(id) ON DELETE CASCADE,
  method TEXT NOT NULL, given_at TEXT NOT NULL, witnessed_by TEXT NOT NULL DEFAULT '',
  script_read INTEGER NOT NULL DEFAULT 0, notes TEXT NOT NULL DEFAULT '');

-- Names to protect for one interview (feed de-identification); never leave the laptop.
CREATE TABLE protected_names (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  name TEXT NOT NULL, role TEXT NOT NULL DEFAULT 'person');

-- Vault-wide workplace names (employers, sites, teams) for de-identification.
CREATE TABLE workplace_names (
  id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, kind TEXT NOT NULL DEFAULT 'workplace');

CREATE TABLE recordings (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  source TEXT NOT NULL, source_name TEXT NOT NULL DEFAULT '', device_name TEXT NOT NULL DEFAULT '',
  sample_rate_hz INTEGER NOT NULL, codec TEXT NOT NULL, state TEXT NOT NULL,
  started_at TEXT NOT NULL, ended_at TEXT, total_samples INTEGER NOT NULL DEFAULT 0,
  capture_off_record INTEGER NOT NULL DEFAULT 0, error TEXT NOT NULL DEFAULT '');

-- About one second of audio per row, committed as captured.
CREATE TABLE audio_chunks (
  recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL, start_sample INTEGER NOT NULL, n_samples INTEGER NOT NULL,
  data BLOB NOT NULL, PRIMARY KEY (recording_id, seq));

-- kind: next_question | off_record_start | off_record_end | pause | resume | bookmark
CREATE TABLE markers (
  id INTEGER PRIMARY KEY, recording_id INTEGER NOT NULL REFERENCES recordings(id) ON DELETE CASCADE,
  kind TEXT NOT NULL, sample_offset INTEGER NOT NULL, question_id TEXT, label TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL);

CREATE TABLE transcripts (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  recording_id INTEGER REFERENCES recordings(id), source TEXT NOT NULL DEFAULT 'engine',
  engine TEXT NOT NULL DEFAULT '', model TEXT NOT NULL DEFAULT '', model_sha256 TEXT NOT NULL DEFAULT '',
  language TEXT NOT NULL DEFAULT '', options TEXT NOT NULL DEFAULT '{}',
  is_current INTEGER NOT NULL DEFAULT 1, created_at TEXT NOT NULL);

-- words: JSON list of {"start_ms","end_ms","word","probability"}; flags: JSON list of strings.
CREATE TABLE segments (
  id INTEGER PRIMARY KEY, transcript_id INTEGER NOT NULL REFERENCES transcripts(id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, text TEXT NOT NULL,
  original_text TEXT NOT NULL DEFAULT '', speaker TEXT NOT NULL DEFAULT '',
  avg_logprob REAL, no_speech_prob REAL, confidence REAL, words TEXT NOT NULL DEFAULT '[]',
  flags TEXT NOT NULL DEFAULT '[]', is_edited INTEGER NOT NULL DEFAULT 0,
  question_id TEXT, question_score REAL, off_record INTEGER NOT NULL DEFAULT 0);
CREATE INDEX segments_by_transcript ON segments (transcript_id, idx);

CREATE VIRTUAL TABLE segments_fts USING fts5(text, content='segments', content_rowid='id');
CREATE TRIGGER segments_ai AFTER INSERT ON segments BEGIN
  INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER segments_ad AFTER DELETE ON segments BEGIN
  INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
CREATE TRIGGER segments_au AFTER UPDATE OF text ON segments BEGIN
  INSERT INTO segments_fts(segments_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO segments_fts(rowid, text) VALUES (new.id, new.text); END;

-- A tag ties a theme to a segment, or to a character span inside it.
-- source: auto | manual; state: suggested | accepted | rejected.
CREATE TABLE tags (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  start_char INTEGER, end_char INTEGER, code_id TEXT NOT NULL, source TEXT NOT NULL,
  score REAL, state TEXT NOT NULL, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);
CREATE INDEX tags_by_interview ON tags (interview_id, segment_id);

CREATE TABLE memos (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  segment_id INTEGER REFERENCES segments(id) ON DELETE SET NULL, text TEXT NOT NULL,
  is_shared INTEGER NOT NULL DEFAULT 0, created_at TEXT NOT NULL, updated_at TEXT NOT NULL);

-- The pseudonym map (who is [PERSON 1]); never leaves the laptop.
CREATE TABLE pseudonyms (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  entity_type TEXT NOT NULL, original TEXT NOT NULL, placeholder TEXT NOT NULL,
  UNIQUE (interview_id, entity_type, original));

-- source: auto | manual; state: proposed | accepted | rejected.
CREATE TABLE redactions (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  segment_id INTEGER NOT NULL REFERENCES segments(id) ON DELETE CASCADE,
  start_char INTEGER NOT NULL, end_char INTEGER NOT NULL, entity_type TEXT NOT NULL,
  original TEXT NOT NULL, placeholder TEXT NOT NULL, score REAL, source TEXT NOT NULL,
  state TEXT NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE signoffs (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  text_sha256 TEXT NOT NULL, signed_at TEXT NOT NULL, signed_by TEXT NOT NULL DEFAULT '',
  is_void INTEGER NOT NULL DEFAULT 0);

-- This vault's own keys (Ed25519 device signing key; X25519 age identity for coordinators).
CREATE TABLE device_keys (
  id INTEGER PRIMARY KEY, kind TEXT NOT NULL UNIQUE, secret TEXT NOT NULL, public TEXT NOT NULL,
  created_at TEXT NOT NULL);

-- Coordinators this researcher seals packets to (age X25519 recipients).
CREATE TABLE recipients (
  id INTEGER PRIMARY KEY, label TEXT NOT NULL, recipient TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL, added_at TEXT NOT NULL);

-- Researcher devices a coordinator accepts packets from (Ed25519 public keys).
CREATE TABLE enrolled_devices (
  id INTEGER PRIMARY KEY, label TEXT NOT NULL, public_key TEXT NOT NULL UNIQUE,
  fingerprint TEXT NOT NULL UNIQUE, enrolled_at TEXT NOT NULL);

CREATE TABLE packets_sent (
  packet_id TEXT PRIMARY KEY, interview_id TEXT NOT NULL, created_at TEXT NOT NULL,
  supersedes TEXT, payload_sha256 TEXT NOT NULL, file_name TEXT NOT NULL DEFAULT '');

-- status: imported | superseded | quarantined. payload: the decrypted payload (a zip).
CREATE TABLE packets_received (
  packet_id TEXT PRIMARY KEY, device_fingerprint TEXT NOT NULL, status TEXT NOT NULL,
  supersedes TEXT, superseded_by TEXT, header TEXT NOT NULL, payload_sha256 TEXT NOT NULL,
  packet BLOB, payload BLOB, received_at TEXT NOT NULL, reason TEXT NOT NULL DEFAULT '');
"""

# v2: settings as their own table (auto-lock, default engine...), kept apart from meta.
SCHEMA_V2 = """
CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO settings (key, value) SELECT substr(key, 10), value FROM meta WHERE key LIKE 'settings.%';
DELETE FROM meta WHERE key LIKE 'settings.%';
"""

# v3: additions made while the first capabilities were built. Each capability appends its
# statements inside its own block below (V1 and V2 are frozen: a fixture vault at v2 is
# committed in tests/ to prove migration).
SCHEMA_V3 = """
-- [audio]
-- Range reads (click-to-play, Whisper windows) seek by sample; markers are read per recording.
CREATE INDEX audio_chunks_by_start ON audio_chunks (recording_id, start_sample);
CREATE INDEX markers_by_recording ON markers (recording_id, sample_offset);
-- [/audio]
-- [transcription]
-- state: live (growing while recording) | complete. Tagging and export wait for complete.
ALTER TABLE transcripts ADD COLUMN state TEXT NOT NULL DEFAULT 'complete';
CREATE INDEX transcripts_by_interview ON transcripts (interview_id, is_current);
-- [/transcription]
-- [guide-tagging]
-- quote: the tagged text of a span tag, so the span can be found again after its segment is edited.
ALTER TABLE tags ADD COLUMN quote TEXT NOT NULL DEFAULT '';
CREATE INDEX tags_by_code ON tags (code_id);
-- [/guide-tagging]
-- [deid]
-- One row per detection run: the SHA-256 of the segment texts it saw, so a sign-off can
-- demand that the text being signed was scanned (an edit after a scan needs a new scan).
CREATE TABLE deid_scans (
  id INTEGER PRIMARY KEY, interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  text_sha256 TEXT NOT NULL, findings INTEGER NOT NULL DEFAULT 0, scanned_at TEXT NOT NULL);
CREATE INDEX redactions_by_interview ON redactions (interview_id, segment_id);
-- [/deid]
-- [packets]
-- [/packets]
-- [coordinator]
-- The coordinator's imported interviews, decoded from each packet's interview.json so that
-- aggregation is plain SQL. is_current = 0 once a later packet supersedes this one (history).
CREATE TABLE inbox_interviews (
  packet_id TEXT PRIMARY KEY REFERENCES packets_received(packet_id) ON DELETE CASCADE,
  device_fingerprint TEXT NOT NULL, code TEXT NOT NULL, site TEXT NOT NULL,
  month TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '',
  consent_method TEXT NOT NULL DEFAULT '', consent_witnessed INTEGER NOT NULL DEFAULT 0,
  guide_id TEXT NOT NULL DEFAULT '', guide_version TEXT NOT NULL DEFAULT '',
  guide_title TEXT NOT NULL DEFAULT '', signed_off_at TEXT NOT NULL DEFAULT '',
  redactions TEXT NOT NULL DEFAULT '{}', app_version TEXT NOT NULL DEFAULT '',
  is_current INTEGER NOT NULL DEFAULT 1, imported_at TEXT NOT NULL);
CREATE INDEX inbox_interviews_current ON inbox_interviews (is_current, site, guide_version, month);
CREATE TABLE inbox_questions (
  packet_id TEXT NOT NULL REFERENCES inbox_interviews(packet_id) ON DELETE CASCADE,
  question_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
  section TEXT NOT NULL DEFAULT '', PRIMARY KEY (packet_id, question_id));
CREATE TABLE inbox_codebook (
  packet_id TEXT NOT NULL REFERENCES inbox_interviews(packet_id) ON DELETE CASCADE,
  theme_id TEXT NOT NULL, position INTEGER NOT NULL, label TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', parent TEXT, PRIMARY KEY (packet_id, theme_id));
CREATE TABLE inbox_segments (
  packet_id TEXT NOT NULL REFERENCES inbox_interviews(packet_id) ON DELETE CASCADE,
  idx INTEGER NOT NULL, question_id TEXT, speaker TEXT NOT NULL DEFAULT '',
  start_ms INTEGER NOT NULL DEFAULT 0, end_ms INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,
  PRIMARY KEY (packet_id, idx));
CREATE TABLE inbox_tags (
  id INTEGER PRIMARY KEY,
  packet_id TEXT NOT NULL REFERENCES inbox_interviews(packet_id) ON DELETE CASCADE,
  segment_idx INTEGER NOT NULL, theme_id TEXT NOT NULL, start_char INTEGER, end_char INTEGER,
  source TEXT NOT NULL DEFAULT '');
CREATE INDEX inbox_tags_by_packet ON inbox_tags (packet_id, segment_idx);
CREATE TABLE inbox_memos (
  id INTEGER PRIMARY KEY,
  packet_id TEXT NOT NULL REFERENCES inbox_interviews(packet_id) ON DELETE CASCADE,
  segment_idx INTEGER, text TEXT NOT NULL);
-- Every import attempt and its verdict: ids, file names and reasons only, never content.
CREATE TABLE inbox_events (
  id INTEGER PRIMARY KEY, at TEXT NOT NULL, packet_id TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '', verdict TEXT NOT NULL, code TEXT NOT NULL DEFAULT '',
  reason TEXT NOT NULL DEFAULT '');
-- [/coordinator]
-- [audit]
-- [/audit]
-- [desktop]
-- [/desktop]
SELECT 1;
"""

# v4: the coordinator's inbox keyed by (device_fingerprint, packet_id), not packet_id alone
# (docs/packet-format.md §8, decision 0110): a packet id is in the plaintext header, so with a
# global key one enrolled device could claim another device's id first and have the genuine
# interview refused as a conflict for ever. Rows get an integer key (``id``); the decoded
# interview tables hang off it. Quarantine moves to its own table, one row per unverified
# header (never keyed on the claimed id, so a forged claim cannot crowd out the real one),
# with the sealed bytes kept only within a quota (decision 0111). SQLite cannot change a
# primary key in place: new tables are made, filled, the old ones dropped (children first,
# so foreign-key cascades have nothing to delete) and the new ones renamed (which rewrites
# the foreign keys that name them).
SCHEMA_V4 = """
CREATE TABLE packets_received_v4 (
  id INTEGER PRIMARY KEY, device_fingerprint TEXT NOT NULL, packet_id TEXT NOT NULL,
  status TEXT NOT NULL, supersedes TEXT, superseded_by TEXT, header TEXT NOT NULL,
  payload_sha256 TEXT NOT NULL, packet BLOB, payload BLOB, received_at TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '', UNIQUE (device_fingerprint, packet_id));
INSERT INTO packets_received_v4 (device_fingerprint, packet_id, status, supersedes, superseded_by,
  header, payload_sha256, packet, payload, received_at, reason)
  SELECT device_fingerprint, packet_id, status, supersedes, superseded_by, header, payload_sha256,
  packet, payload, received_at, reason FROM packets_received WHERE status != 'quarantined'
  ORDER BY received_at, packet_id;
CREATE TABLE inbox_quarantine (
  id INTEGER PRIMARY KEY, device_fingerprint TEXT NOT NULL, packet_id TEXT NOT NULL,
  header_digest TEXT NOT NULL UNIQUE, header TEXT NOT NULL, size_bytes INTEGER NOT NULL,
  packet BLOB, source_path TEXT NOT NULL DEFAULT '', received_at TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '');
INSERT OR IGNORE INTO inbox_quarantine (device_fingerprint, packet_id, header_digest, header,
  size_bytes, packet, received_at, reason)
  SELECT device_fingerprint, packet_id, COALESCE(json_extract(header, '$.header_digest'), packet_id),
  header, COALESCE(length(packet), 0), packet, received_at, reason
  FROM packets_received WHERE status = 'quarantined';
CREATE INDEX inbox_quarantine_by_device ON inbox_quarantine (device_fingerprint, packet_id);
CREATE TABLE inbox_interviews_v4 (
  packet_pk INTEGER PRIMARY KEY REFERENCES packets_received_v4(id) ON DELETE CASCADE,
  packet_id TEXT NOT NULL, device_fingerprint TEXT NOT NULL, code TEXT NOT NULL, site TEXT NOT NULL,
  month TEXT NOT NULL DEFAULT '', language TEXT NOT NULL DEFAULT '',
  consent_method TEXT NOT NULL DEFAULT '', consent_witnessed INTEGER NOT NULL DEFAULT 0,
  guide_id TEXT NOT NULL DEFAULT '', guide_version TEXT NOT NULL DEFAULT '',
  guide_title TEXT NOT NULL DEFAULT '', signed_off_at TEXT NOT NULL DEFAULT '',
  redactions TEXT NOT NULL DEFAULT '{}', app_version TEXT NOT NULL DEFAULT '',
  is_current INTEGER NOT NULL DEFAULT 1, imported_at TEXT NOT NULL);
INSERT INTO inbox_interviews_v4 SELECT p.id, i.packet_id, i.device_fingerprint, i.code, i.site,
  i.month, i.language, i.consent_method, i.consent_witnessed, i.guide_id, i.guide_version,
  i.guide_title, i.signed_off_at, i.redactions, i.app_version, i.is_current, i.imported_at
  FROM inbox_interviews i JOIN packets_received_v4 p ON p.packet_id = i.packet_id;
CREATE TABLE inbox_questions_v4 (
  packet_pk INTEGER NOT NULL REFERENCES inbox_interviews_v4(packet_pk) ON DELETE CASCADE,
  question_id TEXT NOT NULL, position INTEGER NOT NULL, text TEXT NOT NULL,
  section TEXT NOT NULL DEFAULT '', PRIMARY KEY (packet_pk, question_id));
INSERT INTO inbox_questions_v4 SELECT p.id, t.question_id, t.position, t.text, t.section
  FROM inbox_questions t JOIN packets_received_v4 p ON p.packet_id = t.packet_id;
CREATE TABLE inbox_codebook_v4 (
  packet_pk INTEGER NOT NULL REFERENCES inbox_interviews_v4(packet_pk) ON DELETE CASCADE,
  theme_id TEXT NOT NULL, position INTEGER NOT NULL, label TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '', parent TEXT, PRIMARY KEY (packet_pk, theme_id));
INSERT INTO inbox_codebook_v4 SELECT p.id, t.theme_id, t.position, t.label, t.description, t.parent
  FROM inbox_codebook t JOIN packets_received_v4 p ON p.packet_id = t.packet_id;
CREATE TABLE inbox_segments_v4 (
  packet_pk INTEGER NOT NULL REFERENCES inbox_interviews_v4(packet_pk) ON DELETE CASCADE,
  idx INTEGER NOT NULL, question_id TEXT, speaker TEXT NOT NULL DEFAULT '',
  start_ms INTEGER NOT NULL DEFAULT 0, end_ms INTEGER NOT NULL DEFAULT 0, text TEXT NOT NULL,
  PRIMARY KEY (packet_pk, idx));
INSERT INTO inbox_segments_v4 SELECT p.id, t.idx, t.question_id, t.speaker, t.start_ms, t.end_ms, t.text
  FROM inbox_segments t JOIN packets_received_v4 p ON p.packet_id = t.packet_id;
CREATE TABLE inbox_tags_v4 (
  id INTEGER PRIMARY KEY,
  packet_pk INTEGER NOT NULL REFERENCES inbox_interviews_v4(packet_pk) ON DELETE CASCADE,
  segment_idx INTEGER NOT NULL, theme_id TEXT NOT NULL, start_char INTEGER, end_char INTEGER,
  source TEXT NOT NULL DEFAULT '');
INSERT INTO inbox_tags_v4 (id, packet_pk, segment_idx, theme_id, start_char, end_char, source)
  SELECT t.id, p.id, t.segment_idx, t.theme_id, t.start_char, t.end_char, t.source
  FROM inbox_tags t JOIN packets_received_v4 p ON p.packet_id = t.packet_id;
CREATE TABLE inbox_memos_v4 (
  id INTEGER PRIMARY KEY,
  packet_pk INTEGER NOT NULL REFERENCES inbox_interviews_v4(packet_pk) ON DELETE CASCADE,
  segment_idx INTEGER, text TEXT NOT NULL);
INSERT INTO inbox_memos_v4 (id, packet_pk, segment_idx, text) SELECT t.id, p.id, t.segment_idx, t.text
  FROM inbox_memos t JOIN packets_received_v4 p ON p.packet_id = t.packet_id;
DROP TABLE inbox_memos;
DROP TABLE inbox_tags;
DROP TABLE inbox_segments;
DROP TABLE inbox_codebook;
DROP TABLE inbox_questions;
DROP TABLE inbox_interviews;
DROP TABLE packets_received;
ALTER TABLE packets_received_v4 RENAME TO packets_received;
ALTER TABLE inbox_interviews_v4 RENAME TO inbox_interviews;
ALTER TABLE inbox_questions_v4 RENAME TO inbox_questions;
ALTER TABLE inbox_codebook_v4 RENAME TO inbox_codebook;
ALTER TABLE inbox_segments_v4 RENAME TO inbox_segments;
ALTER TABLE inbox_tags_v4 RENAME TO inbox_tags;
ALTER TABLE inbox_memos_v4 RENAME TO inbox_memos;
-- Supersede look-ups by the named id (per device); without it every import scanned the table.
CREATE INDEX packets_received_by_supersedes ON packets_received (device_fingerprint, supersedes);
CREATE INDEX packets_received_by_id ON packets_received (packet_id);
CREATE INDEX inbox_interviews_current ON inbox_interviews (is_current, site, guide_version, month);
CREATE INDEX inbox_tags_by_packet ON inbox_tags (packet_pk, segment_idx);
CREATE INDEX inbox_memos_by_packet ON inbox_memos (packet_pk);
"""

# v5 [lifecycle] (issue 19, decisions 0137-0138): receipts a researcher imported from its
# coordinators, and on a coordinator the tombstones of withdrawn packets (ids, device and dates
# only; the interview's data is erased). Both keyed per device as v4's inbox is.
SCHEMA_V5 = """
CREATE TABLE receipts (
  packet_id TEXT NOT NULL, signer_fingerprint TEXT NOT NULL, status TEXT NOT NULL,
  received_at TEXT NOT NULL, imported_at TEXT NOT NULL, PRIMARY KEY (packet_id, signer_fingerprint));
CREATE TABLE withdrawals (
  id INTEGER PRIMARY KEY, device_fingerprint TEXT NOT NULL, packet_id TEXT NOT NULL,
  notice_id TEXT NOT NULL, withdrawn_at TEXT NOT NULL, received_at TEXT NOT NULL,
  UNIQUE (device_fingerprint, packet_id));
"""

# v6 [study] (issue 20, docs/study-format.md): the study an imported interview was made for
# (packets carry it inside the encryption), so the coordinator files and reports by study.
SCHEMA_V6 = """
ALTER TABLE inbox_interviews ADD COLUMN study_id TEXT;
ALTER TABLE inbox_interviews ADD COLUMN study_version INTEGER;
"""

# v7 [coordinator] (issue 22 item 6): claims by other devices are looked up by SUPERSEDES alone
# for every import; v4's index leads with the device, so that look-up scanned packets_received
# (one page per row, the sealed packet is in the row) and import cost grew with the inbox.
SCHEMA_V7 = """
DROP INDEX packets_received_by_supersedes;
CREATE INDEX packets_received_by_supersedes ON packets_received (supersedes, device_fingerprint);
"""

# v8 [speakers] (issue 17, decision 0126). A segment's voice (V1, V2, ... within its recording) sits beside
# its role (``speaker``); words carry their own voice inside the words JSON. An interview's
# voices keep their role, label and centroid so a re-run maps new voices onto the old ones
# and a person's renames survive. The researcher's voice sample (audio and vector) is kept
# here only: never in a packet, deleted with its row (secure_delete zeroes the pages).
SCHEMA_V8 = """
ALTER TABLE segments ADD COLUMN voice TEXT NOT NULL DEFAULT '';
CREATE TABLE interview_voices (
  interview_id TEXT NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,
  voice TEXT NOT NULL, role TEXT NOT NULL DEFAULT '', label TEXT NOT NULL DEFAULT '',
  is_manual INTEGER NOT NULL DEFAULT 0, centroid BLOB, speech_s REAL NOT NULL DEFAULT 0,
  PRIMARY KEY (interview_id, voice));
CREATE TABLE voice_samples (
  id INTEGER PRIMARY KEY, created_at TEXT NOT NULL, model TEXT NOT NULL,
  vector BLOB NOT NULL, audio BLOB NOT NULL, sample_rate_hz INTEGER NOT NULL,
  speech_s REAL NOT NULL DEFAULT 0);
"""

# v9 [speakers] (issue 17, decision 0161). A stereo import whose two channels carry one voice each
# keeps the level of each channel every 10 ms (float16 dBFS, frames x 2, on the stored clock), so
# the speaker step can tell the voices apart by channel. Nothing is kept for mono or ordinary stereo.
SCHEMA_V9 = """
CREATE TABLE recording_channels (
  recording_id INTEGER PRIMARY KEY REFERENCES recordings(id) ON DELETE CASCADE,
  frame_ms INTEGER NOT NULL, levels BLOB NOT NULL);
"""

MIGRATIONS: list[str] = [SCHEMA_V1, SCHEMA_V2, SCHEMA_V3, SCHEMA_V4, SCHEMA_V5, SCHEMA_V6, SCHEMA_V7, SCHEMA_V8,
                         SCHEMA_V9]
SCHEMA_VERSION = len(MIGRATIONS)
