"""The LKE screens: the list of evaluation years, the worksheet of one year
(answers, evidence and proposals, review, approval, recommendations), and the
actions posted from it. Every action goes through ``evaluasi.services``; a
refused input answers 400 with its Indonesian message and saves nothing."""

from django.conf import settings
from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from evaluasi import services
from evaluasi.akses import baca_evaluasi, instansi_aktif
from evaluasi.bukti import usulan_bukti
from evaluasi.models import KriteriaLke, PenilaianLke
from evaluasi.selectors import (
    bukti_instansi,
    hasil_lke,
    penilaian,
    rekomendasi_instansi,
    tahun_lke,
)
from lakip.peran import Peran, peran_pengguna
from laporan.dokumen.dasar import PEMBACA


@baca_evaluasi
def indeks(request):
    instansi = instansi_aktif(request)
    status = dict(
        PenilaianLke.objects.filter(instansi=instansi).values_list("tahun", "status")
    )
    label = dict(PenilaianLke.Status.choices)
    daftar = [
        {"tahun": t, "status": label.get(status.get(t), "Belum diisi")}
        for t in tahun_lke()
    ]
    return render(request, "evaluasi/indeks.html", {"daftar": daftar})


def _halaman(request, tahun, status=200):
    instansi = instansi_aktif(request)
    hasil = hasil_lke(instansi, tahun)
    if hasil is None:
        raise Http404(f"Struktur LKE tahun {tahun} belum ditetapkan.")
    peran = peran_pengguna(request.user)
    p = hasil.penilaian
    keadaan = p.status if p else PenilaianLke.Status.DRAF
    usulan = usulan_bukti(instansi, tahun)
    for k in hasil.semua_kriteria:
        sudah = {b.tautan for b in k.bukti}
        k.usulan = [u for u in usulan.get(k.kriteria.kode, []) if u.tautan not in sudah]
    konteks = {
        "tahun": tahun,
        "hasil": hasil,
        "penilaian": p,
        "celah": hasil.celah(10),
        "boleh_isi": Peran.PERENCANAAN in peran and keadaan == PenilaianLke.Status.DRAF,
        "boleh_setujui": Peran.PIMPINAN in peran
        and keadaan == PenilaianLke.Status.DRAF,
        "boleh_reviu": Peran.EVALUATOR in peran
        and keadaan == PenilaianLke.Status.DISETUJUI,
        "boleh_kembalikan": bool(peran & {Peran.PIMPINAN, Peran.EVALUATOR})
        and keadaan == PenilaianLke.Status.DISETUJUI,
        "boleh_rekomendasi": Peran.EVALUATOR in peran
        and keadaan == PenilaianLke.Status.FINAL,
        "boleh_tindak_lanjut": Peran.PERENCANAAN in peran,
        # the year's signing list (laporan.lampiran.views_tahun): its readers
        "tanda_tangan": bool(peran & set(PEMBACA)),
        "rekomendasi": list(p.rekomendasi.prefetch_related("tindak_lanjut"))
        if p
        else [],
        "riwayat": list(p.riwayat.select_related("oleh").order_by("-pada")[:20])
        if p
        else [],
    }
    return render(request, "evaluasi/lke.html", konteks, status=status)


@baca_evaluasi
def lke(request, tahun):
    return _halaman(request, tahun)


def _jalankan(request, tahun, fungsi, pesan):
    """Run a service; on ``GagalLke`` show the page again with the message (400)."""
    try:
        fungsi()
    except services.GagalLke as galat:
        messages.error(request, str(galat))
        return _halaman(request, tahun, status=400)
    messages.success(request, pesan)
    return None


def _kembali(tahun, jangkar=""):
    url = reverse("evaluasi:lke", args=[tahun])
    return redirect(url + (f"#{jangkar}" if jangkar else ""))


def _konteks_kriteria(request, tahun, kriteria_id):
    instansi = instansi_aktif(request)
    kriteria = get_object_or_404(
        KriteriaLke.objects.select_related("sub_komponen__skala"),
        pk=kriteria_id,
        sub_komponen__komponen__tahun=tahun,
    )
    try:
        p = services.buka_penilaian(instansi, tahun)
    except services.GagalLke as galat:
        raise Http404(str(galat)) from None
    return p, kriteria


@require_POST
@baca_evaluasi
def jawab(request, tahun, kriteria_id):
    p, kriteria = _konteks_kriteria(request, tahun, kriteria_id)
    gagal = _jalankan(
        request,
        tahun,
        lambda: services.simpan_jawaban(
            request.user,
            p,
            kriteria,
            request.POST.get("jawaban", ""),
            request.POST.get("catatan", ""),
        ),
        f"Jawaban kriteria {kriteria.kode} disimpan.",
    )
    return gagal or _kembali(tahun, f"k-{kriteria.kode}")


@require_POST
@baca_evaluasi
def bukti(request, tahun, kriteria_id):
    p, kriteria = _konteks_kriteria(request, tahun, kriteria_id)
    berkas = request.FILES.get("berkas")
    isi = None
    if berkas is not None:
        # Read one byte past the limit: a larger file is refused by its size.
        isi = (berkas.name, berkas.read(settings.LAKIP_BUKTI_MAKS + 1))
    gagal = _jalankan(
        request,
        tahun,
        lambda: services.tambah_bukti(
            request.user,
            p,
            kriteria,
            request.POST.get("judul", ""),
            request.POST.get("tautan", ""),
            berkas=isi,
        ),
        f"Bukti kriteria {kriteria.kode} ditambahkan.",
    )
    return gagal or _kembali(tahun, f"k-{kriteria.kode}")


@require_POST
@baca_evaluasi
def hapus_bukti(request, pk):
    objek = bukti_instansi(instansi_aktif(request), pk)
    tahun = objek.jawaban.penilaian.tahun
    kode = objek.jawaban.kriteria.kode
    gagal = _jalankan(
        request,
        tahun,
        lambda: services.hapus_bukti(request.user, objek),
        "Bukti dihapus.",
    )
    return gagal or _kembali(tahun, f"k-{kode}")


@require_POST
@baca_evaluasi
def reviu(request, tahun, kriteria_id):
    p, kriteria = _konteks_kriteria(request, tahun, kriteria_id)
    setuju = request.POST.get("setuju") == "1"
    gagal = _jalankan(
        request,
        tahun,
        lambda: services.reviu(
            request.user,
            p,
            kriteria,
            setuju,
            request.POST.get("jawaban", ""),
            request.POST.get("catatan", ""),
        ),
        f"Reviu kriteria {kriteria.kode} disimpan.",
    )
    return gagal or _kembali(tahun, f"k-{kriteria.kode}")


AKSI = {
    "setujui": (lambda r, p: services.setujui(r.user, p), "LKE disetujui."),
    "finalkan": (lambda r, p: services.finalkan(r.user, p), "LKE final."),
    "kembalikan": (
        lambda r, p: services.kembalikan(r.user, p, r.POST.get("catatan", "")),
        "LKE dikembalikan ke Perencanaan.",
    ),
}


@require_POST
@baca_evaluasi
def aksi(request, tahun):
    nama = request.POST.get("aksi", "")
    if nama not in AKSI:
        messages.error(request, "Aksi tidak dikenal.")
        return _halaman(request, tahun, status=400)
    p = penilaian(instansi_aktif(request), tahun)
    if p is None:
        raise Http404("LKE tahun ini belum diisi.")
    fungsi, pesan = AKSI[nama]
    return _jalankan(request, tahun, lambda: fungsi(request, p), pesan) or _kembali(
        tahun
    )


@require_POST
@baca_evaluasi
def rekomendasi(request, tahun):
    p = penilaian(instansi_aktif(request), tahun)
    if p is None:
        raise Http404("LKE tahun ini belum diisi.")
    gagal = _jalankan(
        request,
        tahun,
        lambda: services.tambah_rekomendasi(request.user, p, request.POST.get("teks")),
        "Rekomendasi dicatat.",
    )
    return gagal or _kembali(tahun, "rekomendasi")


@require_POST
@baca_evaluasi
def tindak_lanjut(request, pk):
    rek = rekomendasi_instansi(instansi_aktif(request), pk)
    tahun = rek.penilaian.tahun
    gagal = _jalankan(
        request,
        tahun,
        lambda: services.catat_tindak_lanjut(
            request.user,
            rek,
            request.POST.get("tahun", ""),
            request.POST.get("triwulan", ""),
            request.POST.get("uraian", ""),
            request.POST.get("selesai") == "1",
        ),
        "Tindak lanjut dicatat.",
    )
    return gagal or _kembali(tahun, "rekomendasi")
