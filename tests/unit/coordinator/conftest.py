"""Coordinator fixtures: a coordinator vault with its age identity, a researcher device."""

from __future__ import annotations

import pytest


@pytest.fixture
def coordinator(coordinator_vault):
    from core.packets.keys import age_recipient
    coordinator_vault.recipient = age_recipient(coordinator_vault)  # makes the age identity
    return coordinator_vault


@pytest.fixture
def device(vault):
    """The device key of a real researcher vault."""
    from tests.helpers.coordinator_packets import Device
    return Device(vault)


@pytest.fixture
def make_packet(coordinator, device, tmp_path):
    """Seal an interview to the coordinator and write it as a .cpkt file; returns the path."""
    from tests.helpers.coordinator_data import make_interview
    from tests.helpers.coordinator_packets import seal_interview

    def make(name: str, *, dev=None, recipients=None, **kwargs):
        interview = make_interview(**kwargs)
        data = seal_interview(interview, dev or device, recipients or [coordinator.recipient])
        path = tmp_path / "packets" / f"{name}.cpkt"
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(data)
        return path

    return make
