"""Kelengkapan: is every document of a quarter ready to be handed over, and if
not, what is missing, who must act and on which screen.

One row per document of the quarter: every part of the package
(``laporan.paket.bagian.daftar_bagian``, in package order), then the signable
documents (``JenisDokumen.ttd``) that have no part. A row checks:

- *isi* (data filled): the part's own content is not empty (``Bagian.kosong``,
  declared by its kind: a sub kegiatan report whose sections A-F are all
  unwritten). An empty document is left out of a package and listed as missing.
- *penanda* (signer and NIP known): the signer of a signable document is known
  and has a NIP, and so has every other person it prints with a NIP (the
  evaluated official of a pernyataan, the pelaksana teknis of a sub kegiatan:
  ``DokumenTtd.subjek``/``peran_subjek``). A signed document is checked on the
  persons frozen in its record.
- *pengesahan* (Disahkan): a kind that prints the quarter's figures
  (``JenisDokumen.berdata``) needs every unit's quarter Disahkan, the rule
  signing follows too (``laporan.lampiran.terbit.menunggu_pengesahan``).
- *tanda tangan*: whether the document is signed in the app. Information only.

Ready (``BarisKelengkapan.siap``) means: filled, signer and NIPs known,
Disahkan where the kind prints figures. Being signed in the app is not
required: the package prints every signature block with name and NIP, so an
unsigned page can be signed on paper (as the attendance lists always are), and
requiring all electronic signatures would keep the package a draft until some
eighty people have pressed a button. The row still says who has to sign.

A package is **final** when every document it holds is ready and no unit's
quarter is waiting for approval (``Kelengkapan.final``); empty documents are not
held (``tidak_dilampirkan``), so they do not make it a draft.
"""

from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.urls import reverse

from lakip import format as fmt
from laporan.dokumen import jenis_dokumen, semua_jenis
from laporan.draf import nama_unit, unit_draf
from laporan.paket.bagian import Bagian, daftar_bagian, label_jenis, susun_konteks

ISI = "isi"
PENANDA = "penanda"
SUBJEK = "subjek"
PENGESAHAN = "pengesahan"
TANDA_TANGAN = "tanda_tangan"

JUDUL = "Daftar Kelengkapan Dokumen"
KUNCI_BAGIAN = "kelengkapan"  # the readiness list as a package part


@dataclass(frozen=True)
class Kekurangan:
    """One thing a document lacks: what, who must act, where."""

    aspek: str
    teks: str
    pelaku: str
    tautan: str = ""
    wajib: bool = True  # False: information only (not signed yet)


@dataclass
class BarisKelengkapan:
    kunci: str
    jenis: str
    label: str  # the kind's label
    judul: str
    kelompok: str
    terisi: bool = True
    penanda: str = ""  # the signer as printed ("" for a kind not signed here)
    penanda_lengkap: bool | None = None  # None: the kind is not signed here
    disahkan: bool | None = None  # None: the kind prints no figures
    ditandatangani: bool | None = None  # None: the kind is not signed here
    kekurangan: list = field(default_factory=list)
    bagian: object = field(default=None, repr=False)  # its package part, if any

    @property
    def siap(self):
        """Ready for a final package: nothing required is missing."""
        return not any(k.wajib for k in self.kekurangan)

    @property
    def kosong(self):
        """Its own content is empty: left out of a package."""
        return not self.terisi

    @property
    def wajib(self):
        return [k for k in self.kekurangan if k.wajib]

    @property
    def wajib_selain_pengesahan(self):
        """The required items but the approval, which the printed list names
        once for the whole quarter."""
        return [k for k in self.wajib if k.aspek != PENGESAHAN]

    @property
    def pelaku(self):
        """Who must act, each named once, in the order of the items."""
        return list(dict.fromkeys(k.pelaku for k in self.kekurangan if k.wajib))


@dataclass
class Kelengkapan:
    instansi: object
    tahun: int
    triwulan: int
    baris: list
    unit_belum: list  # units whose quarter is not Disahkan

    @property
    def siap(self):
        return [b for b in self.baris if b.siap]

    @property
    def kurang(self):
        return [b for b in self.baris if not b.siap]

    @property
    def tidak_dilampirkan(self):
        """Rows left out of a package: their own content is empty."""
        return [b for b in self.baris if b.kosong]

    @property
    def dilampirkan(self):
        return [b for b in self.baris if not b.kosong]

    @property
    def final(self):
        """A package of these documents can be final: every document it holds
        is ready and every unit's quarter is Disahkan."""
        return not self.unit_belum and all(b.siap for b in self.dilampirkan)

    @property
    def judul_periode(self):
        return f"Triwulan {fmt.format_triwulan(self.triwulan)} Tahun {self.tahun}"


def _admin_pegawai(pegawai=None):
    if pegawai is None:
        return reverse("admin:lakip_pegawai_changelist")
    return reverse("admin:lakip_pegawai_change", args=[pegawai.pk])


def _perbaikan(konteks, jenis, kunci, aspek, bawaan):
    kind = jenis_dokumen(jenis)
    if kind is not None and kind.perbaikan is not None:
        hasil = kind.perbaikan(konteks, kunci, aspek)
        if hasil is not None:
            return hasil
    return bawaan


def _orang(konteks, baris, dok, aspek, pegawai, peran):
    """The items of one person the document prints (``pegawai`` or None)."""
    if pegawai is None:
        pelaku, tautan = _perbaikan(
            konteks,
            baris.jenis,
            baris.kunci,
            aspek,
            ("Admin instansi (data pegawai dan unit kerja)", _admin_pegawai(None)),
        )
        return [Kekurangan(aspek, f"{peran} belum ditetapkan", pelaku, tautan)]
    if not pegawai.nip:
        return [
            Kekurangan(
                aspek,
                f"NIP {peran.lower()} {pegawai.nama_lengkap} belum tercatat",
                "Admin instansi (data pegawai)",
                _admin_pegawai(pegawai),
            )
        ]
    return []


def _periksa_ttd(konteks, baris, dok):
    """Signer, NIPs and signature of a signable document."""
    t = dok.terbit
    baris.ditandatangani = t is not None
    if t is not None:
        nip = t.pelaksana_nip if t.kuasa else t.penanda_nip
        baris.penanda = t.pelaksana_nama if t.kuasa else t.penanda_nama
        beku = [(baris.penanda, nip)]
        if t.subjek_id:
            beku.append((t.subjek_nama, t.subjek_nip))
        hasil = [
            Kekurangan(
                PENANDA,
                f"Ditandatangani tanpa NIP {nama}",
                "Perencanaan (tanda tangan tidak dapat diubah)",
            )
            for nama, nip in dict(beku).items()
            if not nip
        ]
        baris.kekurangan.extend(hasil)
        baris.penanda_lengkap = not hasil
        return
    baris.penanda = dok.penanda.nama_lengkap if dok.penanda else ""
    hasil = _orang(konteks, baris, dok, PENANDA, dok.penanda, dok.peran_penanda)
    sama = dok.subjek is not None and dok.subjek == dok.penanda
    if (dok.subjek is not None or dok.peran_subjek) and not sama:
        peran = dok.peran_subjek or "Pejabat yang dicantumkan"
        hasil += _orang(konteks, baris, dok, SUBJEK, dok.subjek, peran)
    baris.kekurangan.extend(hasil)
    baris.penanda_lengkap = not hasil
    baris.kekurangan.append(
        Kekurangan(
            TANDA_TANGAN,
            "Belum ditandatangani di aplikasi",
            dok.penanda.nama_lengkap if dok.penanda else dok.peran_penanda,
            reverse("laporan:tanda_tangan", args=[konteks.tahun, konteks.triwulan]),
            wajib=False,
        )
    )


def _periksa_isi(konteks, baris, bagian):
    if bagian is None or bagian.terbit is not None or bagian.kosong is None:
        return
    if not bagian.kosong():
        return
    baris.terisi = False
    pelaku, tautan = _perbaikan(
        konteks, baris.jenis, baris.kunci, ISI, ("Perencanaan", "")
    )
    baris.kekurangan.append(
        Kekurangan(ISI, "Isi dokumen belum diisi (tidak dilampirkan)", pelaku, tautan)
    )


def _periksa_sah(konteks, baris, belum):
    kind = jenis_dokumen(baris.jenis)
    if kind is None or not kind.berdata:
        return
    baris.disahkan = not belum
    if belum and baris.ditandatangani is not True:
        baris.kekurangan.append(
            Kekurangan(
                PENGESAHAN,
                f"Capaian triwulan belum disahkan ({len(belum)} unit)",
                "Kepala unit (ajukan), Perencanaan (verifikasi), Pimpinan (sahkan)",
                reverse("realisasi:status")
                + f"?tahun={konteks.tahun}&triwulan={konteks.triwulan}",
            )
        )


def susun_kelengkapan(instansi, tahun, triwulan, konteks=None, bagian=None):
    """The readiness of ``instansi``'s quarter: one row per document. With
    ``bagian`` (package parts, e.g. a selection), only those parts' rows, in
    their order; without, every part of the package then every signable
    document that has no part. Reads only; the parts' HTML is not built."""
    konteks = konteks or susun_konteks(instansi, tahun, triwulan)
    semua = bagian is None
    if semua:
        bagian = daftar_bagian(konteks)
    label = label_jenis()
    ttd = {}
    for j in semua_jenis():
        if j.dapat_ditandatangani:
            kunci_bagian = {b.kunci for b in bagian if b.jenis == j.kode}
            if not semua and not kunci_bagian:
                continue
            for d in j.ttd(konteks):
                if semua or d.kunci in kunci_bagian:
                    ttd[(d.jenis, d.kunci)] = d
    belum = unit_draf(instansi, tahun, triwulan)
    daftar = [(b.jenis, b.kunci, b.judul, b.kelompok, b) for b in bagian]
    ada = {(b.jenis, b.kunci) for b in bagian}
    daftar += [
        (d.jenis, d.kunci, d.judul, konteks.kelompok(None), None)
        for k, d in ttd.items()
        if k not in ada
    ]
    baris = []
    for jenis, kunci, judul, kelompok, b in daftar:
        kind = jenis_dokumen(jenis)
        r = BarisKelengkapan(
            kunci=kunci,
            jenis=jenis,
            label=kind.label if kind else label.get(jenis, jenis),
            judul=judul,
            kelompok=kelompok,
            bagian=b,
        )
        _periksa_isi(konteks, r, b)
        dok = ttd.get((jenis, kunci))
        if dok is not None:
            _periksa_ttd(konteks, r, dok)
        _periksa_sah(konteks, r, belum)
        r.kekurangan.sort(key=lambda k: not k.wajib)  # required first
        baris.append(r)
    return Kelengkapan(instansi, tahun, triwulan, baris, belum)


def bagian_paket(konteks, bagian):
    """What a package of the parts ``bagian`` binds: ``(Kelengkapan, parts,
    final)``. Parts whose own content is empty are left out (they stay in the
    readiness list as ``tidak_dilampirkan``). The package is final when every
    part left is ready and one is left at all; else the readiness list comes
    first, as a part of its own (laid out and cached like the others), so a
    package is never an empty PDF."""
    kel = susun_kelengkapan(
        konteks.instansi, konteks.tahun, konteks.triwulan, konteks, bagian
    )
    kosong = {r.kunci for r in kel.tidak_dilampirkan}
    hasil = [b for b in bagian if b.kunci not in kosong]
    final = kel.final and bool(hasil)
    if not final:
        daftar = Bagian(
            KUNCI_BAGIAN, KUNCI_BAGIAN, JUDUL, "", lambda: html_kelengkapan(kel)
        )
        hasil.insert(0, daftar)
    return kel, hasil, final


def html_kelengkapan(kel):
    """The readiness list as a complete HTML document: the first pages of a
    draft package."""
    return render_to_string(
        "laporan/paket/kelengkapan.html", {"kel": kel, "judul": JUDUL}
    )


def teks_kelengkapan(kel, hanya_kurang=False):
    """The readiness list as plain text lines (the command's output); only the
    documents not ready with ``hanya_kurang``."""
    baris = [
        f"Kelengkapan dokumen {kel.judul_periode} — {kel.instansi.nama}",
        f"{len(kel.baris)} dokumen: {len(kel.siap)} siap, {len(kel.kurang)} belum "
        f"siap ({len(kel.tidak_dilampirkan)} kosong, tidak dilampirkan).",
        "Paket final dapat dibuat."
        if kel.final
        else "Paket final belum dapat dibuat: paket dicetak sebagai DRAF.",
    ]
    if kel.unit_belum:
        baris.append(f"Belum disahkan: {nama_unit(kel.unit_belum)}.")
    for r in kel.kurang if hanya_kurang else kel.baris:
        tanda = "SIAP " if r.siap else ("KOSONG" if r.kosong else "KURANG")
        baris.append("")
        baris.append(f"[{tanda}] {r.kunci}  {r.judul}")
        for k in r.kekurangan:
            wajib = "-" if k.wajib else "·"
            tautan = f"  <{k.tautan}>" if k.tautan else ""
            baris.append(f"    {wajib} {k.teks} — {k.pelaku}{tautan}")
    return baris
