"""A small study for the share rules, made the way a real one is: interviews in a researcher's
vault (guide, transcript, tags), reviewed and signed off, exported by the real packets writer.

Six interviews at SITE-NORTH and two at SITE-SOUTH. Every interview raises job satisfaction;
both South interviews and three North ones raise leadership and power; one North participant
names a rare job title. The South interviews carry phrases no shared output may contain.
"""

from __future__ import annotations

from pathlib import Path

NORTH, SOUTH = "SITE-NORTH", "SITE-SOUTH"
RARE_TITLE_QUOTE = ("As the forklift mechanic in this building I get paid less than the drivers "
                    "I keep on the road, and that is not fair.")
SOUTH_PHRASES = ["the south yard gate is locked before the buses even come",
                 "our crew chief counts every bathroom break out loud"]
NORTH_SATISFACTION = [
    "I like the people I work with, but the pay does not cover rent anymore.",
    "Some weeks are fine, other weeks they pile the work on and nobody says thank you.",
    "It is a steady job, and steady matters when you have kids at home.",
    "I stay because of my co-workers, not because of the company.",
    "Honestly it is tiring, the pace keeps going up and the staffing keeps going down.",
]


def _interviews() -> list[tuple[str, str, list[tuple[str, str, str]]]]:
    """(code, site, [(question id, theme, participant text)])."""
    out = []
    for i in range(6):
        lines = [("satisfaction", "job_satisfaction", RARE_TITLE_QUOTE if i == 0 else NORTH_SATISFACTION[i - 1])]
        if i < 3:
            lines.append(("leadership", "leadership_power",
                          "The managers decide everything and we only hear about it afterwards."))
        out.append((f"P-N{i + 1:02d}", NORTH, lines))
    for i, phrase in enumerate(SOUTH_PHRASES):
        out.append((f"P-S{i + 1:02d}", SOUTH, [
            ("satisfaction", "job_satisfaction", f"It is hard to like this job when {phrase}."),
            ("leadership", "leadership_power", f"Leadership does not care that {phrase}.")]))
    return out


def export_study(vault, recipient: str, out_dir: Path) -> list[Path]:
    """Make the eight interviews in ``vault`` and export each as a sealed packet in ``out_dir``."""
    from core.jobs import run_job
    from core.packets import keys
    from core.packets.writer import make_export_job
    from core.vault.guides import GuideRepo
    from core.vault.interviews import Consent, InterviewRepo
    from core.vault.tags import TagRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    from tests.helpers.packets import review_and_sign

    guides = GuideRepo(vault)
    guides.ensure_defaults()
    guide = guides.resolve("job-quality")
    keys.add_recipient(vault, recipient, label="Coordinator")
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for code, site, lines in _interviews():
        iv = InterviewRepo(vault).create(code, site, guide_pk=guide.pk, interview_date="2025-04-10",
                                         consent=Consent("verbal", "2025-04-10T09:00:00+00:00"))
        segments, t = [], 0
        for qid, _theme, text in lines:
            segments.append(Segment(t, t + 3000, "What would you say about that?", speaker="interviewer",
                                    question_id=qid))
            segments.append(Segment(t + 3000, t + 9000, text, speaker="participant", question_id=qid))
            t += 10_000
        TranscriptRepo(vault).create(iv.id, segments, language="en")
        stored = TranscriptRepo(vault).current_segments(iv.id)
        for n, (_qid, theme, _text) in enumerate(lines):
            TagRepo(vault).add_manual(iv.id, stored[2 * n + 1].id, theme)
        # Synthetic text with no identifiers: what the second look flags (it reads "forklift" in
        # "forklift mechanic" as a name) is marked fine, as the researcher would after reading it.
        review_and_sign(vault, iv.id, second_look="fine")
        paths.append(run_job(make_export_job(vault, iv.id, out_dir / f"{code}.cpkt")).path)
    return paths
