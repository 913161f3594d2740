"""Read a guide from YAML and check it, saying what is wrong on which line.

People edit guides by hand in a text editor, so every mistake they can make gets a plain
message with a line number: tabs, YAML syntax, unknown or misspelt keys ("did you mean"),
a list where text belongs, missing text, duplicate ids, themes a question names that the
codebook lacks. We walk PyYAML's node tree (``yaml.compose``) rather than the plain data,
because only nodes keep their line numbers, and because scalars stay as typed text
(``version: 1.10`` stays "1.10", not the float 1.1).

A guide is hand-written text of a few kilobytes, and one can come from anyone, so anchors and
aliases (``&name``/``*name``, the "billion laughs": 18 KB of nested aliases took 4 GB) are
refused, and so is a file over ``MAX_GUIDE_BYTES``.
"""

from __future__ import annotations

import difflib
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

import yaml

from core.errors import GuideInvalid, InvalidInput
from core.guide.model import Guide, Question, Section, Theme

_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}([-_][A-Za-z]{2,4})?$")
_NULL_TAG = "tag:yaml.org,2002:null"
# The bundled guides are under 10 KB; a long guide with many probes stays far below this.
MAX_GUIDE_BYTES = 512 * 1024

GUIDE_KEYS = ("id", "version", "title", "language", "description", "consent_script", "themes",
              "sections")
THEME_KEYS = ("id", "label", "description", "examples", "parent")
SECTION_KEYS = ("id", "title", "questions")
QUESTION_KEYS = ("id", "text", "probes", "themes")

# PyYAML's wording for the mistakes people make most, in words they use.
_SYNTAX_HINTS = (
    ("mapping values are not allowed", ("there is a colon (:) inside a value. Put the whole "
                                        "text in double quotes, like: text: \"Why: tell me more\"")),
    ("could not find expected ':'", "a line is missing its colon, or a quote is not closed"),
    ("did not find expected key", ("the indentation does not line up with the lines above. "
                                   "Use the same number of spaces as the other lines at this level")),
    ("did not find expected '-' indicator", ("a list item is indented differently from the "
                                             "others. Start every item with '- ' at the same column")),
    ("expected ',' or ']'", ("an item of a [bracketed] list has a special character (? : , #). "
                             "Put each item in double quotes, like: [\"Why?\", \"How?\"]")),
    ("found unexpected end of stream", "a quote was opened but never closed"),
    ("found character '\\t'", "a tab is used here. Use spaces instead of tabs"),
    ("expected <block end>", "the indentation does not line up with the lines above"),
)


@dataclass
class _Problems:
    source_name: str

    def __post_init__(self) -> None:
        self.items: list[tuple[int, str]] = []

    def add(self, line: int, message: str) -> None:
        self.items.append((line, message))

    def at(self, node: yaml.Node, message: str) -> None:
        self.add(node.start_mark.line + 1, message)

    def raise_if_any(self) -> None:
        if self.items:
            ordered = sorted(set(self.items))
            raise GuideInvalid([f"{self.source_name}, line {n}: {m}" for n, m in ordered])


def _did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" Did you mean '{close[0]}'?" if close else ""


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    if isinstance(node, yaml.MappingNode):
        return "a group of 'key: value' lines"
    return "a piece of text"


class _Reader:
    """Walks the node tree, collecting problems instead of stopping at the first."""

    def __init__(self, problems: _Problems) -> None:
        self.p = problems

    def mapping(self, node: yaml.Node, what: str, allowed: tuple[str, ...]) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.p.at(node, f"{what} should be a group of 'key: value' lines, but is {_describe(node)}.")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                self.p.at(key_node, f"'{key}' appears twice in {what}. Keep only one.")
                continue
            if key not in allowed:
                self.p.at(key_node, f"'{key}' is not something {what} can have."
                          f"{_did_you_mean(key, allowed)} Allowed: {', '.join(allowed)}.")
                continue
            out[key] = value_node
        return out

    def text(self, parent: yaml.Node, fields: dict[str, yaml.Node], key: str, what: str, *,
             required: bool = True, default: str = "") -> str:
        node = fields.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
            if required:
                where = node if node is not None else parent
                self.p.at(where, f"{what} has no {key}. Add a line '{key}: ...'.")
            return default
        if not isinstance(node, yaml.ScalarNode):
            self.p.at(node, f"the {key} of {what} should be text, but is {_describe(node)}."
                      " If the text has a colon or starts with a dash, put it in double quotes.")
            return default
        value = str(node.value).strip()
        if not value and required:
            self.p.at(node, f"the {key} of {what} is empty. Write it after '{key}:'.")
        return value

    def ident(self, parent: yaml.Node, fields: dict[str, yaml.Node], what: str) -> str:
        value = self.text(parent, fields, "id", what)
        if value and not _ID_RE.match(value):
            self.p.at(fields["id"], f"the id '{value}' of {what} may only use letters, digits, '-', "
                      "'_' and '.', with no spaces (for example: job_satisfaction).")
        return value

    def seq(self, fields: dict[str, yaml.Node], key: str, what: str) -> list[yaml.Node]:
        node = fields.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.p.at(node, f"'{key}' of {what} should be a list (one '- item' per line), "
                      f"but is {_describe(node)}.")
            return []
        return list(node.value)

    def text_list(self, fields: dict[str, yaml.Node], key: str, what: str) -> list[tuple[str, yaml.Node]]:
        out: list[tuple[str, yaml.Node]] = []
        for item in self.seq(fields, key, what):
            if not isinstance(item, yaml.ScalarNode) or item.tag == _NULL_TAG:
                self.p.at(item, f"each item of '{key}' in {what} should be a piece of text, "
                          f"but one is {_describe(item) if item.tag != _NULL_TAG else 'empty'}.")
                continue
            value = str(item.value).strip()
            if value:
                out.append((value, item))
        return out


def _check_tabs(text: str, problems: _Problems) -> None:
    for lineno, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.add(lineno, "a tab is used to indent this line. YAML needs spaces: "
                         "use two spaces per level (set your editor to insert spaces for Tab).")


class _GuideLoader(yaml.SafeLoader):
    """SafeLoader that refuses anchors and aliases (a guide never needs them; they can explode)."""

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:  # type: ignore[override]
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise yaml.composer.ComposerError(
                None, None, "anchors (&name) and aliases (*name) are not allowed in a guide. Write the "
                "text out in full where it is needed", event.start_mark)
        return super().compose_node(parent, index)  # type: ignore[arg-type]


def read_guide_file(path: str | Path) -> str:
    """The text of a guide file: a regular file of at most ``MAX_GUIDE_BYTES``, UTF-8."""
    path = Path(path)
    try:
        with open(path, "rb", buffering=0) as fh:
            if not stat.S_ISREG(os.fstat(fh.fileno()).st_mode):
                raise InvalidInput(f"{path.name} is not a regular file.", "Give a guide file (.yaml).")
            data = fh.read(MAX_GUIDE_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(f"Cannot read {path}.", "Check the file name and that you may read it.") from exc
    _check_size(len(data), path.name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(f"{path.name} is not UTF-8 text.", "Save the guide as UTF-8 in your editor.") from exc


def _check_size(n_bytes: int, source_name: str) -> None:
    if n_bytes > MAX_GUIDE_BYTES:
        raise GuideInvalid([(f"{source_name}: the file is larger than a guide may be "
                            f"({MAX_GUIDE_BYTES // 1024} KB). Is this the right file?")])


def _compose(text: str, problems: _Problems) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_GuideLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raw = f"{exc.context or ''} {exc.problem or ''}"
        if "not allowed in a guide" in raw:  # ours (_GuideLoader), already in plain words
            problems.add(line, f"{exc.problem}.")
            return None
        plain = next((hint for key, hint in _SYNTAX_HINTS if key in raw), None)
        problems.add(line, f"the file is not valid YAML here: {plain or (exc.problem or 'syntax error')}.")
    except yaml.YAMLError as exc:  # no position known
        problems.add(1, f"the file is not valid YAML: {exc}.")
    except RecursionError:  # PyYAML composes recursively: [[[[... thousands deep
        problems.add(1, "lists or groups are nested far too deeply for a guide.")
    return None


def load_guide(text: str, source_name: str = "guide.yaml") -> Guide:
    """Parse and validate a guide; raises ``GuideInvalid`` listing every problem with its line."""
    problems = _Problems(source_name)
    _check_size(len(text.encode("utf-8", "surrogatepass")), source_name)
    text = text.lstrip("\ufeff")  # a byte-order mark from Windows editors is not content
    _check_tabs(text, problems)
    problems.raise_if_any()
    root = _compose(text, problems)
    problems.raise_if_any()
    if root is None:
        problems.add(1, "the file is empty. Start from a default guide (`confidant guide export`).")
        problems.raise_if_any()
    assert root is not None
    guide = _read_guide(root, _Reader(problems))
    problems.raise_if_any()
    assert guide is not None
    return guide


def _read_guide(root: yaml.Node, r: _Reader) -> Guide | None:
    fields = r.mapping(root, "the guide", GUIDE_KEYS)
    if fields is None:
        return None
    gid = r.ident(root, fields, "the guide")
    version = r.text(root, fields, "version", "the guide")
    title = r.text(root, fields, "title", "the guide")
    language = r.text(root, fields, "language", "the guide")
    if language and not _LANG_RE.match(language):
        r.p.at(fields["language"], f"the language '{language}' should be a short code such as en or es.")
    consent = r.text(root, fields, "consent_script", "the guide", required=False)

    themes = _read_themes(root, fields, r)
    theme_ids = [t.id for t in themes]
    if "sections" not in fields:
        r.p.at(root, "the guide has no sections. Add 'sections:' with at least one section of questions.")
    sections: list[Section] = []
    seen_sections: dict[str, int] = {}
    seen_questions: dict[str, int] = {}
    for node in r.seq(fields, "sections", "the guide"):
        sf = r.mapping(node, "a section", SECTION_KEYS)
        if sf is None:
            continue
        sid = r.ident(node, sf, "a section")
        what = f"section '{sid}'" if sid else "a section"
        if sid in seen_sections:
            r.p.at(sf["id"], f"the section id '{sid}' is used twice (first on line {seen_sections[sid]}). "
                   "Give each section its own id.")
        elif sid:
            seen_sections[sid] = sf["id"].start_mark.line + 1
        title_ = r.text(node, sf, "title", what)
        questions = []
        qnodes = r.seq(sf, "questions", what)
        if not qnodes:
            r.p.at(node, f"{what} has no questions. Add 'questions:' with at least one question.")
        for qnode in qnodes:
            q = _read_question(qnode, r, theme_ids, seen_questions)
            if q is not None:
                questions.append(q)
        sections.append(Section(sid, title_, questions))
    if "sections" in fields and not sections and not r.p.items:
        r.p.at(fields["sections"], "the guide has no sections. Add at least one section of questions.")
    return Guide(gid, version, title, language, sections, themes, consent)


def _read_themes(root: yaml.Node, fields: dict[str, yaml.Node], r: _Reader) -> list[Theme]:
    if "themes" not in fields:
        r.p.at(root, "the guide has no themes. Add 'themes:' with the codebook (id, label, description).")
    themes: list[Theme] = []
    seen: dict[str, int] = {}
    parents: list[tuple[str, yaml.Node]] = []
    for node in r.seq(fields, "themes", "the guide"):
        tf = r.mapping(node, "a theme", THEME_KEYS)
        if tf is None:
            continue
        tid = r.ident(node, tf, "a theme")
        what = f"theme '{tid}'" if tid else "a theme"
        if tid in seen:
            r.p.at(tf["id"], f"the theme id '{tid}' is used twice (first on line {seen[tid]}). "
                   "Give each theme its own id.")
        elif tid:
            seen[tid] = tf["id"].start_mark.line + 1
        label = r.text(node, tf, "label", what)
        description = r.text(node, tf, "description", what, required=False)
        examples = [v for v, _ in r.text_list(tf, "examples", what)]
        parent = r.text(node, tf, "parent", what, required=False) or None
        if parent:
            parents.append((parent, tf["parent"]))
        themes.append(Theme(tid, label, description, examples, parent))
    ids = [t.id for t in themes]
    for parent, pnode in parents:
        if parent not in ids:
            r.p.at(pnode, f"the parent theme '{parent}' is not in the codebook.{_did_you_mean(parent, ids)}")
    _check_cycles(themes, r, {t.id: n for t, n in zip(themes, r.seq(fields, "themes", "the guide"))})
    return themes


def _check_cycles(themes: list[Theme], r: _Reader, nodes: dict[str, yaml.Node]) -> None:
    parent_of = {t.id: t.parent for t in themes}
    for t in themes:
        seen, cur = {t.id}, t.parent
        while cur is not None and cur in parent_of:
            if cur in seen:
                if t.id in nodes:
                    r.p.at(nodes[t.id], f"theme '{t.id}' is its own ancestor through 'parent'. "
                           "Remove one of the parent lines.")
                break
            seen.add(cur)
            cur = parent_of[cur]


def _read_question(node: yaml.Node, r: _Reader, theme_ids: list[str],
                   seen: dict[str, int]) -> Question | None:
    qf = r.mapping(node, "a question", QUESTION_KEYS)
    if qf is None:
        return None
    qid = r.ident(node, qf, "a question")
    what = f"question '{qid}'" if qid else "a question"
    if qid in seen:
        r.p.at(qf["id"], f"the question id '{qid}' is used twice (first on line {seen[qid]}). "
               "Give each question its own id; interviews refer to questions by id.")
    elif qid:
        seen[qid] = qf["id"].start_mark.line + 1
    text = r.text(node, qf, "text", what)
    probes = [v for v, _ in r.text_list(qf, "probes", what)]
    themes = []
    for tid, tnode in r.text_list(qf, "themes", what):
        if tid not in theme_ids:
            r.p.at(tnode, f"{what} expects the theme '{tid}', which is not in the codebook."
                   f"{_did_you_mean(tid, theme_ids)}")
        else:
            themes.append(tid)
    return Question(qid, text, probes, themes)
