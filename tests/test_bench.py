"""Every benchmark script has a quick mode that CI runs (``.ci/bench``)."""

import re
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
BUKAN_SKRIP = {"__init__", "lingkungan"}


def _skrip():
    return sorted(
        p.stem for p in (AKAR / "bench").glob("*.py") if p.stem not in BUKAN_SKRIP
    )


def test_every_benchmark_has_a_quick_mode():
    for nama in _skrip():
        teks = (AKAR / "bench" / f"{nama}.py").read_text()
        assert "tambah_opsi_cepat(" in teks, nama


def test_ci_runs_every_benchmark_quickly():
    ci = (AKAR / ".ci" / "bench").read_text()
    assert set(_skrip()) <= set(re.findall(r"\w+", ci))
    assert "--cepat" in ci
    assert "bash .ci/bench" in (AKAR / ".ci" / "run").read_text()
