import time

from django.core.management.base import BaseCommand

from fulfillment.services.replenishment import compute_replenishment


class Command(BaseCommand):
    help = "Rebuild the replenishment report (sales velocity, safety stock, reorder points, suggested orders and transfers)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        written = compute_replenishment()
        self.stdout.write(f"{written} replenishment lines in {time.perf_counter() - started:.1f} s")
