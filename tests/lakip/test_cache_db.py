"""lakip.cache_db: the database cache stores with one statement and still culls."""

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext

from lakip import cache_db

pytestmark = pytest.mark.django_db

TABEL = "lakip_cache_uji"


@pytest.fixture
def cache(settings):
    settings.CACHES = {
        **settings.CACHES,
        "uji": {
            "BACKEND": "lakip.cache_db.CacheBasisData",
            "LOCATION": TABEL,
            "OPTIONS": {"MAX_ENTRIES": 30, "CULL_FREQUENCY": 2},
        },
    }
    call_command("createcachetable", "--database", "default", verbosity=0)
    c = caches["uji"]
    yield c
    c.clear()


def _baris(tabel=TABEL):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(tabel)}")
        return cursor.fetchone()[0]


def test_a_set_replaces_the_value_in_one_statement(cache):
    cache.set("kunci", {"nilai": 1}, 60)
    with CaptureQueriesContext(connection) as kueri:
        cache.set("kunci", {"nilai": 2, "teks": "ä" * 1000}, 60)
    sql = [q["sql"] for q in kueri.captured_queries if TABEL in q["sql"]]
    assert len(sql) == 1 and "ON CONFLICT" in sql[0]
    assert cache.get("kunci") == {"nilai": 2, "teks": "ä" * 1000}
    assert _baris() == 1


def test_expiry_and_no_expiry(cache):
    cache.set("lama", "x", -1)
    cache.set("selamanya", "y", None)
    assert cache.get("lama") is None
    assert cache.get("selamanya") == "y"


def test_a_set_in_a_transaction_rolls_back_with_it(cache):
    cache.set("kunci", "awal", 60)
    with pytest.raises(RuntimeError), transaction.atomic():
        cache.set("kunci", "dibatalkan", 60)
        raise RuntimeError
    assert cache.get("kunci") == "awal"


def test_the_table_is_culled_past_max_entries(cache, monkeypatch):
    monkeypatch.setattr(cache_db, "CULL_SETIAP", 10)
    for i in range(100):
        cache.set(f"k{i}", i, 60)
    # Culled at every tenth set once past 30 rows, to half (CULL_FREQUENCY 2).
    assert _baris() <= 30 + 10
    assert cache.get("k99") == 99


def test_add_and_touch_keep_djangos_meaning(cache):
    assert cache.add("kunci", 1, 60)
    assert not cache.add("kunci", 2, 60)
    assert cache.touch("kunci", 120)
    assert cache.get("kunci") == 1
