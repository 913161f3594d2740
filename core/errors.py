"""The error tree: every error a person can meet carries a message and what to do next.

The desktop shows ``user_message`` and ``hint`` in one dialog; the CLI prints both and exits
non-zero. Messages never contain participant data (names, transcript text) or keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from string import Formatter
from typing import Any


@dataclass(frozen=True)
class Msg:
    """A message with a stable id and its details: ``Msg("vault.no_theme", code_id="x")``.

    The English template of every id lives in ``core/message_texts.py`` and its translations in
    ``resources/translations/core.<lang>.json``, with the same ``{placeholders}``. Parameters
    are data (names of files, numbers, ids) and are never translated; a parameter that is
    itself a ``Msg`` (or a ``Join`` of them) is rendered in the same language.
    """

    id: str
    params: dict[str, Any] = field(default_factory=dict)

    def __init__(self, id: str, /, **params: Any) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "params", params)

    def render(self, templates: dict[str, str] | None = None) -> str:
        """The text from ``templates`` (a translation) where it has this id, else the English."""
        from core.message_texts import TEXTS
        english = TEXTS.get(self.id)
        if english is None:  # a bug (tests/unit/test_messages.py checks every id): say the id
            return self.id
        template = (templates or {}).get(self.id) or english
        values = {k: _render_value(v, templates) for k, v in self.params.items()}
        try:
            return template.format_map(values)
        except (KeyError, IndexError, ValueError):  # a broken translation: the English holds
            return english.format_map(values)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Join:
    """Several parameters shown as one (``sep`` between them), each rendered like a parameter."""

    items: Sequence[Any]
    sep: str | Msg = "; "   # a Msg (" or ") is rendered in the same language

    def render(self, templates: dict[str, str] | None = None) -> str:
        return str(_render_value(self.sep, templates)).join(str(_render_value(v, templates)) for v in self.items)

    def __str__(self) -> str:
        return self.render()


@dataclass(frozen=True)
class Count:
    """A number shown with its digits grouped the reader's way: ``Count(552960)`` is "552,960"
    in English and "552.960" in Spanish. Spanish groups only from five digits (the RAE's rule,
    as the reports do), so "2048" stays whole there. The separator is the catalogue's
    ``format.thousands`` entry, so the language decides and no caller does."""

    value: int

    def render(self, templates: dict[str, str] | None = None) -> str:
        from core.message_texts import TEXTS
        sep = (templates or {}).get("format.thousands") or TEXTS["format.thousands"]
        if sep != "," and abs(self.value) < 10000:
            return str(self.value)
        return f"{self.value:,}".replace(",", sep)

    def __str__(self) -> str:
        return self.render()


def _render_value(value: Any, templates: dict[str, str] | None) -> Any:
    return value.render(templates) if isinstance(value, (Msg, Join, Count)) else value


def placeholders(template: str) -> set[str]:
    """The names of the ``{fields}`` in a template."""
    return {name for _, name, _, _ in Formatter().parse(template) if name is not None}


class CoreError(Exception):
    """Base of every expected error: a plain message and a hint saying what to do."""

    user_message: str = "Something went wrong."
    hint: str = ""
    # What to do next in the app's own words, when ``hint`` names a command: the desktop
    # shows this one, so a non-technical person is never sent to a command line.
    desktop_hint: str = ""
    exit_code: int = 1
    # Set when the message or hint was raised as a ``Msg``: the catalogue renders it in the
    # person's language (core.messages.localise_error); ``user_message``/``hint`` hold the English.
    message_id: Msg | None = None
    hint_id: Msg | None = None

    def __init__(self, user_message: str | Msg | None = None, hint: str | Msg | None = None) -> None:
        if isinstance(user_message, Msg):
            self.message_id = user_message
            user_message = user_message.render()
        if isinstance(hint, Msg):
            self.hint_id = hint
            hint = hint.render()
        if user_message is not None:
            self.user_message = user_message
        if hint is not None:
            self.hint = hint
        super().__init__(self.user_message)

    def __str__(self) -> str:
        return f"{self.user_message} {self.hint}".strip()


class Cancelled(CoreError):
    """The person stopped a job; shown as "Stopped.", never as an error."""

    user_message = "Stopped."
    exit_code = 130


# --- vault -------------------------------------------------------------------------------
class VaultError(CoreError):
    user_message = "The vault could not be opened."


class WrongPassphrase(VaultError):
    user_message = "That passphrase does not unlock this vault."
    hint = "Check Caps Lock and try again. If you have lost it, use your recovery code."
    exit_code = 2


class WrongRecoveryCode(WrongPassphrase):
    user_message = "That recovery code does not unlock this vault."
    hint = ("Type the code exactly as it was shown when the vault was created "
            "(dashes and case do not matter).")


class WeakPassphrase(VaultError):
    user_message = "That passphrase is too short."
    hint = "Use at least 8 characters; a few unrelated words are easy to remember and strong."


class VaultNotFound(VaultError):
    user_message = "There is no vault in that folder."
    hint = "Check the folder, or create a vault with `confidant init`."


class VaultExists(VaultError):
    user_message = "A vault already exists in that folder."
    hint = "Unlock it instead, or choose an empty folder for a new vault."


class VaultCorrupt(VaultError):
    user_message = "The vault's files are damaged or are not a Confidant vault."
    hint = "Restore the vault folder from a backup. Do not delete it: the data may be recoverable."


class KeyFileEdited(VaultCorrupt):
    user_message = "The vault's key file (vault.json) was edited, so it no longer opens this vault."
    hint = ("Restore vault.json from a backup of this vault folder. Its settings are sealed with the key: "
            "changing them (or removing the recovery code) cannot be undone by hand.")


class VaultTooNew(VaultError):
    user_message = "This vault was made by a newer version of Confidant."
    hint = "Install the newest version of Confidant to open it."


class VaultInUse(VaultError):
    user_message = "This vault is already open in another Confidant window or command."
    hint = "Close the other window (or wait for the command to finish), then try again."


class VaultReadOnly(VaultError):
    user_message = "Confidant cannot write to the vault folder."
    hint = "Check that the disk is not full or read-only and that you own the folder."


class DiskFull(CoreError):
    user_message = "The disk is full, so Confidant stopped writing. Everything saved so far is kept."
    hint = "Free some space (empty the trash, move videos or photos), then continue."


class NotFound(CoreError):
    user_message = "That item does not exist in this vault."
    hint = "List what exists (for example `confidant interview list`) and check the id."


class InvalidInput(CoreError):
    user_message = "That input is not valid."


# --- audio -------------------------------------------------------------------------------
class AudioError(CoreError):
    user_message = "There was a problem with the audio."


class NoInputDevice(AudioError):
    user_message = "No microphone was found."
    hint = "Plug in a microphone or headset, check it is not muted, then try again."


class DeviceLost(AudioError):
    user_message = "The microphone stopped working during the recording. Everything up to then is saved."
    hint = "Check the cable or Bluetooth connection, then start recording again to continue."


class UnsupportedAudio(AudioError):
    user_message = "Confidant cannot read that audio file."
    hint = "Use a WAV, FLAC, OGG or MP3 file, or convert it with another program first."


# --- transcription -----------------------------------------------------------------------
class TranscriptionError(CoreError):
    user_message = "Transcription failed."


class ModelNotInstalled(TranscriptionError):
    user_message = "The speech recognition model is not installed."
    hint = ("Import a model your coordinator gave you (Settings → Models → Import, or "
            "`confidant models import PATH`), or choose another installed model.")


class EngineCrashed(TranscriptionError):
    user_message = "The transcription engine stopped unexpectedly. Your audio is safe."
    hint = "Try again; if it keeps happening, choose a smaller model in Settings."


# --- speakers ----------------------------------------------------------------------------
class SpeakerError(CoreError):
    user_message = "Confidant could not tell the voices apart in this recording."
    hint = "The transcript is kept without voices; you can set who spoke in the editor."


class VoiceModelMissing(SpeakerError):
    user_message = "The voice model is not installed, so speakers cannot be told apart."
    hint = "Reinstall Confidant; transcription still works without voices."


class NoVoiceSample(SpeakerError):
    user_message = "This voice sample has too little speech to recognise your voice."
    hint = "Record again in a quiet place and read the whole text aloud (about 20-30 seconds)."


class VoiceSampleSilent(SpeakerError):
    user_message = "Nothing was heard: the recording is silent."
    hint = ("Check that the microphone is on and not muted, then record again and read the text "
            "aloud at your normal voice.")


class VoiceSampleTooShort(SpeakerError):
    user_message = "This recording is too short to learn your voice."
    hint = "Record again and read the whole text aloud (at least 15 seconds; 20-30 is best)."


# --- guides, tagging, import -------------------------------------------------------------
class GuideInvalid(CoreError):
    user_message = "The interview guide has mistakes."
    hint = "Fix the lines listed and import it again."

    def __init__(self, problems: Sequence[str | Msg], user_message: str | Msg | None = None) -> None:
        self.problems = [str(p) for p in problems]  # English, for logs and tests
        super().__init__(user_message or Msg("guide.has_mistakes",
                                              problems=Join(list(problems), "\n  - ")))


class TranscriptImportError(CoreError):
    user_message = "Confidant could not read that transcript."
    hint = "Use WebVTT, SRT, plain text or noScribe HTML."


# --- de-identification and packets -------------------------------------------------------
class NotSignedOff(CoreError):
    user_message = "This interview has not been reviewed and signed off since its text last changed."
    hint = "Open Review, check every redaction, then sign off before saving a copy."


class NoRecipients(CoreError):
    user_message = "No coordinator has been added yet, so nobody could open the copy."
    hint = "Add the file your coordinator gave you: `confidant recipients add coordinator.txt`."
    desktop_hint = ("Open Settings and, under \u201cSharing with your coordinator\u201d, press "
                    "\u201cAdd a coordinator from their file\u2026\u201d and choose the "
                    "coordinator.txt they gave you (on a USB stick or from an e-mail).")


class PacketRejected(CoreError):
    user_message = "The packet was rejected."

    def __init__(self, reason: str | Msg, hint: str | Msg | None = None, code: str = "rejected") -> None:
        self.reason = str(reason)
        self.reason_msg = reason if isinstance(reason, Msg) else None  # the reason, translatable
        self.code = code
        super().__init__(Msg("packets.rejected", reason=reason), hint)


# --- coordinator -------------------------------------------------------------------------
class NotCoordinatorVault(CoreError):
    user_message = "This vault is a researcher's vault, not a coordinator's."
    hint = ("Open the coordinator vault with --vault DIR, or make this one a coordinator vault "
            "with `confidant coordinator init`.")


class NothingToReport(CoreError):
    user_message = "No imported interviews match, so there is nothing to report."
    hint = "Import packets with `confidant coordinator import PATH`, or loosen the filters."


# --- packets -----------------------------------------------------------------------------
class ExportBlocked(CoreError):
    user_message = "A name you listed for this interview is still in the text, so nothing was saved."
    hint = ("Open Review and redact it (or reject the redaction if the word is not a name here), "
            "sign off again, then save the copy.")


# --- de-identification -------------------------------------------------------------------
class ScanNeeded(CoreError):
    user_message = "The text changed after the last check for names and numbers."
    hint = "Run the check again (Review → Check again, or `confidant deid ID`), review, then sign off."


class ReviewIncomplete(CoreError):
    user_message = "Some proposed redactions have not been accepted or rejected yet."
    hint = "Accept or reject each one in Review (or `confidant deid accept-all ID`), then sign off."


class SecondLookFlags(ReviewIncomplete):
    """The second look over the de-identified text found things still to decide (decision 0108)."""

    user_message = "A second look at the de-identified text found things that may still identify someone."
    hint = ("Hide each one or mark it fine in Review (`confidant deid show ID --redactions`, then "
            "`confidant deid accept RID` / `reject RID`), then sign off again.")


class SpanInvalid(InvalidInput):
    user_message = "That span is not inside the segment's text."
    hint = "Give a start and end character offset within the segment (`confidant deid show ID`)."


class PlaceholderWordEmpty(InvalidInput):
    user_message = "A placeholder word cannot be empty."
    hint = "Type the word to show inside the brackets, for example SUPERVISORA, or go back to the default."


class PlaceholderWordBroken(InvalidInput):
    user_message = "That word cannot go inside a placeholder: a bracket, a digit or “:” would break it."
    hint = "Use letters, spaces, “/” or “-” only, and start and end with a letter (for example JEFA/JEFE)."


class PlaceholderWordTooLong(InvalidInput):
    user_message = "That placeholder word is too long."
    hint = "Keep it to 40 characters or fewer, for example SUPERVISORA/SUPERVISOR."


class PlaceholderWordIsName(InvalidInput):
    user_message = "That placeholder word is a name listed in one of your interviews."
    hint = "A placeholder stands in for a name, so it must not carry one: use a role word such as SUPERVISORA."


# --- sentence embeddings (installer) -----------------------------------------------------
class EmbeddingModelMissing(CoreError):
    user_message = "The sentence model used for theme suggestions is not installed."
    hint = ("Reinstall Confidant, or in a source checkout install it with "
            "`pip install -e '.[ml]'` (or build its ONNX export with "
            "`python installer/export_minilm_onnx.py DIR` and set CONFIDANT_MINILM_ONNX=DIR).")


# --- de-identification ---------------------------------------------------------------
class TaggerUnavailable(CoreError):
    user_message = "The learned de-identification tagger could not be loaded, so this scan used the rules alone."
    hint = ("Reinstall Confidant (or, in a source checkout, rebuild the model with "
            "`python -m core.deid.build_tagger`), then scan again. Until then, review the proposals with extra care.")
    desktop_hint = "Reinstall Confidant, then scan again. Until then, review the proposals with extra care."


# --- damaged storage (review) ------------------------------------------------------------
class AudioDamaged(AudioError):
    user_message = "Part of this recording is damaged in the vault and cannot be read."
    hint = ("Restore the vault folder from a backup to get it back. Do not delete the vault: "
            "the rest of the interview is still there.")
