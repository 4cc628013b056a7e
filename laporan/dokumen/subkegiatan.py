"""The quarterly report of one sub kegiatan, signed by its PPTK; placed under
the official who carries the sub kegiatan out (or the evaluated head of its
unit), else at the end of its unit."""

from django.core.exceptions import PermissionDenied
from django.core.management.base import CommandError
from django.http import Http404
from django.urls import reverse

from lakip.peran import Peran, peran_pengguna
from laporan.dokumen.dasar import TANGGAL_LAPORAN, Bagian, DokumenTtd, JenisDokumen
from laporan.dokumen.kunci import SUB_KEGIATAN, kunci, urai_kunci
from laporan.lampiran import subkegiatan
from laporan.lampiran.uraian import uraian_kosong
from realisasi.akses import unit_terlihat
from renstra.models import SubKegiatan

# Roles that read sub kegiatan reports (units: their own).
PERAN = (
    Peran.PERENCANAAN,
    Peran.PIMPINAN,
    Peran.PEMERIKSA,
    Peran.KEPALA_UNIT,
    Peran.OPERATOR_UNIT,
)


def sub_kegiatan_tahun(instansi, tahun):
    """The sub kegiatan of ``instansi``'s budget year ``tahun``, by code."""
    return SubKegiatan.objects.filter(
        kegiatan__program__tahun=tahun,
        kegiatan__program__periode__instansi=instansi,
    ).order_by("kode")


def sub_terlihat(user, instansi, tahun):
    """The sub kegiatan of the year whose unit ``user`` may see."""
    return (
        sub_kegiatan_tahun(instansi, tahun)
        .filter(unit__in=unit_terlihat(user))
        .select_related("unit", "pptk", "pelaksana")
    )


def periksa_terlihat(user, sub):
    """``PermissionDenied`` unless ``user`` may see ``sub``'s unit."""
    tahun = sub.kegiatan.program.tahun
    instansi = sub.kegiatan.program.periode.instansi
    if not sub_terlihat(user, instansi, tahun).filter(pk=sub.pk).exists():
        raise PermissionDenied("Sub kegiatan ini bukan milik unit Anda.")


def _boleh_unduh(user, instansi, pk):
    if not peran_pengguna(user) & set(PERAN):
        return False
    sub = (
        SubKegiatan.objects.filter(pk=pk, kegiatan__program__periode__instansi=instansi)
        .select_related("kegiatan__program__periode__instansi")
        .first()
    )
    if sub is None:
        raise Http404("Sub kegiatan tidak ada.")
    periksa_terlihat(user, sub)
    return True


def _laporan(k, sub):
    """The report of ``sub``, dated by the kind's rule."""
    lap = subkegiatan.susun_laporan_sub_kegiatan(
        k.instansi, k.tahun, k.triwulan, sub.kode, data=k.data
    )
    x = kunci(SUB_KEGIATAN, sub.pk)
    lap.tanggal = JENIS.tanggal_dokumen(k, x, k.terbit.get((SUB_KEGIATAN, x)))
    return lap


def _bagian_sub(k, sub, kelompok):
    def buat():
        return subkegiatan.render_html(_laporan(k, sub))

    x = kunci(SUB_KEGIATAN, sub.pk)
    return Bagian(
        x,
        SUB_KEGIATAN,
        f"Laporan Sub Kegiatan {sub.kode} {sub.nama}",
        kelompok,
        buat,
        terbit=k.terbit.get((SUB_KEGIATAN, x)),
        kosong=lambda: uraian_kosong(sub),
    )


def _pejabat(k, pegawai):
    kelompok = k.kelompok_pegawai(pegawai)
    return [_bagian_sub(k, s, kelompok) for s in k.pemilik_sub.get(pegawai.pk, [])]


def _sisa(k, unit):
    pemilik = ("unit", unit.pk if unit is not None else None)
    return [_bagian_sub(k, s, k.kelompok(unit)) for s in k.pemilik_sub.get(pemilik, [])]


def _ttd(k):
    daftar = sub_kegiatan_tahun(k.instansi, k.tahun).select_related(
        "pptk__atasan", "pelaksana"
    )
    for sub in daftar:

        def html(t, sub=sub):
            return subkegiatan.render_html(_laporan(k, sub), terbit=t)

        x = kunci(SUB_KEGIATAN, sub.pk)
        terbit = k.terbit.get((SUB_KEGIATAN, x))
        pelaksana = sub.pelaksana
        yield DokumenTtd(
            jenis=SUB_KEGIATAN,
            kunci=x,
            judul=f"Laporan Sub Kegiatan {sub.kode} {sub.nama}"[:300],
            penanda=sub.pptk,
            subjek=pelaksana,
            subjek_nama=pelaksana.nama_lengkap if pelaksana else sub.nama,
            subjek_jabatan=pelaksana.jabatan if pelaksana else "Sub kegiatan",
            subjek_nip=pelaksana.nip if pelaksana else "",
            terbit=terbit,
            html=html,
            tanggal=JENIS.tanggal_dokumen(k, x, terbit),
            peran_penanda="PPTK",
            peran_subjek="Pelaksana teknis",
        )


def _perbaikan(k, x, aspek):
    """The unit writes the report's prose (or Perencanaan); Perencanaan names
    the PPTK and the pelaksana teknis on the sub kegiatan."""
    _kode, pk = urai_kunci(x)
    sub = (
        sub_kegiatan_tahun(k.instansi, k.tahun)
        .filter(pk=pk)
        .select_related("unit")
        .first()
    )
    if sub is None:
        return None
    if aspek == "isi":
        unit = sub.unit.nama if sub.unit_id else "unit pelaksana"
        return (
            f"Operator/Kepala unit {unit} atau Perencanaan",
            reverse("laporan:subkegiatan_uraian", args=[k.tahun, k.triwulan, sub.pk]),
        )
    if aspek in ("penanda", "subjek"):
        return (
            "Perencanaan (data sub kegiatan)",
            reverse("renstra:sub_kegiatan_ubah", args=[sub.pk]),
        )
    return None


def nama_berkas(instansi, tahun, triwulan, pk=None):
    """``SUBKEGIATAN-<kode>-2024-TW1.pdf`` (``SUBKEGIATAN-2024-TW1.pdf`` for
    all)."""
    kode = ""
    if pk is not None:
        kode = sub_kegiatan_tahun(instansi, tahun).filter(pk=pk).values_list("kode")
        kode = next(iter(kode), ("",))[0]
    tengah = f"-{kode}" if kode else ""
    return f"SUBKEGIATAN{tengah}-{tahun}-TW{triwulan}.pdf"


def _perintah(instansi, tahun, triwulan, opsi):
    sub = sub_kegiatan_tahun(instansi, tahun).filter(kode=opsi["kode"]).first()
    if sub is None:
        raise CommandError(f"Sub kegiatan {opsi['kode']} tidak ada pada tahun {tahun}.")
    try:
        subkegiatan.susun_laporan_sub_kegiatan(instansi, tahun, triwulan, sub.kode)
    except ValueError as galat:
        raise CommandError(str(galat)) from None
    return [kunci(SUB_KEGIATAN, sub.pk)], nama_berkas(instansi, tahun, triwulan, sub.pk)


JENIS = JenisDokumen(
    berdata=True,
    kode=SUB_KEGIATAN,
    label="Laporan sub kegiatan triwulan",
    tempat=(("pejabat", _pejabat), ("unit_akhir", _sisa)),
    nama_berkas=nama_berkas,
    ttd=_ttd,
    boleh_unduh=_boleh_unduh,
    perintah=_perintah,
    perbaikan=_perbaikan,
    opsi_perintah=(("--kode", {"required": True, "help": "kode sub kegiatan"}),),
    templat="laporan/lampiran/subkegiatan.html",
    tanggal=TANGGAL_LAPORAN,
)
