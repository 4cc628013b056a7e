"""Budget import from SIPD-shaped Excel: the importer core (the flow, the
registry of importers and what they share). The importers: the DPA
(``renstra.impor_dpa``), the anggaran kas (``renstra.impor_kas``), both
registered by the renstra app, and the realisasi (``realisasi.impor_sipd``,
registered by the realisasi app).

Every import runs in two steps. ``unggah_impor`` stores the file and checks the
whole of it: the preview lists what will be created, changed and left alone, and
every row that cannot be used, with its row number and the reason. Only a file
without such rows can be applied: ``konfirmasi_impor`` checks it again against the
data as it is then and applies it in one transaction (all or nothing). Every
upload is recorded (``ImporSIPD``: who, when, file, counts). Applying the same
file twice changes nothing the second time.
"""

import hashlib
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from renstra import penjaga, sipd
from renstra.galat import RencanaTidakValid
from renstra.models import (
    ImporSIPD,
    SubKegiatan,
)
from renstra.services import catat
from renstra.sipd import GalatBaris, GalatBerkas

BARU, BERUBAH, TETAP = "baru", "berubah", "tetap"


class GalatImpor(RencanaTidakValid):
    """The import cannot be applied; the message says why, in Indonesian."""


@dataclass
class Butir:
    """One record of the preview and what the import does to it."""

    status: str  # BARU, BERUBAH or TETAP
    objek: str
    kode: str
    nama: str
    keterangan: str = ""


@dataclass
class Masalah:
    """A row (Excel row number; None for the whole file) and what is wrong."""

    baris: int | None
    pesan: str


@dataclass
class Pratinjau:
    """What an import would do. ``langkah`` are the writes, in order."""

    lembar: str = ""
    jumlah_baris: int = 0
    butir: list = field(default_factory=list)
    galat: list = field(default_factory=list)
    peringatan: list = field(default_factory=list)
    langkah: list = field(default_factory=list)

    def hitung(self, status):
        return sum(1 for b in self.butir if b.status == status)

    @property
    def baru(self):
        return self.hitung(BARU)

    @property
    def berubah(self):
        return self.hitung(BERUBAH)

    @property
    def tetap(self):
        return self.hitung(TETAP)

    @property
    def bisa_diterapkan(self):
        return not self.galat

    @property
    def butir_berubah(self):
        return [b for b in self.butir if b.status != TETAP]


class Importir:
    """One kind of SIPD file. Subclasses set ``jenis``, ``wajib`` and
    ``kolom_nilai`` and implement ``susun`` (rows -> preview with its writes)."""

    jenis = ""
    judul = ""
    keterangan = ""
    wajib = ()
    kolom_nilai = {}
    perlu_triwulan = False
    perlu_versi = True

    def periksa(self, impor):
        """The preview of the stored file ``impor`` against the current data.
        Never writes."""
        pratinjau = Pratinjau()
        try:
            pratinjau.lembar, baris = sipd.baris_impor(
                impor, self.wajib, self.kolom_nilai
            )
        except GalatBerkas as exc:
            pratinjau.galat.append(Masalah(None, str(exc)))
            return pratinjau
        pratinjau.jumlah_baris = len(baris)
        if not baris:
            pratinjau.galat.append(Masalah(None, "Berkas tidak berisi baris data."))
            return pratinjau
        self.susun(impor, baris, pratinjau)
        return pratinjau

    def susun(self, impor, baris, pratinjau):  # pragma: no cover - abstract
        raise NotImplementedError

    def terapkan(self, pratinjau):
        for langkah in pratinjau.langkah:
            langkah()

    # helpers for subclasses

    @staticmethod
    def kode_baris(baris, impor, pratinjau):
        """The row's full sub kegiatan code, or None after recording the error."""
        try:
            return sipd.kode_lengkap(baris, impor.instansi.kode_urusan)
        except GalatBaris as exc:
            pratinjau.galat.append(Masalah(baris.nomor, kalimat_galat(exc)))
            return None

    @staticmethod
    def uang(baris, kolom, label, pratinjau):
        try:
            return sipd.rupiah(baris.sel.get(kolom), label)
        except GalatBaris as exc:
            pratinjau.galat.append(Masalah(baris.nomor, kalimat_galat(exc)))
            return None


def kalimat_galat(exc):
    teks = str(exc)
    return teks[:1].upper() + teks[1:] + ("" if teks.endswith(".") else ".")


IMPORTIR = {}


def daftarkan(kelas):
    """Class decorator: make an importer available to the import screens (by
    ``jenis``). Importers keep no state between calls."""
    IMPORTIR[kelas.jenis] = kelas()
    return kelas


def importir_untuk(jenis):
    try:
        return IMPORTIR[jenis]
    except KeyError:
        raise GalatImpor(f"Jenis impor “{jenis}” tidak dikenal.") from None


def sub_kegiatan_tahun(instansi, tahun):
    """``{kode: SubKegiatan}`` of the year, with every budget version."""
    return {
        s.kode: s
        for s in SubKegiatan.objects.filter(
            kegiatan__program__periode__instansi=instansi,
            kegiatan__program__tahun=tahun,
        )
        .select_related("kegiatan__program")
        .prefetch_related("anggaran__rincian")
    }


def anggaran_versi(sub, versi):
    """The budget row of ``versi`` among the prefetched ones, or None."""
    return next((a for a in sub.anggaran.all() if a.versi == versi), None)


def simpan_nanti(objek, **ubah):
    """A write step: set ``ubah`` on ``objek`` and save it (run at apply)."""

    def langkah():
        for nama, nilai in ubah.items():
            setattr(objek, nama, nilai)
        objek.save()

    return langkah


def rincian_per_rekening(anggaran, sub, rekening_berkas, pratinjau):
    """``{kode rekening: RincianBelanja}`` of ``anggaran`` (None: no lines); warns
    for every code of ``rekening_berkas`` that has no line there."""
    rincian = {r.kode_rekening: r for r in anggaran.rincian.all()} if anggaran else {}
    for rekening in rekening_berkas:
        if rekening not in rincian:
            pratinjau.peringatan.append(
                Masalah(
                    None,
                    f"Sub kegiatan {sub.kode}: kode rekening {rekening} tidak ada "
                    "dalam rincian belanja DPA; hanya dijumlahkan ke sub kegiatan.",
                )
            )
    return rincian


# The import flow: upload (check, preview), confirm (apply), cancel.


def unggah_impor(instansi, jenis, tahun, berkas, oleh, opsi=None):
    """Store an uploaded file as an ``ImporSIPD`` and check it.

    Refuses (``GalatBerkas``, nothing stored) what is not an .xlsx file or is too
    large. Otherwise returns ``(impor, pratinjau)``; the record's status is
    ``pratinjau`` (may be confirmed) or ``ditolak`` (rows that cannot be used).
    """
    importir = importir_untuk(jenis)
    sipd.periksa_berkas(berkas.name, berkas.size)
    isi = berkas.read()
    sipd.periksa_berkas(berkas.name, len(isi), isi)
    impor = ImporSIPD(
        instansi=instansi,
        jenis=jenis,
        tahun=tahun,
        opsi=opsi or {},
        nama_file=berkas.name[:255],
        ukuran=len(isi),
        sidik=hashlib.sha256(isi).hexdigest(),
        isi=isi,
        diunggah_oleh=oleh,
    )
    pratinjau = importir.periksa(impor)
    _hitung(impor, pratinjau)
    impor.status = (
        ImporSIPD.Status.PRATINJAU
        if pratinjau.bisa_diterapkan
        else ImporSIPD.Status.DITOLAK
    )
    impor.save()
    return impor, pratinjau


def _hitung(impor, pratinjau):
    impor.jumlah_baris = pratinjau.jumlah_baris
    impor.jumlah_baru = pratinjau.baru
    impor.jumlah_berubah = pratinjau.berubah
    impor.jumlah_tetap = pratinjau.tetap
    impor.jumlah_galat = len(pratinjau.galat)


def pratinjau_impor(impor):
    """The preview of a stored import against the current data (read only)."""
    return importir_untuk(impor.jenis).periksa(impor)


def konfirmasi_impor(impor, oleh):
    """Apply a previewed import: checked again, then written in one transaction.

    Raises ``GalatImpor`` (nothing written) if the import is not waiting for
    confirmation or if its file now has rows that cannot be used. Returns the
    preview that was applied; the record holds who applied it and the counts.
    """
    importir = importir_untuk(impor.jenis)
    with transaction.atomic():
        impor = ImporSIPD.objects.select_for_update().get(pk=impor.pk)
        if impor.status != ImporSIPD.Status.PRATINJAU:
            raise GalatImpor(
                f"Impor ini berstatus “{impor.get_status_display()}” dan tidak dapat "
                "diterapkan."
            )
        impor.diterapkan_oleh = oleh  # the steps record who applied them
        pratinjau = importir.periksa(impor)
        if alasan := penjaga.tolakan(penjaga.dampak_impor(impor, pratinjau)):
            raise GalatImpor(alasan)  # it would change a Disahkan quarter
        if not pratinjau.bisa_diterapkan:
            raise GalatImpor(
                "Berkas tidak dapat diterapkan: "
                + "; ".join(_teks_masalah(m) for m in pratinjau.galat[:5])
            )
        importir.terapkan(pratinjau)
        _hitung(impor, pratinjau)
        impor.status = ImporSIPD.Status.DITERAPKAN
        impor.diterapkan_oleh = oleh
        impor.diterapkan_pada = timezone.now()
        impor.save()
        catat(
            impor.instansi,
            oleh,
            f"impor_{impor.jenis}",
            str(impor),
            {
                "baru": impor.jumlah_baru,
                "berubah": impor.jumlah_berubah,
                "tetap": impor.jumlah_tetap,
                "sidik": impor.sidik,
            },
        )
    return pratinjau


def batalkan_impor(impor, oleh):
    """Abandon an import waiting for confirmation (nothing is written)."""
    with transaction.atomic():
        impor = ImporSIPD.objects.select_for_update().get(pk=impor.pk)
        if impor.status != ImporSIPD.Status.PRATINJAU:
            raise GalatImpor(
                f"Impor ini berstatus “{impor.get_status_display()}”; tidak ada "
                "yang dibatalkan."
            )
        impor.status = ImporSIPD.Status.DIBATALKAN
        impor.diterapkan_oleh = oleh
        impor.diterapkan_pada = timezone.now()
        impor.save(update_fields=["status", "diterapkan_oleh", "diterapkan_pada"])
    return impor


def _teks_masalah(masalah):
    if masalah.baris is None:
        return masalah.pesan
    return f"baris {masalah.baris}: {masalah.pesan}"
