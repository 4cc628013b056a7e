"""Evidence for the LKE: what lakip already holds for each criterion (proposed
by criterion code), and the check of an uploaded file."""

from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count
from django.urls import reverse

from evaluasi.jenis_dokumen import IKU
from lakip.format import format_tanggal, format_triwulan
from laporan.models import BerkasLaporan, DokumenTerbit, Laporan
from realisasi.models import EntriTriwulan, RealisasiIndikator
from renstra.models import PerjanjianKinerja
from renstra.selectors import id_indikator_instansi, periode_untuk_tahun


@dataclass(frozen=True)
class Usulan:
    """A piece of evidence lakip already has: ``jenis`` is always ``tautan``."""

    judul: str
    tautan: str
    jenis: str = "tautan"


# Which sources answer which criterion (codes of PermenPAN-RB 88/2021).
PETA = {
    "1.a.3": ["renstra"],
    "1.a.4": ["rencana_tahun"],
    "1.a.5": ["rencana_tahun"],
    "1.a.6": ["rencana_tahun"],
    "1.b.1": ["pk"],
    "1.b.4": ["pohon"],
    "1.b.5": ["iku"],
    "1.b.6": ["manual_ik"],
    "1.b.8": ["pohon"],
    "1.b.9": ["pohon"],
    "1.b.10": ["pk"],
    "1.b.11": ["pk"],
    "1.c.4": ["pengukuran"],
    "2.a.2": ["manual_ik"],
    "2.a.3": ["pengukuran"],
    "2.b.1": ["pengukuran"],
    "2.b.4": ["pengukuran"],
    "2.b.5": ["pernyataan"],
    "2.b.6": ["pengukuran"],
    "2.b.7": ["pengukuran"],
    "3.a.1": ["lakip"],
    "3.a.2": ["lakip"],
    "3.a.3": ["lakip"],
    "3.a.6": ["lakip"],
    "3.b.3": ["lakip"],
    "3.b.4": ["lakip"],
    "4.a.2": ["evaluasi"],
    "4.a.3": ["pernyataan"],
    "4.c.1": ["tindak_lanjut"],
}


def _tw(tahun, triwulan):
    return f"Triwulan {format_triwulan(triwulan)} Tahun {tahun}"


def _terbit(instansi, tahun, jenis):
    return [
        Usulan(
            f"{d.judul} — {_tw(d.tahun, d.triwulan)}, ditandatangani "
            f"{format_tanggal(d.ditandatangani_pada.date())} (kode {d.kode})",
            reverse("verifikasi", args=[d.kode]),
        )
        for d in DokumenTerbit.objects.filter(
            instansi=instansi, tahun=tahun, jenis=jenis
        ).order_by("triwulan", "judul")
    ]


def _sumber(instansi, tahun):
    """Every source's evidence of ``instansi`` for ``tahun`` (fixed queries)."""
    rencana = reverse("renstra:pohon") + f"?tahun={tahun}"
    periode = periode_untuk_tahun(instansi, tahun)
    sumber = {
        "renstra": [Usulan(f"Dokumen Renstra: {periode}", rencana)] if periode else [],
        "rencana_tahun": [
            Usulan(
                f"Rencana {tahun}: program, kegiatan, sub kegiatan, target "
                "triwulan (rencana aksi) dan DPA",
                rencana,
            )
        ],
        "pohon": [
            Usulan(
                f"Pohon kinerja {tahun} (cascading dan crosscutting)",
                reverse("evaluasi:pohon", args=[tahun]),
            )
        ],
        "iku": [
            Usulan(
                f"Dokumen IKU {tahun}",
                reverse("laporan:dokumen_pdf_tahun", args=[tahun, IKU]),
            )
        ],
        "manual_ik": [
            Usulan(
                f"Manual Indikator Kinerja {tahun}",
                reverse("evaluasi:manual_ik", args=[tahun]),
            )
        ],
        "pk": [
            Usulan(str(pk), reverse("laporan:pk_dokumen", args=[pk.pk]))
            for pk in PerjanjianKinerja.objects.filter(
                instansi=instansi, tahun=tahun
            ).select_related("pihak_pertama")
        ],
        "pernyataan": _terbit(instansi, tahun, DokumenTerbit.Jenis.PERNYATAAN),
        "evaluasi": _terbit(instansi, tahun, DokumenTerbit.Jenis.EVALUASI),
        "tindak_lanjut": [
            Usulan(
                "Rekomendasi LHE dan tindak lanjutnya",
                reverse("evaluasi:lke", args=[tahun]) + "#rekomendasi",
            )
        ],
    }
    sumber["pengukuran"] = _pengukuran(instansi, tahun)
    sumber["lakip"] = _lakip(instansi, tahun)
    return sumber


def _pengukuran(instansi, tahun):
    """The quarters measured in the app, with the workflow history of the
    quarterly entries."""
    terisi = dict(
        RealisasiIndikator.objects.filter(
            indikator__in=id_indikator_instansi(instansi), tahun=tahun
        )
        .values_list("triwulan")
        .annotate(n=Count("pk"))
    )
    riwayat = dict(
        EntriTriwulan.objects.filter(unit__instansi=instansi, tahun=tahun)
        .values_list("triwulan")
        .annotate(n=Count("riwayat"))
    )
    hasil = []
    for triwulan in sorted(set(terisi) | set(riwayat)):
        hasil.append(
            Usulan(
                f"Pengukuran kinerja {_tw(tahun, triwulan)}: "
                f"{terisi.get(triwulan, 0)} realisasi indikator, "
                f"{riwayat.get(triwulan, 0)} langkah persetujuan tercatat",
                reverse("realisasi:status") + f"?tahun={tahun}&triwulan={triwulan}",
            )
        )
    return hasil


def _lakip(instansi, tahun):
    """The LAKIP triwulan of the year with the date each was last generated."""
    dibuat = defaultdict(lambda: None)
    for b in BerkasLaporan.objects.filter(
        laporan__instansi=instansi,
        laporan__tahun=tahun,
        status=BerkasLaporan.Status.SELESAI,
    ).order_by("selesai_pada"):
        dibuat[b.laporan.triwulan] = b.selesai_pada
    hasil = []
    for lap in Laporan.objects.filter(instansi=instansi, tahun=tahun).order_by(
        "triwulan"
    ):
        judul = f"LAKIP {_tw(tahun, lap.triwulan)}"
        if dibuat[lap.triwulan]:
            judul += f", dibuat {format_tanggal(dibuat[lap.triwulan].date())}"
        hasil.append(
            Usulan(judul, reverse("laporan:lakip", args=[tahun, lap.triwulan]))
        )
    return hasil


def usulan_bukti(instansi, tahun):
    """``{criterion code: [Usulan]}``: the evidence lakip already has for the
    criteria it can answer, for ``instansi`` and evaluation year ``tahun``."""
    sumber = _sumber(instansi, tahun)
    hasil = {}
    for kode, daftar in PETA.items():
        usulan = [u for nama in daftar for u in sumber[nama]]
        if usulan:
            hasil[kode] = usulan
    return hasil


# (magic bytes, extension set, MIME type)
JENIS_BERKAS = [
    (b"%PDF-", {".pdf"}, "application/pdf"),
    (b"\x89PNG\r\n\x1a\n", {".png"}, "image/png"),
    (b"\xff\xd8\xff", {".jpg", ".jpeg"}, "image/jpeg"),
    (
        b"PK\x03\x04",
        {".xlsx"},
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ),
]


class BerkasDitolak(ValueError):
    """An upload that is not evidence lakip keeps (Indonesian message)."""


def periksa_berkas(nama, isi):
    """The MIME type of an upload whose name and first bytes agree on PDF, PNG,
    JPEG or xlsx and whose size is within ``LAKIP_BUKTI_MAKS``; else
    ``BerkasDitolak``."""
    batas = getattr(settings, "LAKIP_BUKTI_MAKS", 5 * 1024 * 1024)
    if not isi:
        raise BerkasDitolak("Berkas kosong.")
    if len(isi) > batas:
        raise BerkasDitolak(
            f"Berkas terlalu besar: paling besar {batas // (1024 * 1024)} MB."
        )
    akhiran = "." + nama.rsplit(".", 1)[-1].lower() if "." in nama else ""
    for awal, ekstensi, tipe in JENIS_BERKAS:
        if akhiran in ekstensi and isi.startswith(awal):
            return tipe
    raise BerkasDitolak(
        "Bukti hanya boleh berkas PDF, gambar (PNG/JPEG), atau Excel (xlsx)."
    )
