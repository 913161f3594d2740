"""The coordinator's screen: Devices, Copies received (inbox), Dashboard, Quotes to review.

The dashboard shows the shareable view by default — the same suppressed figures the shared
report prints (core.coordinator.share) — with a switch to the research team's full view,
which is marked "do not share" and is the only place row-level files are saved from.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from core.reports.catalogue import LANGUAGE_NAMES, LANGUAGES, words
from desktop.context import AppContext
from desktop.coordinator import coordinator_work as work
from desktop.coordinator.quote_review_widget import QuoteReviewWidget
from desktop.coordinator.theme_chart import ThemeChart
from desktop.errors import interface_language, say
from desktop.jobs import call, start_job
from desktop.widgets.buttons import button, heading, note
from desktop.widgets.files import chooser
from desktop.widgets.job_status import JobStatus


def _labels(themes: Any) -> dict[str, str]:
    """{theme id: label} in the interface's language where the theme is a bundled guide's
    (packets carry the labels of the guide they were coded with)."""
    from core.reports.words import theme_labels
    return theme_labels({t.theme_id: t.label for t in themes}, interface_language())


class CoordinatorView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.agg: Any = None
        self.view: Any = None  # the share view, when the dashboard shows it
        layout = QVBoxLayout(self)
        layout.addWidget(heading(self.tr("Coordinator"), self))
        self.tabs = QTabWidget(self)
        layout.addWidget(self.tabs, 1)
        self.job = JobStatus(self)
        layout.addWidget(self.job)
        self._build_devices()
        self._build_inbox()
        self._build_dashboard()
        self._build_review()

    # --- devices ------------------------------------------------------------------------
    def _build_devices(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        v.addWidget(note(self.tr("Laptops whose copies you accept. Check each one's words with "
                                 "the researcher by phone before enrolling it."), page))
        self.devices = QListWidget(page)
        v.addWidget(self.devices, 1)
        row = QHBoxLayout()
        self.device_label = QLineEdit(page)
        self.device_label.setPlaceholderText(self.tr("Who it belongs to, e.g. Researcher A"))
        self.device_key = QLineEdit(page)
        self.device_key.setPlaceholderText(self.tr("Paste their laptop's key"))
        self.enrol_button = button(self.tr("Enrol laptop"), page, name="enrol_button")
        row.addWidget(self.device_label, 1)
        row.addWidget(self.device_key, 2)
        row.addWidget(self.enrol_button)
        v.addLayout(row)
        self.release_button = button(self.tr("Look again at held-back copies"), page)
        v.addWidget(self.release_button)
        self.tabs.addTab(page, self.tr("Laptops"))
        self.enrol_button.clicked.connect(self._on_enrol)
        self.release_button.clicked.connect(self._on_release)

    # --- inbox --------------------------------------------------------------------------
    def _build_inbox(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        self.import_button = button(self.tr("Add copies from researchers\u2026"), page, role="primary",
                                    name="import_button")
        v.addWidget(self.import_button)
        self.verdicts = QListWidget(page)
        self.verdicts.setObjectName("verdicts")
        v.addWidget(self.verdicts, 1)
        self.tabs.addTab(page, self.tr("Copies received"))
        self.import_button.clicked.connect(self._on_import)

    # --- dashboard ----------------------------------------------------------------------
    def _build_dashboard(self) -> None:
        page = QWidget()
        v = QVBoxLayout(page)
        row = QHBoxLayout()
        self.audience = QComboBox(page)
        self.audience.setObjectName("audience")
        self.audience.addItem(self.tr("Shareable view (small groups hidden)"), "share")
        self.audience.addItem(self.tr("Research team view (do not share)"), "team")
        row.addWidget(self.audience)
        row.addWidget(QLabel(self.tr("Site"), page))
        self.site = QComboBox(page)
        self.site.addItem(self.tr("All sites"), "")
        row.addWidget(self.site)
        row.addStretch(1)
        v.addLayout(row)
        # The saving controls get their own row: on one row with the view and site choices
        # the dashboard (and so every page of the window) was wider than a 1366-pixel laptop.
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(QLabel(self.tr("Reports in"), page))
        self.report_language = QComboBox(page)
        self.report_language.setObjectName("report_language")
        self.report_language.setToolTip(self.tr("The language the report and the brief are written in. "
                                                "Quotes stay in the language they were said."))
        for code in LANGUAGES:
            self.report_language.addItem(LANGUAGE_NAMES[code], code)
        self.report_language.setCurrentIndex(max(0, self.report_language.findData(interface_language())))
        row.addWidget(self.report_language)
        self.brief_button = button(self.tr("Save the findings brief\u2026"), page, name="brief_button")
        row.addWidget(self.brief_button)
        self.report_button = button(self.tr("Save the report\u2026"), page, name="report_button")
        row.addWidget(self.report_button)
        v.addLayout(row)
        self.team_banner = QLabel(words(interface_language())("common.team_banner"), page)
        self.team_banner.setObjectName("team_banner")
        self.team_banner.setStyleSheet("background:#B00020;color:white;font-weight:bold;padding:4px;")
        self.team_banner.setVisible(False)
        v.addWidget(self.team_banner)
        self.summary = QLabel("", page)
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        scroll = QScrollArea(page)
        scroll.setWidgetResizable(True)
        inner = QWidget()
        iv = QVBoxLayout(inner)
        self.chart = ThemeChart(inner)
        iv.addWidget(self.chart)
        iv.addWidget(heading(self.tr("Quotes by theme"), inner, level=2))
        self.quote_theme = QComboBox(inner)
        iv.addWidget(self.quote_theme)
        self.quotes = QListWidget(inner)
        self.quotes.setWordWrap(True)
        self.quotes.setMinimumHeight(200)
        iv.addWidget(self.quotes)
        scroll.setWidget(inner)
        v.addWidget(scroll, 1)
        self.tabs.addTab(page, self.tr("Dashboard"))
        self.site.activated.connect(self._on_site)
        self.audience.activated.connect(self._on_site)
        self.quote_theme.currentIndexChanged.connect(self._show_quotes)
        self.report_button.clicked.connect(self._on_report)
        self.brief_button.clicked.connect(self._on_brief)
        self.report_language.activated.connect(self._on_report_language)

    def _build_review(self) -> None:
        self.review = QuoteReviewWidget(self)
        self.tabs.addTab(self.review, self.tr("Quotes to review"))
        self.review.decided.connect(self._on_decided)
        self.review.rules_changed.connect(self._on_rules_changed)

    @property
    def is_team_view(self) -> bool:
        return self.audience.currentData() == "team"
    # --- loading ------------------------------------------------------------------------
    def refresh(self) -> None:
        if not self.ctx.session.is_unlocked:
            return
        vault = self.ctx.session.vault
        start_job(call(work.devices, vault), self, succeeded=self._on_devices,
                  name="devices")
        start_job(call(work.report_language, vault, interface_language()), self,
                  succeeded=self._on_report_language_loaded, name="report_language")
        self._load_dashboard()

    def _load_dashboard(self) -> None:
        vault, site = self.ctx.session.vault, self.site.currentData()
        self.team_banner.setVisible(self.is_team_view)
        if self.site.count() == 1:
            start_job(call(work.sites, vault), self, succeeded=self._on_sites,
                      name="sites")
        if self.is_team_view:
            start_job(call(work.aggregate, vault, site), self, succeeded=self._on_aggregate,
                      name="aggregate")
        else:
            start_job(call(work.share_view, vault, site), self, succeeded=self._on_share_view,
                      name="share_view")
        # The review list is always over the whole inbox: a decision is about the quote.
        start_job(call(work.share_view, vault, None), self, succeeded=self._on_review_view,
                  name="review_view")

    @Slot(object)
    def _on_sites(self, sites: list) -> None:
        if self.site.count() == 1:
            for s in sites:
                self.site.addItem(s, s)

    @Slot(object)
    def _on_review_view(self, view: Any) -> None:
        self.review.set_rules(view.rules.k, view.rules.quote_min_interviews)
        self.review.set_items(view.quotes.review, _labels(view.themes))

    @Slot(int, int)
    def _on_rules_changed(self, k: int, quote_min: int) -> None:
        if self.ctx.session.is_unlocked:
            vault = self.ctx.session.vault
            start_job(call(work.set_rules, vault, k, quote_min), self,
                      succeeded=self._on_decision_saved, name="share_rules")

    @Slot(object)
    def _on_share_view(self, view: Any) -> None:
        if self.is_team_view:
            return  # the switch moved on while this was computed
        self.view, self.agg = view, None
        rows, groups = work.share_chart_rows(view, _labels(view.themes))
        self.chart.set_data(rows, [words(interface_language()).group(g) for g in groups])
        withheld = " ".join(view.statements(interface_language()))
        self.summary.setText(self.tr("Shareable view: {n} interviews counted. {withheld}").format(
            n=view.n_interviews, withheld=withheld))
        labels = _labels(view.themes)
        self._fill_quote_themes([(t.theme_id, labels[t.theme_id], len(t.quotes)) for t in view.themes if t.quotes])

    @Slot(object)
    def _on_devices(self, devices: list) -> None:
        self.devices.clear()
        for d in devices:
            from core.coordinator.devices import packet_counts_message
            counts = say(packet_counts_message(d.packets)) if d.packets else ""
            self.devices.addItem(f"{d.device.label} \u2014 {d.device.fingerprint}\n    {d.words}"
                                 + (f"\n    {counts}" if counts else ""))

    @Slot(object)
    def _on_aggregate(self, agg: Any) -> None:
        if not self.is_team_view:
            return
        self.agg, self.view = agg, None
        rows, sites = work.chart_rows(agg, _labels(agg.themes))
        self.chart.set_data(rows, sites)
        self.summary.setText(self.tr("Research team view: {n} interviews, {a} answers.").format(
            n=agg.n_interviews, a=agg.total_answers))
        labels = _labels(agg.themes)
        self._fill_quote_themes([(t.theme_id, labels[t.theme_id], len(t.quotes)) for t in agg.themes if t.quotes])

    def _fill_quote_themes(self, themes: list[tuple[str, str, int]]) -> None:
        current = self.quote_theme.currentData()
        self.quote_theme.blockSignals(True)
        self.quote_theme.clear()
        for theme_id, label, n in themes:
            self.quote_theme.addItem(f"{label} ({n})", theme_id)
        self.quote_theme.setCurrentIndex(max(0, self.quote_theme.findData(current)))
        self.quote_theme.blockSignals(False)
        self._show_quotes()

    @Slot()
    def _show_quotes(self) -> None:
        self.quotes.clear()
        tid = self.quote_theme.currentData()
        if self.view is not None:
            for t in self.view.themes:
                if t.theme_id == tid:
                    for sq in t.quotes:
                        attribution = words(interface_language()).attribution(sq.attribution)
                        self.quotes.addItem(f"\u201c{sq.text}\u201d \u2014 {attribution}")
        elif self.agg is not None:
            for t in self.agg.themes:
                if t.theme_id == tid:
                    for q in t.quotes:
                        self.quotes.addItem(f"\u201c{q.text}\u201d \u2014 {q.interview_code}, {q.site}")

    @Slot(int)
    def _on_site(self, _i: int) -> None:
        if self.ctx.session.is_unlocked:
            self._load_dashboard()

    @Slot(object)
    def _on_report_language_loaded(self, language: str) -> None:
        self.report_language.setCurrentIndex(max(0, self.report_language.findData(language)))

    @Slot(int)
    def _on_report_language(self, _i: int) -> None:
        """The choice is kept with the report settings, so the CLI writes the same language."""
        if self.ctx.session.is_unlocked:
            start_job(call(work.set_report_language, self.ctx.session.vault, self.language), self,
                      name="set_report_language")

    @property
    def language(self) -> str:
        return str(self.report_language.currentData() or "en")

    # --- actions ------------------------------------------------------------------------
    @Slot()
    def _on_enrol(self) -> None:
        key, label = self.device_key.text().strip(), self.device_label.text().strip()
        if key and self.ctx.session.is_unlocked:
            vault = self.ctx.session.vault
            start_job(call(work.enrol, vault, key, label), self,
                      succeeded=self._on_enrolled, name="enrol")

    @Slot(object)
    def _on_enrolled(self, _device: object) -> None:
        self.device_key.clear()
        self.device_label.clear()
        self.refresh()

    @Slot()
    def _on_release(self) -> None:
        if self.ctx.session.is_unlocked:
            vault = self.ctx.session.vault
            self.job.run(call(work.release, vault), self.tr("Checking held-back copies\u2026"),
                         succeeded=self._on_imported, name="release")

    @Slot()
    def _on_import(self) -> None:
        paths = chooser().open_files(self, self.tr("Choose the copies"),
                                     self.tr("Confidant copies (*.cpkt);;All files (*)"))
        if paths and self.ctx.session.is_unlocked:
            self.job.run(work.import_job(self.ctx.session.vault, paths),
                         self.tr("Opening and checking the copies\u2026"),
                         succeeded=self._on_imported, name="inbox_import")

    @Slot(object)
    def _on_imported(self, results: list) -> None:
        self.verdicts.clear()
        from core.coordinator.inbox import verdict_words
        for r in results:
            mark = "\u2714" if r.is_ok else "\u2716"
            line = f"{mark} {r.path}: {say(verdict_words(r.verdict))}"
            if r.reason and not r.is_ok:
                line += f"\n    {r.reason_in(interface_language())}"
            self.verdicts.addItem(line)
        self.refresh()

    @Slot()
    def _on_report(self) -> None:
        folder = chooser().folder(self, self.tr("Where should the report go?"))
        if folder is None or not self.ctx.session.is_unlocked:
            return
        vault, site = self.ctx.session.vault, self.site.currentData()
        if self.is_team_view and self.agg is not None:
            agg = self.agg
            self.job.run(call(work.export_reports, vault, agg, folder, self.language),
                         self.tr("Writing the research team's report and files\u2026"), name="report")
        elif not self.is_team_view:
            self.job.run(call(work.export_share, vault, site, folder, self.language),
                         self.tr("Writing the shareable report\u2026"), name="report")

    @Slot()
    def _on_brief(self) -> None:
        path = chooser().save_file(self, self.tr("Save the findings brief"), "findings-brief.pdf",
                                   self.tr("PDF (*.pdf)"))
        if path is None or not self.ctx.session.is_unlocked:
            return
        vault, site = self.ctx.session.vault, self.site.currentData()
        self.job.run(call(work.export_brief, vault, site, path, self.language),
                     self.tr("Writing the findings brief\u2026"), name="brief")

    @Slot(str, str, list)
    def _on_decided(self, key: str, decision: str, kinds: list) -> None:
        if self.ctx.session.is_unlocked:
            vault = self.ctx.session.vault
            start_job(call(work.decide, vault, key, decision, kinds), self,
                      succeeded=self._on_decision_saved, name="decide_quote")

    @Slot(object)
    def _on_decision_saved(self, _result: object) -> None:
        self._load_dashboard()


