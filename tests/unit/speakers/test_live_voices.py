"""Live voices: windows get voices as they are committed; the pass after stop corrects them."""

from __future__ import annotations

import pytest

from core.speakers.live import LiveVoices
from core.vault.transcripts import Segment, Word


def _segments_for(ref, start_ms, end_ms):
    """One segment per reference turn inside the window, one word a 400 ms (the timing the
    engine would give), so the test is about voices, not recognition."""
    out = []
    for s, e, _k in ref:
        if s >= start_ms and e <= end_ms and e - s >= 400:
            words = [Word(t, t + 380, f"w{t}") for t in range(s, e - 380, 400)]
            out.append(Segment(s, e, " ".join(w.word for w in words), words=words))
    return out


def _accuracy(segments, ref):
    import numpy as np
    from scipy.optimize import linear_sum_assignment

    voices = sorted({s.voice for s in segments})
    spk = sorted({k for *_, k in ref})
    m = np.zeros((len(voices), len(spk)))
    for seg in segments:
        for w in seg.words:
            mid = (w.start_ms + w.end_ms) / 2
            who = [k for s, e, k in ref if s <= mid < e]
            if len(who) == 1:
                m[voices.index(w.voice or seg.voice), spk.index(who[0])] += 1
    rows, cols = linear_sum_assignment(-m)
    return m[rows, cols].sum() / max(1, m.sum())


@pytest.mark.timeout(300)
def test_live_windows_get_voices_and_the_final_pass_corrects_them(vault, joined4):
    from core.vault.interviews import InterviewRepo
    from core.vault.voices import VoiceRepo

    audio, ref = joined4
    iid = InterviewRepo(vault).create("P-300", "SITE-L").id
    committed: list[Segment] = []
    with LiveVoices(vault, iid, nice=0, n_speakers=4) as voices:
        voices.start()  # spawns the child; the model loads while recording goes on
        assert voices.is_on and voices.proc is not None and voices.proc.ready(wait_s=120)
        for start in range(0, len(audio), 8 * 16000):
            end = min(len(audio), start + 8 * 16000)
            window = _segments_for(ref, start // 16, end // 16)
            labelled = voices.label(window, audio[start:end], lambda t, is_end=False: t, start // 16)
            assert all(s.voice and s.speaker for s in labelled)
            committed.extend(labelled)
        live_acc = _accuracy(committed, ref)
        final = voices.final(committed, audio, lambda t, is_end=False: t)
    assert final is not None
    assert live_acc >= 0.6, live_acc
    assert _accuracy(final, ref) >= 0.9
    assert len(VoiceRepo(vault).voices(iid)) == 4
