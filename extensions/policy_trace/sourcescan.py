"""What an author typed as items, read from the Markdown source itself, line by line.

MyST and sphinx-needs turn a fence into an item only when everything about it
is right; otherwise the text silently becomes a paragraph or a code block, and
an option given twice silently keeps its last value. This scan follows the
fences as CommonMark and MyST read them, so it can say where an item was meant
and why it was not read (PT109), which options an item repeats (PT107) or sets
that our rules ignore (PT108), and where each item really stands (the file and
line of its fence, also inside an ``{include}``d file or a ``{note}``).

Pure: text in, facts out, no Sphinx. The same rules as CommonMark where they
matter here: a fence is three or more backticks, tildes or (with MyST's
``colon_fence``) colons; a backtick fence's info string holds no backtick; a
fence closes with the same character, at least as many, and nothing after.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

#: A fence line: indentation, the fence itself, and what follows (the info string).
_FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,}|:{3,})(?P<info>.*)$")
#: Too short a fence, or one with a space: ``{doel}``, ``::{doel}``, ``` ``{doel} ```.
_ALMOST = re.compile(r"^[ \t]*(?P<fence>`{1,2}|:{1,2}|~{1,2})?[ \t]*\{(?P<name>[A-Za-z_]+)\}")
_DIRECTIVE = re.compile(r"^[ \t]*\{(?P<name>[^}\s]+)\}(?P<argument>.*)$")
_OPTION = re.compile(r"^[ \t]*:(?P<name>[A-Za-z0-9_-]+):(?:[ \t]+(?P<value>.*))?$")
_YAML_OPTION = re.compile(r"^[ \t]*(?P<name>[A-Za-z0-9_-]+):(?:[ \t]+(?P<value>.*))?$")

#: Directives whose content is shown as written, not read as Markdown: an item
#: inside is an example on purpose (the handbook shows items that way).
LITERAL_DIRECTIVES = frozenset({
    "code-block", "code", "sourcecode", "code-cell", "literalinclude", "raw", "eval-rst",
    "eval-md", "mermaid", "math", "graphviz", "csv-table", "parsed-literal",
})


@dataclass(frozen=True)
class ScannedItem:
    """A fence that opens one of our item types, where it stands and what it sets."""

    file: str
    line: int
    type: str
    id: str
    #: The options in the order written, repeats included: (name, line).
    options: tuple[tuple[str, int], ...] = ()
    #: The line of its closing fence (the last line of the file if none closes it).
    end: int = 0


@dataclass(frozen=True)
class LostItem:
    """Text meant as an item that MyST does not read as one; ``reason`` names why."""

    file: str
    line: int
    type: str
    id: str
    #: ``backtick`` (a backtick in the title), ``colon_fence`` (``:::`` without MyST's
    #: colon_fence), ``in_code`` (inside a code block that an earlier fence left open),
    #: ``fence`` (fewer than three fence characters, or none); about an item that is read:
    #: ``nested`` (a block inside opened with the item's own fence, which ends the item early),
    #: ``late_option`` (an option after the blank line, read as text), ``only`` (inside an
    #: ``{only}`` block: on no page of the site) or ``hide`` (sphinx-needs' ``:hide:``).
    reason: str
    #: For ``in_code``: the line of the fence that opened the code block; for ``nested`` and
    #: ``late_option``: the line of the inner fence or the option; for ``only``: the ``{only}``.
    opened_at: int = 0
    #: For ``nested``: the inner block's directive; for ``late_option``: the option's name.
    detail: str = ""


@dataclass(frozen=True)
class Refused:
    """Markup that would run in a visitor's browser, taken out of the page (PT112)."""

    file: str
    line: int
    #: ``html`` (inline or block HTML, ``{raw} html``) or ``link`` (a URL whose scheme is not allowed).
    kind: str
    #: What was written, shortened: the HTML, or the link's target.
    text: str
    #: The item it stands in, if any.
    id: str = ""


@dataclass(frozen=True)
class Scan:
    """Everything the scan found in one file."""

    file: str = ""
    items: tuple[ScannedItem, ...] = ()
    lost: tuple[LostItem, ...] = ()
    #: Lines that are no valid UTF-8 (the codec left U+FFFD where bytes could not be read).
    unreadable_lines: tuple[int, ...] = ()
    #: Raw HTML and unsafe links found in the document as parsed (``checks.markup``).
    refused: tuple[Refused, ...] = ()
    #: Lines with a control character that turns the reading direction (:data:`BIDI_CONTROLS`).
    bidi_lines: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True)
class DocumentScan:
    """The scans of one document: its own file, then each file it includes."""

    scans: tuple[Scan, ...] = ()


@dataclass
class _Open:
    char: str
    length: int
    literal: bool
    line: int
    bare: bool = False
    #: An ``{eval-rst}`` block: its text is rST.
    rst: bool = False
    #: The directive it opens (``doel``, ``note``, ``only``; empty for a code block).
    directive: str = ""
    #: For an item: its ID.
    id: str = ""
    #: An item whose text says nothing more (a nested fence broke it): no more findings inside.
    done: bool = False
    #: For an item: its place in the scan's list of items.
    item: int = -1


@dataclass
class _State:
    stack: list[_Open] = field(default_factory=list)

    @property
    def in_literal(self) -> _Open | None:
        return next((block for block in self.stack if block.literal), None)


def scan(
    text: str, file: str, type_names: Iterable[str], colon_fence: bool, option_names: Iterable[str] = ()
) -> Scan:
    """Every item fence of ``text`` (the file ``file``), read as MyST reads it; see the module doc.

    ``option_names``: the options an item may have; one of them alone on a line of an item's
    text (after the blank line that ends the options) is said to be lost (``late_option``).
    """
    types = frozenset(type_names)
    known_options = frozenset(option_names)
    ends: dict[int, int] = {}
    lines = text.splitlines()
    items: list[ScannedItem] = []
    lost: list[LostItem] = []
    state = _State()
    in_comment = False
    index = _front_matter_end(lines)
    while index < len(lines):
        number, line = index + 1, lines[index]
        index += 1
        if in_comment:
            in_comment = "-->" not in line
            continue
        literal = state.in_literal
        match = _FENCE.match(line)
        if match and state.stack and _closes(state.stack[-1], match):
            closed = state.stack.pop()
            if closed.item >= 0:
                ends[closed.item] = number
            continue
        if match and state.stack and state.stack[-1].directive and _inside_same_fence(state.stack[-1], match):
            # CommonMark: inside a fence no fence opens; the first bare fence below closes the
            # outer block, and its own closing fence then opens a code block of what follows.
            outer = state.stack[-1]
            if not outer.done:
                directive = _DIRECTIVE.match(match["info"].strip())
                inner = directive["name"] if directive else match["info"].strip()
                lost.append(LostItem(file, outer.line, outer.directive, outer.id, "nested", number, inner))
                outer.done = True
            continue
        if literal is not None:
            # Inside code: an item here is shown, not read. Said only where an earlier
            # fence left a code block open without a language (the usual slip).
            name, item_id = _typed(line, lines, index, types)
            if name and literal.bare:
                lost.append(LostItem(file, number, name, item_id, "in_code", literal.line))
            continue
        if line.lstrip().startswith("<!--") and "-->" not in line:
            in_comment = True
            continue
        if match:
            char, info = match["fence"][0], match["info"].strip()
            if char == "`" and "`" in info:
                # CommonMark: no backtick in a backtick fence's info string, so this is no fence.
                directive = _DIRECTIVE.match(info)
                if directive and directive["name"] in types:
                    item_id = _id_after(lines, index)
                    lost.append(LostItem(file, number, directive["name"], item_id, "backtick"))
                continue
            if char == ":" and not colon_fence:
                directive = _DIRECTIVE.match(info)
                if directive and directive["name"] in types:
                    item_id = _id_after(lines, index)
                    lost.append(LostItem(file, number, directive["name"], item_id, "colon_fence"))
                continue
            directive = _DIRECTIVE.match(info)
            name = directive["name"] if directive else ""
            opened = _Open(char, len(match["fence"]), False, number, directive=name)
            if not directive:
                opened.literal, opened.bare = True, not info
            elif name in LITERAL_DIRECTIVES:
                opened.literal = True
            only = next((block for block in state.stack if block.directive == "only"), None)
            state.stack.append(opened)
            if name in types:
                options, index = _options(lines, index)
                item_id = next((value for option, _, value in options if option == "id"), "")
                opened.id, opened.item = item_id, len(items)
                items.append(
                    ScannedItem(file, number, name, item_id, tuple((o, n) for o, n, _ in options))
                )
                if only is not None:
                    lost.append(LostItem(file, number, name, item_id, "only", only.line))
                hide = next((n for option, n, _ in options if option == "hide"), 0)
                if hide:
                    lost.append(LostItem(file, number, name, item_id, "hide", hide))
            continue
        top = state.stack[-1] if state.stack else None
        if top is not None and top.directive in types and not top.done:
            option = _OPTION.match(line)
            if option and option["name"] in known_options:
                lost.append(
                    LostItem(file, top.line, top.directive, top.id, "late_option", number, option["name"])
                )
        almost = _ALMOST.match(line)
        if (
            almost
            and almost["name"] in types
            and index < len(lines)
            and _OPTION.match(lines[index])  # options follow: meant as an item, not prose about one
        ):
            lost.append(LostItem(file, number, almost["name"], _id_after(lines, index), "fence"))
    unreadable = tuple(number for number, line in enumerate(lines, 1) if "\ufffd" in line)
    bidi = tuple(
        (number, found[0]) for number, line in enumerate(lines, 1) if (found := _BIDI.search(line))
    )
    ended = tuple(replace(item, end=ends.get(index, len(lines))) for index, item in enumerate(items))
    return Scan(file, ended, tuple(lost), unreadable, bidi_lines=bidi)


def without_comments(text: str) -> str:
    """``text`` with its comments blanked: MyST's ``%`` lines and ``<!-- -->``, outside code.

    A comment is for colleagues: blanked before MyST reads the text, it reaches
    no page, doctree, search index or needs.json. Lines keep their numbers, so
    every location stays right; code blocks keep a ``%`` or ``<!--`` as written.
    """
    return as_meant(text, ())


def as_meant(text: str, type_names: Iterable[str]) -> str:
    """``text`` as its author meant it: :func:`without_comments`, and item options read whole.

    MyST reads a directive's options as YAML, where `` #`` starts a comment:
    ``:bron: CBS Statline tabel #83765NED`` would silently become ``CBS Statline
    tabel``. Nobody writes a YAML comment in an item's option, so such a value
    is quoted (``'…'``) before MyST reads it, and keeps its ``#``.
    """
    types = frozenset(type_names)
    lines = text.splitlines(keepends=True)
    state = _State()
    in_comment = rst_comment = in_options = False
    index = _front_matter_end([line.rstrip("\r\n") for line in lines])
    for number in range(index, len(lines)):
        raw = lines[number]
        body = raw.rstrip("\r\n")
        end = raw[len(body):]
        if in_options:
            option = _OPTION.match(body)
            if option:
                lines[number] = _quoted(body, option) + end
                continue
            in_options = False
        if in_comment:
            closed = body.find("-->")
            if closed < 0:
                lines[number] = end
                continue
            in_comment, body = False, body[closed + 3:]
        match = _FENCE.match(body)
        if match and state.stack and _closes(state.stack[-1], match):
            state.stack.pop()
            rst_comment = False
            continue
        if match and state.stack and _inside_same_fence(state.stack[-1], match):
            continue  # text of the open block, as in scan()
        literal = state.in_literal
        if literal is not None:
            # rST in {eval-rst}: a ".." line that is no directive, target or substitution is a
            # comment, with the indented lines after it.
            if literal.rst:
                rst_comment = bool(_RST_COMMENT.match(body)) or (
                    rst_comment and (not body.strip() or body[:1] in " \t")
                )
                if rst_comment:
                    lines[number] = end
            continue
        if match:
            info = match["info"].strip()
            directive = _DIRECTIVE.match(info)
            name = directive["name"] if directive else ""
            if not (match["fence"][0] == "`" and "`" in info):
                literal_block = not directive or name in LITERAL_DIRECTIVES
                opened = _Open(match["fence"][0], len(match["fence"]), literal_block, number + 1)
                opened.rst = name == "eval-rst"
                state.stack.append(opened)
                in_options = name in types
            continue
        if body.lstrip().startswith("%"):
            lines[number] = end
            continue
        body = _HTML_COMMENT.sub("", body)
        start = body.find("<!--")
        if start >= 0:
            in_comment, body = True, body[:start]
        lines[number] = body + end
    return "".join(lines)


#: The invisible characters that embed, override or isolate a reading direction (Unicode's bidi
#: controls): an unclosed U+202E turns the text after it, the site's own words too, back to front.
#: The marks U+200E, U+200F and U+061C only hint a direction and stay allowed.
BIDI_CONTROLS = {
    "\u202a": "LEFT-TO-RIGHT EMBEDDING", "\u202b": "RIGHT-TO-LEFT EMBEDDING",
    "\u202c": "POP DIRECTIONAL FORMATTING", "\u202d": "LEFT-TO-RIGHT OVERRIDE",
    "\u202e": "RIGHT-TO-LEFT OVERRIDE", "\u2066": "LEFT-TO-RIGHT ISOLATE",
    "\u2067": "RIGHT-TO-LEFT ISOLATE", "\u2068": "FIRST STRONG ISOLATE",
    "\u2069": "POP DIRECTIONAL ISOLATE",
}
_BIDI = re.compile("[" + "".join(BIDI_CONTROLS) + "]")

#: A value in which YAML would see a comment: a ``#`` at its start or after a space.
_YAML_COMMENT = re.compile(r"(?:^|[ \t])#")


def _quoted(line: str, option: re.Match[str]) -> str:
    value = (option["value"] or "").strip()
    if not _YAML_COMMENT.search(value) or value[:1] in ("'", '"'):
        return line
    return line[: option.start("value")] + "'" + value.replace("'", "''") + "'"


#: An HTML comment within one line (one that goes on is followed line by line).
_HTML_COMMENT = re.compile(r"<!--.*?-->")
#: An rST comment: ``..`` alone or with text that makes no directive (``::``), target (``_``),
#: footnote or citation (``[``) or substitution (``|``).
_RST_COMMENT = re.compile(r"^\.\.(?:[ \t]*$|[ \t]+(?![_\[|])(?!\S+::).*$)")


def _front_matter_end(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index + 1
    return 0


def _inside_same_fence(block: _Open, match: re.Match[str]) -> bool:
    """A fence line with an info string, of the open block's character and at least its length:
    meant to open a block inside, but in CommonMark only text of the open block."""
    fence = match["fence"]
    return fence[0] == block.char and len(fence) >= block.length and bool(match["info"].strip())


def _closes(block: _Open, match: re.Match[str]) -> bool:
    fence = match["fence"]
    return fence[0] == block.char and len(fence) >= block.length and not match["info"].strip()


def _typed(line: str, lines: list[str], index: int, types: frozenset[str]) -> tuple[str, str]:
    match = _FENCE.match(line)
    if not match:
        return "", ""
    directive = _DIRECTIVE.match(match["info"].strip())
    if not directive or directive["name"] not in types:
        return "", ""
    return directive["name"], _id_after(lines, index)


def _id_after(lines: list[str], index: int) -> str:
    options, _ = _options(lines, index)
    return next((value for name, _, value in options if name == "id"), "")


def _options(lines: list[str], index: int) -> tuple[list[tuple[str, int, str]], int]:
    """The options right after a directive's first line (``:name: value`` lines or a ``---`` block)."""
    options: list[tuple[str, int, str]] = []
    if index < len(lines) and lines[index].strip() == "---":
        end = next((i for i in range(index + 1, len(lines)) if lines[i].strip() == "---"), None)
        if end is not None:
            for i in range(index + 1, end):
                if (match := _YAML_OPTION.match(lines[i])) and not lines[i].startswith((" ", "\t")):
                    options.append((match["name"], i + 1, (match["value"] or "").strip()))
            return options, end + 1
    while index < len(lines) and (match := _OPTION.match(lines[index])):
        options.append((match["name"], index + 1, (match["value"] or "").strip()))
        index += 1
    return options, index
