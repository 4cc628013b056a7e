"""The shared cache of production: Django's database cache with a one-statement
``set``.

Django's ``DatabaseCache.set`` counts the whole table, reads the key's row and
then updates or inserts it in a transaction: five round trips to the database
for every result ``lakip.versi_data`` stores, four or five of them after every
save. Here ``set`` is one ``INSERT ... ON CONFLICT DO UPDATE`` (PostgreSQL and
SQLite both have it; another database keeps Django's way), and the table is
counted, and culled past ``MAX_ENTRIES`` as Django culls it, once every
``CULL_SETIAP`` sets of a process instead of at every set. Reading, adding,
touching and deleting are Django's.
"""

import base64
import contextlib
import pickle
from datetime import UTC, datetime

from django.conf import settings
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router, transaction
from django.utils.timezone import now as tz_now

CULL_SETIAP = 100


class CacheBasisData(DatabaseCache):
    def __init__(self, table, params):
        super().__init__(table, params)
        self._jumlah_set = 0

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        """Store ``value`` under ``key``, replacing what was there, in one
        statement. Like Django's, a database error does not reach the caller
        (the result is simply not kept)."""
        db = router.db_for_write(self.cache_model_class)
        connection = connections[db]
        if connection.vendor not in ("postgresql", "sqlite"):
            return super().set(key, value, timeout, version)
        key = self.make_and_validate_key(key, version=version)
        timeout = self.get_backend_timeout(timeout)
        if timeout is None:
            exp = datetime.max
        else:
            exp = datetime.fromtimestamp(timeout, tz=UTC if settings.USE_TZ else None)
        exp = connection.ops.adapt_datetimefield_value(exp.replace(microsecond=0))
        nilai = base64.b64encode(pickle.dumps(value, self.pickle_protocol))
        q = connection.ops.quote_name
        sql = (
            f"INSERT INTO {q(self._table)} ({q('cache_key')}, {q('value')}, "
            f"{q('expires')}) VALUES (%s, %s, %s) ON CONFLICT ({q('cache_key')}) "
            f"DO UPDATE SET {q('value')} = EXCLUDED.{q('value')}, "
            f"{q('expires')} = EXCLUDED.{q('expires')}"
        )
        self._jumlah_set += 1
        try:
            # Inside a transaction, a savepoint keeps a failure from breaking
            # it; outside, the statement is its own transaction.
            if connection.in_atomic_block:
                lingkup = transaction.atomic(using=db)
            else:
                lingkup = contextlib.nullcontext()
            with lingkup, connection.cursor() as cursor:
                if self._jumlah_set % CULL_SETIAP == 1:
                    self._mungkin_cull(db, cursor, q(self._table))
                cursor.execute(sql, [key, nilai.decode("latin1"), exp])
        except DatabaseError:
            return

    def _mungkin_cull(self, db, cursor, tabel):
        cursor.execute(f"SELECT COUNT(*) FROM {tabel}")
        jumlah = cursor.fetchone()[0]
        if jumlah > self._max_entries:
            self._cull(db, cursor, tz_now().replace(microsecond=0), jumlah)
