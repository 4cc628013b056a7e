"""Background jobs (django-tasks). Run a worker with ``python manage.py db_worker``;
in tests the immediate backend runs them at once. Jobs are requested by
``laporan.permintaan`` and done by ``laporan.pekerjaan``."""

from django_tasks import task

from laporan import pekerjaan


@task()
def buat_pdf_lakip(berkas_id: int) -> int:
    """Generate the LAKIP of the ``BerkasLaporan`` ``berkas_id`` (the package
    with the LAKIP part alone); returns its id."""
    pekerjaan.kerjakan_paket(berkas_id)
    return berkas_id


@task()
def buat_paket(berkas_id: int) -> int:
    """Bind the package of the ``BerkasLaporan`` ``berkas_id`` (the LAKIP and the
    chosen attachments) into one PDF; returns its id."""
    pekerjaan.kerjakan_paket(berkas_id)
    return berkas_id
