"""glossary.yml as PyYAML nodes with their marks: composing, looking up, layout.

The editor finds what to change by the nodes' offsets, lines and columns; `detect_indent`
tells ruamel.yaml the file's indentation, so a round trip writes it back unchanged.
PyYAML is imported lazily: importing this module costs nothing.
"""

from __future__ import annotations

from checker.glossary.load import loader_class

#: (mapping, sequence, offset) of the repository's glossary.yml: `terms:\n  - id: ...`
DEFAULT_INDENT = (2, 4, 2)


def detect_indent(text: str) -> tuple[int, int, int]:
    """(mapping, sequence, offset) as ruamel.yaml counts them, from the first nested block
    mapping and block sequence of `text`; the repository's layout when it has none."""
    try:
        root = compose(text)
    except Exception:  # noqa: BLE001 - a file that does not parse has no layout to keep
        return DEFAULT_INDENT
    return indent_of(root)


def compose(text: str):
    """The YAML node graph of `text`, with marks (offsets, lines, columns) on every node.

    PyYAML's libyaml composer, as the glossary loader uses: ruamel.yaml's pure-Python
    composer takes 12 times as long on a 50,000-term glossary.
    """
    import yaml

    return yaml.compose(text, Loader=loader_class())


def is_scalar(node) -> bool:
    import yaml

    return isinstance(node, yaml.ScalarNode)


def value_of(mapping, key: str):
    """The value node of `key` in a mapping node, or None."""
    for k, v in mapping.value:
        if is_scalar(k) and k.value == key:
            return v
    return None


def shared_nodes(root) -> set[int]:
    """ids of the nodes reached more than once (anchors used through aliases)."""
    seen: set[int] = set()
    shared: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            shared.add(id(node))
            continue
        seen.add(id(node))
        if is_scalar(node):
            continue
        for item in node.value:
            stack.extend(item if isinstance(item, tuple) else (item,))
    return shared


def indent_of(root) -> tuple[int, int, int]:
    """(mapping, sequence, offset) of the first nested block mapping and block sequence."""
    import yaml

    mapping = sequence = offset = None
    stack = [root]
    while stack and (mapping is None or sequence is None):
        node = stack.pop()
        if is_scalar(node):
            continue
        if isinstance(node, yaml.MappingNode) and not node.flow_style:
            for key, value in node.value:
                if is_scalar(value) or value.flow_style or not value.value:
                    continue
                if isinstance(value, yaml.MappingNode):
                    if mapping is None:
                        mapping = value.value[0][0].start_mark.column - key.start_mark.column
                elif sequence is None:
                    offset = value.start_mark.column - key.start_mark.column
                    sequence = value.value[0].start_mark.column - key.start_mark.column
        for item in reversed(node.value):
            stack.extend(reversed(item) if isinstance(item, tuple) else (item,))
    if mapping is None or mapping <= 0:
        mapping = DEFAULT_INDENT[0]
    if sequence is None or offset is None or offset < 0 or sequence < offset + 2:
        sequence, offset = mapping + 2, mapping
    return mapping, sequence, offset
