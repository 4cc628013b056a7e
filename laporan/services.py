"""Writes to the reports: preparing a quarter's report, editing its prose and its
supporting tables, and generating its PDF in the background.

Every change checks the user's role (only Perencanaan writes), validates its
input with an Indonesian message (``LaporanTidakValid``), changes nothing when it
fails, and records who changed what and when.
"""

import datetime
import time

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lakip.peran import Peran, peran_pengguna
from laporan.lakip.dokumen import laporan_sumber, tanggal_bawaan
from laporan.models import BerkasLaporan, DataDukung, Laporan, TeksLaporan

Bagian = TeksLaporan.Bagian
BAGIAN_SASARAN = [b for b in Bagian if b.value.startswith("sasaran_")]
BAGIAN_DOKUMEN = [b for b in Bagian if b not in BAGIAN_SASARAN and b != Bagian.NARASI]


BATAS_JOB_BERJALAN = datetime.timedelta(minutes=10)


class LaporanTidakValid(Exception):
    """Bad input for a report; the message is Indonesian and shown to the user."""


def boleh_menyunting(user):
    """Only Perencanaan prepares, edits and prints the reports."""
    return Peran.PERENCANAAN in peran_pengguna(user)


def _pastikan_boleh(user):
    if user is None or not boleh_menyunting(user):
        raise PermissionDenied("Hanya Perencanaan yang boleh mengubah laporan.")


def _periksa_periode(tahun, triwulan):
    if triwulan not in (1, 2, 3, 4):
        raise LaporanTidakValid("Triwulan harus 1, 2, 3, atau 4.")
    if not 2000 <= tahun <= 2100:
        raise LaporanTidakValid(f"Tahun {tahun} di luar rentang 2000-2100.")


@transaction.atomic
def siapkan_laporan(instansi, tahun, triwulan, oleh):
    """The report of the quarter, created if it does not exist yet.

    A new report starts from the latest earlier report of the agency: its texts
    and supporting tables are copied (placeholders such as ``{triwulan}`` then
    print the new quarter). Returns ``(laporan, dibuat)``.
    """
    _pastikan_boleh(oleh)
    _periksa_periode(tahun, triwulan)
    laporan = (
        Laporan.objects.select_for_update()
        .filter(instansi=instansi, tahun=tahun, triwulan=triwulan)
        .first()
    )
    if laporan is not None:
        return laporan, False
    sumber = laporan_sumber(instansi, tahun, triwulan)
    sekarang = timezone.now()
    laporan = Laporan.objects.create(
        instansi=instansi,
        tahun=tahun,
        triwulan=triwulan,
        tanggal=tanggal_bawaan(tahun, triwulan),
        dibuat_oleh=oleh,
        dibuat_pada=sekarang,
        diubah_oleh=oleh,
        diubah_pada=sekarang,
    )
    if sumber is not None:
        TeksLaporan.objects.bulk_create(
            TeksLaporan(
                laporan=laporan,
                bagian=t.bagian,
                kode=t.kode,
                teks=t.teks,
                diubah_oleh=oleh,
                diubah_pada=sekarang,
            )
            for t in sumber.teks.all()
        )
        DataDukung.objects.bulk_create(
            DataDukung(
                laporan=laporan,
                sasaran_id=d.sasaran_id,
                indikator_id=d.indikator_id,
                judul=d.judul,
                kolom=d.kolom,
                baris=d.baris,
                keterangan=d.keterangan,
                urutan=d.urutan,
                diubah_oleh=oleh,
                diubah_pada=sekarang,
            )
            for d in sumber.data_dukung.all()
        )
    return laporan, True


def _tandai_diubah(laporan, oleh, sekarang):
    laporan.diubah_oleh, laporan.diubah_pada = oleh, sekarang
    laporan.save(update_fields=["diubah_oleh", "diubah_pada"])


@transaction.atomic
def simpan_teks(laporan, perubahan, oleh, tanggal=None):
    """Save prose sections: ``perubahan`` maps ``(bagian, kode)`` to the new text.

    Only sections whose text changed are written (with who and when). The
    signing date is set when ``tanggal`` is given. Returns the number of sections
    changed.
    """
    _pastikan_boleh(oleh)
    sah = set(Bagian.values)
    for bagian, kode in perubahan:
        if bagian not in sah:
            raise LaporanTidakValid(f"Bagian teks “{bagian}” tidak dikenal.")
        if (bagian in BAGIAN_DOKUMEN) == bool(kode):
            raise LaporanTidakValid(f"Kode untuk bagian “{bagian}” tidak sesuai.")
    sekarang = timezone.now()
    lama = {
        (t.bagian, t.kode): t
        for t in TeksLaporan.objects.filter(laporan=laporan).select_for_update()
    }
    berubah = 0
    for (bagian, kode), teks in perubahan.items():
        teks = (teks or "").replace("\r\n", "\n").strip()
        ada = lama.get((bagian, kode))
        if ada is not None and ada.teks == teks:
            continue
        if ada is None and not teks:
            continue
        TeksLaporan.objects.update_or_create(
            laporan=laporan,
            bagian=bagian,
            kode=kode,
            defaults={"teks": teks, "diubah_oleh": oleh, "diubah_pada": sekarang},
        )
        berubah += 1
    if tanggal is not None and tanggal != laporan.tanggal:
        laporan.tanggal = tanggal
        laporan.save(update_fields=["tanggal"])
        berubah += 1
    if berubah:
        _tandai_diubah(laporan, oleh, sekarang)
    return berubah


def baca_tabel(teks):
    """Parse a table typed in a text box: the first line holds the column
    headers, each further line a row; cells are separated by tabs (pasted from a
    spreadsheet) or by ``|``. Returns ``(kolom, baris)``."""
    baris_teks = [
        b for b in (teks or "").replace("\r\n", "\n").split("\n") if b.strip()
    ]
    if not baris_teks:
        raise LaporanTidakValid("Tabel kosong: isi baris judul kolom dan datanya.")
    pemisah = "\t" if "\t" in baris_teks[0] else "|"
    sel = [[s.strip() for s in b.split(pemisah)] for b in baris_teks]
    kolom, baris = sel[0], sel[1:]
    if len(kolom) < 2:
        raise LaporanTidakValid(
            "Baris pertama harus berisi paling sedikit dua judul kolom, dipisah "
            "dengan tab atau “|”."
        )
    for nomor, isi in enumerate(baris, 2):
        if len(isi) != len(kolom):
            raise LaporanTidakValid(
                f"Baris {nomor} berisi {len(isi)} sel, padahal tabel memiliki "
                f"{len(kolom)} kolom."
            )
    if not baris:
        raise LaporanTidakValid("Tabel belum berisi baris data.")
    return kolom, baris


def tulis_tabel(data_dukung):
    """The text-box form of a supporting table (inverse of ``baca_tabel``)."""
    return "\n".join(
        " | ".join(str(s) for s in b) for b in [data_dukung.kolom, *data_dukung.baris]
    )


@transaction.atomic
def simpan_data_dukung(
    laporan, oleh, *, judul, pemilik, tabel, keterangan="", urutan=0, data_dukung=None
):
    """Create or change a supporting table of ``laporan``.

    ``pemilik`` is the ``Sasaran`` or ``Indikator`` the table belongs to;
    ``tabel`` the typed table (see ``baca_tabel``). Returns the saved table.
    """
    from renstra.models import Indikator, Sasaran

    _pastikan_boleh(oleh)
    judul = (judul or "").strip()
    if not judul:
        raise LaporanTidakValid("Judul tabel wajib diisi.")
    if not isinstance(pemilik, (Sasaran, Indikator)):
        raise LaporanTidakValid("Pilih sasaran atau indikator pemilik tabel.")
    kolom, baris = baca_tabel(tabel)
    if data_dukung is not None and data_dukung.laporan_id != laporan.pk:
        raise LaporanTidakValid("Tabel ini bukan milik laporan tersebut.")
    data_dukung = data_dukung or DataDukung(laporan=laporan)
    data_dukung.sasaran = pemilik if isinstance(pemilik, Sasaran) else None
    data_dukung.indikator = pemilik if isinstance(pemilik, Indikator) else None
    data_dukung.judul = judul
    data_dukung.kolom, data_dukung.baris = kolom, baris
    data_dukung.keterangan = (keterangan or "").strip()
    data_dukung.urutan = urutan or 0
    data_dukung.diubah_oleh, data_dukung.diubah_pada = oleh, timezone.now()
    data_dukung.save()
    _tandai_diubah(laporan, oleh, data_dukung.diubah_pada)
    return data_dukung


@transaction.atomic
def hapus_data_dukung(data_dukung, oleh):
    _pastikan_boleh(oleh)
    laporan = data_dukung.laporan
    data_dukung.delete()
    _tandai_diubah(laporan, oleh, timezone.now())


def minta_pdf(instansi, tahun, triwulan, oleh):
    """Start generating the quarter's LAKIP as PDF in the background.

    Prepares the report if needed, records the request (``BerkasLaporan``) and
    puts a job on the task queue; the request returns at once. Returns the
    ``BerkasLaporan`` whose status the progress page follows; while a job of the
    same report is queued or running (requested less than
    ``BATAS_JOB_BERJALAN`` ago) that job is returned instead of a new one.
    """
    from laporan.tasks import buat_pdf_lakip

    laporan, _ = siapkan_laporan(instansi, tahun, triwulan, oleh)
    berjalan = (
        BerkasLaporan.objects.filter(
            laporan=laporan,
            status__in=[BerkasLaporan.Status.ANTRE, BerkasLaporan.Status.PROSES],
            diminta_pada__gte=timezone.now() - BATAS_JOB_BERJALAN,
        )
        .defer("isi")
        .first()
    )
    if berjalan is not None:
        return berjalan  # a second click follows the job already under way
    berkas = BerkasLaporan.objects.create(
        laporan=laporan,
        tahap="Menunggu giliran",
        diminta_oleh=oleh,
        diminta_pada=timezone.now(),
    )
    hasil = buat_pdf_lakip.enqueue(berkas.pk)
    BerkasLaporan.objects.filter(pk=berkas.pk, id_tugas="").update(
        id_tugas=str(hasil.id)
    )
    berkas.refresh_from_db()
    return berkas


def _kemajuan(berkas_id, tahap, persen, **lain):
    BerkasLaporan.objects.filter(pk=berkas_id).update(
        tahap=tahap, persen=persen, **lain
    )


def kerjakan_berkas(berkas_id):
    """The background job: compute, lay out and store the PDF of a requested
    ``BerkasLaporan``, reporting progress on the record as it goes. A failure is
    recorded on the record (status ``gagal``) and raised again for the queue."""
    from laporan import pdf
    from laporan.lakip.dokumen import susun_dokumen
    from laporan.lakip.render import nama_berkas, render_html

    berkas = BerkasLaporan.objects.select_related("laporan__instansi").get(pk=berkas_id)
    laporan = berkas.laporan
    mulai = time.monotonic()
    try:
        _kemajuan(
            berkas_id, "Menghitung data laporan", 5, status=BerkasLaporan.Status.PROSES
        )
        dok = susun_dokumen(laporan.instansi, laporan.tahun, laporan.triwulan)
        _kemajuan(berkas_id, "Menyusun HTML", 15)
        html = render_html(dok)
        _kemajuan(berkas_id, "Menata halaman (WeasyPrint)", 25)
        dokumen = pdf.render_dokumen(html)
        _kemajuan(berkas_id, f"Menulis PDF ({len(dokumen.pages)} halaman)", 85)
        isi = dokumen.write_pdf()
    except Exception as exc:
        _kemajuan(
            berkas_id,
            "Gagal",
            100,
            status=BerkasLaporan.Status.GAGAL,
            pesan=f"{type(exc).__name__}: {exc}",
            selesai_pada=timezone.now(),
        )
        raise
    _kemajuan(
        berkas_id,
        f"Selesai dalam {time.monotonic() - mulai:.0f} detik",
        100,
        status=BerkasLaporan.Status.SELESAI,
        isi=isi,
        ukuran=len(isi),
        jumlah_halaman=len(dokumen.pages),
        nama_berkas=nama_berkas(dok),
        selesai_pada=timezone.now(),
    )
