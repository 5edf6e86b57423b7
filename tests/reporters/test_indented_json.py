"""The report writer's JSON is byte for byte what json.dumps(indent=2, ensure_ascii=False) gives."""

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker.reporters.indented_json import dumps_indented

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True, allow_infinity=True), st.text(),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.lists(inner, max_size=4).map(tuple),
        st.dictionaries(st.text(max_size=8), inner, max_size=4),
    ),
    max_leaves=30,
)


@settings(max_examples=400, deadline=None)
@given(values)
def test_same_bytes_as_json_dumps(value):
    assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_other_types_and_keys_are_written_by_json_dumps():
    class Number(int):
        pass

    for value in ({1: "a", None: [1]}, [Number(3)], {"x": {True: 2.5}}):
        assert dumps_indented(value) == json.dumps(value, ensure_ascii=False, indent=2)


def test_a_real_report_is_unchanged(tmp_path):
    from click.testing import CliRunner

    from checker.cli import main

    root = Path(__file__).resolve().parents[2]
    out = tmp_path / "report.json"
    CliRunner().invoke(main, ["check", str(root / "translations"), "-g", str(root / "glossary.yml"),
                              "--format", "json", "-o", str(out)])
    text = out.read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert '"findings": [' in text
