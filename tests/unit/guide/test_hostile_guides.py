"""Hostile guide files (issue #22 item 9): the billion-laughs YAML, oversized and odd files."""

from __future__ import annotations

import os
import resource
import time

import pytest

from core.errors import GuideInvalid, InvalidInput
from core.guide.loader import MAX_GUIDE_BYTES, load_guide, read_guide_file
from tests.unit.guide.test_loader import GOOD


def _laughs(levels: int = 3, width: int = 1000) -> str:
    """The red team's 18 KB guide: 1000 × 1000 × 1000 nested aliases inside a valid guide."""
    lines = ["a0: &a0 [lol]"]
    for n in range(1, levels + 1):
        lines.append(f"a{n}: &a{n} [" + ", ".join([f"*a{n - 1}"] * width) + "]")
    bomb = "\n".join(lines)
    return GOOD.replace("  - id: autonomy\n    label: Autonomy\n    description: Say over one's work.\n"
                        "    examples: [I choose my hours]",
                        f"  - id: autonomy\n    label: Autonomy\n    description: Say over one's work.\n"
                        f"    examples: *a{levels}") + "\n" + bomb + "\n"


def test_nested_aliases_are_refused_quickly_and_without_memory(tmp_path):
    text = _laughs()
    assert len(text.encode()) < 20_000
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.monotonic()
    with pytest.raises(GuideInvalid) as exc:
        load_guide(text, "laughs.yaml")
    assert time.monotonic() - started < 2
    assert resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before < 100_000  # KiB
    assert any("aliases (*name) are not allowed" in p for p in exc.value.problems)


def test_an_anchor_alone_is_refused_with_its_line():
    text = GOOD.replace("    label: Voice\n", "    label: &v Voice\n")
    with pytest.raises(GuideInvalid) as exc:
        load_guide(text, "g.yaml")
    [problem] = exc.value.problems
    assert problem.startswith("g.yaml, line 11: anchors (&name) and aliases (*name) are not allowed")


def test_a_merge_key_needs_an_alias_and_is_refused():
    text = GOOD + "extra: &base {a: 1}\nmore:\n  <<: *base\n"
    with pytest.raises(GuideInvalid):
        load_guide(text, "g.yaml")


def test_deep_nesting_is_a_message_not_a_recursion_error():
    with pytest.raises(GuideInvalid) as exc:
        load_guide("x: " + "[" * 50_000 + "]" * 50_000 + "\n", "deep.yaml")
    assert "nested far too deeply" in exc.value.problems[0]


def test_an_oversized_guide_is_refused_before_parsing(tmp_path):
    big = tmp_path / "big.yaml"
    big.write_text(GOOD + "# " + "x" * MAX_GUIDE_BYTES + "\n")
    with pytest.raises(GuideInvalid) as exc:
        read_guide_file(big)
    assert "larger than a guide may be" in exc.value.problems[0]
    with pytest.raises(GuideInvalid):
        load_guide(big.read_text(), "big.yaml")


def test_devices_and_fifos_are_not_read(tmp_path):
    with pytest.raises(GuideInvalid):  # /dev/zero: a character device is refused or capped, never read whole
        try:
            read_guide_file("/dev/zero")
        except InvalidInput as exc:
            assert "not a regular file" in exc.user_message
            raise GuideInvalid(["refused"]) from exc
    fifo = tmp_path / "g.yaml"
    os.mkfifo(fifo)
    fd = os.open(fifo, os.O_RDWR | os.O_NONBLOCK)  # a writer, so opening for reading does not block
    try:
        with pytest.raises(InvalidInput):
            read_guide_file(fifo)
    finally:
        os.close(fd)


def test_the_good_guide_still_loads(tmp_path):
    path = tmp_path / "g.yaml"
    path.write_text(GOOD)
    assert load_guide(read_guide_file(path), "g.yaml").id == "demo"
