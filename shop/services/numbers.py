"""Gapless numbers (orders, invoices) from a counter row locked in the caller's transaction (docs/architecture.md §3)."""

from django.db import IntegrityError, connection, transaction

from shop.models import Counter


def next_number(name: str, year: int) -> int:
    """The next value of the `name` sequence for `year`. Must run inside the transaction that stores the number:
    the row stays locked until it commits (a rollback gives the number back), so numbers never repeat or skip."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number() must run inside the transaction that uses the number")
    table = Counter._meta.db_table
    sql = f"UPDATE {table} SET value = value + 1 WHERE name = %s AND year = %s RETURNING value"
    with connection.cursor() as cursor:  # one statement: increments and locks the row until commit
        cursor.execute(sql, [name, year])
        row = cursor.fetchone()
    if row is not None:
        return row[0]
    try:
        with transaction.atomic():  # savepoint: a concurrent first use of the year may win the insert
            Counter.objects.create(name=name, year=year, value=0)
    except IntegrityError:
        pass
    with connection.cursor() as cursor:
        cursor.execute(sql, [name, year])
        return cursor.fetchone()[0]
