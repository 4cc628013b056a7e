"""Writes to the reports: preparing a quarter's report, editing its prose and its
supporting tables. The PDF jobs are ``laporan.permintaan`` (requesting) and
``laporan.pekerjaan`` (doing).

Every change checks the user's role (only Perencanaan writes), validates its
input with an Indonesian message (``LaporanTidakValid``), changes nothing when it
fails, and records who changed what and when.
"""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import PeriodeTidakValid, periksa_periode
from laporan.galat import LaporanTidakValid
from laporan.lakip.dokumen import laporan_sumber, tanggal_bawaan
from laporan.models import DataDukung, Laporan, TeksLaporan

Bagian = TeksLaporan.Bagian
BAGIAN_SASARAN = [b for b in Bagian if b.value.startswith("sasaran_")]
BAGIAN_DOKUMEN = [b for b in Bagian if b not in BAGIAN_SASARAN and b != Bagian.NARASI]


def boleh_menyunting(user):
    """Only Perencanaan prepares, edits and prints the reports."""
    return Peran.PERENCANAAN in peran_pengguna(user)


def pastikan_boleh(user):
    if user is None or not boleh_menyunting(user):
        raise PermissionDenied("Hanya Perencanaan yang boleh mengubah laporan.")


def periksa_periode_laporan(tahun, triwulan):
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
    pastikan_boleh(oleh)
    periksa_periode_laporan(tahun, triwulan)
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
    pastikan_boleh(oleh)
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

    pastikan_boleh(oleh)
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
    pastikan_boleh(oleh)
    laporan = data_dukung.laporan
    data_dukung.delete()
    _tandai_diubah(laporan, oleh, timezone.now())
