"""Reading CTranslate2's ``model.bin`` (the format faster-whisper models ship in).

Layout (little endian): ``uint32 version``; if version >= 2 a string spec name and ``uint32
revision``; ``uint32 count`` variables, each a string name, ``uint8 rank``, ``uint32
dims[rank]``, (version >= 4) ``uint8 dtype`` and ``uint32 byte count``, then the bytes; if
version >= 3 an alias table. A string is ``uint16 length`` (with its trailing NUL) + bytes.
Only the parsing lives here, so the converter stays about names, not bytes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

import numpy as np

# CTranslate2 dtype codes (version >= 4).
_DTYPES = {0: np.float32, 1: np.int8, 2: np.int16, 3: np.int32, 4: np.float16}
_BF16 = 5


class CT2FormatError(ValueError):
    """The bytes are not a CTranslate2 model we can read."""


@dataclass
class CT2Model:
    version: int
    spec: str
    revision: int
    variables: dict[str, np.ndarray]
    aliases: dict[str, str]

    def get(self, name: str) -> np.ndarray:
        """A variable as float32 (dequantised when it has a ``_scale`` sibling)."""
        name = self.aliases.get(name, name)
        value = self.variables[name]
        scale = self.variables.get(name + "_scale")
        if scale is not None and value.dtype in (np.int8, np.int16):
            # Row-wise scales: float = q / scale.
            return value.astype(np.float32) / scale.astype(np.float32).reshape(-1, *([1] * (value.ndim - 1)))
        return value.astype(np.float32)

    def scalar(self, name: str) -> int:
        return int(self.variables[self.aliases.get(name, name)].reshape(()))


class _Reader:
    def __init__(self, data: bytes | bytearray | memoryview) -> None:
        self.buf = memoryview(data)
        self.pos = 0

    def take(self, n: int) -> memoryview:
        if self.pos + n > len(self.buf):
            raise CT2FormatError("model.bin is truncated")
        out = self.buf[self.pos:self.pos + n]
        self.pos += n
        return out

    def u8(self) -> int:
        return self.take(1)[0]

    def u16(self) -> int:
        return int(struct.unpack("<H", self.take(2))[0])

    def u32(self) -> int:
        return int(struct.unpack("<I", self.take(4))[0])

    def string(self) -> str:
        raw = bytes(self.take(self.u16()))
        return raw.rstrip(b"\0").decode("utf-8")


def read_ct2(data: bytes | bytearray | memoryview) -> CT2Model:
    """Parse a whole ``model.bin`` held in memory (arrays are copies, so ``data`` may go)."""
    r = _Reader(data)
    version = r.u32()
    if version < 1 or version > 64:
        raise CT2FormatError(f"unexpected model.bin version {version}")
    spec, revision = "", 1
    if version >= 2:
        spec = r.string()
        revision = r.u32()
    variables: dict[str, np.ndarray] = {}
    for _ in range(r.u32()):
        name = r.string()
        rank = r.u8()
        dims = [r.u32() for _ in range(rank)]
        if version >= 4:
            code = r.u8()
            nbytes = r.u32()
        else:
            code, nbytes = 0, 4 * int(np.prod(dims, dtype=np.int64))
        raw = r.take(nbytes)
        if code == _BF16:
            # bfloat16 is the top half of a float32.
            u16 = np.frombuffer(raw, dtype="<u2").astype(np.uint32) << 16
            arr = u16.view(np.float32)
        elif code in _DTYPES:
            arr = np.frombuffer(raw, dtype=np.dtype(_DTYPES[code]).newbyteorder("<")).copy()
        else:
            raise CT2FormatError(f"unknown dtype code {code} for {name}")
        variables[name] = arr.reshape(dims) if dims else arr.reshape(())
    aliases: dict[str, str] = {}
    if version >= 3:
        for _ in range(r.u32()):
            alias = r.string()
            aliases[alias] = r.string()
    return CT2Model(version, spec, revision, variables, aliases)
