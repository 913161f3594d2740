"""Shareable reports cannot single anyone out — on real packets through the real export path.

Six interviews at SITE-NORTH and two at SITE-SOUTH are made in a researcher's vault, reviewed,
signed off and exported as sealed packets; a coordinator vault imports them with the CLI and
writes share and team reports, the findings brief, and reviews quotes. Everything is read back
from the PDFs with pypdf, as a reader would see it.
"""

from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from core.cli import main
from core.reports.share_view import TEAM_BANNER
from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.share_corpus import NORTH, RARE_TITLE_QUOTE, SOUTH, SOUTH_PHRASES, export_study

pytestmark = pytest.mark.slow  # Presidio + spaCy for the researcher's review of eight interviews

CODES = re.compile(r"P-[NS]\d\d")
THEMES = ("Job satisfaction", "Leadership and power dynamics")


def pages(path) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


@pytest.fixture(scope="module")
def study(tmp_path_factory):
    from core.packets import keys
    from core.vault import Vault
    tmp = tmp_path_factory.mktemp("share")
    pw = tmp / "pw"
    pw.write_text(PASSPHRASE + "\n")
    coord, _ = Vault.create(tmp / "coord", PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    recipient = keys.age_recipient(coord)
    coord.close()
    researcher, _ = Vault.create(tmp / "researcher", PASSPHRASE, kdf=FAST_KDF)
    packets = export_study(researcher, recipient, tmp / "usb")
    key_file = tmp / "device.key"
    key_file.write_text(keys.device_public_key(researcher) + "\n")
    researcher.close()

    def run(*argv: str) -> int:
        return main(["--vault", str(tmp / "coord"), "--passphrase-file", str(pw), *argv])

    assert run("coordinator", "enrol", str(key_file), "--label", "Org A laptop", "--yes") == 0
    assert run("coordinator", "import", *map(str, packets)) == 0
    # Eight interviews cannot reach the default quote threshold (10); the setting allows 5.
    assert run("coordinator", "rules", "--quote-min", "5") == 0
    return run, tmp


def test_share_report_has_nothing_of_the_small_site_and_says_what_it_withheld(study, capsys):
    run, tmp = study
    assert run("coordinator", "report", "--pdf", str(tmp / "share.pdf")) == 0
    text = " ".join(pages(tmp / "share.pdf"))
    assert not CODES.search(text)                                    # no participant code
    assert SOUTH not in text                                         # the small site is not named
    assert not any(p[:30] in text for p in SOUTH_PHRASES)            # none of its words
    assert "Interviews counted 6" in text and f"{NORTH} (6)" in text  # totals leave it out too
    assert "Raised in 6 of 6 interviews" in text                     # job satisfaction: North only
    assert "1 site with fewer than 5 interviews in this report has been left out" in text
    # leadership: 3 North interviews (5 with South) — below k, so no number at all
    assert "Leadership and power dynamics – – – –" in text
    assert "Raised in fewer than 5 interviews: no figures are shown" in text
    # the methods page states the rules and what was withheld
    assert "Rules that keep this report from pointing at anyone" in text
    assert "a count below 5 interviews is not shown" in text and "themes raised in at least 5 interviews" in text
    assert "2 site-level figures below 5 interviews are not shown" in text


def test_a_site_report_of_the_small_site_shows_nothing_identifying(study, capsys):
    run, tmp = study
    assert run("coordinator", "report", "--site", SOUTH, "--pdf", str(tmp / "south.pdf")) == 0
    text = " ".join(pages(tmp / "south.pdf"))
    assert not CODES.search(text) and not any(p[:30] in text for p in SOUTH_PHRASES)
    assert "Interviews counted 0" in text and "Raised in" not in text
    assert "left out of every figure and quote" in text


def test_differencing_two_reports_cannot_recover_the_small_site(study):
    """All sites minus North, theme by theme: what a reader would subtract to get South."""
    run, tmp = study
    assert run("coordinator", "report", "--pdf", str(tmp / "all.pdf")) == 0
    assert run("coordinator", "report", "--site", NORTH, "--pdf", str(tmp / "north.pdf")) == 0

    def glance(path) -> dict[str, list[str]]:
        """The "Themes at a glance" row of each theme: interviews, %, answers, passages."""
        text = " ".join(pages(path))
        return {label: re.search(re.escape(label) + r" ((?:\S+ ){3}\S+)", text).group(1).split()
                for label in THEMES}

    every, north = glance(tmp / "all.pdf"), glance(tmp / "north.pdf")
    assert every == {"Job satisfaction": ["6", "100%", "6", "6"], "Leadership and power dynamics": ["–"] * 4}
    assert every == north  # all sites minus North is zero everywhere: South is in neither
    # ...while South really did raise both themes (the team copy shows it)
    assert run("coordinator", "report", "--audience", "team", "--pdf", str(tmp / "team.pdf")) == 0
    team = " ".join(pages(tmp / "team.pdf"))
    assert "Raised in 8 of 8 interviews" in team and "Raised in 5 of 8 interviews" in team


def test_team_report_carries_the_warning_on_every_page(study):
    run, tmp = study
    assert run("coordinator", "report", "--audience", "team", "--pdf", str(tmp / "team.pdf")) == 0
    texts = pages(tmp / "team.pdf")
    assert len(texts) >= 3 and all(TEAM_BANNER in t for t in texts)
    assert SOUTH in " ".join(texts) and CODES.search(" ".join(texts))  # it is the full copy


def test_csv_and_qda_exports_need_the_team_audience(study, capsys):
    run, tmp = study
    for flag, target in (("--csv", tmp / "csv"), ("--qdpx", tmp / "p.qdpx"), ("--qdc", tmp / "c.qdc")):
        assert run("coordinator", "report", flag, str(target)) != 0
        err = capsys.readouterr().err
        assert "research team only" in err and "--audience team" in err
        assert not target.exists()
    assert run("coordinator", "report", "--audience", "team", "--csv", str(tmp / "csv"),
               "--qdpx", str(tmp / "p.qdpx")) == 0
    assert "Research team only" in (tmp / "csv" / "RESEARCH-TEAM-ONLY.txt").read_text(encoding="utf-8")
    import zipfile
    with zipfile.ZipFile(tmp / "p.qdpx") as zf:
        assert "research team only" in zf.read("project.qde").decode("utf-8")


def test_quote_review_flags_a_rare_job_title_and_approval_is_logged(study, capsys):
    run, tmp = study
    assert run("coordinator", "report", "--pdf", str(tmp / "before.pdf")) == 0
    assert "forklift mechanic" not in " ".join(pages(tmp / "before.pdf"))  # held back until approved
    capsys.readouterr()
    assert run("coordinator", "quotes", "review", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    [flagged] = [i for i in items if "forklift mechanic" in i["text"]]
    assert {"kind": "rare job title", "words": "forklift mechanic"} in flagged["flags"]
    assert flagged["decision"] is None and all(i["site"] == NORTH for i in items)

    assert run("coordinator", "quotes", "approve", flagged["key"][:8]) == 0
    assert run("coordinator", "report", "--pdf", str(tmp / "after.pdf")) == 0
    text = " ".join(pages(tmp / "after.pdf"))
    assert RARE_TITLE_QUOTE[:40] in text and f"a participant at {NORTH}" in text and not CODES.search(text)
    from core.vault import Vault, auditlog
    with Vault.open(tmp / "coord", PASSPHRASE) as vault:
        events = [e for e in auditlog.entries(vault.conn) if e.event == "quote_approved"]
    assert events and events[-1].details == {"quote": flagged["key"], "flags": ["rare job title"]}
    assert "forklift" not in json.dumps([e.details for e in events])  # no words in the log


def test_the_brief_renders_and_follows_the_rules(study, capsys):
    run, tmp = study
    assert run("coordinator", "quotes", "review", "--all", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    approved = next(i for i in items if not i["flags"])
    assert run("coordinator", "quotes", "approve", approved["key"]) == 0
    assert run("coordinator", "brief", "--pdf", str(tmp / "brief.pdf")) == 0
    texts = pages(tmp / "brief.pdf")
    text = " ".join(texts)
    assert 2 <= len(texts) <= 4
    assert "Main themes" in text and "Recommendations" in text and "What could change" in text
    assert "raised in 6 of 6 interviews" in text
    assert not CODES.search(text) and SOUTH not in text and not any(p[:30] in text for p in SOUTH_PHRASES)
    assert approved["text"][:40] in " ".join(text.split())
    unapproved = [i for i in items if i["decision"] is None and i["key"] != approved["key"]]
    assert unapproved and not any(i["text"][:40] in text for i in unapproved)  # approved quotes only
