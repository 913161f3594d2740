"""Player: play, pause, seek and speed through an injected output stream (no sound card)."""

from __future__ import annotations

import time

import numpy as np
import pytest

from core.audio.fake import FakeOutputStream
from core.audio.importer import make_import_job
from core.audio.player import Player
from core.audio.source import read_audio
from core.audio.stretch import TimeStretcher
from core.errors import InvalidInput
from core.jobs import run_job
from tests.unit.audio.conftest import noise


def _factory(made):
    def factory(**kw):
        s = FakeOutputStream(speed=20.0, **kw)
        made.append(s)
        return s
    return factory


def _play_to_end(player, timeout_s=20.0):
    player.play()
    deadline = time.monotonic() + timeout_s
    while player.is_playing and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not player.is_playing


def test_plays_the_recording_at_normal_speed(vault, interview, jfk_path):
    rid = run_job(make_import_job(vault, interview.id, jfk_path))
    made = []
    player = Player.for_recording(vault, rid, stream_factory=_factory(made))
    try:
        _play_to_end(player)
        assert player.position_s == pytest.approx(player.duration_s)
    finally:
        player.close()
    played = made[0].played()
    want = read_audio(vault, rid)
    # Align on the first non-silent sample (the speaker starts with silence while the feeder fills).
    played = played[np.flatnonzero(played)[0]:]
    want = want[np.flatnonzero(want)[0]:]
    # Underruns on a loaded machine insert silence; the audio itself must come out unchanged.
    voiced = played[np.abs(played) > 0]
    assert len(voiced) >= 0.9 * np.count_nonzero(want)
    np.testing.assert_array_equal(played[:4000], want[:4000])


@pytest.mark.parametrize("speed", [0.5, 2.0])
def test_speed_keeps_pitch_and_changes_length(speed):
    tone = (0.5 * np.sin(2 * np.pi * 440 * np.arange(32000) / 16000)).astype(np.float32)
    stretcher = TimeStretcher(speed)
    out = np.concatenate([stretcher.push(tone[i:i + 999]) for i in range(0, len(tone), 999)])
    assert len(out) == pytest.approx(len(tone) / speed, rel=0.05)
    core = out[2000:-2000]
    assert np.argmax(np.abs(np.fft.rfft(core))) * 16000 / len(core) == pytest.approx(440, abs=3)
    assert np.sqrt(np.mean(core ** 2)) == pytest.approx(0.3536, rel=0.05)   # no loudness change


def test_seek_pause_and_speed_through_player():
    sig = noise(6.0)
    made = []
    player = Player(lambda a, b: sig[a:b], len(sig), stream_factory=_factory(made))
    try:
        player.seek_s(4.0)
        player.play()
        time.sleep(0.05)
        player.pause()
        paused_at = player.position_s
        assert 4.0 <= paused_at < 6.0
        time.sleep(0.05)
        assert player.position_s == paused_at
        played = made[0].played()
        first = np.flatnonzero(played)[0]
        np.testing.assert_array_equal(played[first:first + 1000], sig[64000:65000])
        player.set_speed(2.0)
        assert player.speed == 2.0 and player.position_s == pytest.approx(paused_at, abs=0.05)
        _play_to_end(player)
        with pytest.raises(InvalidInput):
            player.set_speed(3.0)
    finally:
        player.close()
