"""Names typed in the new-interview form carry a role and are hidden from the start."""

from __future__ import annotations

from core.vault.interviews import InterviewRepo
from core.vault.transcripts import Segment, TranscriptRepo
from tests.ui.conftest import wait_idle


def test_form_names_with_roles_are_hidden_from_the_start(qtbot, researcher_window):
    window = researcher_window
    window.show_new_interview()
    wait_idle(qtbot)
    form = window.new_interview
    form.site.setEditText("SITE-B")
    form.names.set_entries([("Maria Lopez", "participant"), ("Kevin Walsh", "supervisor")])
    form.names.add_button.click()
    assert len(form.names.rows) == 4
    form.workplaces.setText("Hilltop Care Home, Ward 4")
    form.script_read.setChecked(True)
    form.create_button.click()
    wait_idle(qtbot)
    vault = window.ctx.session.vault
    iid = window.interview.interview_id
    iv = InterviewRepo(vault).get(iid)
    assert [(p.name, p.role) for p in iv.protected_names] == [("Maria Lopez", "participant"),
                                                               ("Kevin Walsh", "supervisor")]
    assert {"Hilltop Care Home", "Ward 4"} <= set(InterviewRepo(vault).workplace_names())
    TranscriptRepo(vault).create(iid, [
        Segment(0, 4000, "I'm Maria and I do nights at Hilltop Care Home."),
        Segment(4000, 8000, "Kevin Walsh runs the rota. Kevin never listens, and Walsh shouts."),
    ])
    window.open_interview(iid, 2)
    wait_idle(qtbot)
    rv = window.review
    # Before "Find names and details" the coordinator's pane shows nothing at all.
    shown = rv.deidentified.toPlainText()
    assert "Kevin" not in shown and "Maria" not in shown and "Find names and details" in shown
    rv.detect_button.click()
    wait_idle(qtbot, 120000)
    items = [rv.redactions.item(i).text() for i in range(rv.redactions.count())]
    kevin = [t for t in items if "Kevin" in t or "Walsh" in t]
    assert len(kevin) == 3 and all("[SUPERVISOR 1]" in t and "(hidden)" in t for t in kevin)
    assert any("[PARTICIPANT 1]" in t and "(hidden)" in t for t in items)
    shown = rv.deidentified.toPlainText()
    assert "[SUPERVISOR 1] runs the rota" in shown and "[WORKPLACE 1]" in shown
    for secret in ("Kevin", "Walsh", "Maria", "Hilltop"):
        assert secret not in shown
