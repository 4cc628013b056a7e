"""Extension point of the ``laporan`` management command: apps above laporan
(which laporan may not import) add subcommands here from their
``AppConfig.ready()``. Each subcommand gets ``--instansi KODE`` and the options
its ``tambah_argumen(parser)`` adds; ``jalankan(command, instansi, options)``
runs it."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class SubPerintah:
    bantuan: str
    tambah_argumen: Callable
    jalankan: Callable


SUBPERINTAH: dict[str, SubPerintah] = {}


def daftarkan_subperintah(nama, bantuan, tambah_argumen, jalankan):
    """Register (or replace) the subcommand ``nama``."""
    SUBPERINTAH[nama] = SubPerintah(bantuan, tambah_argumen, jalankan)
