"""The quarterly reports on a whole program (``laporan-program``) or kegiatan
(``laporan-kegiatan``) of a Bidang, for each program or kegiatan whose prose is
stored; signed by its PPTK, last in the unit carrying it out (after the unit's
recommendations, as the seed has the Bidang Pengembangan's program report,
lines 5486-5550)."""

from django.core.management.base import CommandError
from django.http import Http404

from laporan.dokumen.dasar import (
    TANGGAL_LAPORAN,
    Bagian,
    DokumenTtd,
    JenisDokumen,
    boleh_pembaca,
)
from laporan.dokumen.kunci import LAPORAN_KEGIATAN, LAPORAN_PROGRAM, kunci
from laporan.lampiran import program as lp
from realisasi.akses import unit_terlihat

OPSI = (("--kode", {"required": True, "help": "kode program/kegiatan"}),)


def _jenis(kode, tingkat, label, awalan):
    def daftar(k):
        """The reports of the quarter, by code."""
        hasil = [
            lp.susun_laporan_program(
                k.instansi, k.tahun, k.triwulan, tingkat, pk, data=k.data
            )
            for pk in lp.laporan_ada(k.instansi, k.tahun, tingkat)
        ]
        return sorted(hasil, key=lambda lap: lap.objek.kode)

    def bagian(k, akar):
        hasil = []
        for lap in daftar(k):
            milik = k.unit_akar(lap.unit.pk) if lap.unit else None
            if milik != akar:
                continue
            x = kunci(kode, lap.objek.pk)
            hasil.append(
                Bagian(
                    x,
                    kode,
                    f"Laporan {lap.judul}",
                    k.kelompok(akar),
                    lambda lap=lap: lp.render_html(lap, tanggal=TANGGAL_LAPORAN(k)),
                    terbit=k.terbit.get((kode, x)),
                )
            )
        return hasil

    def ttd(k):
        for lap in daftar(k):
            x = kunci(kode, lap.objek.pk)
            pptk = getattr(lap.objek, "pptk", None) or (
                lap.unit.kepala if lap.unit else None
            )
            yield DokumenTtd(
                jenis=kode,
                kunci=x,
                judul=f"Laporan {lap.judul}"[:300],
                penanda=pptk,
                subjek_nama=lap.objek.nama[:200],
                subjek_jabatan=tingkat.capitalize(),
                terbit=k.terbit.get((kode, x)),
                html=lambda t, lap=lap: lp.render_html(
                    lap, terbit=t, tanggal=TANGGAL_LAPORAN(k)
                ),
            )

    def boleh_unduh(user, instansi, pk):
        """The readers of the reports and the staff of the unit carrying it
        out; ``Http404`` for a program/kegiatan of another agency or without a
        report."""
        if boleh_pembaca(user, instansi, pk):
            return pk is None or _ada(instansi, pk) is not None
        if pk is None:
            return False
        uraian = _ada(instansi, pk)
        unit = lp.unit_objek(uraian.program or uraian.kegiatan)
        return unit is not None and unit.pk in {u.pk for u in unit_terlihat(user)}

    def _ada(instansi, pk):
        uraian = lp.punya_laporan(instansi, tingkat, pk)
        if uraian is None:
            raise Http404(f"Laporan {tingkat} tidak ada.")
        return uraian

    def nama_berkas(instansi, tahun, triwulan, pk=None):
        tengah = ""
        if pk is not None:
            objek = lp.objek_laporan(instansi, tahun, tingkat, pk)
            tengah = f"-{objek.kode}" if objek else ""
        return f"{awalan}{tengah}-{tahun}-TW{triwulan}.pdf"

    def perintah(instansi, tahun, triwulan, opsi):
        ada = lp.laporan_ada(instansi, tahun, tingkat)
        cocok = [
            pk
            for pk in ada
            if lp.objek_laporan(instansi, tahun, tingkat, pk).kode == opsi["kode"]
        ]
        if not cocok:
            raise CommandError(
                f"Tidak ada laporan {tingkat} {opsi['kode']} pada tahun {tahun}."
            )
        return [kunci(kode, cocok[0])], nama_berkas(instansi, tahun, triwulan, cocok[0])

    return JenisDokumen(
        berdata=True,
        kode=kode,
        label=label,
        tempat=(("unit_akhir", bagian),),
        nama_berkas=nama_berkas,
        ttd=ttd,
        boleh_unduh=boleh_unduh,
        perintah=perintah,
        opsi_perintah=OPSI,
        templat="laporan/lampiran/program.html",
        tanggal=TANGGAL_LAPORAN,
    )


JENIS_KEGIATAN = _jenis(LAPORAN_KEGIATAN, lp.KEGIATAN, "Laporan kegiatan", "KEGIATAN")
JENIS_PROGRAM = _jenis(LAPORAN_PROGRAM, lp.PROGRAM, "Laporan program", "PROGRAM")
