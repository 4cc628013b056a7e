"""The report data: every figure of one agency, year and quarter, computed once.

``bangun_data_laporan`` is the single source the JSON export, the LAKIP document,
the dashboard and the Excel exports read. Its number of database queries is fixed:
it does not grow with the number of programs, sub kegiatan or indicators.
"""

from dataclasses import dataclass, field

from lakip import perhitungan as hitung
from lakip import selectors as lakip_sel
from lakip.models import Instansi
from lakip.triwulan import periksa_periode
from realisasi import selectors as realisasi_sel
from renstra import selectors as renstra_sel

TINGKAT_URUT = {"sasaran": 0, "program": 1, "kegiatan": 2, "sub_kegiatan": 3}
VERSI_DPA = ["perubahan", "murni"]  # a sum states the later version if any part has it


@dataclass
class BarisAnggaran:
    """Budget of a sub kegiatan, or the sum of its children for a kegiatan,
    program or the whole agency. Money in whole rupiah."""

    tingkat: str
    kode: str
    nama: str
    pagu: int
    anggaran_kas: int
    realisasi: int
    anak: list = field(default_factory=list)
    unit: str = ""
    objek: object = None
    # DPA version used: "murni", "perubahan" (for a sum: if any part uses it),
    # or "" without a budget; ``pagu_murni`` is the DPA murni's pagu.
    versi_dpa: str = ""
    pagu_murni: int = 0

    @classmethod
    def jumlah_dari(cls, tingkat, kode, nama, anak, objek=None):
        """A row whose money is the sum of ``anak``: never typed in."""
        versi = {a.versi_dpa for a in anak}
        return cls(
            tingkat=tingkat,
            kode=kode,
            nama=nama,
            pagu=hitung.jumlah(a.pagu for a in anak),
            anggaran_kas=hitung.jumlah(a.anggaran_kas for a in anak),
            realisasi=hitung.jumlah(a.realisasi for a in anak),
            anak=anak,
            objek=objek,
            versi_dpa=next((v for v in VERSI_DPA if v in versi), ""),
            pagu_murni=hitung.jumlah(a.pagu_murni for a in anak),
        )

    @property
    def persen_kas(self):
        """Realisation against the cash plan up to the quarter (unrounded)."""
        return hitung.persen_serapan(self.realisasi, self.anggaran_kas)

    @property
    def persen_pagu(self):
        """Realisation against the year's pagu (unrounded)."""
        return hitung.persen_serapan(self.realisasi, self.pagu)


@dataclass
class BarisIndikator:
    """One indicator with its targets, realisation and capaian for the quarter.

    ``realisasi`` is the quarter's own value; ``realisasi_kumulatif`` the
    year-to-date value by the indicator's kind (equal in TW I). Values are
    unrounded; ``TakTerhitung`` where a figure cannot be computed.
    """

    objek: object
    tingkat: str
    kode: str | None
    pemilik: str
    penanggung_jawab: object
    nama: str
    satuan: str
    polaritas: str
    jenis: str
    target_tahun: object
    target_tw: list
    target_renstra: object
    realisasi: object
    realisasi_kumulatif: object
    realisasi_per_tw: dict
    pembilang: object
    penyebut: object
    keterangan: str
    capaian_tahun: object
    capaian_tw: object
    capaian_renstra: object
    target_tahun_lalu: object
    realisasi_tahun_lalu: object
    capaian_tahun_lalu: object


@dataclass
class DataLaporan:
    instansi: Instansi
    tahun: int
    triwulan: int
    periode: object
    sasaran: list
    anggaran: BarisAnggaran
    indikator: list
    anggaran_sasaran: list = field(default_factory=list)
    misi: list = field(default_factory=list)
    pegawai: dict = field(default_factory=dict)
    kepala: object = None

    @property
    def versi_dpa(self):
        """The DPA version the budget figures use: "perubahan" if any sub
        kegiatan's revised budget is in force, else "murni" ("" without budget)."""
        return self.anggaran.versi_dpa

    def indikator_tingkat(self, tingkat):
        return [i for i in self.indikator if i.tingkat == tingkat]

    def indikator_milik(self, objek):
        """Indicators whose owner is ``objek`` (a sasaran, program, kegiatan or
        sub kegiatan)."""
        return [i for i in self.indikator if i.objek.induk == objek]

    @property
    def jumlah_pegawai(self):
        """Staff counted in Tabel 1.1-1.3 (each table sums to it)."""
        return sum(n for _, n in self.pegawai.get("golongan", []))

    def iku_sasaran(self, sasaran):
        """The IKU (sasaran-level indicators) of ``sasaran``, in plan order."""
        return [
            i
            for i in self.indikator
            if i.tingkat == "sasaran" and i.objek.sasaran_id == sasaran.pk
        ]


def _anggaran_sub_kegiatan(sub, triwulan, realisasi_per_tw):
    anggaran = renstra_sel.anggaran_berlaku(sub)
    murni = renstra_sel.anggaran_murni(sub)
    realisasi = realisasi_sel.jumlah_sampai(realisasi_per_tw, triwulan) or 0
    return BarisAnggaran(
        tingkat="sub_kegiatan",
        kode=sub.kode,
        nama=sub.nama,
        pagu=anggaran.pagu if anggaran else 0,
        anggaran_kas=(
            hitung.kas_kumulatif(anggaran.kas_per_triwulan, triwulan) if anggaran else 0
        ),
        realisasi=realisasi,
        unit=sub.unit.nama,
        objek=sub,
        versi_dpa=anggaran.versi if anggaran else "",
        pagu_murni=murni.pagu if murni else 0,
    )


def bangun_anggaran(instansi, program, triwulan, realisasi=None):
    """The budget tree (agency → program → kegiatan → sub kegiatan).
    ``realisasi`` is ``realisasi_sel.realisasi_anggaran`` of the program's sub
    kegiatan when the caller has it (read otherwise)."""
    if realisasi is None:
        semua_sub = [
            s for p in program for k in p.kegiatan.all() for s in k.sub_kegiatan.all()
        ]
        realisasi = realisasi_sel.realisasi_anggaran([s.pk for s in semua_sub])
    baris_program = []
    for p in program:
        baris_kegiatan = []
        for k in p.kegiatan.all():
            baris_sub = [
                _anggaran_sub_kegiatan(s, triwulan, realisasi.get(s.pk, {}))
                for s in k.sub_kegiatan.all()
            ]
            baris_kegiatan.append(
                BarisAnggaran.jumlah_dari("kegiatan", k.kode, k.nama, baris_sub, k)
            )
        baris_program.append(
            BarisAnggaran.jumlah_dari("program", p.kode, p.nama, baris_kegiatan, p)
        )
    return BarisAnggaran.jumlah_dari(
        "instansi", "", instansi.nama, baris_program, instansi
    )


def bangun_anggaran_sasaran(sasaran, anggaran):
    """Per sasaran, the budget of the programs that serve it: a ``BarisAnggaran``
    (tingkat ``sasaran``) whose children are those programs' rows and whose money
    is their sum. Programs serving no sasaran of the list appear in none."""
    hasil = []
    for s in sasaran:
        program = [p for p in anggaran.anak if p.objek.sasaran_id == s.pk]
        hasil.append(BarisAnggaran.jumlah_dari("sasaran", s.kode, s.nama, program, s))
    return hasil


def _nilai_target(target, nama):
    return getattr(target, nama) if target is not None else None


def bangun_indikator(ind, tahun, triwulan, realisasi):
    """One ``BarisIndikator`` from an indicator with ``target_per_tahun`` and the
    realisation lookup of ``realisasi_sel.nilai_realisasi_indikator``."""
    target = ind.target_per_tahun.get(tahun)
    target_tw = {t: _nilai_target(target, f"target_tw{t}") for t in range(1, 5)}
    entri = realisasi.get((ind.pk, tahun), {})
    per_tw = {t: realisasi_sel.nilai_realisasi(ind, e) for t, e in entri.items()}
    nilai_tw = per_tw.get(triwulan)
    kumulatif = hitung.realisasi_kumulatif(ind.jenis, per_tw, triwulan)
    entri_tw = entri.get(triwulan)

    target_lalu = _nilai_target(ind.target_per_tahun.get(tahun - 1), "target")
    entri_lalu = realisasi.get((ind.pk, tahun - 1), {})
    per_tw_lalu = {
        t: realisasi_sel.nilai_realisasi(ind, e) for t, e in entri_lalu.items()
    }
    realisasi_lalu = hitung.realisasi_kumulatif(ind.jenis, per_tw_lalu, 4)

    induk = ind.induk
    return BarisIndikator(
        objek=ind,
        tingkat=ind.tingkat,
        kode=None if ind.tingkat == "sasaran" else induk.kode,
        pemilik=induk.nama,
        penanggung_jawab=ind.pemilik,
        nama=ind.nama,
        satuan=ind.satuan,
        polaritas=ind.polaritas,
        jenis=ind.jenis,
        target_tahun=_nilai_target(target, "target"),
        target_tw=[target_tw[t] for t in range(1, 5)],
        target_renstra=ind.target_renstra,
        realisasi=hitung.TANPA_REALISASI if nilai_tw is None else nilai_tw,
        realisasi_kumulatif=kumulatif,
        realisasi_per_tw=per_tw,
        pembilang=entri_tw.pembilang if entri_tw else None,
        penyebut=entri_tw.penyebut if entri_tw else None,
        keterangan=entri_tw.keterangan if entri_tw else "",
        capaian_tahun=hitung.capaian(
            _nilai_target(target, "target"), kumulatif, ind.polaritas
        ),
        capaian_tw=hitung.capaian(target_tw[triwulan], nilai_tw, ind.polaritas),
        capaian_renstra=hitung.capaian(ind.target_renstra, kumulatif, ind.polaritas),
        target_tahun_lalu=target_lalu,
        realisasi_tahun_lalu=realisasi_lalu,
        capaian_tahun_lalu=hitung.capaian(target_lalu, realisasi_lalu, ind.polaritas),
    )


def _urutan_indikator(ind):
    induk = ind.induk
    return (TINGKAT_URUT[ind.tingkat], getattr(induk, "urutan", 0), ind.urutan, ind.pk)


def bangun_data_laporan(instansi, tahun, triwulan, rencana=None):
    """Compute the whole report for ``instansi``, ``tahun`` and ``triwulan`` (1-4).

    Guarantees: money rows of programs, kegiatan and the agency are sums of their
    sub kegiatan; every percentage comes from ``lakip.perhitungan``; the number of
    queries does not depend on the amount of data. ``rencana`` is
    ``baca_rencana(instansi, tahun)`` when the caller has it (read otherwise).
    """
    return _bangun(instansi, tahun, [triwulan], rencana)[0]


def bangun_data_laporan_tahun(instansi, tahun, sampai_triwulan, rencana=None):
    """The report data of TW I up to ``sampai_triwulan`` of ``tahun``: item
    ``t - 1`` equals ``bangun_data_laporan(instansi, tahun, t)``. The plan and
    the realisations are read once for all quarters (the queries of one build)."""
    return _bangun(instansi, tahun, range(1, sampai_triwulan + 1), rencana)


@dataclass
class Rencana:
    """What the report data reads of the plan and the organisation for one
    year: nothing of what was achieved, so it may be kept until the plan
    changes (``laporan.data_tersimpan.rencana_laporan``)."""

    periode: object
    program: list
    indikator: list  # in report order, each with ``target_per_tahun``
    sasaran: list
    misi: list
    pegawai: dict
    kepala: object


def baca_rencana(instansi, tahun):
    """The ``Rencana`` of ``instansi``'s ``tahun`` (a fixed number of
    queries)."""
    periode = renstra_sel.periode_untuk_tahun(instansi, tahun)
    return Rencana(
        periode=periode,
        program=renstra_sel.program_tahun(instansi, tahun),
        indikator=sorted(
            renstra_sel.indikator_tahun(instansi, tahun), key=_urutan_indikator
        ),
        sasaran=renstra_sel.sasaran_periode(periode),
        misi=list(periode.misi.all()) if periode is not None else [],
        pegawai=lakip_sel.rekap_pegawai(instansi),
        kepala=lakip_sel.kepala_instansi(instansi),
    )


def _bangun(instansi, tahun, triwulan_triwulan, rencana=None):
    triwulan_triwulan = list(triwulan_triwulan)
    if not triwulan_triwulan:
        raise ValueError("Triwulan harus 1, 2, 3, atau 4.")
    for t in triwulan_triwulan:
        periksa_periode(tahun, t)
    if rencana is None:
        rencana = baca_rencana(instansi, tahun)
    periode, program, indikator = rencana.periode, rencana.program, rencana.indikator
    sasaran, misi = rencana.sasaran, rencana.misi
    pegawai, kepala = rencana.pegawai, rencana.kepala
    realisasi = realisasi_sel.nilai_realisasi_indikator(
        [i.pk for i in indikator], [tahun, tahun - 1]
    )
    uang = realisasi_sel.realisasi_anggaran(
        [s.pk for p in program for k in p.kegiatan.all() for s in k.sub_kegiatan.all()]
    )
    hasil = []
    for triwulan in triwulan_triwulan:
        anggaran = bangun_anggaran(instansi, program, triwulan, uang)
        hasil.append(
            DataLaporan(
                instansi=instansi,
                tahun=tahun,
                triwulan=triwulan,
                periode=periode,
                sasaran=sasaran,
                anggaran=anggaran,
                indikator=[
                    bangun_indikator(i, tahun, triwulan, realisasi) for i in indikator
                ],
                anggaran_sasaran=bangun_anggaran_sasaran(sasaran, anggaran),
                misi=misi,
                pegawai=pegawai,
                kepala=kepala,
            )
        )
    return hasil


def bangun_belanja(sub_kegiatan, triwulan):
    """The expenditure lines of ``sub_kegiatan``'s budget in force: a
    ``BarisAnggaran`` (tingkat ``sub_kegiatan``) whose children are the lines
    (tingkat ``rincian``, ``kode`` = kode rekening) and whose money is their sum.
    ``anggaran_kas`` is the cash plan up to ``triwulan``; ``realisasi`` the
    latest cumulative figure entered up to ``triwulan``."""
    anggaran = renstra_sel.anggaran_berlaku(sub_kegiatan)
    rincian = list(anggaran.rincian.all()) if anggaran else []
    realisasi = realisasi_sel.realisasi_belanja(rincian)
    baris = []
    for r in rincian:
        baris.append(
            BarisAnggaran(
                tingkat="rincian",
                kode=r.kode_rekening,
                nama=r.uraian,
                pagu=r.pagu or 0,
                anggaran_kas=hitung.kas_kumulatif(r.kas_per_triwulan, triwulan),
                realisasi=realisasi_sel.jumlah_sampai(realisasi.get(r.pk, {}), triwulan)
                or 0,
                objek=r,
            )
        )
    return BarisAnggaran.jumlah_dari(
        "sub_kegiatan", sub_kegiatan.kode, sub_kegiatan.nama, baris, sub_kegiatan
    )
