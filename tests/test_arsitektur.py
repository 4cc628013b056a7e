"""The project's structure, checked from outside by parsing every module with
``ast`` (imports inside functions included): no import cycle, dependencies one
way only, no private name imported across modules, small ``laporan`` modules,
one home for the quarter's choices and for each document key prefix."""

import ast
from pathlib import Path

import pytest

AKAR = Path(__file__).resolve().parent.parent
# Lower to higher: an app may import only from itself and the apps before it.
# ``evaluasi`` sits above ``laporan``.
LAPISAN = ["lakip", "renstra", "realisasi", "laporan", "evaluasi"]
# Wiring that may name every app.
KABEL = {"lakip.settings", "lakip.urls", "lakip.wsgi", "lakip.asgi"}
BATAS_BARIS = 500


def _nama_modul(berkas):
    bagian = list(berkas.relative_to(AKAR).with_suffix("").parts)
    if bagian[-1] == "__init__":
        bagian.pop()
    return ".".join(bagian)


def _modul():
    """``{module name: path}`` of every project module outside migrations."""
    hasil = {}
    for app in LAPISAN:
        folder = AKAR / app
        if not folder.is_dir():
            continue
        for berkas in folder.rglob("*.py"):
            if "migrations" in berkas.parts:
                continue
            hasil[_nama_modul(berkas)] = berkas
    return hasil


MODUL = _modul()
POHON = {nama: ast.parse(berkas.read_text()) for nama, berkas in MODUL.items()}


def _impor(nama, pohon):
    """``[(imported module, imported name or None)]`` of every import in the
    module, at any depth, resolved to project modules."""
    paket = nama if MODUL[nama].name == "__init__.py" else nama.rpartition(".")[0]
    hasil = []
    for simpul in ast.walk(pohon):
        if isinstance(simpul, ast.Import):
            hasil.extend((a.name, None) for a in simpul.names)
        elif isinstance(simpul, ast.ImportFrom):
            asal = simpul.module or ""
            if simpul.level:
                dasar = paket.split(".")
                dasar = dasar[: len(dasar) - simpul.level + 1]
                asal = ".".join([*dasar, asal] if asal else dasar)
            for a in simpul.names:
                sub = f"{asal}.{a.name}"
                if sub in MODUL:
                    hasil.append((sub, None))
                else:
                    hasil.append((asal, a.name))
    return [(m, n) for m, n in hasil if m.split(".")[0] in LAPISAN]


IMPOR = {nama: _impor(nama, pohon) for nama, pohon in POHON.items()}


def _modul_terdekat(nama):
    """The project module an import names (a package's ``__init__`` or a
    module), dropping trailing attribute names."""
    while nama and nama not in MODUL:
        nama = nama.rpartition(".")[0]
    return nama


def _graf():
    return {
        nama: {_modul_terdekat(m) for m, _ in impor} - {"", nama}
        for nama, impor in IMPOR.items()
    }


def test_no_import_cycle():
    graf = _graf()
    # Tarjan's strongly connected components.
    indeks, rendah, tumpukan, di_tumpukan, siklus = {}, {}, [], set(), []
    hitung = [0]

    def kunjungi(v):
        indeks[v] = rendah[v] = hitung[0]
        hitung[0] += 1
        tumpukan.append(v)
        di_tumpukan.add(v)
        for w in graf.get(v, ()):
            if w not in indeks:
                kunjungi(w)
                rendah[v] = min(rendah[v], rendah[w])
            elif w in di_tumpukan:
                rendah[v] = min(rendah[v], indeks[w])
        if rendah[v] == indeks[v]:
            komponen = []
            while True:
                w = tumpukan.pop()
                di_tumpukan.discard(w)
                komponen.append(w)
                if w == v:
                    break
            if len(komponen) > 1:
                siklus.append(sorted(komponen))

    for v in graf:
        if v not in indeks:
            kunjungi(v)
    assert siklus == []


def test_dependencies_point_down_only():
    salah = []
    for nama, impor in IMPOR.items():
        if nama in KABEL:
            continue
        lapis = LAPISAN.index(nama.split(".")[0])
        for m, _ in impor:
            if LAPISAN.index(m.split(".")[0]) > lapis:
                salah.append(f"{nama} -> {m}")
    assert salah == []
    # The root URLs include the higher apps by name only.
    assert [m for m, _ in IMPOR["lakip.urls"] if not m.startswith("lakip")] == []


def test_no_private_name_imported_across_modules():
    salah = [
        f"{nama}: {m}.{n}"
        for nama, impor in IMPOR.items()
        for m, n in impor
        if (n and n.startswith("_") and not n.startswith("__"))
        or any(p.startswith("_") and not p.startswith("__") for p in m.split("."))
    ]
    assert salah == []


def test_laporan_modules_stay_small():
    besar = {
        nama: n
        for nama, berkas in MODUL.items()
        if nama.startswith("laporan")
        and nama != "laporan.models"
        and (n := len(berkas.read_text().splitlines())) > BATAS_BARIS
    }
    assert besar == {}


def _definisi(nama_variabel):
    return [
        nama
        for nama, pohon in POHON.items()
        for simpul in ast.walk(pohon)
        if isinstance(simpul, ast.Assign)
        and any(
            isinstance(t, ast.Name) and t.id == nama_variabel for t in simpul.targets
        )
    ]


def test_one_triwulan_choices_and_one_quarter_check():
    assert _definisi("TRIWULAN_CHOICES") == ["lakip.triwulan"]
    fungsi = [
        nama
        for nama, pohon in POHON.items()
        for simpul in pohon.body
        if isinstance(simpul, ast.FunctionDef)
        and simpul.name in ("periksa_periode", "periode_atau_404", "akhir_triwulan")
    ]
    assert sorted(fungsi) == ["lakip.triwulan"] * 3


def _awalan_kunci():
    """The key prefixes: every kind code of the registry (yearly kinds too)."""
    from laporan.dokumen import semua_jenis

    return {j.kode for j in semua_jenis(None)}


@pytest.mark.django_db
def test_each_key_prefix_built_in_one_place():
    """Keys are built only by ``laporan.dokumen.kunci.kunci``: no module writes
    ``"<kode>-..."`` or ``f"<kode>-{...}"``, and every kind of laporan takes its
    code from the constants of ``laporan.dokumen.kunci``."""
    kode = _awalan_kunci()
    awalan, literal = [], []
    for nama, pohon in POHON.items():
        for simpul in ast.walk(pohon):
            if isinstance(simpul, ast.JoinedStr) and simpul.values:
                pertama = simpul.values[0]
                if isinstance(pertama, ast.Constant) and any(
                    str(pertama.value).startswith(f"{k}-") for k in kode
                ):
                    awalan.append(nama)
            elif isinstance(simpul, ast.Constant) and isinstance(simpul.value, str):
                if any(simpul.value.startswith(f"{k}-") for k in kode):
                    if nama != "laporan.dokumen.kunci":
                        awalan.append(nama)
            elif (
                isinstance(simpul, ast.Call)
                and getattr(simpul.func, "id", "") == "JenisDokumen"
            ):
                for kw in simpul.keywords:
                    if kw.arg == "kode" and isinstance(kw.value, ast.Constant):
                        literal.append(nama)
    assert awalan == []
    assert literal == []
    bangun = [
        nama
        for nama, pohon in POHON.items()
        for simpul in pohon.body
        if isinstance(simpul, ast.FunctionDef) and simpul.name == "kunci"
    ]
    assert bangun == ["laporan.dokumen.kunci"]
