"""Gapless numbers (orders, invoices) from a counter row locked in the caller's transaction (DESIGN §4)."""

from django.db import IntegrityError, transaction

from ..models import Counter


def next_number(name: str, year: int) -> int:
    """The next value of the `name` sequence for `year`. Must run inside the transaction that stores the number:
    the row stays locked until it commits (a rollback gives the number back), so numbers never repeat or skip."""
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("next_number() must run inside the transaction that uses the number")
    counter = Counter.objects.select_for_update().filter(name=name, year=year).first()
    if counter is None:
        try:
            with transaction.atomic():  # savepoint: a concurrent first use of the year may win the insert
                Counter.objects.create(name=name, year=year, value=0)
        except IntegrityError:
            pass
        counter = Counter.objects.select_for_update().get(name=name, year=year)
    counter.value += 1
    Counter.objects.filter(pk=counter.pk).update(value=counter.value)
    return counter.value
