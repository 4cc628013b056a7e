"""The LAKIP triwulan document: assembled from ``laporan.data`` and the report's
own text (``dokumen``), written as HTML (``render``) and PDF (``laporan.pdf``)."""
