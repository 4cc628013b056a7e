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
from lakip.triwulan import PeriodeTidakValid, periksa_periode
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
    try:
        periksa_periode(tahun, triwulan)
    except PeriodeTidakValid as galat:
        raise LaporanTidakValid(str(galat)) from None


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


def _minta_berkas(instansi, tahun, triwulan, oleh, jenis, bagian, tugas):
    """Record a request for a background document and queue ``tugas`` for it.

    Prepares the report if needed; the request returns at once. While a job of
    the same report, kind and selection is queued or running (requested less
    than ``BATAS_JOB_BERJALAN`` ago) that job is returned instead of a new one,
    so a second click follows the job already under way."""
    laporan, _ = siapkan_laporan(instansi, tahun, triwulan, oleh)
    berjalan = (
        BerkasLaporan.objects.filter(
            laporan=laporan,
            jenis=jenis,
            status__in=[BerkasLaporan.Status.ANTRE, BerkasLaporan.Status.PROSES],
            diminta_pada__gte=timezone.now() - BATAS_JOB_BERJALAN,
        )
        .defer("isi")
        .order_by("-diminta_pada")
    )
    for b in berjalan:
        if b.bagian == bagian:
            return b
    berkas = BerkasLaporan.objects.create(
        laporan=laporan,
        jenis=jenis,
        bagian=bagian,
        tahap="Menunggu giliran",
        diminta_oleh=oleh,
        diminta_pada=timezone.now(),
    )
    hasil = tugas.enqueue(berkas.pk)
    BerkasLaporan.objects.filter(pk=berkas.pk, id_tugas="").update(
        id_tugas=str(hasil.id)
    )
    berkas.refresh_from_db()
    return berkas


def minta_pdf(instansi, tahun, triwulan, oleh):
    """Start generating the quarter's LAKIP as PDF in the background; returns
    the ``BerkasLaporan`` whose status the progress page follows."""
    from laporan.tasks import buat_pdf_lakip

    return _minta_berkas(
        instansi, tahun, triwulan, oleh, BerkasLaporan.Jenis.LAKIP, [], buat_pdf_lakip
    )


def minta_paket(instansi, tahun, triwulan, oleh, bagian=None):
    """Start binding the LAKIP and its attachments into one PDF in the
    background (``laporan.paket``).

    ``bagian`` lists the chosen parts' keys or kinds (empty or None: every
    part); an unknown name raises ``LaporanTidakValid`` and nothing is queued.
    Returns the ``BerkasLaporan`` whose status the progress page follows."""
    from laporan.paket.bagian import (
        PilihanTidakValid,
        daftar_bagian,
        pilih,
        susun_konteks,
    )
    from laporan.tasks import buat_paket

    _pastikan_boleh(oleh)
    _periksa_periode(tahun, triwulan)
    bagian = sorted({b.strip() for b in (bagian or []) if b and b.strip()})
    if bagian:
        semua = daftar_bagian(susun_konteks(instansi, tahun, triwulan))
        try:
            if len(pilih(semua, bagian)) == len(semua):
                bagian = []  # everything chosen: the complete package
        except PilihanTidakValid as exc:
            raise LaporanTidakValid(str(exc)) from None
    return _minta_berkas(
        instansi, tahun, triwulan, oleh, BerkasLaporan.Jenis.PAKET, bagian, buat_paket
    )


def _kemajuan(berkas_id, tahap, persen, **lain):
    BerkasLaporan.objects.filter(pk=berkas_id).update(
        tahap=tahap[:100], persen=persen, **lain
    )


def _kerjakan(berkas_id, buat):
    """Run ``buat(berkas, kemajuan)`` for a requested ``BerkasLaporan``, which
    returns ``(PDF bytes, number of pages, file name)``; progress and the result
    are stored on the record. A failure is recorded on the record (status
    ``gagal``) and raised again for the queue."""
    berkas = BerkasLaporan.objects.select_related("laporan__instansi").get(pk=berkas_id)
    mulai = time.monotonic()

    def kemajuan(tahap, persen):
        _kemajuan(berkas_id, tahap, persen)

    try:
        _kemajuan(
            berkas_id, "Menghitung data laporan", 2, status=BerkasLaporan.Status.PROSES
        )
        isi, jumlah_halaman, nama = buat(berkas, kemajuan)
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
        jumlah_halaman=jumlah_halaman,
        nama_berkas=nama,
        selesai_pada=timezone.now(),
    )


def kerjakan_berkas(berkas_id):
    """The background job of the LAKIP: compute, lay out and store its PDF."""
    from laporan import draf, pdf
    from laporan.lakip.dokumen import susun_dokumen
    from laporan.lakip.render import nama_berkas, render_html

    def buat(berkas, kemajuan):
        laporan = berkas.laporan
        dok = susun_dokumen(laporan.instansi, laporan.tahun, laporan.triwulan)
        belum = draf.unit_draf(laporan.instansi, laporan.tahun, laporan.triwulan)
        kemajuan("Menyusun HTML", 15)
        html = draf.html_cetak(render_html(dok), belum)
        kemajuan("Menata halaman (WeasyPrint)", 25)
        dokumen = pdf.render_dokumen(html)
        kemajuan(f"Menulis PDF ({len(dokumen.pages)} halaman)", 85)
        nama = draf.nama_berkas(nama_berkas(dok), belum)
        return dokumen.write_pdf(), len(dokumen.pages), nama

    _kerjakan(berkas_id, buat)


def kerjakan_paket(berkas_id, pekerja=None):
    """The background job of a package: its chosen parts laid out in parallel
    (or taken from the cache) and joined; progress counts the parts."""
    from laporan.paket.rakit import rakit_paket

    def buat(berkas, kemajuan):
        laporan = berkas.laporan
        hasil = rakit_paket(
            laporan.instansi,
            laporan.tahun,
            laporan.triwulan,
            pilihan=berkas.bagian,
            pekerja=pekerja,
            kemajuan=kemajuan,
        )
        return hasil.isi, hasil.jumlah_halaman, hasil.nama_berkas

    _kerjakan(berkas_id, buat)
