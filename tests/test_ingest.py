import codecs

import pytest

from kg.ingest import InputError, RawIssue, Skipped, decode, find_files, read_issues


def test_utf8_with_and_without_bom_and_gb18030_decode():
    text = "工业和信息化部印发通知。"
    assert decode(text.encode("utf-8")) == (text, "utf-8")
    assert decode(codecs.BOM_UTF8 + text.encode("utf-8"))[0] == text
    assert decode(text.encode("gb18030")) == (text, "gb18030")


def test_empty_binary_and_undecodable_are_refused_with_a_reason():
    with pytest.raises(ValueError, match="empty"):
        decode(b"  \n")
    with pytest.raises(ValueError, match="binary"):
        decode(b"%PDF-1.7\x00\x01\x02")
    with pytest.raises(ValueError, match="UTF-8"):
        decode(bytes(range(0x80, 0x100)) * 4)


def test_bad_files_are_skipped_and_named_the_rest_is_read(tmp_path):
    (tmp_path / "good.txt").write_text("北京市科委发布通知。", encoding="gb18030")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02\x03")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / "notes.odt").write_bytes(b"PK\x03\x04")
    results = list(read_issues(find_files([tmp_path])))
    good = [r for r in results if isinstance(r, RawIssue)]
    skipped = {r.path.name: r.reason for r in results if isinstance(r, Skipped)}
    assert [g.id for g in good] == ["good"] and good[0].encoding == "gb18030"
    assert set(skipped) == {"empty.txt", "binary.txt", "notes.pdf"}  # .odt: no reader, not looked at
    assert "PDF" in skipped["notes.pdf"]


def test_missing_path_and_empty_folder_are_input_errors(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        find_files([tmp_path / "nope"])
    with pytest.raises(InputError, match=r"no issue files \(.txt, .md, .pdf, .docx, .html, .htm\)"):
        find_files([tmp_path])
    with pytest.raises(InputError, match="no input"):
        find_files([])


def test_folders_are_read_recursively_without_hidden_or_readme_files(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "issue.md").write_text("内容。", encoding="utf-8")
    (tmp_path / "README.md").write_text("说明", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("隐藏", encoding="utf-8")
    assert [p.name for p in find_files([tmp_path])] == ["issue.md"]
