"""`manage.py seed_demo`: a deterministic, translated demo shop (markets, tax, rates, warehouses, catalogue, admin)."""

import time

from django.core.management.base import BaseCommand, CommandError

from shop.demo.seed import seed_demo


class Command(BaseCommand):
    help = (
        "Create the demo shop: six markets with tax and exchange rates, warehouses, a translated catalogue with "
        "variants, stock and drawn pictures, and an admin login. Does nothing but top up markets/rates/admin when "
        "products already exist, unless --reset is given."
    )

    def add_arguments(self, parser):
        parser.add_argument("--products", type=int, default=240, help="Number of products (default 240; 100000 works too).")
        parser.add_argument("--reset", action="store_true", help="Delete the existing catalogue first and rebuild it.")
        parser.add_argument("--quiet", action="store_true", help="No progress bars.")

    def handle(self, *args, products, reset, quiet, **options):
        if products < 1:
            raise CommandError("--products must be at least 1")
        verbosity = options.get("verbosity", 1)
        started = time.monotonic()

        def say(message: str) -> None:
            self.stdout.write(message)

        try:
            counts = seed_demo(products=products, reset=reset, quiet=quiet, say=say)
        except Exception as exc:
            raise CommandError(f"seeding failed: {exc!r} (run `manage.py seed_demo --reset` to start from scratch)") from exc
        if counts and verbosity:
            summary = ", ".join(f"{value} {key}" for key, value in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Demo shop seeded in {time.monotonic() - started:.1f} s: {summary}."))
        if verbosity:
            self.stdout.write("  Shop:  http://127.0.0.1:8000/")
            self.stdout.write("  Admin: http://127.0.0.1:8000/admin/")
