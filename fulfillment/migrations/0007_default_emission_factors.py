"""Starting emission factors, one per transport mode, so estimates work on a fresh install. The merchant edits them
in admin (Fulfillment → Emission factors); the migration never overwrites an edited row."""

from decimal import Decimal

from django.db import migrations

SOURCE = "UK Government GHG Conversion Factors for Company Reporting 2024, freighting goods (rounded)"
URL = "https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting"
# g CO2e per tonne-km, well-to-wheel, rounded from the published kg figures.
DEFAULTS = {"road": Decimal("105"), "air": Decimal("1130"), "sea": Decimal("16"), "rail": Decimal("28")}


def create_defaults(apps, schema_editor):
    EmissionFactor = apps.get_model("fulfillment", "EmissionFactor")
    for mode, grams in DEFAULTS.items():
        EmissionFactor.objects.get_or_create(mode=mode, defaults={"grams_per_tonne_km": grams, "source": SOURCE, "source_url": URL})


class Migration(migrations.Migration):
    dependencies = [("fulfillment", "0006_carriers_consignments")]
    operations = [migrations.RunPython(create_defaults, migrations.RunPython.noop)]
