"""Every word the coordinator's reports and the audit report print, by stable id (decision 0175).

A coordinator reads packets in several languages, so these reports get a language of their
own (``en`` or ``es``), chosen when the report is written — not the packets' language. English
lives here (``ENGLISH``: id -> text, ``str.format`` fields by name); other languages live in
``resources/translations/reports.<lang>.json`` like core's messages, and
tests/unit/reports/test_report_catalogue.py checks that every id has Spanish with the same
fields. ``Words`` also writes numbers, percentages, months and dates the reader's way, and
turns the few English words that travel inside report data (the "Other sites" group, quote
attributions, redaction types, reasons a quote was left out, audit check names) into the
report's language. Quotes, sites and question wording stay as they were written.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from core.errors import InvalidInput, Msg
from core.messages import translation_file

LANGUAGES = ("en", "es")
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

ENGLISH: dict[str, str] = {
    # the interview summary inside every packet (interview_summary.py, decision 0134)
    "summary.participant_code": "Participant code",
    "summary.site": "Site",
    "summary.month": "Month",
    "summary.language": "Language",
    "summary.consent": "Consent",
    "summary.witnessed": ", witnessed",
    "summary.guide": "Guide",
    "summary.passages": "Passages",
    "summary.signed_off": "Reviewed and signed off",
    "summary.redactions": "Redactions",
    "summary.none": "none",
    "summary.packet": "Packet",
    "summary.corrects": "corrects",
    "summary.title": "Interview summary",
    "summary.themes_across": "Themes across the interview",
    "summary.no_themes": "No themes were confirmed for this interview.",
    "summary.deidentified_note": "This summary is de-identified: names, places and other identifying details were replaced with placeholders such as [PERSON 1], and passages spoken off the record were removed.",
    "summary.themes": "Themes:",
    "summary.none_confirmed": "none confirmed",
    "summary.no_answer": "No answer was recorded for this question.",
    "summary.question": "Question",
    "summary.other_passages": "Other passages (not tied to a guide question)",
    "summary.footer": "Confidential — de-identified interview summary (Confidant)",
    "summary.page": "page",
    "summary.chart_axis": "number of tagged passages",
    "summary.interviewer": "Interviewer",
    "summary.participant": "Participant",
    "summary.verbal": "verbal",
    "summary.written": "written",
    # filters (the team and the shareable report say them the same way)
    "filters.site": "site {site}",
    "filters.guide_version": "guide version {version}",
    "filters.months": "months {start} to {end}",
    "filters.start": "start",
    "filters.latest": "latest",
    "filters.none": "none (all imported interviews)",
    # shared by the reports
    "common.months_range": "{start} to {end}",
    "common.generated": "Generated {when} UTC by Confidant.",
    "common.includes": "What this report includes",
    "common.interviews": "Interviews",
    "common.sites": "Sites",
    "common.months": "Months",
    "common.guide_versions": "Guide versions",
    "common.themes_coded": "Themes coded",
    "common.filters": "Filters",
    "common.theme": "Theme",
    "common.pct_interviews": "% of interviews",
    "common.answers": "Answers",
    "common.passages": "Passages",
    "common.site": "Site",
    "common.interviews_with_theme": "Interviews with theme",
    "common.site_interviews": "Site interviews",
    "common.percent": "%",
    "common.at_a_glance": "Themes at a glance",
    "common.by_site_chart": "Theme frequency by site",
    "common.together": "Themes that come up together",
    "common.one_by_one": "Themes one by one",
    "common.raised_in": "Raised in {interviews} of {n} interviews ({pct}), {answers} answers, "
                        "{passages} coded passages.",
    "common.came_up_under": "Came up most under: {listed}",
    "common.quote_question": "; question: “{question}”",
    "common.quoted": "“{text}”",
    "common.methods": "Methods notes",
    "common.what_is_counted": "What is counted",
    "common.deidentification": "De-identification",
    "common.themes_confirmed": ("Themes are those the interviewer confirmed (suggested automatically or added by "
                                "hand, always reviewed by a person). An interview counts for a theme if any "
                                "passage in it was coded with it."),
    "common.replacements": "Replacements made in these interviews: {total} ({kinds}).",
    "common.page": "Page {page}",
    "common.title": "Job quality interviews: cross-site report",
    "common.placeholder_example": "[PERSON 1]",
    "common.chart_note": "% of the site's interviews in which the theme was coded",
    "common.other_sites_chart": "{n} other sites",
    "common.heatmap_note": "Numbers: answers in which both themes were coded (grey diagonal: answers with the theme).",
    "common.other_sites": "Other sites",
    "common.a_participant": "a participant",
    "common.a_participant_at": "a participant at {site}",
    "common.team_banner": "Research team only — contains small groups; do not share",
    # the research team's report (coordinator_pdf)
    "team.answers_row": "Answers (interview × question)",
    "team.themes_of": "{coded} of {total}",
    "team.contents": "Contents",
    "team.contents_glance": "Themes at a glance: counts and a chart of theme frequency by site",
    "team.contents_together": "Themes that come up together: a co-occurrence heat map",
    "team.contents_themes": "One section per theme: counts by site and question, and quotes",
    "team.contents_methods": "Methods notes: what the numbers mean, guide versions, de-identification",
    "team.deidentified": ("All text in this report is de-identified: interviews are named only by participant "
                          "code and site, and names and other identifying details were replaced with "
                          "placeholders such as {example} and reviewed by the interviewer before the "
                          "interview left their laptop."),
    "team.not_shareable": "This is not the shareable report",
    "team.notes": ("{banner}. This copy names every site, gives every count and signs quotes with participant "
                   "codes. The shareable report (the default) withholds sites and figures below {k} interviews "
                   "and quotes of themes raised in fewer than {quote_min}."),
    "team.glance_body": ("How many of the {n} interviews raised each theme. An <i>answer</i> is one interview's "
                         "talk under one guide question; a <i>passage</i> is one coded piece of text."),
    "team.together_body": "Each cell counts the answers in which both themes were coded. Darker means more often.",
    "team.top_pairs": "Most frequent pairs",
    "team.pair": "{a} + {b}: {count} answers",
    "team.no_question": "not linked to a question",
    "team.quote_source": "— {code}, {site}",
    "team.counted_sites": "{n} interviews from {sites} sites",
    "team.counted_months": ", {start} to {end}",
    "team.counted_once": ("Each interview counts once: a packet received twice is stored once, and when a "
                          "researcher sent a corrected copy, only the newest copy is counted (earlier ones are "
                          "kept as history, not counted)."),
    "team.quotes_rule": ("Quotes: participants' words first, hand-coded passages before accepted suggestions, at "
                         "most one quote per interview, taken in turn from each site."),
    "team.guide_versions": "Interview guide versions",
    "team.guide": "Guide",
    "team.deid_body": ("Before an interview left the researcher's laptop, names of people, workplaces, places, "
                       "addresses, phone numbers, e-mail addresses, dates, ages and identifying numbers were "
                       "detected, replaced by consistent placeholders such as {example}, and every replacement "
                       "was reviewed and signed off by the interviewer. Moments marked off the record were "
                       "removed. No audio leaves the laptop. Packets are signed by the researcher's enrolled "
                       "device and encrypted to the coordinator; this report was made only from packets that "
                       "passed those checks."),
    "team.please_check": "Please check",
    "team.and_more": "… and {n} more.",
    "team.footer": "Confidant cross-site report — de-identified",
    # the shareable report (share_pdf)
    "share.footer": "Confidant cross-site report — shareable: groups under {k} interviews withheld",
    "share.nothing_withheld": "Nothing had to be withheld.",
    "share.withholds": "What this report withholds",
    "share.fewer_than": "fewer than {k}",
    "share.generated": ("Generated {when} UTC by Confidant. Shareable version: no site, figure or quote below {k} "
                        "interviews."),
    "share.interviews_counted": "Interviews counted",
    "share.deidentified": ("All text in this report is de-identified: names and other identifying details were "
                           "replaced with placeholders such as {example} and reviewed by the interviewer before "
                           "the interview left their laptop. Quotes are never signed with a participant code."),
    "share.glance_body": ("How many of the {n} interviews raised each theme. “{hidden}”: raised in fewer than {k} "
                          "interviews, so not counted here."),
    "share.by_site": "Themes by site",
    "share.by_site_body": ("Interviews at each site that raised the theme. “{hidden}”: fewer than {k}, or hidden "
                           "so that such a number cannot be worked out from the total."),
    "share.chart_note": "% of the site's interviews in which the theme was coded (no bar: withheld)",
    "share.question": "Question",
    "share.all": "All",
    "share.questions_by_site": "Questions answered, by site",
    "share.questions_body": ("Interviews that answered each question. “{hidden}”: fewer than {k}, or hidden so "
                             "that such a number cannot be worked out from the total."),
    "share.together_body": ("Each cell counts the answers in which both themes were coded; grey “{hidden}”: the "
                            "pair came up in fewer than {k} interviews."),
    "share.theme_too_rare": "Raised in fewer than {k} interviews: no figures are shown.",
    "share.quote_source": "— {attribution}",
    "share.rule_groups": ("Small groups: a site with fewer than {k} interviews gets no figures of its own; small "
                          "sites together appear as “{other}” when they reach {k}, otherwise they are left out of "
                          "every figure and total."),
    "share.rule_numbers": ("Small numbers: a count below {k} interviews is not shown, and neither is any figure "
                           "that would let it be worked out from a total (complementary suppression); percentages "
                           "follow their counts."),
    "share.rule_filters": ("Filters: a filtered report uses the same groups as the full one, and leaves out a site "
                           "the filters cut into (keeping some of its interviews but dropping fewer than {k})."),
    "share.rule_quotes": ("Quotes: only for themes raised in at least {quote_min} interviews, at most one quote per "
                          "interview in the whole report, never with a participant code; the site is named only "
                          "when it has at least {k} interviews. Quotes that mention a rare job title, a length of "
                          "service, a named event, a day or time, or a placeholder next to a role appear only when "
                          "the coordinator approved them."),
    "share.rules_heading": "Rules that keep this report from pointing at anyone",
    "share.counted": "{n} interviews",
    "share.counted_once": ("Each interview counts once: a packet received twice is stored once, and when a "
                           "researcher sent a corrected copy, only the newest copy is counted."),
    "share.deid_body": ("Before an interview left the researcher's laptop, names of people, workplaces, places, "
                        "addresses, phone numbers, e-mail addresses, dates, ages and identifying numbers were "
                        "detected, replaced by consistent placeholders such as {example}, and every replacement "
                        "was reviewed and signed off by the interviewer. Moments marked off the record were "
                        "removed. No audio leaves the laptop."),
    # what a shared report withheld (ShareView.statements, Grouping.statements)
    "withheld.folded_one": ("{n} site with fewer than {k} interviews is not shown separately: together they "
                            "appear as “{other}”."),
    "withheld.folded_many": ("{n} sites with fewer than {k} interviews are not shown separately: together they "
                             "appear as “{other}”."),
    "withheld.too_small_one": ("{n} site with fewer than {k} interviews in this report has been left out of every "
                               "figure and quote (too few even together)."),
    "withheld.too_small_many": ("{n} sites with fewer than {k} interviews in this report have been left out of "
                                "every figure and quote (too few even together)."),
    "withheld.cut_one": ("{n} site is left out because the filters keep only part of its interviews: comparing "
                         "this report with a full one would otherwise describe fewer than {k} interviews."),
    "withheld.cut_many": ("{n} sites are left out because the filters keep only part of their interviews: "
                          "comparing this report with a full one would otherwise describe fewer than {k} "
                          "interviews."),
    "withheld.cells_one": "{n} site-level figure below {k} interviews is not shown",
    "withheld.cells_many": "{n} site-level figures below {k} interviews are not shown",
    "withheld.protecting_one": ", and {n} more is hidden so that those cannot be worked out from the totals",
    "withheld.protecting_many": ", and {n} more are hidden so that those cannot be worked out from the totals",
    "withheld.themes_one": "{n} theme raised in fewer than {k} interviews is named without figures.",
    "withheld.themes_many": "{n} themes raised in fewer than {k} interviews are named without figures.",
    "withheld.quotes": "{n} candidate quotes were left out ({reasons}).",
    "reason.theme raised in too few interviews": "theme raised in too few interviews",
    "reason.interview's site not shown": "interview's site not shown",
    "reason.interview already quoted": "interview already quoted",
    "reason.flagged and not approved": "flagged and not approved",
    "reason.not approved for the brief": "not approved for the brief",
    "reason.rejected by the coordinator": "rejected by the coordinator",
    # the findings brief
    "brief.title": "Findings brief: job quality across our sites",
    "brief.about": "About these interviews",
    "brief.between": " between {start} and {end}",
    "brief.none": "none",
    "brief.about_body": ("{n} workers were interviewed by co-workers{months} about the quality of their jobs. "
                         "Sites: {sites}. Every interview was de-identified and checked by the interviewer before "
                         "it left their laptop."),
    "brief.theme_heading": "{label} — raised in {interviews} of {n} interviews ({pct})",
    "brief.talked_about": "What people talked about: {description}.",
    "brief.recommendations": "Recommendations",
    "brief.recommendations_body": ("To be worked out together with workforce-organization leaders: for each main "
                                   "theme, what could change, who can act, and by when."),
    "brief.what_could_change": "What could change",
    "brief.who_can_act": "Who can act",
    "brief.by_when": "By when",
    "brief.subtitle": ("{date} · for workforce-organization leadership · no site, figure or quote below {k} "
                       "interviews"),
    "brief.main_themes": "Main themes",
    "brief.no_theme": "No theme was raised in enough interviews to report yet.",
    "brief.no_quotes": "No quotes yet: the brief carries only quotes the coordinator has approved.",
    "brief.how_to_read": "How to read this brief",
    "brief.approved_only": "The brief carries only quotes the coordinator approved one by one.",
    "brief.footer": "Confidant findings brief — shareable",
    # the audit report
    "audit.title": "Confidant privacy audit",
    "audit.date": "Date (UTC)",
    "audit.version": "Confidant version",
    "audit.vault_id": "Vault id",
    "audit.packet_id": "Packet id",
    "audit.overall": "Overall",
    "audit.overall_counts": "{status}  ({passed} pass, {warned} warn, {failed} fail)",
    "audit.checks": "Checks",
    "audit.status": "Status",
    "audit.check": "Check",
    "audit.evidence": "Evidence and what to do",
    "audit.cut": " … ({more} more characters: see the JSON report, `confidant audit --json FILE`)",
    "audit.what_to_do": "What to do:",
    "audit.PASS": "PASS",
    "audit.WARN": "WARN",
    "audit.FAIL": "FAIL",
    "audit.threat_model": "Threat model in brief",
    "audit.threat_1": ("Everything is kept in one encrypted vault: vault.db is SQLCipher 4 (AES-256-CBC pages "
                       "with HMAC-SHA512) under a key derived with HKDF-SHA256 from a random 256-bit master key; "
                       "vault.json holds that master key wrapped with AES-256-GCM under Argon2id of the "
                       "passphrase and, separately, of a recovery code shown once."),
    "audit.threat_2": ("A lost or stolen laptop, a curious co-worker or a compromised sync folder gets no "
                       "interview content without the passphrase or recovery code; each guess costs one Argon2id "
                       "run."),
    "audit.threat_3": ("Packets carry only de-identified, signed-off text, sealed with age to the coordinators and "
                       "signed with the device's Ed25519 key; audio, names and the pseudonym map never leave the "
                       "laptop."),
    "audit.threat_4": ("Out of scope: malware or an attacker on the laptop while the vault is unlocked, memory "
                       "capture, coercion, and re-identification from what a participant said. Full model: "
                       "docs/SECURITY.md."),
}

# The audit's check names (English as the checks write them) -> id; the report prints the
# name in its own language, and the JSON report keeps the English name.
AUDIT_CHECKS: dict[str, str] = {name: f"check.{i:02d}" for i, name in enumerate((
    "Audit finished", "Auto-lock on", "Coordinator recipients", "Failed unlock attempts",
    "Independent decryption (SQLCipher 4 page format)", "Key hierarchy re-derived from the passphrase",
    "Log files hold no content", "No audio leaves", "No plaintext on disk", "Packet header",
    "Payload de-identification", "Payload is age-encrypted", "Payload opens", "Plaintext scan coverage",
    "Raw audio search", "Recovery code created", "SQLCipher version and settings", "Security log hash chain",
    "Security log holds no content", "Signature and enrolment", "WAL and shared-memory files",
    "What the outer header reveals", "vault.db has no SQLite header", "vault.db looks random",
    "vault.json format and key-derivation policy", "vault.json holds no secret in plaintext",
    "Deleted interviews left nothing", "Audio past its retention date"), 1)}
ENGLISH.update({cid: name for name, cid in AUDIT_CHECKS.items()})

MONTHS_ES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
             "octubre", "noviembre", "diciembre")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?")
_FIELDS = re.compile(r"{(\w+)}")


def base_language(language: str | None) -> str:
    return (language or "").lower().split("-")[0].split("_")[0]


def check_language(language: str | None) -> str:
    """``language`` as a report language ("en" or "es"); anything else is refused plainly."""
    lang = base_language(language)
    if lang not in LANGUAGES:
        raise InvalidInput(Msg("reports.language_not_offered", language=language),
                           Msg("reports.language_not_offered.hint"))
    return lang


def translations(language: str) -> dict[str, str]:
    """{id: text} for ``language`` from resources/translations/reports.<lang>.json ({} for English)."""
    return translation_file("reports", language)


def fields(text: str) -> set[str]:
    """The ``{name}`` fields of a catalogue text (a translation must keep the same ones)."""
    return set(_FIELDS.findall(text))


class Words:
    """A report's words in one language: ``w("common.page", page=3)``, numbers, dates, months."""

    def __init__(self, language: str | None = "en") -> None:
        self.language = check_language(language or "en")
        self._own = translations(self.language)

    @property
    def is_english(self) -> bool:
        return self.language == "en"

    def __call__(self, key: str, **values: Any) -> str:
        text = self._own.get(key) or ENGLISH[key]
        if not values:
            return text
        return text.format(**{k: self.n(v) if isinstance(v, int) and not isinstance(v, bool) else v
                              for k, v in values.items()})

    def one_or_many(self, key: str, count: int, **values: Any) -> str:
        """``key_one`` or ``key_many`` by ``count`` (passed as ``n``)."""
        return self(f"{key}_{'one' if count == 1 else 'many'}", n=count, **values)

    def n(self, value: int) -> str:
        """A count: Spanish groups thousands with a point from five digits (10.000), as the RAE asks."""
        if self.language == "es" and abs(value) >= 10000:
            return f"{value:,}".replace(",", ".")
        return str(value)

    def pct(self, text: str) -> str:
        """A percentage as the core wrote it ("45%", "–") in this language ("45 %")."""
        return text.replace("%", "\u00a0%") if self.language == "es" and text.endswith("%") else text

    def month(self, value: str) -> str:
        """"2025-03" -> "2025-03" (English, as before) or "marzo de 2025"."""
        m = _MONTH.match(value or "")
        if self.language != "es" or not m or not 1 <= int(m.group(2)) <= 12:
            return value
        return f"{MONTHS_ES[int(m.group(2)) - 1]} de {m.group(1)}"

    def date(self, value: str) -> str:
        """An ISO date or date and time, as English printed it ("2025-03-04 10:22"), or
        "4 de marzo de 2025, 10:22"."""
        if self.language != "es":
            return value
        m = _DATE.match(value or "")
        if not m or not 1 <= int(m.group(2)) <= 12:
            return value
        text = f"{int(m.group(3))} de {MONTHS_ES[int(m.group(2)) - 1]} de {m.group(1)}"
        return text + (f", {m.group(4)}:{m.group(5)}" if m.group(4) else "")

    def group(self, label: str) -> str:
        """A group label: the folded small sites are named in this language; a site as written."""
        return self("common.other_sites") if label == ENGLISH["common.other_sites"] else label

    def attribution(self, text: str) -> str:
        """A shared quote's coarse attribution ("a participant at SITE-A") in this language."""
        prefix = ENGLISH["common.a_participant_at"].split("{")[0]
        if text.startswith(prefix):
            return self("common.a_participant_at", site=self.group(text[len(prefix):]))
        return self("common.a_participant") if text == ENGLISH["common.a_participant"] else text

    def reason(self, text: str) -> str:
        key = f"reason.{text}"
        return self(key) if key in ENGLISH else text

    def redaction_kind(self, entity_type: str) -> str:
        """A redaction type in running text ("person", "persona")."""
        if self.is_english:
            return entity_type.lower()
        from core.deid.placeholder_words import type_word
        return type_word(entity_type, self.language).lower()

    def check_name(self, name: str) -> str:
        cid = AUDIT_CHECKS.get(name)
        return self(cid) if cid else name


@functools.cache
def words(language: str | None = "en") -> Words:
    """The (cached) ``Words`` of a report language."""
    return Words(language)
