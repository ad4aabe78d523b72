"""`manage.py check_stock_ledger`: every stock row's on hand and allocated equal the sums of its ledger moves."""

from django.core.management.base import BaseCommand, CommandError

from fulfillment.selectors import ledger_mismatches


class Command(BaseCommand):
    help = "Check that on hand and allocated of every stock row equal the sums of its stock ledger moves."

    def handle(self, *args, **options):
        wrong = list(ledger_mismatches()[:1000])
        for stock in wrong:
            self.stdout.write(
                f"{stock.variant.sku} @ {stock.warehouse.code}: on hand {stock.quantity}, ledger {stock.ledger_on_hand}; "
                f"allocated {stock.quantity_allocated}, ledger {stock.ledger_allocated}"
            )
        if wrong:
            raise CommandError(f"{len(wrong)}{'+' if len(wrong) == 1000 else ''} stock row(s) differ from the stock ledger")
        self.stdout.write(self.style.SUCCESS("The stock ledger matches every stock row."))
