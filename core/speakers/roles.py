"""Which voice is the interviewer: by the researcher's voice sample, else by who asks.

With a sample, the voice closest to it is the interviewer (and, for a worker-researcher
pair, the next closest is the second interviewer); the other voices are participants,
labelled "Participant", "Participant 2", ... by how much they speak. Without one, the voice
with the largest share of questions is the interviewer; the tagging step later refines this
with the guide's own questions (``core.tagging.questions.mark_speakers``).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from core.vault.transcripts import Segment

INTERVIEWER = "interviewer"
PARTICIPANT = "participant"
FLAG_SPEAKER_VOICE = "speaker_voice"   # role from the voice sample (tagging leaves it alone)
FLAG_SPEAKER_AUTO = "speaker_auto"     # role guessed (tagging may decide again); = tagging's flag

_ASKING = re.compile(r"^(what|how|why|when|where|who|which|can|could|would|do|does|did|is|are|have|has|"
                     r"tell me|describe|walk me)\b", re.IGNORECASE)


@dataclass(frozen=True)
class VoiceRole:
    voice: str
    role: str
    label: str
    source: str          # sample | wording | manual | single
    score: float = 0.0   # cosine to the sample, or share of questions


def _labels(roles: dict[str, str], speech_s: Mapping[str, float]) -> dict[str, str]:
    out: dict[str, str] = {}
    for role, name in ((INTERVIEWER, "Interviewer"), (PARTICIPANT, "Participant")):
        voices = sorted((v for v, r in roles.items() if r == role), key=lambda v: -speech_s.get(v, 0.0))
        for i, v in enumerate(voices):
            out[v] = name if i == 0 else f"{name} {i + 1}"
    return out


def roles_from_sample(centroids: Mapping[str, Sequence[float]], sample: np.ndarray,
                      speech_s: Mapping[str, float], interviewers: int = 1) -> dict[str, VoiceRole]:
    """The closest voice (or two, for a pair) is the interviewer; the rest are participants."""
    if not centroids:
        return {}
    vec = np.asarray(sample, dtype=np.float32)
    vec = vec / max(float(np.linalg.norm(vec)), 1e-8)
    sims = {v: float(np.dot(np.asarray(c, dtype=np.float32), vec)) for v, c in centroids.items()}
    ranked = sorted(sims, key=lambda v: -sims[v])
    n_int = max(1, min(interviewers, len(ranked) - 1)) if len(ranked) > 1 else 1
    roles = {v: (INTERVIEWER if i < n_int else PARTICIPANT) for i, v in enumerate(ranked)}
    labels = _labels(roles, speech_s)
    return {v: VoiceRole(v, roles[v], labels[v], "sample", round(sims[v], 4)) for v in ranked}


def question_share(segments: Sequence[Segment]) -> dict[str, float]:
    """Per voice: the share of its sentences that ask something."""
    asked: dict[str, int] = {}
    total: dict[str, int] = {}
    for seg in segments:
        if not seg.voice:
            continue
        for sentence in re.split(r"(?<=[.?!])\s+", seg.text.strip()):
            if not sentence:
                continue
            total[seg.voice] = total.get(seg.voice, 0) + 1
            if sentence.endswith("?") or _ASKING.match(sentence):
                asked[seg.voice] = asked.get(seg.voice, 0) + 1
    return {v: asked.get(v, 0) / n for v, n in total.items()}


def roles_from_wording(segments: Sequence[Segment], voices: Sequence[str],
                       speech_s: Mapping[str, float]) -> dict[str, VoiceRole]:
    """The voice that asks the largest share of questions is the interviewer."""
    if not voices:
        return {}
    share = question_share(segments)
    if len(voices) == 1:
        v = voices[0]
        return {v: VoiceRole(v, PARTICIPANT, "Participant", "single", share.get(v, 0.0))}
    interviewer = max(voices, key=lambda v: (share.get(v, 0.0), -speech_s.get(v, 0.0)))
    roles = {v: INTERVIEWER if v == interviewer else PARTICIPANT for v in voices}
    labels = _labels(roles, speech_s)
    return {v: VoiceRole(v, roles[v], labels[v], "wording", round(share.get(v, 0.0), 4)) for v in voices}


def apply_roles(segments: Sequence[Segment], roles: Mapping[str, VoiceRole]) -> list[Segment]:
    """Each voiced segment takes its voice's role; the flag says how sure that is."""
    from dataclasses import replace

    out = []
    for seg in segments:
        role = roles.get(seg.voice)
        if role is None or seg.is_edited and seg.speaker:
            out.append(seg)
            continue
        flags = [f for f in seg.flags if f not in (FLAG_SPEAKER_VOICE, FLAG_SPEAKER_AUTO)]
        flags.append(FLAG_SPEAKER_VOICE if role.source in ("sample", "manual") else FLAG_SPEAKER_AUTO)
        out.append(replace(seg, speaker=role.role, flags=flags))
    return out
