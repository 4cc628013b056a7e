"""Wiring of evaluasi into laporan's extension points (``AppConfig.ready``):
the ``laporan lke|pohon|iku`` subcommands (their PDFs through the document
registry, ``evaluasi.jenis_dokumen``: as issued once signed), the dashboard
panel and the Kepala Dinas's "Tugas saya" for the yearly documents."""

from pathlib import Path

from django.core.management.base import CommandError
from django.template.loader import render_to_string

from lakip.tugas import daftarkan as daftarkan_tugas
from laporan.dasbor.panel import daftarkan_panel
from laporan.perintah import daftarkan_subperintah


def _tahun(parser):
    parser.add_argument("--tahun", type=int, required=True)


def _output(parser, wajib):
    parser.add_argument("--output", default="", required=wajib, help="berkas keluaran")


def _argumen_lke(parser):
    _tahun(parser)
    parser.add_argument("--format", choices=["json", "xlsx", "pdf"], default="json")
    _output(parser, False)


def _argumen_dokumen(parser):
    _tahun(parser)
    _output(parser, True)


def _tulis(command, output, isi):
    tujuan = Path(output)
    if not tujuan.parent.is_dir():
        raise CommandError(f"Folder “{tujuan.parent}” tidak ada.")
    tujuan.write_bytes(isi)
    command.stdout.write(f"Ditulis ke {tujuan}")


def _pdf(instansi, tahun, kode):
    """The document ``kode`` through the registry (as issued once signed)."""
    from django.http import Http404

    from evaluasi.jenis_dokumen import pdf_dokumen

    try:
        return pdf_dokumen(instansi, tahun, kode)
    except Http404 as galat:
        raise CommandError(str(galat)) from None


def jalankan_lke(command, instansi, options):
    from evaluasi import ekspor
    from evaluasi.jenis_dokumen import LKE
    from evaluasi.selectors import hasil_lke

    hasil = hasil_lke(instansi, options["tahun"])
    if hasil is None:
        raise CommandError(f"Struktur LKE tahun {options['tahun']} belum ditetapkan.")
    if options["format"] == "json":
        teks = ekspor.teks_json(hasil)
        if options["output"]:
            return _tulis(command, options["output"], teks.encode("utf-8"))
        return command.stdout.write(teks)
    if options["format"] == "xlsx":
        isi = ekspor.xlsx_lke(hasil, instansi)
        bawaan = f"LKE-{options['tahun']}-{instansi.kode}.xlsx"
    else:
        isi, bawaan = _pdf(instansi, options["tahun"], LKE)
    _tulis(command, options["output"] or bawaan, isi)


def jalankan_pohon(command, instansi, options):
    from evaluasi.jenis_dokumen import POHON

    _tulis(command, options["output"], _pdf(instansi, options["tahun"], POHON)[0])


def jalankan_iku(command, instansi, options):
    from evaluasi.jenis_dokumen import IKU

    _tulis(command, options["output"], _pdf(instansi, options["tahun"], IKU)[0])


def panel_lke(request, instansi):
    """The latest LKE score and the open follow-ups, on the dashboard."""
    from evaluasi.akses import PERAN_BACA
    from evaluasi.selectors import ringkasan_dasbor
    from lakip.peran import peran_pengguna

    if not peran_pengguna(request.user) & set(PERAN_BACA):
        return None  # e.g. the Sekretaris: the evaluation pages are not theirs
    ringkasan = ringkasan_dasbor(instansi)
    if ringkasan is None:
        return None
    return render_to_string("evaluasi/_panel_dasbor.html", ringkasan, request)


def dokumen_tahunan_belum(instansi, tahun):
    """``[(judul, penanda_pk)]`` of ``instansi``'s yearly documents of
    ``tahun`` that may be signed now and are not yet. Building the year's
    documents is dear and every page of the Kepala Dinas asks (the navbar's
    count): it is done once per version of the data and of the document
    records (``lakip.versi_data``; the evaluation is one of those records), not
    of the realisations, which they do not print."""
    from lakip.versi_data import DOKUMEN_RENCANA, tersimpan
    from laporan.lampiran.terbit import daftar_dokumen
    from laporan.models import DokumenTerbit

    def hitung():
        return [
            (d.judul, d.penanda.pk if d.penanda else None)
            for d in daftar_dokumen(instansi, tahun, DokumenTerbit.TAHUNAN)
            if d.siap
        ]

    return tersimpan(
        f"tugas-tahunan:{instansi.pk}:{tahun}", instansi.pk, hitung, DOKUMEN_RENCANA
    )


def tugas_tanda_tangan(user):
    """ "Tugas saya" of the Kepala Dinas: the evaluation's yearly documents of
    the two latest LKE years that may be signed now and are not yet."""
    from django.urls import reverse

    from evaluasi.selectors import tahun_lke
    from lakip.akses import instansi_pengguna, pegawai_pengguna
    from lakip.selectors import kepala_instansi
    from lakip.tugas import Tugas

    pegawai = pegawai_pengguna(user)
    instansi = instansi_pengguna(user)
    if pegawai is None or instansi is None or kepala_instansi(instansi) != pegawai:
        return []
    hasil = []
    for tahun in tahun_lke()[:2]:
        siap = [
            judul
            for judul, penanda_pk in dokumen_tahunan_belum(instansi, tahun)
            if penanda_pk == pegawai.pk
        ]
        if siap:
            hasil.append(
                Tugas(
                    "Tandatangani",
                    f"Tandatangani {len(siap)} dokumen tahunan {tahun}",
                    reverse("laporan:tanda_tangan_tahun", args=[tahun]),
                    ", ".join(siap),
                )
            )
    return hasil


def pasang():
    daftarkan_subperintah(
        "lke",
        "Lembar Kerja Evaluasi SAKIP (JSON, xlsx, atau PDF)",
        _argumen_lke,
        jalankan_lke,
    )
    daftarkan_subperintah(
        "pohon", "Pohon kinerja tahun itu (PDF)", _argumen_dokumen, jalankan_pohon
    )
    daftarkan_subperintah(
        "iku", "Dokumen Indikator Kinerja Utama (PDF)", _argumen_dokumen, jalankan_iku
    )
    daftarkan_panel(panel_lke)
    daftarkan_tugas(tugas_tanda_tangan)
