"""Input devices: listing and choosing a microphone (PortAudio via sounddevice).

sounddevice is imported lazily: importing it initialises PortAudio, which probes devices.
PortAudio lists devices once, when it initialises; ``refresh=True`` re-initialises it so a
microphone plugged in (or a sound server started) since then appears. Only refresh while
no stream is open.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from core.errors import Msg, NoInputDevice

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class InputDevice:
    index: int
    name: str
    default_samplerate_hz: float
    is_default: bool
    max_input_channels: int = 1


def _sd():
    try:
        import sounddevice
    except OSError as exc:  # libportaudio missing
        raise NoInputDevice(Msg("audio.audio_system_portaudio_not"),
                            Msg("audio.audio_system_portaudio_not.hint")) from exc
    return sounddevice


def refresh() -> None:
    """Re-scan devices (re-initialise PortAudio)."""
    sd = _sd()
    sd._terminate()  # sounddevice has no public re-scan; these are its own init/exit calls
    sd._initialize()


def list_input_devices(*, refresh_first: bool = False) -> list[InputDevice]:
    """Every device that can record, the system default marked."""
    sd = _sd()
    if refresh_first:
        refresh()
    try:
        default_in = sd.default.device[0]
        if default_in is None or default_in < 0:
            default_in = sd.query_hostapis(0).get("default_input_device", -1) if sd.query_hostapis() else -1
    except Exception:  # noqa: BLE001 - PortAudio may have no host API at all
        default_in = -1
    devices = []
    for info in sd.query_devices():
        if int(info.get("max_input_channels", 0)) > 0:
            devices.append(InputDevice(int(info["index"]), str(info["name"]),
                                       float(info["default_samplerate"]), int(info["index"]) == default_in,
                                       int(info["max_input_channels"])))
    return devices


def resolve_device(name: str | int | None) -> int | None:
    """A device index from an index, an exact name, or a unique part of a name.

    None means the system default (after checking that there is an input device at all).
    """
    devices = list_input_devices()
    if not devices:
        raise NoInputDevice()
    if name is None or name == "":
        return None
    if isinstance(name, int) or (isinstance(name, str) and name.isdigit()):
        index = int(name)
        if any(d.index == index for d in devices):
            return index
    else:
        exact = [d for d in devices if d.name == name]
        if exact:
            return exact[0].index
        partial = [d for d in devices if name.lower() in d.name.lower()]
        if len(partial) == 1:
            return partial[0].index
    raise NoInputDevice(Msg("audio.no_microphone_called", name=name),
                        Msg("audio.no_microphone_called.hint"))
