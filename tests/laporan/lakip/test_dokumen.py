"""The document's structure: what BAB III holds per sasaran, where the text comes
from, and query counts that do not grow with the data."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from laporan.lakip.dokumen import laporan_sumber, susun_dokumen
from laporan.lakip.render import render_html
from laporan.models import Laporan, TeksLaporan
from tests.bantuan import gandakan_sub_kegiatan

pytestmark = pytest.mark.django_db


def test_sasaran_sections(instansi):
    dok = susun_dokumen(instansi, 2024, 1)
    assert [bs.sasaran.kode for bs in dok.sasaran] == ["S1", "S2", "S3"]
    s1, s2, s3 = dok.sasaran
    assert [p.kode for p in s1.program] == ["3.32.02", "3.32.03", "3.32.04"]
    assert [p.kode for p in s3.program] == ["2.07.01"]
    assert [d.judul for d in s1.data_dukung] == [
        "Data Jumlah Warga Transmigran Mandiri"
    ]
    assert s2.data_dukung[0].baris[3][0] == "■ Pengangguran"
    # Narrative tree: program → kegiatan → sub kegiatan, with indicators.
    penunjang = s3.program[0]
    assert (len(penunjang.anak), sum(len(k.anak) for k in penunjang.anak)) == (8, 24)
    assert all(n.indikator for k in penunjang.anak for n in k.anak)
    assert dok.nomor_program[s1.program[0].anggaran.objek.pk] == 5
    assert dok.tanggal == datetime.date(2024, 4, 25)
    assert dok.kepala.nama == "KAMAL RASYID"
    assert "Mahalona" in s1.teks["capaian"]


def test_next_quarter_reads_the_latest_earlier_report(instansi):
    tw1 = Laporan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    assert laporan_sumber(instansi, 2024, 3) == tw1
    assert laporan_sumber(instansi, 2025, 1) == tw1
    assert laporan_sumber(instansi, 2023, 4) is None
    dok = susun_dokumen(instansi, 2024, 2)
    assert dok.laporan is None  # not saved yet: the TW I text, today's date
    assert "Triwulan II Tahun 2024" in dok.teks["kata_pengantar"]
    assert dok.tanggal == datetime.date(2024, 7, 25)


def test_text_of_the_quarter_wins(instansi):
    tw1 = Laporan.objects.get(instansi=instansi, tahun=2024, triwulan=1)
    tw2 = Laporan.objects.create(instansi=instansi, tahun=2024, triwulan=2)
    TeksLaporan.objects.create(laporan=tw2, bagian="kata_pengantar", teks="Baru.")
    assert laporan_sumber(instansi, 2024, 2) == tw2
    assert susun_dokumen(instansi, 2024, 2).teks["kata_pengantar"] == "<p>Baru.</p>"
    assert susun_dokumen(instansi, 2024, 1).laporan == tw1


def test_html_query_count_does_not_grow_with_data(instansi):
    with CaptureQueriesContext(connection) as sebelum:
        html = render_html(susun_dokumen(instansi, 2024, 1))
    gandakan_sub_kegiatan(9)
    with CaptureQueriesContext(connection) as sesudah:
        html_besar = render_html(susun_dokumen(instansi, 2024, 1))
    assert len(html_besar) > 4 * len(html)
    assert "78.974.273.490" in html_besar  # ten times the seed's pagu
    assert len(sesudah) == len(sebelum)


def test_budget_table_names_the_dpa_perubahan(instansi):
    from renstra.models import SubKegiatan
    from renstra.services import simpan_perubahan_dpa

    html = render_html(susun_dokumen(instansi, 2024, 1))
    assert "(DPA PERUBAHAN)" not in html
    sub = SubKegiatan.objects.get(
        kode="2.07.05.2.02.0002", kegiatan__program__tahun=2024
    )
    simpan_perubahan_dpa(
        instansi,
        sub,
        130_000_000,
        [23_208_500, 40_000_000, 40_000_000, 26_791_500],
        datetime.date(2024, 3, 1),
        "Pergeseran anggaran",
        None,
    )
    html = render_html(susun_dokumen(instansi, 2024, 1))
    # Tabel 3.25 and the table of the sasaran holding that sub kegiatan
    assert html.count("JUMLAH ANGGARAN (DPA PERUBAHAN)") == 2
