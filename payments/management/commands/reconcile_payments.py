"""Repair payments whose Stripe webhook was missed: `python manage.py reconcile_payments [--days 7]`."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from payments.services import reconcile_stripe_payments
from payments.stripe_client import PaymentsNotConfigured


class Command(BaseCommand):
    help = "Compare recent Stripe payments with their PaymentIntents at Stripe and apply missed state changes."

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=7, help="look at payments created in the last N days (default 7)")

    def handle(self, *args, days, **options):
        try:
            changes = reconcile_stripe_payments(timezone.now() - timedelta(days=days))
        except PaymentsNotConfigured as exc:
            raise CommandError(str(exc)) from None
        for line in changes:
            self.stdout.write(line)
        self.stdout.write(f"{sum(1 for line in changes if '→' in line)} payment(s) changed.")
