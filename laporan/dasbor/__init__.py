"""The Kepala Dinas dashboard: where the agency stands in a quarter, with
drill-down from sasaran to indicator. Every figure comes from
``laporan.data.bangun_data_laporan``."""
