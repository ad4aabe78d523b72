"""Database helpers shared by the services."""

from django.db import connection


def relaxed_commit() -> None:
    """PostgreSQL: this transaction's commit need not wait for its WAL to reach disk. Only for cart writes — a
    crash could at worst lose the last fraction of a second of cart changes, never an order, a payment or stock
    (those commit synchronously) — and it keeps web workers from idling on fsync."""
    # Only in a transaction of its own: inside a larger one (say, placing an order) it would relax that too.
    if connection.vendor == "postgresql" and connection.in_atomic_block and not connection.savepoint_ids:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")
