"""Every screen of the window in Spanish, with real data in it, shows no English (#18).

A real window offscreen on real vaults: a researcher's (an interview with a Spanish
transcript, themes, redactions, a privacy check that has run) and a coordinator's (copies
imported with every kind of verdict: added, already here, replacing, held back, not added;
the dashboard in both views; quotes to review). Every visible widget's text, tooltip, list
row, table cell, combo item and tab is read, and so is every message a dialog would show. A
text is English when it is one of the catalogue's English sources, or when it has English
words in it (``english_words``); data that is not the interface's (codes, sites, file paths,
what participants said) is Spanish here or is taken out before looking.
"""

from __future__ import annotations

import re

from tests.conftest import FAST_KDF, PASSPHRASE
from tests.helpers.spanish_screens import english_sources, visible_texts
from tests.ui.conftest import make_window, stop_everything, unlock, wait_idle

# Words that are English and never Spanish: two in a text (or one in a short one) are English.
ENGLISH_WORDS = frozenset(re.findall(r"\S+", """
the and of is are was were with from this that these those for has have not been which will
your you what there when would could its into only than they their here where who how after
before already nothing changed replacing replaced held back copy copies file files open save
none every each more less about over under by an or at on in to it be do does can should must
one two yet still also out up down off new added kept stored counted shown hidden withheld
interview interviews packet packets site sites theme themes question questions record review
settings laptop share shared report reports check checks found missing wrong done please
sign signed enrolled device devices quote quotes answers passages participant participants
imported superseded rejected quarantined conflict conflicts withdrawn waiting approved flagged
day time length service job work power dynamics support resources policies procedures
experience leadership communication feeling valued safety autonomy barriers challenges
advancement today people good jobs ideal current previous quality definition decide
"""))
_WORD = re.compile(r"[A-Za-z][a-z']+")


def english_words(text: str) -> set[str]:
    """The English words of ``text`` (file paths, ids, `commands` and [PLACEHOLDERS] left out)."""
    text = re.sub(r"`[^`]*`|\S*[/\\_]\S*|\[[^\]]*\]|\S*\d\S*|\S+\.(db|json|pdf|cpkt|txt|wav)\b", " ", text)
    return {w.lower() for w in _WORD.findall(text) if w.lower() in ENGLISH_WORDS}


def looks_english(text: str) -> bool:
    """Two English words, or one in a short text or in a short (parenthesised) part of one."""
    found = english_words(text)
    if len(found) >= 2 or (len(found) == 1 and len(text.split()) <= 3):
        return True
    return any(len(part.split()) <= 3 and english_words(part) for part in re.findall(r"\(([^()]*)\)", text))


class Walk:
    """Looks at each screen; keeps what looked English, by screen."""

    def __init__(self, qtbot, sources: set[str], data: set[str]) -> None:
        self.qtbot, self.sources, self.data = qtbot, sources, data
        self.found: dict[str, set[str]] = {}
        self.seen = 0

    def english(self, text: str) -> bool:
        for item in self.data:  # what participants said, codes, sites: not the interface's words
            text = text.replace(item, " ")
        return text.strip() in self.sources or looks_english(text)

    def look(self, name: str, widget) -> None:
        wait_idle(self.qtbot)
        texts = visible_texts(widget)
        self.seen += len(texts)
        hits = {t for t in texts if self.english(t)}
        if hits:
            self.found.setdefault(name, set()).update(hits)

    def messages(self, name: str, shown) -> None:
        hits = {f"{m.message} {m.hint}".strip() for m in shown if self.english(f"{m.message} {m.hint}")}
        if hits:
            self.found.setdefault(name, set()).update(hits)


def test_the_english_detector_sees_english_and_not_spanish():
    assert looks_english("NOT added: conflicts with a copy already here")
    assert looks_english("held back: from a laptop you have not enrolled yet")
    assert looks_english("Overall")  is False  # one word that is not on the list
    assert looks_english("added")
    assert not looks_english("añadida, sustituye a una copia anterior")
    assert not looks_english("No se añadió: choca con una copia que ya está aquí")
    assert not looks_english("/tmp/the-copies/for-site.cpkt: añadida")
    assert not looks_english("[PERSON 1] dijo que no")
    assert looks_english("PERSONA: “Rosa Díaz” → [PERSONA 1]  (hidden)")
    assert not looks_english("PERSONA: “Rosa Díaz” → [PERSONA 1]  (se oculta)")


def _guide_titles() -> set[str]:
    from core.guide.loader import load_guide
    from core.vault.guides import default_guides_dir
    return {load_guide(p.read_text(encoding="utf-8")).title for p in default_guides_dir().glob("*.yaml")}


SPANISH_TRANSCRIPT = [
    (0, 4000, "¿Cómo describirías la forma en que tu supervisor trata a la gente?"),
    (4000, 9000, "Mi supervisora, Rosa Díaz, nos grita delante de todos y tiene favoritos."),
    (9000, 15000, "El sueldo no alcanza y los domingos trabajamos sin descanso en la planta."),
]


def test_every_researcher_screen_in_spanish_shows_no_english(
        qtbot, spanish, tmp_path, shown_errors, answers, files):
    from core.deid.review import make_detect_job
    from core.jobs import run_job
    from core.vault import Vault
    from core.vault.guides import GuideRepo
    from core.vault.interviews import Consent, InterviewRepo
    from core.vault.transcripts import Segment, TranscriptRepo
    folder = tmp_path / "vault"
    vault, _ = Vault.create(folder, PASSPHRASE, kdf=FAST_KDF)
    GuideRepo(vault).ensure_defaults()
    es = GuideRepo(vault).resolve("job-quality-es")
    interviews = InterviewRepo(vault)
    iid = interviews.create("P-002", "PLANTA-NORTE", guide_pk=es.pk,
                            consent=Consent("verbal", "2025-01-01T10:00", "", True)).id
    interviews.add_protected_name(iid, "Rosa Díaz", "supervisor")
    TranscriptRepo(vault).create(iid, [Segment(a, b, t) for a, b, t in SPANISH_TRANSCRIPT], language="es")
    run_job(make_detect_job(vault, iid))
    from core.vault.memos import MemoRepo
    from core.vault.tags import TagRepo
    segments = TranscriptRepo(vault).current_segments(iid)
    theme = es.guide.themes[0].id
    TagRepo(vault).add_manual(iid, segments[1].id, theme, None, None)   # a confirmed theme on the tab
    MemoRepo(vault).add(iid, "Habló con calma.", segment_id=segments[1].id)
    interviews.create("P-003", "PLANTA-NORTE", guide_pk=es.pk)        # one not recorded yet
    from core.packets.keys import device_public_key, fingerprint_words
    # The device key's fingerprint words (settings, privacy check) are drawn from a fixed
    # English word list whatever the language: data to read aloud, not the interface's words.
    # The key is random, so without this the walk failed whenever its words were common English.
    device_words = fingerprint_words(device_public_key(vault))
    vault.close()
    (tmp_path / "temp").mkdir()
    (tmp_path / "app").mkdir()
    window = make_window(qtbot, tmp_path, folder, overrides={
        "audit_temp_dirs": [tmp_path / "temp"], "audit_app_folders": [tmp_path / "app"]})
    before_unlock = {}
    for page in ("unlock", "welcome", "create", "forgot"):   # every page of the lock screen
        view = window.unlock_view
        view.setCurrentWidget(getattr(view, page))
        before_unlock[page] = visible_texts(window)
    window.unlock_view.show_start()
    unlock(qtbot, window)
    data = {t for _, _, t in SPANISH_TRANSCRIPT} | {"P-002", "P-003", "PLANTA-NORTE", "Rosa Díaz", str(tmp_path),
                                                    "Habló con calma.", device_words}
    # A guide is named by its own title, in its own language (the English guide says "(en)").
    data |= _guide_titles()
    walk = Walk(qtbot, english_sources(), data)
    for page, texts in before_unlock.items():
        hits = {t for t in texts if walk.english(t)}
        if hits:
            walk.found[f"lock screen: {page}"] = hits
    try:
        window.show_interviews()
        walk.look("interviews", window)
        window.show_new_interview()
        walk.look("new interview", window)
        for tab, name in ((0, "record"), (1, "transcript"), (2, "review")):
            window.open_interview(iid, tab)
            walk.look(name, window)
        window._select_nav("settings")
        walk.look("settings", window)
        from desktop.settings.audit_section import AuditSection
        section = window.settings.findChild(AuditSection)
        section.run_button.click()
        qtbot.waitUntil(lambda: section.checks.count() > 10, timeout=120000)
        walk.look("privacy check", window)
        checks = "\n".join(section.checks.item(i).text() for i in range(section.checks.count()))
        assert "BIEN  vault.db parece aleatorio\n    Entropía de bytes de " in checks, checks[:400]
        # The guide editor (a dialog of its own) on the Spanish guide.
        guides = window.settings.guides
        qtbot.waitUntil(lambda: guides.list.count() >= 2, timeout=20000)
        rows = [guides.list.item(i).text() for i in range(guides.list.count())]
        guides.list.setCurrentRow(next(i for i, r in enumerate(rows) if "(es)" in r))
        guides.edit_button.click()
        qtbot.waitUntil(lambda: guides.editor is not None and guides.editor.isVisible(), timeout=10000)
        walk.look("guide editor", guides.editor)
        guides.editor.close()
        # The voice-sample dialog as it opens (what to read, the buttons).
        window._select_nav("settings")
        wait_idle(qtbot)
        window.settings.voice.open_button.click()
        qtbot.waitUntil(lambda: window.settings.voice.dialog.isVisible(), timeout=5000)
        walk.look("voice sample", window.settings.voice.dialog)
        window.settings.voice.dialog.close()
        # What the window asks before deleting, and what it says when a step is not done yet.
        window.open_interview(iid, 0)
        answers.queue = [False]
        window.interview.delete_button.click()
        wait_idle(qtbot)
        assert answers.asked, "the delete question was not asked"
        hits = {q for q in answers.asked if walk.english(q)}
        if hits:
            walk.found["questions asked"] = hits
        walk.messages("messages", shown_errors)
    finally:
        stop_everything(qtbot, window)
    print("\n".join(f"{k}: {sorted(v)}" for k, v in walk.found.items()))
    assert walk.seen > 100
    assert not walk.found, f"English on Spanish screens: {walk.found}"


SPANISH_PHRASES = ["el sueldo no sube desde hace tres años aunque la renta sigue subiendo",
                   "nos dan el horario el viernes en la noche para el turno del lunes",
                   "el piso siempre está mojado junto a los congeladores",
                   "[SUPERVISOR 1] nos grita delante de toda la cuadrilla",
                   "cuando nos quejamos del calor dijeron que nos podíamos ir",
                   "aprendí la máquina mirando, nadie me enseñó"]


def _spanish_interview(i: int, site: str, **kw) -> dict:
    """A de-identified Spanish interview coded with the bundled English guide's theme ids and
    labels (as a packet from an English-guide vault carries them)."""
    from core.guide.loader import load_guide
    from core.vault.guides import default_guides_dir
    from tests.helpers.coordinator_data import make_interview
    from tests.helpers.coordinator_packets import hex_id
    guide = load_guide((default_guides_dir() / "job-quality.en.yaml").read_text(encoding="utf-8"))
    themes = guide.themes[:6]
    iv = make_interview(packet_id=kw.pop("packet_id", hex_id("walk", i)), code=f"P-{i:03d}", site=site, seed=i,
                        language="es", **kw)
    ids = {t["id"]: themes[n % len(themes)].id for n, t in enumerate(iv["codebook"])}
    iv["codebook"] = [{"id": t.id, "label": t.label, "description": t.description, "parent": None} for t in themes]
    for tag in iv["tags"]:
        tag["theme"] = ids[tag["theme"]]
        tag["start"] = tag["end"] = None
    for n, seg in enumerate(iv["segments"]):
        seg["text"] = SPANISH_PHRASES[(n + i) % len(SPANISH_PHRASES)] + "."
    iv["questions"] = [{**q, "text": f"Pregunta {n + 1}"} for n, q in enumerate(iv["questions"])]
    iv["memos"] = []
    return iv


def test_every_coordinator_screen_in_spanish_shows_no_english(qtbot, spanish, tmp_path, shown_errors, answers, files):
    from core.coordinator.devices import enrol
    from core.coordinator.share_settings import set_rules
    from core.packets import keys
    from core.vault import Vault
    from tests.helpers.coordinator_packets import Device, hex_id, seal_interview
    folder = tmp_path / "coordinator"
    vault, _ = Vault.create(folder, PASSPHRASE, role="coordinator", kdf=FAST_KDF)
    device, stranger = Device(), Device()
    enrol(vault, device.public_key, "Portátil 1")
    set_rules(vault, quote_min_interviews=5)
    recipient = [keys.age_recipient(vault)]
    vault.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    copies = []
    for i, site in enumerate(["PLANTA-A"] * 6 + ["PLANTA-B"] * 2):
        path = usb / f"{i}.cpkt"
        path.write_bytes(seal_interview(_spanish_interview(i, site), device, recipient))
        copies.append(path)
    again = usb / "0-otra-vez.cpkt"
    again.write_bytes(copies[0].read_bytes())                       # already here
    newer = usb / "1-corregida.cpkt"
    newer.write_bytes(seal_interview(_spanish_interview(1, "PLANTA-A", packet_id=hex_id("walk", 101),
                                                        supersedes=hex_id("walk", 1)), device, recipient))
    clash = usb / "2-distinta.cpkt"
    clash.write_bytes(seal_interview(_spanish_interview(2, "PLANTA-A", month="2025-04"), device, recipient))
    held = usb / "desconocido.cpkt"
    held.write_bytes(seal_interview(_spanish_interview(20, "PLANTA-C"), stranger, recipient))
    broken = usb / "rota.cpkt"
    broken.write_bytes(copies[3].read_bytes()[:300])                  # cut short
    window = make_window(qtbot, tmp_path, folder)
    unlock(qtbot, window)
    co = window.coordinator
    data = {"PLANTA-A", "PLANTA-B", "PLANTA-C", "Portátil 1", str(tmp_path)} | {p + "." for p in SPANISH_PHRASES}
    data |= set(SPANISH_PHRASES)
    walk = Walk(qtbot, english_sources(), data)
    try:
        files.opens = [*copies, again, newer, clash, held, broken]
        co.tabs.setCurrentIndex(1)
        co.import_button.click()
        qtbot.waitUntil(lambda: co.verdicts.count() == 13, timeout=60000)
        wait_idle(qtbot)
        rows = [co.verdicts.item(i).text() for i in range(co.verdicts.count())]
        assert sum("\u2716" in r for r in rows) >= 2, rows  # the walk saw refusals as well as copies added
        shown = "\n".join(rows)
        for spanish_words in ("ya estaba aquí (no cambió nada)", "añadida, sustituye a una copia anterior",
                              "NO se añadió: choca con una copia que ya está aquí", "se importó otro paquete distinto",
                              "retenida: viene de un portátil que todavía no has inscrito", "retenido en cuarentena"):
            assert spanish_words in shown, (spanish_words, rows)
        walk.look("copies received", window)
        for tab in range(co.tabs.count()):
            co.tabs.setCurrentIndex(tab)
            walk.look(f"coordinator tab {co.tabs.tabText(tab)}", window)
        co.tabs.setCurrentIndex(2)
        co.audience.setCurrentIndex(co.audience.findData("team"))
        co.audience.activated.emit(co.audience.currentIndex())
        qtbot.waitUntil(lambda: co.team_banner.isVisible(), timeout=20000)
        walk.look("dashboard, team view", window)
        labels = [co.quote_theme.itemText(i) for i in range(co.quote_theme.count())]
        assert any(label.startswith(("Satisfacción", "Liderazgo")) for label in labels), labels
        walk.messages("messages", shown_errors)
    finally:
        stop_everything(qtbot, window)
    print("\n".join(f"{k}: {sorted(v)}" for k, v in walk.found.items()))
    assert walk.seen > 60
    assert not walk.found, f"English on Spanish screens: {walk.found}"


def test_the_passphrase_meter_speaks_spanish_even_where_zxcvbn_advises_in_english(qtbot, spanish):
    """zxcvbn words its advice in English: the Spanish meter gives its own advice instead."""
    from desktop.unlock.strength import rate
    weak = rate("password1")
    assert weak.label in ("Muy débil", "Débil") and not weak.is_acceptable
    assert weak.advice and not looks_english(weak.advice), weak.advice
    assert rate("").advice.startswith("Unas cuantas palabras")
    from core.vault.db import MIN_PASSPHRASE_LEN
    assert rate("abc").advice == f"Usa al menos {MIN_PASSPHRASE_LEN} caracteres."
