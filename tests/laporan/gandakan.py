"""Test data grown tenfold: the query counts of the report must not follow."""

from renstra.models import SubKegiatan


def gandakan_sub_kegiatan(kali):
    """Copy every sub kegiatan (budget, indicators, targets, realisations)."""
    from realisasi.models import RealisasiIndikator as RI
    from renstra.models import TargetIndikator

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
                nilai = list(RI.objects.filter(indikator_id=ind.pk))
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
