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

from core.errors import GuideInvalid, InvalidInput, Msg
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
        self.items: list[tuple[int, str | Msg]] = []

    def add(self, line: int, message: str | Msg) -> None:
        self.items.append((line, message))

    def at(self, node: yaml.Node, message: str | Msg) -> None:
        self.add(node.start_mark.line + 1, message)

    def raise_if_any(self) -> None:
        if self.items:
            unique = {(n, str(m)): m for n, m in self.items}  # a Msg is not hashable
            raise GuideInvalid([Msg("guide.problem_at", source=self.source_name, line=n, problem=m)
                                for (n, _), m in sorted(unique.items(), key=lambda kv: kv[0])])


THE_GUIDE = Msg("guide.what.the_guide")


def _did_you_mean(word: str, choices: list[str] | tuple[str, ...]) -> str | Msg:
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return Msg("guide.did_you_mean", word=close[0]) if close else ""


def _describe(node: yaml.Node) -> Msg:
    if isinstance(node, yaml.SequenceNode):
        return Msg("guide.node.list")
    if isinstance(node, yaml.MappingNode):
        return Msg("guide.node.group")
    return Msg("guide.node.text")


class _Reader:
    """Walks the node tree, collecting problems instead of stopping at the first."""

    def __init__(self, problems: _Problems) -> None:
        self.p = problems

    def mapping(self, node: yaml.Node, what: Msg, allowed: tuple[str, ...]) -> dict[str, yaml.Node] | None:
        if not isinstance(node, yaml.MappingNode):
            self.p.at(node, Msg("guide.should_group_key_value", what=what, describe=_describe(node)))
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in out:
                self.p.at(key_node, Msg("guide.appears_twice_keep_only", key=key, what=what))
                continue
            if key not in allowed:
                self.p.at(key_node, Msg("guide.not_something_can_allowed", key=key, what=what, did_you_mean=_did_you_mean(key, allowed), allowed=', '.join(allowed)))
                continue
            out[key] = value_node
        return out

    def text(self, parent: yaml.Node, fields: dict[str, yaml.Node], key: str, what: Msg, *,
             required: bool = True, default: str = "") -> str:
        node = fields.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
            if required:
                where = node if node is not None else parent
                self.p.at(where, Msg("guide.no_add_line", what=what, key=key))
            return default
        if not isinstance(node, yaml.ScalarNode):
            self.p.at(node, Msg("guide.should_text_but_if", key=key, what=what, describe=_describe(node)))
            return default
        value = str(node.value).strip()
        if not value and required:
            self.p.at(node, Msg("guide.empty_write_after", key=key, what=what))
        return value

    def ident(self, parent: yaml.Node, fields: dict[str, yaml.Node], what: Msg) -> str:
        value = self.text(parent, fields, "id", what)
        if value and not _ID_RE.match(value):
            self.p.at(fields["id"], Msg("guide.id_may_only_use", value=value, what=what))
        return value

    def seq(self, fields: dict[str, yaml.Node], key: str, what: Msg) -> list[yaml.Node]:
        node = fields.get(key)
        if node is None or (isinstance(node, yaml.ScalarNode) and node.tag == _NULL_TAG):
            return []
        if not isinstance(node, yaml.SequenceNode):
            self.p.at(node, Msg("guide.should_list_one_item", key=key, what=what, describe=_describe(node)))
            return []
        return list(node.value)

    def text_list(self, fields: dict[str, yaml.Node], key: str, what: Msg) -> list[tuple[str, yaml.Node]]:
        out: list[tuple[str, yaml.Node]] = []
        for item in self.seq(fields, key, what):
            if not isinstance(item, yaml.ScalarNode) or item.tag == _NULL_TAG:
                self.p.at(item, Msg("guide.each_item_should_piece", key=key, what=what, describe=_describe(item) if item.tag != _NULL_TAG else Msg("guide.node.empty")))
                continue
            value = str(item.value).strip()
            if value:
                out.append((value, item))
        return out


def _check_tabs(text: str, problems: _Problems) -> None:
    for lineno, line in enumerate(text.splitlines(), 1):
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in indent:
            problems.add(lineno, Msg("guide.tab_used_indent_line"))


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
                raise InvalidInput(Msg("guide.not_regular_file", path_name=path.name), Msg("guide.not_regular_file.hint"))
            data = fh.read(MAX_GUIDE_BYTES + 1)
    except OSError as exc:
        raise InvalidInput(Msg("guide.cannot_read", path=path), Msg("guide.cannot_read.hint")) from exc
    _check_size(len(data), path.name)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InvalidInput(Msg("guide.not_utf_text", path_name=path.name), Msg("guide.not_utf_text.hint")) from exc


def _check_size(n_bytes: int, source_name: str) -> None:
    if n_bytes > MAX_GUIDE_BYTES:
        raise GuideInvalid([(Msg("guide.file_larger_guide_may", source_name=source_name, max_guide_bytes=MAX_GUIDE_BYTES // 1024))])


def _compose(text: str, problems: _Problems) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_GuideLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else 1
        raw = f"{exc.context or ''} {exc.problem or ''}"
        if "not allowed in a guide" in raw:  # ours (_GuideLoader), already in plain words
            problems.add(line, Msg("guide.yaml_problem", problem=exc.problem))
            return None
        plain = next((hint for key, hint in _SYNTAX_HINTS if key in raw), None)
        problems.add(line, Msg("guide.file_not_valid_yaml", value=plain or exc.problem or Msg("guide.syntax_error")))
    except yaml.YAMLError as exc:  # no position known
        problems.add(1, Msg("guide.file_not_valid_yaml_2", exc=exc))
    except RecursionError:  # PyYAML composes recursively: [[[[... thousands deep
        problems.add(1, Msg("guide.lists_groups_nested_far"))
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
        problems.add(1, Msg("guide.file_empty_start_default"))
        problems.raise_if_any()
    assert root is not None
    guide = _read_guide(root, _Reader(problems))
    problems.raise_if_any()
    assert guide is not None
    return guide


def _read_guide(root: yaml.Node, r: _Reader) -> Guide | None:
    fields = r.mapping(root, THE_GUIDE, GUIDE_KEYS)
    if fields is None:
        return None
    gid = r.ident(root, fields, THE_GUIDE)
    version = r.text(root, fields, "version", THE_GUIDE)
    title = r.text(root, fields, "title", THE_GUIDE)
    language = r.text(root, fields, "language", THE_GUIDE)
    if language and not _LANG_RE.match(language):
        r.p.at(fields["language"], Msg("guide.language_should_short_code", language=language))
    consent = r.text(root, fields, "consent_script", THE_GUIDE, required=False)

    themes = _read_themes(root, fields, r)
    theme_ids = [t.id for t in themes]
    if "sections" not in fields:
        r.p.at(root, Msg("guide.guide_no_sections_add"))
    sections: list[Section] = []
    seen_sections: dict[str, int] = {}
    seen_questions: dict[str, int] = {}
    for node in r.seq(fields, "sections", THE_GUIDE):
        sf = r.mapping(node, Msg("guide.what.a_section"), SECTION_KEYS)
        if sf is None:
            continue
        sid = r.ident(node, sf, Msg("guide.what.a_section"))
        what = Msg("guide.what.section", sid=sid) if sid else Msg("guide.what.a_section")
        if sid in seen_sections:
            r.p.at(sf["id"], Msg("guide.section_id_used_twice", sid=sid, seen_sections=seen_sections[sid]))
        elif sid:
            seen_sections[sid] = sf["id"].start_mark.line + 1
        title_ = r.text(node, sf, "title", what)
        questions = []
        qnodes = r.seq(sf, "questions", what)
        if not qnodes:
            r.p.at(node, Msg("guide.no_questions_add_questions", what=what))
        for qnode in qnodes:
            q = _read_question(qnode, r, theme_ids, seen_questions)
            if q is not None:
                questions.append(q)
        sections.append(Section(sid, title_, questions))
    if "sections" in fields and not sections and not r.p.items:
        r.p.at(fields["sections"], Msg("guide.guide_no_sections_add_2"))
    return Guide(gid, version, title, language, sections, themes, consent)


def _read_themes(root: yaml.Node, fields: dict[str, yaml.Node], r: _Reader) -> list[Theme]:
    if "themes" not in fields:
        r.p.at(root, Msg("guide.guide_no_themes_add"))
    themes: list[Theme] = []
    seen: dict[str, int] = {}
    parents: list[tuple[str, yaml.Node]] = []
    for node in r.seq(fields, "themes", THE_GUIDE):
        tf = r.mapping(node, Msg("guide.what.a_theme"), THEME_KEYS)
        if tf is None:
            continue
        tid = r.ident(node, tf, Msg("guide.what.a_theme"))
        what = Msg("guide.what.theme", tid=tid) if tid else Msg("guide.what.a_theme")
        if tid in seen:
            r.p.at(tf["id"], Msg("guide.theme_id_used_twice", tid=tid, seen=seen[tid]))
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
            r.p.at(pnode, Msg("guide.parent_theme_not_codebook", parent=parent, did_you_mean=_did_you_mean(parent, ids)))
    _check_cycles(themes, r, {t.id: n for t, n in zip(themes, r.seq(fields, "themes", THE_GUIDE))})
    return themes


def _check_cycles(themes: list[Theme], r: _Reader, nodes: dict[str, yaml.Node]) -> None:
    parent_of = {t.id: t.parent for t in themes}
    for t in themes:
        seen, cur = {t.id}, t.parent
        while cur is not None and cur in parent_of:
            if cur in seen:
                if t.id in nodes:
                    r.p.at(nodes[t.id], Msg("guide.theme_own_ancestor_through", t_id=t.id))
                break
            seen.add(cur)
            cur = parent_of[cur]


def _read_question(node: yaml.Node, r: _Reader, theme_ids: list[str],
                   seen: dict[str, int]) -> Question | None:
    qf = r.mapping(node, Msg("guide.what.a_question"), QUESTION_KEYS)
    if qf is None:
        return None
    qid = r.ident(node, qf, Msg("guide.what.a_question"))
    what = Msg("guide.what.question", qid=qid) if qid else Msg("guide.what.a_question")
    if qid in seen:
        r.p.at(qf["id"], Msg("guide.question_id_used_twice", qid=qid, seen=seen[qid]))
    elif qid:
        seen[qid] = qf["id"].start_mark.line + 1
    text = r.text(node, qf, "text", what)
    probes = [v for v, _ in r.text_list(qf, "probes", what)]
    themes = []
    for tid, tnode in r.text_list(qf, "themes", what):
        if tid not in theme_ids:
            r.p.at(tnode, Msg("guide.expects_theme_not_codebook", what=what, tid=tid, did_you_mean=_did_you_mean(tid, theme_ids)))
        else:
            themes.append(tid)
    return Question(qid, text, probes, themes)
