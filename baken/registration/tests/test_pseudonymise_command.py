"""`baken pseudonymise`: reads a CSV of people, writes pseudonyms, reports bad rows by number."""

import csv
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_pseudonymises_good_rows_and_reports_bad_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = write(tmp_path / "key.txt", "  a-shared-secret-key-of-sufficient-length-42  \n")
    people = write(
        tmp_path / "people.csv",
        "record_id,source,given_name,surname,date_of_birth,sex,nationality,country_of_birth,note\n"
        "r1,police,Ioana,Popescu,2008-11-14,f,Roemeense,Roemenië,extra column ignored\n"
        "r2,institution,Ioana,Popesku,2008-14-11,f,Roemeense,Roemenië,\n"
        "r3,shelter,,,2008,,,,\n"
        ",police,Noor,Bos,2010-01-01,,,,\n"
        "r5,police,Sem,Jansen,2008,m,,,\n"
        "r6,police,Noor,van Kasteelen,2008-00-00,v,,,\n",
    )
    output = tmp_path / "pseudo.csv"

    with pytest.raises(SystemExit) as exit_info:
        call_command(
            "pseudonymise", "--key-file", str(key), "--input", str(people), "--output", str(output)
        )

    assert exit_info.value.code == 1
    err = capsys.readouterr().err
    assert "row 3: date_of_birth '2008-14-11' is not an ISO date" in err
    assert "row 4: given_name and surname are both empty" in err
    assert "row 5: record_id is empty" in err
    rows = list(csv.DictReader(output.open(encoding="utf-8")))
    assert [r["record_id"] for r in rows] == ["r1", "r5", "r6"]
    assert rows[2]["birth_year"] == "2008" and rows[2]["k_dob"] == ""  # BRP: day unknown
    assert "Popescu" not in output.read_text(encoding="utf-8")
    assert rows[0]["birth_year"] == "2008" and rows[0]["sex"] == "female"


def test_a_short_key_or_missing_columns_stop_at_once(tmp_path: Path) -> None:
    short = write(tmp_path / "short.txt", "too short")
    people = write(tmp_path / "p.csv", "record_id,source,given_name\nr1,x,Ann\n")
    with pytest.raises(CommandError, match="at least 32"):
        call_command(
            "pseudonymise",
            "--key-file",
            str(short),
            "--input",
            str(people),
            "--output",
            str(tmp_path / "o.csv"),
        )
    good = write(tmp_path / "good.txt", "k" * 40)
    with pytest.raises(CommandError, match="missing column"):
        call_command(
            "pseudonymise",
            "--key-file",
            str(good),
            "--input",
            str(people),
            "--output",
            str(tmp_path / "o.csv"),
        )


def test_the_output_holds_no_name_and_no_full_date(tmp_path: Path) -> None:
    people = write(
        tmp_path / "people.csv",
        "record_id,source,given_name,surname,date_of_birth,sex,nationality,country_of_birth\n"
        "a,police,ZJENJA,DASJENKO,2007-05-19,v,Oekraïense,UA\n"
        "b,shelter,Женя,Дашенко,2007-05-19,f,UA,UA\n"
        'c,police,Noor Anne,"Kasteelen, van",2008-01-01,v,NL,NL\n'
        "d,police,Thị Lan,Nguyễn,2008-00-00,,VN,VN\n",
    )
    key = write(tmp_path / "key.txt", "k" * 40)
    output = tmp_path / "pseudo.csv"
    call_command(
        "pseudonymise", "--key-file", str(key), "--input", str(people), "--output", str(output)
    )
    text = output.read_text(encoding="utf-8").lower()
    words = set(text.replace(",", " ").replace("\n", " ").split())
    for name in (
        "zjenja",
        "dasjenko",
        "женя",
        "дашенко",
        "zhenya",
        "dashenko",
        "noor",
        "anne",
        "kasteelen",
        "van",
        "nguyen",
        "nguyễn",
        "lan",
        "thi",
        "thị",
    ):
        assert name not in words
    for born in ("2007-05-19", "19-05-2007", "20070519", "05-19", "2008-01-01", "2008-00-00"):
        assert born not in text
