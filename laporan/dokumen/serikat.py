"""The trade unions (SP/SB) a unit verified and counted in the quarter (Tabel
10 "Data Verifikasi dan Rekapitulasi Keanggotaan ... SP/SB", seed lines
3703-3719), signed by the unit's head; in its unit before the register of
disputes, as in the seed."""

from laporan.dokumen.kunci import SERIKAT_PEKERJA
from laporan.dokumen.perselisihan import jenis_unit_hi
from laporan.lampiran import hubungan_industrial as lampiran_hi
from realisasi import hubungan_industrial as hi

JENIS = jenis_unit_hi(
    SERIKAT_PEKERJA,
    "Data SP/SB",
    "SPSB",
    lampiran_hi.susun_serikat,
    hi.unit_serikat,
    "data SP/SB",
)
