"""Every change to an LKE goes through one of these functions: each checks the
user's role and the LKE's state, records who and when (``RiwayatLke``), and
raises ``PermissionDenied`` (a role that may not) or ``GagalLke`` (a state or
input that does not allow it) with an Indonesian message, saving nothing.

Perencanaan answers and gathers evidence while the LKE is a draft; Pimpinan
approves it (or returns it); the Evaluator (Inspektorat) reviews each criterion
of an approved LKE and makes it final (read-only); the Evaluator records the
recommendations (rekomendasi LHE) of a final LKE, and Perencanaan records their
follow-up per quarter until done."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from evaluasi.bukti import BerkasDitolak, periksa_berkas
from evaluasi.models import (
    BuktiKriteria,
    JawabanKriteria,
    KomponenLke,
    KriteriaLke,
    PenilaianLke,
    RekomendasiLhe,
    RiwayatLke,
    TindakLanjut,
)
from lakip.peran import Peran, peran_pengguna
from lakip.triwulan import PeriodeTidakValid, periksa_periode

Status = PenilaianLke.Status


class GagalLke(ValueError):
    """A change the LKE's state or the input does not allow (Indonesian)."""


def _wajib_peran(user, peran, pesan):
    if peran not in peran_pengguna(user):
        raise PermissionDenied(pesan)


def _wajib_status(penilaian, status, pesan):
    if penilaian.status != status:
        raise GagalLke(pesan)


def _catat(penilaian, user, aksi, uraian=""):
    RiwayatLke.objects.create(penilaian=penilaian, oleh=user, aksi=aksi, uraian=uraian)


@transaction.atomic
def salin_struktur(dari, ke):
    """Copy the LKE structure of year ``dari`` (components, sub components,
    criteria) to year ``ke``, which must have none yet; returns the number of
    criteria copied."""
    if KomponenLke.objects.filter(tahun=ke).exists():
        raise GagalLke(f"Struktur LKE tahun {ke} sudah ada.")
    jumlah = 0
    for km in KomponenLke.objects.filter(tahun=dari).prefetch_related(
        "sub_komponen__kriteria"
    ):
        sub_lama = list(km.sub_komponen.all())
        km.pk, km.tahun = None, ke
        km.save()
        for sub in sub_lama:
            kriteria = list(sub.kriteria.all())
            sub.pk, sub.komponen = None, km
            sub.save()
            for k in kriteria:
                k.pk, k.sub_komponen = None, sub
            KriteriaLke.objects.bulk_create(kriteria)
            jumlah += len(kriteria)
    if not jumlah:
        raise GagalLke(f"Struktur LKE tahun {dari} belum ada.")
    return jumlah


def buka_penilaian(instansi, tahun):
    """The agency's LKE of ``tahun``, created as a draft on first use; a year
    without an LKE structure is refused."""
    if not KomponenLke.objects.filter(tahun=tahun).exists():
        raise GagalLke(f"Struktur LKE tahun {tahun} belum ditetapkan.")
    penilaian, _ = PenilaianLke.objects.get_or_create(instansi=instansi, tahun=tahun)
    return penilaian


def _kriteria_milik(penilaian, kriteria):
    if kriteria.sub_komponen.komponen.tahun != penilaian.tahun:
        raise GagalLke("Kriteria ini bukan bagian dari LKE tahun tersebut.")


def _pilihan(kriteria, kode):
    """The answer option ``kode`` of the criterion's scale, or ``GagalLke``."""
    skala = kriteria.sub_komponen.skala
    pilihan = skala.pilihan.filter(kode=(kode or "").strip().upper()).first()
    if pilihan is None:
        daftar = "/".join(skala.pilihan.values_list("kode", flat=True))
        raise GagalLke(f"Jawaban kriteria {kriteria.kode} harus salah satu: {daftar}.")
    return pilihan


def _jawaban_draf(user, penilaian, kriteria):
    _wajib_peran(user, Peran.PERENCANAAN, "Hanya Perencanaan yang mengisi LKE.")
    _wajib_status(
        penilaian,
        Status.DRAF,
        "LKE sudah disetujui atau final; isian tidak dapat diubah.",
    )
    _kriteria_milik(penilaian, kriteria)
    jawaban, _ = JawabanKriteria.objects.get_or_create(
        penilaian=penilaian, kriteria=kriteria
    )
    return jawaban


@transaction.atomic
def simpan_jawaban(user, penilaian, kriteria, kode_jawaban, catatan=""):
    """The agency's answer and note to one criterion of a draft LKE."""
    pilihan = _pilihan(kriteria, kode_jawaban)
    jawaban = _jawaban_draf(user, penilaian, kriteria)
    jawaban.jawaban = pilihan
    jawaban.catatan = catatan.strip()
    jawaban.diubah_oleh = user
    jawaban.diubah_pada = timezone.now()
    jawaban.save()
    _catat(penilaian, user, "jawab", f"{kriteria.kode}: {pilihan.kode}")
    return jawaban


def _tautan_aplikasi(tautan):
    tautan = (tautan or "").strip()
    if not tautan.startswith("/") or tautan.startswith("//"):
        raise GagalLke(
            "Tautan bukti harus menunjuk halaman atau dokumen aplikasi ini "
            "(diawali “/”)."
        )
    return tautan


@transaction.atomic
def tambah_bukti(user, penilaian, kriteria, judul, tautan="", berkas=None):
    """Evidence for one criterion of a draft LKE: a link to one of lakip's own
    pages/documents, or ``berkas=(name, bytes)`` (PDF, image, xlsx; bounded)."""
    judul = (judul or "").strip()
    if berkas is not None:
        nama, isi = berkas
        try:
            tipe = periksa_berkas(nama, isi)
        except BerkasDitolak as galat:
            raise GagalLke(str(galat)) from None
        data = {
            "jenis": BuktiKriteria.Jenis.BERKAS,
            "nama_berkas": nama[:200],
            "tipe_berkas": tipe,
            "isi": isi,
            "judul": judul or nama[:300],
        }
    else:
        if not judul:
            raise GagalLke("Judul bukti wajib diisi.")
        data = {"jenis": BuktiKriteria.Jenis.TAUTAN, "tautan": _tautan_aplikasi(tautan)}
        data["judul"] = judul[:300]
    jawaban = _jawaban_draf(user, penilaian, kriteria)
    bukti = BuktiKriteria.objects.create(jawaban=jawaban, dibuat_oleh=user, **data)
    _catat(penilaian, user, "bukti", f"{kriteria.kode}: {bukti.judul}")
    return bukti


@transaction.atomic
def hapus_bukti(user, bukti):
    penilaian = bukti.jawaban.penilaian
    _jawaban_draf(user, penilaian, bukti.jawaban.kriteria)
    _catat(penilaian, user, "hapus bukti", f"{bukti.jawaban.kriteria.kode}: {bukti}")
    bukti.delete()


@transaction.atomic
def setujui(user, penilaian):
    """Pimpinan approves the self-assessment (draft → approved)."""
    _wajib_peran(user, Peran.PIMPINAN, "Hanya Pimpinan yang menyetujui LKE.")
    _wajib_status(penilaian, Status.DRAF, "Hanya LKE berstatus draf yang disetujui.")
    jumlah = KriteriaLke.objects.filter(
        sub_komponen__komponen__tahun=penilaian.tahun
    ).count()
    terjawab = penilaian.jawaban.filter(jawaban__isnull=False).count()
    if terjawab < jumlah:
        raise GagalLke(
            f"Masih ada {jumlah - terjawab} kriteria yang belum dijawab; "
            "LKE belum dapat disetujui."
        )
    penilaian.status = Status.DISETUJUI
    penilaian.disetujui_oleh = user
    penilaian.disetujui_pada = timezone.now()
    penilaian.save()
    _catat(penilaian, user, "setujui")


@transaction.atomic
def kembalikan(user, penilaian, catatan):
    """Pimpinan or the Evaluator returns an approved LKE to draft, with a note."""
    if not peran_pengguna(user) & {Peran.PIMPINAN, Peran.EVALUATOR}:
        raise PermissionDenied("Hanya Pimpinan atau Evaluator yang mengembalikan LKE.")
    _wajib_status(
        penilaian, Status.DISETUJUI, "Hanya LKE yang sudah disetujui yang dikembalikan."
    )
    if not (catatan or "").strip():
        raise GagalLke("Alasan pengembalian wajib diisi.")
    penilaian.status = Status.DRAF
    penilaian.save()
    _catat(penilaian, user, "kembalikan", catatan.strip())


@transaction.atomic
def reviu(user, penilaian, kriteria, setuju, kode_jawaban="", catatan=""):
    """The Evaluator's review of one criterion of an approved LKE: agree, or set
    the value that stands over the agency's, with a note."""
    _wajib_peran(user, Peran.EVALUATOR, "Hanya Evaluator yang mereviu LKE.")
    _wajib_status(
        penilaian,
        Status.DISETUJUI,
        "Reviu hanya untuk LKE yang sudah disetujui Pimpinan dan belum final.",
    )
    _kriteria_milik(penilaian, kriteria)
    pilihan = None if setuju else _pilihan(kriteria, kode_jawaban)
    if not setuju and not (catatan or "").strip():
        raise GagalLke("Catatan wajib diisi bila Evaluator mengubah nilai.")
    jawaban, _ = JawabanKriteria.objects.get_or_create(
        penilaian=penilaian, kriteria=kriteria
    )
    jawaban.reviu_setuju = bool(setuju)
    jawaban.jawaban_evaluator = pilihan
    jawaban.catatan_evaluator = (catatan or "").strip()
    jawaban.direviu_oleh = user
    jawaban.direviu_pada = timezone.now()
    jawaban.save()
    hasil = "setuju" if setuju else f"nilai {pilihan.kode}"
    _catat(penilaian, user, "reviu", f"{kriteria.kode}: {hasil}")
    return jawaban


@transaction.atomic
def finalkan(user, penilaian):
    """The Evaluator closes the review: the LKE becomes final and read-only."""
    _wajib_peran(user, Peran.EVALUATOR, "Hanya Evaluator yang memfinalkan LKE.")
    _wajib_status(
        penilaian, Status.DISETUJUI, "Hanya LKE yang sudah disetujui yang difinalkan."
    )
    penilaian.status = Status.FINAL
    penilaian.difinalkan_oleh = user
    penilaian.difinalkan_pada = timezone.now()
    penilaian.save()
    _catat(penilaian, user, "finalkan")


@transaction.atomic
def tambah_rekomendasi(user, penilaian, teks):
    """A recommendation of the evaluation report on a final LKE (Evaluator)."""
    _wajib_peran(user, Peran.EVALUATOR, "Hanya Evaluator yang mencatat rekomendasi.")
    _wajib_status(penilaian, Status.FINAL, "Rekomendasi dicatat pada LKE yang final.")
    teks = (teks or "").strip()
    if not teks:
        raise GagalLke("Teks rekomendasi wajib diisi.")
    urutan = penilaian.rekomendasi.count() + 1
    rek = RekomendasiLhe.objects.create(
        penilaian=penilaian, urutan=urutan, teks=teks, dibuat_oleh=user
    )
    _catat(penilaian, user, "rekomendasi", teks)
    return rek


@transaction.atomic
def catat_tindak_lanjut(user, rekomendasi, tahun, triwulan, uraian, selesai=False):
    """The agency's follow-up of a recommendation in a quarter (Perencanaan);
    ``selesai`` closes the recommendation. A closed one takes no more."""
    _wajib_peran(
        user, Peran.PERENCANAAN, "Hanya Perencanaan yang mencatat tindak lanjut."
    )
    if rekomendasi.selesai:
        raise GagalLke("Rekomendasi ini sudah selesai ditindaklanjuti.")
    try:
        tahun, triwulan = periksa_periode(tahun, triwulan)
    except PeriodeTidakValid as galat:
        raise GagalLke(str(galat)) from None
    uraian = (uraian or "").strip()
    if not uraian:
        raise GagalLke("Uraian tindak lanjut wajib diisi.")
    tl = TindakLanjut.objects.create(
        rekomendasi=rekomendasi,
        tahun=tahun,
        triwulan=triwulan,
        uraian=uraian,
        selesai=bool(selesai),
        dibuat_oleh=user,
    )
    if selesai:
        rekomendasi.selesai = True
        rekomendasi.save(update_fields=["selesai"])
    _catat(rekomendasi.penilaian, user, "tindak lanjut", uraian)
    return tl
