"""The quarterly report of a unit (laporan kinerja triwulan of a Sekretariat or
Bidang): its prose (``LaporanUnit``), its head's Perjanjian Kinerja and its
realisation tables computed from the report data."""
