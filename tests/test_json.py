"""The JSON case document: export, import, schema; any bad input is refused cleanly."""

import json
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.agenda.kinds import SCHEMA_VERSION
from facilitator.cli import main
from facilitator.export import read_document, to_json, to_markdown
from facilitator.store import Store
from tests.conftest import full_case, full_meeting, stored_process


def _stored_case(store):
    case, first, second = stored_process(store)
    store.save_meeting(second)
    return case, first, second


def test_export_import_export_is_identical(tmp_path, capsys):
    source = tmp_path / "source"
    with Store.open(source) as store:
        case, first, _ = _stored_case(store)
    out = tmp_path / "case.json"
    assert main(["--data-dir", str(source), "export", first.id[:8], "--format", "json", "-o", str(out)]) == 0
    target = tmp_path / "target"
    assert main(["--data-dir", str(target), "import", str(out)]) == 0
    again = tmp_path / "again.json"
    assert main(["--data-dir", str(target), "export", first.id, "--format", "json", "-o", str(again)]) == 0
    assert again.read_bytes() == out.read_bytes()
    with Store.open(source) as a, Store.open(target) as b:
        for meeting in a.meetings_of(case.id):
            assert to_markdown(a.load_case(case.id), meeting) == to_markdown(
                b.load_case(case.id), b.load_meeting(meeting.id)
            )
        assert [r.number for r in b.revisions(case.id)] == [1, 2]
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "facilitator-case"
    assert document["schema_version"] == SCHEMA_VERSION
    assert "Đorđe Đorđević" in out.read_text(encoding="utf-8")


def test_a_version_1_document_is_read_and_becomes_the_current_version():
    from facilitator.export import read_document, to_json

    case = full_case()
    meeting = full_meeting(case)
    document = json.loads(to_json(case, [meeting]))
    for record in (document, document["case"], document["meetings"][0], document["meetings"][0]["sip"]):
        record["schema_version"] = 1
    del document["meetings"][0]["sip"]["introductions"]  # version 1 had no such field
    read = read_document(json.dumps(document))
    assert read.schema_version == SCHEMA_VERSION and read.meetings[0].sip.schema_version == SCHEMA_VERSION
    assert read.meetings[0].sip.introductions == ""
    assert json.loads(to_json(read.case, read.meetings))["meetings"][0]["sip"]["schema_version"] == SCHEMA_VERSION


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("not json", "filen är ingen ärendefil i JSON"),
        ("[1, 2]", "filen är ingen ärendefil i JSON"),
        ('{"format": "facilitator-case"}', ": case saknas i ärendefilen"),
        ('{"format": "other", "case": {}}', "värdet i format går inte att läsa"),
        ('{"case": {"child": {"name": 5}, "created_at": "2026-01-01T00:00:00"}}', "case.child.name"),
        ('{"schema_version": 99, "case": {}}', "schema_version"),
    ],
)
def test_bad_documents_exit_2_with_the_first_problem_and_change_nothing(tmp_path, capsys, content, where):
    data = tmp_path / "data"
    with Store.open(data) as store:
        _stored_case(store)
        before = (store.list_cases(), store.list_meetings())
    bad = tmp_path / "bad.json"
    bad.write_text(content, encoding="utf-8")
    assert main(["--data-dir", str(data), "import", str(bad)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and where in err[0] and str(bad) in err[0]
    with Store.open(data) as store:
        assert (store.list_cases(), store.list_meetings()) == before


def test_a_case_already_stored_as_it_is_in_the_file_is_left_alone(tmp_path, capsys):
    data = tmp_path / "data"
    with Store.open(data) as store:
        case, _, _ = _stored_case(store)
        text = to_json(case, store.meetings_of(case.id))
    path = tmp_path / "case.json"
    path.write_text(text, encoding="utf-8")
    assert main(["--data-dir", str(data), "import", str(path)]) == 2
    assert capsys.readouterr().err == (
        "facilitator: ärendet finns redan i databasen och är likadant som i filen, så inget ändrades\n"
    )


def test_meetings_of_another_case_are_refused():
    case = full_case()
    meeting = full_meeting(full_case())
    text = json.dumps({"case": json.loads(case.model_dump_json()), "meetings": [json.loads(meeting.model_dump_json())]})
    with pytest.raises(ValueError, match="case_id"):
        read_document(text)


def test_schema_is_json_schema(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "CaseDocument"
    assert {"case", "meetings", "schema_version"} <= set(schema["properties"])


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=12), children, max_size=6),
    max_leaves=30,
)
TOP = st.one_of(
    JSON,
    st.fixed_dictionaries(
        {"format": st.just("facilitator-case"), "case": JSON, "meetings": st.lists(JSON, max_size=3)}
    ),
)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(document=TOP)
def test_any_json_is_imported_or_refused_in_one_line(document, capsys, tmp_path):
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    data = folder / "data"
    with Store.open(data) as store:
        _stored_case(store)
        before = (store.list_cases(), store.list_meetings())
    path = folder / "x.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    capsys.readouterr()
    code = main(["--data-dir", str(data), "import", str(path)])
    captured = capsys.readouterr()
    assert code in (0, 2)
    assert "Traceback" not in captured.err
    if code == 2:
        assert len(captured.err.strip().splitlines()) == 1
        with Store.open(data) as store:
            assert (store.list_cases(), store.list_meetings()) == before
