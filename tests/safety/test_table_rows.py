"""Table rows in a corpus run: stable keys, duplicate ids rejected, a bad row rejects only itself."""

from __future__ import annotations

import pipeline
from pipeline.corpora.run import run_corpus_direct

from .helpers import text, write_rows, write_table_corpus


def _rows(n: int, *, ids: bool = True) -> list[dict[str, str]]:
    return [({"id": f"r{i}"} if ids else {}) | {"title": f"Judul {i}", "text": text(i)} for i in range(n)]


def test_deleting_the_first_row_re_analyses_nothing_else(tmp_path):
    toml, table = write_table_corpus(tmp_path, _rows(6))  # no `key`: the id column is found by name
    data = tmp_path / "data"
    assert run_corpus_direct(str(toml), data_dir=data).documents_analyzed == 6
    keys = sorted(pipeline.load_dataset("documents", data_dir=data).source_key)
    assert keys == [f"tab.csv#id=r{i}" for i in range(6)]
    write_rows(table, _rows(6)[1:])
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_analyzed, report.documents_skipped, report.documents_deleted) == (0, 5, 1)


def test_rows_without_ids_are_keyed_by_their_content(tmp_path):
    rows = _rows(5, ids=False)
    rows.append(dict(rows[2]))  # an identical row: kept, numbered by occurrence
    toml, table = write_table_corpus(tmp_path, rows)
    data = tmp_path / "data"
    assert run_corpus_direct(str(toml), data_dir=data).documents_analyzed == 6
    docs = pipeline.load_dataset("documents", data_dir=data)
    assert docs.source_key.str.match(r"^tab\.csv#sha=[0-9a-f]{16}(~2)?$").all()
    assert docs.source_key.str.endswith("~2").sum() == 1 and docs.duplicate_of.notna().sum() == 1
    write_rows(table, rows[1:])  # the first row goes; the others move up one place
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_analyzed, report.documents_deleted) == (0, 1)


def test_a_changed_row_is_re_analysed_alone(tmp_path):
    toml, table = write_table_corpus(tmp_path, _rows(4))
    data = tmp_path / "data"
    run_corpus_direct(str(toml), data_dir=data)
    rows = _rows(4)
    rows[2]["text"] = text(40)
    write_rows(table, rows)
    assert run_corpus_direct(str(toml), data_dir=data).documents_analyzed == 1


def test_duplicate_ids_are_rejected_with_their_reason(tmp_path):
    rows = _rows(3)
    rows.append({"id": "r1", "title": "Lain", "text": text(50)})
    toml, _ = write_table_corpus(tmp_path, rows, key="id")
    data = tmp_path / "data"
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_analyzed, report.documents_rejected) == (3, 1)
    docs = pipeline.load_dataset("documents", data_dir=data).set_index("source_key")
    assert docs.loc["tab.csv#id=r1", "title"] == "Judul 1"  # the first row with the id is kept
    rejects = pipeline.load_dataset("rejects", data_dir=data)
    assert rejects.source_key.tolist() == ["tab.csv#id=r1@row4"]
    assert rejects.stage.tolist() == ["discover"]
    assert rejects.reason[0] == ("duplicate id: row 4 has id = 'r1', as row 2 does "
                                 "(the first is kept; give every row its own id)")


def test_a_nul_byte_rejects_its_row_not_the_file(tmp_path):
    toml, table = write_table_corpus(tmp_path, _rows(4), key="id")
    raw = table.read_bytes().replace(b"Judul 2", b"Jud\x00ul 2")
    table.write_bytes(raw)
    data = tmp_path / "data"
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_analyzed, report.documents_rejected) == (3, 1)
    rejects = pipeline.load_dataset("rejects", data_dir=data)
    assert rejects.reason.tolist() == ["NUL byte in the row ending at line 4 (binary junk)"]
    assert sorted(pipeline.load_dataset("documents", data_dir=data).title) == ["Judul 0", "Judul 1", "Judul 3"]


def test_a_deeply_nested_json_line_rejects_its_line_not_the_file(tmp_path):
    toml, table = write_table_corpus(tmp_path, _rows(3), fmt="jsonl", key="id")
    with table.open("a", encoding="utf-8") as handle:
        handle.write('{"id": "deep", "text": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
        handle.write('{"id": "r9", "title": "Judul 9", "text": "' + text(9) + '"}\n')
    data = tmp_path / "data"
    report = run_corpus_direct(str(toml), data_dir=data)
    assert (report.documents_analyzed, report.documents_rejected) == (4, 1)
    rejects = pipeline.load_dataset("rejects", data_dir=data)
    assert rejects.reason.tolist() == ["line 4: JSON nested too deeply (limit 64 levels)"]
