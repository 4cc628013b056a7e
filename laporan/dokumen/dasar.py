"""What a document kind declares (``JenisDokumen``) and what it lists.

A kind (``JenisDokumen``) is declared once, in its own module of
``laporan.dokumen`` (or of a higher app, see CONTRIBUTING.md), and registered
with ``laporan.dokumen.daftarkan``. Its ``kode`` is at the same time the signed
record's ``DokumenTerbit.jenis``, the package part's ``jenis`` and the name of
the ``manage.py laporan`` subcommand (of its ``grup``).

Keys: ``laporan.dokumen.kunci``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property

from lakip.peran import Peran, peran_pengguna
from laporan.dokumen.kunci import TAHUN, TRIWULAN, kunci
from laporan.lampiran.susun import Penanda

# Roles that read every report of the agency.
PEMBACA = (Peran.PERENCANAAN, Peran.PIMPINAN, Peran.PEMERIKSA)
# Roles that attend the evaluation meeting and read its documents.
PESERTA = (*PEMBACA, Peran.KEPALA_UNIT)


def boleh_pembaca(user, instansi, pk):
    """The default download rule: the readers of the reports."""
    return bool(peran_pengguna(user) & set(PEMBACA))


def boleh_peserta(user, instansi, pk):
    """The meeting's documents: its readers and the unit heads."""
    return bool(peran_pengguna(user) & set(PESERTA))


@dataclass
class Bagian:
    """One part of the package: a complete HTML document laid out on its own.

    ``judul`` is its bookmark, ``kelompok`` the parent bookmark ("" for the top
    level). ``buat_html`` is called at most once, when the part is needed.

    A part laid out in sections (the LAKIP) also has ``rakitan(draf)``: it
    returns an object with ``tugas`` (``[(cache key, HTML, name)]`` of the
    sections, ``draf`` already applied), ``kunci`` (the cache key of the joined
    PDF), ``ditata`` and ``gabung(isi, tata)`` (the joined PDF and its page
    count from the sections' PDFs ``isi``; ``tata(html, nama)`` lays out one
    more document): see ``laporan.lakip.gabung.RakitanLakip``."""

    kunci: str
    jenis: str
    judul: str
    kelompok: str
    buat_html: Callable[[], str] = field(repr=False)
    terbit: object = None  # DokumenTerbit once signed: the issued PDF is the part
    # ``kosong() -> bool``: its own content is empty (an unfilled sub kegiatan
    # report); such a part is left out of a package and listed as missing
    # (``laporan.kelengkapan``). ``None``: never empty.
    kosong: Callable[[], bool] | None = field(default=None, repr=False)
    rakitan: Callable | None = field(default=None, repr=False)

    @cached_property
    def html(self):
        return self.buat_html()


@dataclass(frozen=True)
class AturanTanggal:
    """A kind's date rule: ``hitung(konteks, kunci) -> date``, the date printed
    above the document's signature, read from the quarter's calendar
    (``konteks.kalender``, ``laporan.kalender``) or the document's own data.
    ``keterangan`` documents it (``manage.py laporan <grup> --help``)."""

    keterangan: str
    hitung: Callable = field(repr=False)

    def __call__(self, konteks, kunci=None):
        return self.hitung(konteks, kunci)

    def __str__(self):
        return self.keterangan


# The named rules of the calendar.
TANGGAL_LAPORAN = AturanTanggal(
    "tanggal laporan triwulan (kalender triwulan)",
    lambda k, _kunci: k.kalender.tanggal_laporan,
)
TANGGAL_RAPAT = AturanTanggal(
    "tanggal rapat evaluasi (kalender triwulan)",
    lambda k, _kunci: k.kalender.tanggal_rapat,
)
TANGGAL_TERBIT = AturanTanggal(
    "tanggal terbit triwulan, pada atau sesudah rapat evaluasi (kalender triwulan)",
    lambda k, _kunci: k.kalender.tanggal_terbit,
)


@dataclass
class DokumenTtd:
    """A document of the quarter that can be signed (or has been)."""

    jenis: str
    kunci: str
    judul: str
    penanda: object  # the Pegawai who signs it (None: not known); frozen when signed
    subjek: object = None  # the official (Pegawai) the document is about
    subjek_nama: str = ""
    subjek_jabatan: str = ""
    subjek_nip: str = ""
    terbit: object = None
    # The complete HTML of the document as issued with the given record (its
    # ``tanggal_dokumen`` is the date printed).
    html: Callable | None = None
    # Why it cannot be signed yet, in Indonesian ("": nothing stands in the
    # way), e.g. a yearly LKE not yet approved by the Pimpinan.
    menunggu: str = ""
    # The date it carries when signed now (the kind's rule); None: the signing
    # function asks the kind's rule.
    tanggal: object = None
    # How the document names its signer and, when it prints its subject with
    # name and NIP as a second person (the pelaksana teknis of a sub kegiatan),
    # the subject's role: the document is incomplete while that person is not
    # known (``laporan.kelengkapan``).
    peran_penanda: str = "Penanda tangan"
    peran_subjek: str = ""

    @property
    def siap(self):
        """Ready to sign: its data is there and its signer is known."""
        return (
            self.terbit is None
            and self.penanda is not None
            and bool(self.html)
            and not self.menunggu
        )

    @property
    def penanda_cetak(self):
        """The signer as printed: frozen once signed, else the staff record."""
        if self.terbit is not None:
            return Penanda.dari_terbit(self.terbit)
        return Penanda.dari_pegawai(self.penanda) if self.penanda else None


@dataclass(frozen=True)
class JenisDokumen:
    """A kind of document, declared once.

    - ``tempat``: its place in the package, ``((tempat, susun), ...)`` where
      ``tempat`` is one of ``laporan.paket.bagian.TEMPAT`` and ``susun(konteks,
      subjek) -> [Bagian]`` lists the documents of that place that exist;
      kinds of the same place follow the registry's order.
    - ``ttd(konteks) -> [DokumenTtd]``: the signable documents of the quarter
      (who signs, the subject, the issued HTML); ``None`` for a kind never
      signed.
    - ``boleh_unduh(user, instansi, pk) -> bool``: who may download it
      (readers of the reports by default); may raise ``Http404``.
    - ``nama_berkas(instansi, tahun, triwulan, pk) -> str``: its file name.
    - ``perintah(instansi, tahun, triwulan, opsi) -> (pilihan, nama_berkas)``:
      what ``manage.py laporan <grup>`` writes (raises ``CommandError``);
      ``opsi_perintah``: ``((flag, argparse kwargs), ...)`` it takes.
    - ``templat``: its template (documentation).
    - ``tanggal``: its date rule (``AturanTanggal``: ``(konteks, kunci) ->
      date``, described by ``manage.py laporan <grup> --help``); read through
      ``tanggal_dokumen``, which keeps a signed document's date.
    - ``publik``: its verification page is public (no login).
    - ``berdata``: it prints the quarter's realisations or attests to them, so
      it is signed only once every unit's quarter is Disahkan (a signature
      freezes the figures).
    - ``periode``: ``TRIWULAN`` (a quarter's document) or ``TAHUN`` (one per
      year: no ``tempat``, never a package part; its PDF is served by
      ``laporan:dokumen_pdf_tahun``, it is signed in the year's list and
      recorded with ``DokumenTerbit.triwulan`` ``TAHUNAN``). ``ttd(konteks)``
      then gets a ``Konteks`` of the year (``triwulan`` ``TAHUNAN``) and
      ``nama_berkas`` the quarter ``TAHUNAN``.
    - ``cetak(instansi, tahun, pk) -> (html, draf)``: a yearly kind's
      complete HTML while not signed, and whether it is a draft (watermarked
      and named ``DRAF-``); raises ``Http404`` when there is no such document.
    - ``perbaikan(konteks, kunci, aspek) -> (pelaku, url) | None``: who
      completes what a document lacks and on which screen (``aspek``: ``isi``,
      its own content; ``penanda``/``subjek``, a person it names); ``None``
      (or no function) leaves the general rule of ``laporan.kelengkapan``.
    """

    kode: str
    label: str
    tempat: tuple
    nama_berkas: Callable
    grup: str = ""
    ttd: Callable | None = None
    boleh_unduh: Callable = boleh_pembaca
    perintah: Callable | None = None
    opsi_perintah: tuple = ()
    templat: str = ""
    tanggal: AturanTanggal | str = TANGGAL_TERBIT
    publik: bool = True
    berdata: bool = False
    periode: str = TRIWULAN
    cetak: Callable | None = None

    @property
    def tahunan(self):
        return self.periode == TAHUN

    perbaikan: Callable | None = None

    @property
    def nama_grup(self):
        """The selection group and command name: ``grup`` or else ``kode``."""
        return self.grup or self.kode

    @property
    def dapat_ditandatangani(self):
        return self.ttd is not None

    def kunci(self, pk=None):
        return kunci(self.kode, pk)

    def tanggal_dokumen(self, konteks, kunci_dokumen, terbit=None):
        """The date the document ``kunci_dokumen`` carries: once signed, the
        date it was signed with (``DokumenTerbit.tanggal_dokumen``), else its
        kind's rule; a kind declaring only a description takes the quarter's
        issue date."""
        if terbit is not None and terbit.tanggal_dokumen is not None:
            return terbit.tanggal_dokumen
        aturan = self.tanggal if callable(self.tanggal) else TANGGAL_TERBIT
        return aturan(konteks, kunci_dokumen)


def nama_periode(awalan, instansi, tahun, triwulan, tengah=""):
    """``EVALUASI-2024-TW1-disnakertrans-lutim.pdf``; ``tengah`` (a unit's code)
    before the agency's."""
    tengah = f"-{tengah}" if tengah else ""
    return f"{awalan}-{tahun}-TW{triwulan}{tengah}-{instansi.kode}.pdf"


def nama_tahun(awalan, instansi, tahun):
    """``LKE-2024-disnakertrans-lutim.pdf``: a yearly document's file name."""
    return f"{awalan}-{tahun}-{instansi.kode}.pdf"


def unit_perintah(instansi, opsi):
    """The unit named by the command's ``--unit KODE`` (``None`` without it)."""
    from django.core.management.base import CommandError

    from lakip.models import UnitKerja

    if not opsi.get("unit"):
        return None
    unit = UnitKerja.objects.filter(instansi=instansi, kode=opsi["unit"]).first()
    if unit is None:
        raise CommandError(f"Unit kerja “{opsi['unit']}” tidak ada.")
    return unit


OPSI_UNIT = (
    ("--unit", {"default": "", "help": "kode unit kerja (bawaan: semua unit)"}),
)


def kode_unit(instansi, pk):
    """The code of ``instansi``'s unit ``pk`` ("" for ``None`` or no such unit)."""
    from lakip.models import UnitKerja

    if pk is None:
        return ""
    kode = UnitKerja.objects.filter(instansi=instansi, pk=pk).values_list("kode")
    return next(iter(kode), ("",))[0]
