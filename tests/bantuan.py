"""Helpers shared by tests: reading forms and tables out of HTML as a browser
would, bulk copies of the seed, and restoring a flushed database."""

from html.parser import HTMLParser
from pathlib import Path

from django.contrib.auth.models import Group
from django.core.management import call_command

from lakip.models import Instansi
from lakip.peran import Peran
from realisasi.models import RealisasiIndikator
from renstra.models import SubKegiatan, TargetIndikator


class _Formulir(HTMLParser):
    def __init__(self, form_id):
        super().__init__()
        self.form_id, self.di_dalam, self.data = form_id, False, {}
        self.textarea = self.select = None
        self.pilihan_pertama = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.di_dalam = self.form_id is None or a.get("id") == self.form_id
        elif not self.di_dalam or not (a.get("name") or tag == "option"):
            return
        elif tag == "input":
            if a.get("type") in ("submit", "button", "file"):
                return
            self.data[a["name"]] = a.get("value", "")
        elif tag == "textarea":
            self.textarea = a["name"]
            self.data[self.textarea] = ""
        elif tag == "select":
            self.select = a["name"]
        elif tag == "option" and self.select:
            self.pilihan_pertama.setdefault(self.select, a.get("value", ""))
            if "selected" in a:
                self.data[self.select] = a.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.di_dalam = False
        elif tag == "textarea":
            self.textarea = None
        elif tag == "select" and self.select:
            # A select without a selected option posts its first option.
            self.data.setdefault(self.select, self.pilihan_pertama.get(self.select))
            self.select = None

    def handle_data(self, data):
        if self.textarea:
            # The browser drops one newline right after <textarea>.
            awal = not self.data[self.textarea]
            self.data[self.textarea] += data.removeprefix("\n") if awal else data


def isian_formulir(html, form_id=None):
    """``{name: value}`` of the inputs, text areas and selects of the form with
    ``form_id`` in ``html``, as the browser would post them unchanged."""
    parser = _Formulir(form_id)
    parser.feed(html)
    return parser.data


def gandakan_sub_kegiatan(kali):
    """Copy every sub kegiatan ``kali`` times (budget, indicators, targets,
    realisations)."""
    for sub in list(SubKegiatan.objects.all()):
        anggaran = list(sub.anggaran.all())
        indikator = list(sub.indikator.all())
        realisasi = list(sub.realisasi_anggaran.all())
        for n in range(kali):
            salinan = SubKegiatan.objects.create(
                kegiatan=sub.kegiatan,
                kode=f"{sub.kode}.{n}",
                nama=sub.nama,
                unit=sub.unit,
            )
            for a in anggaran:
                a.pk, a.sub_kegiatan = None, salinan
                a.save()
            for r in realisasi:
                r.pk, r.sub_kegiatan = None, salinan
                r.save()
            for ind in indikator:
                target = list(TargetIndikator.objects.filter(indikator_id=ind.pk))
                nilai = list(RealisasiIndikator.objects.filter(indikator_id=ind.pk))
                lama = ind.pk
                ind.pk, ind.sub_kegiatan = None, salinan
                ind.save()
                for t in target:
                    t.pk, t.indikator = None, ind
                    t.save()
                for r in nilai:
                    r.pk, r.indikator = None, ind
                    r.save()
                ind.pk = lama


class _PembacaTabel(HTMLParser):
    def __init__(self, id_tabel):
        super().__init__()
        self.id_tabel = id_tabel
        self.kedalaman = 0  # nesting of <table> inside the wanted one
        self.baris = []
        self.sel = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            if self.kedalaman or dict(attrs).get("id") == self.id_tabel:
                self.kedalaman += 1
        elif self.kedalaman and tag == "tr":
            self.baris.append([])
        elif self.kedalaman and tag in ("td", "th"):
            self.sel = []

    def handle_endtag(self, tag):
        if tag == "table" and self.kedalaman:
            self.kedalaman -= 1
        elif self.kedalaman and tag in ("td", "th") and self.sel is not None:
            self.baris[-1].append(" ".join("".join(self.sel).split()))
            self.sel = None

    def handle_data(self, data):
        if self.sel is not None:
            self.sel.append(data)


def baca_tabel(html, id_tabel):
    """The rows of the HTML table ``id_tabel`` as lists of cell texts
    (whitespace collapsed), header row first."""
    pembaca = _PembacaTabel(id_tabel)
    pembaca.feed(html)
    return pembaca.baris


SEED = Path(__file__).resolve().parent.parent / "fixtures" / "seed_2024.json"


def pulihkan_basis_data():
    """Give back what a flushed database lost (after a live-server test runs in
    a transactional database): the role groups of migration
    ``lakip.0002_grup_peran`` and the seed. Does nothing when both are there."""
    for peran in Peran:
        Group.objects.get_or_create(name=peran.value)
    if not Instansi.objects.exists():
        call_command("loaddata", str(SEED), verbosity=0)


def perintah_laporan(jenis, *argumen, tahun=2024, triwulan=1):
    """Run ``manage.py laporan <jenis> --tahun … --triwulan … <argumen>`` as a
    user would; return what it printed."""
    from io import StringIO

    keluaran = StringIO()
    call_command(
        "laporan",
        jenis,
        "--tahun",
        str(tahun),
        "--triwulan",
        str(triwulan),
        *argumen,
        stdout=keluaran,
    )
    return keluaran.getvalue()


def render_perintah(bagian, berkas, tahun=2024, triwulan=1, tambahan=()):
    """Run ``manage.py laporan <bagian> --tahun … --triwulan … --output berkas``
    (then the ``tambahan`` arguments) as a user would; return what it printed
    and a ``PdfReader`` of the file."""
    from pypdf import PdfReader

    keluaran = perintah_laporan(
        bagian, "--output", str(berkas), *tambahan, tahun=tahun, triwulan=triwulan
    )
    return keluaran, PdfReader(berkas)


def sahkan_triwulan(instansi, tahun, triwulan, kecuali=()):
    """Mark every unit's entries of the quarter Disahkan (test set-up, not the
    workflow), except the units whose ``kode`` is in ``kecuali``."""
    from lakip.models import UnitKerja
    from realisasi.models import EntriTriwulan, StatusEntri

    for unit in UnitKerja.objects.filter(instansi=instansi).exclude(kode__in=kecuali):
        EntriTriwulan.objects.update_or_create(
            unit=unit,
            tahun=tahun,
            triwulan=triwulan,
            defaults={"status": StatusEntri.DISAHKAN},
        )


def teks_elemen(html, id_elemen):
    """The text of the ``<div id="...">`` (up to its first ``</div>``), spaces
    collapsed; None when the page has no such element."""
    tanda = f'id="{id_elemen}"'
    if tanda not in html:
        return None
    awal = html.index(tanda)
    return " ".join(html[awal : html.index("</div>", awal)].split())


def ubah_zip(isi, ubah, nama=None):
    """A copy of the zip (xlsx) ``isi`` with ``ubah(bytes)`` applied to member
    ``nama`` (every member when None), recompressed at the highest level."""
    import io
    import zipfile

    keluaran = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(isi)) as lama,
        zipfile.ZipFile(keluaran, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as baru,
    ):
        for info in lama.infolist():
            data = lama.read(info)
            if nama is None or info.filename == nama:
                data = ubah(data)
            baru.writestr(info.filename, data)
    return keluaran.getvalue()


def lengkapi_triwulan(instansi, tahun=2024, triwulan=1):
    """Complete the seed's quarter for a final package (test set-up): every
    unit Disahkan, every staff record a NIP, every sub kegiatan whose report has
    prose a PPTK and a pelaksana teknis (its unit's head where none)."""
    from lakip.models import Pegawai
    from laporan.models import UraianSubKegiatan

    sahkan_triwulan(instansi, tahun, triwulan)
    for i, p in enumerate(Pegawai.objects.filter(instansi=instansi, nip="")):
        p.nip = f"19800101200501{i:04d}"
        p.save()
    berisi = UraianSubKegiatan.objects.values_list("sub_kegiatan_id", flat=True)
    daftar = SubKegiatan.objects.filter(
        kegiatan__program__tahun=tahun, pk__in=berisi
    ).select_related("unit__kepala")
    for sub in daftar:
        sub.pptk = sub.pptk or sub.unit.kepala
        sub.pelaksana = sub.pelaksana or sub.unit.kepala
        sub.save()


def proses_baru():
    """Forget what this process keeps (``tersimpan(..., proses=True)`` and the
    reference indexes of ``lakip.acuan``), as a newly started app server: what
    it reads next comes from the shared cache."""
    from lakip import acuan, versi_data

    versi_data._PROSES.clear()
    acuan._INDEKS.clear()
