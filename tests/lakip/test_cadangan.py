"""Backup and restore (README, "Operasi"): a pg_dump of the database restored with
pg_restore into a fresh database reproduces the report JSON byte for byte."""

import os
import shutil
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

AKAR = Path(__file__).resolve().parents[2]


def _url(db, nama):
    pengguna = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return (
        f"postgres://{pengguna}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{nama}"
    )


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="pg_dump/pg_restore hanya untuk PostgreSQL (suite ini berjalan di SQLite)",
)
@pytest.mark.skipif(not shutil.which("pg_restore"), reason="pg_restore tidak ada")
def test_dump_and_restore_reproduce_the_report_json(instansi, tmp_path):
    db = connection.settings_dict
    sebelum = StringIO()
    call_command(
        "laporan", "data", "--tahun", "2024", "--triwulan", "1",
        "--instansi", instansi.kode, stdout=sebelum,
    )  # fmt: skip
    env = {**os.environ, "PGPASSWORD": db["PASSWORD"] or ""}
    sambung = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432)]
    sambung += ["-U", db["USER"]]
    berkas = tmp_path / "lakip.dump"
    subprocess.run(
        ["pg_dump", *sambung, "-Fc", "-f", str(berkas), db["NAME"]],
        env=env,
        check=True,
    )
    pulih = f"{db['NAME']}_pulih"
    subprocess.run(["dropdb", *sambung, "--if-exists", pulih], env=env, check=True)
    subprocess.run(["createdb", *sambung, pulih], env=env, check=True)
    try:
        subprocess.run(
            ["pg_restore", *sambung, "--no-owner", "-d", pulih, str(berkas)],
            env=env,
            check=True,
        )
        sesudah = subprocess.run(
            [sys.executable, "manage.py", "laporan", "data", "--tahun", "2024",
             "--triwulan", "1", "--instansi", instansi.kode],
            cwd=AKAR,
            env={**env, "DATABASE_URL": _url(db, pulih)},
            capture_output=True,
            check=True,
        )  # fmt: skip
    finally:
        subprocess.run(["dropdb", *sambung, "--if-exists", pulih], env=env)
    assert len(sebelum.getvalue()) > 1000
    assert sesudah.stdout == sebelum.getvalue().encode()
