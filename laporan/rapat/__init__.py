"""The quarter's evaluation meeting: invitation and schedule, recommendations
of the unit heads (screens, services, selectors). The documents are built in
``laporan.lampiran.rapat``."""
