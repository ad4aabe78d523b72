"""Carriers as data: a carrier (name, tracking-address template), its services (each with a transport mode), lanes
(a service from a warehouse to a destination country: transit days and distance), the emission factor of each
mode (editable, with its public source) and the packaging staff pack into."""

from urllib.parse import quote

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class TransportMode(models.TextChoices):
    ROAD = "road", _("road")
    AIR = "air", _("air")
    SEA = "sea", _("sea")
    RAIL = "rail", _("rail")


class EmissionFactor(models.Model):
    """Grams of CO2-equivalent per tonne-kilometre for a transport mode (well-to-wheel), from a named public source.
    A shipment's estimate is weight (t) × distance (km) × this factor."""

    mode = models.CharField(_("transport mode"), max_length=8, choices=TransportMode.choices, unique=True)
    grams_per_tonne_km = models.DecimalField(_("g CO2e per tonne-km"), max_digits=10, decimal_places=3,
                                             validators=[MinValueValidator(0)])
    source = models.CharField(_("source"), max_length=200,
                              help_text=_("The published figure this comes from, e.g. GLEC Framework v3, default for parcel delivery by van."))
    source_url = models.URLField(_("source address"), blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        ordering = ("mode",)
        verbose_name = _("emission factor")
        verbose_name_plural = _("emission factors")

    def __str__(self):
        return f"{self.get_mode_display()}: {self.grams_per_tonne_km} g/t·km"


def validate_tracking_template(value: str) -> None:
    if value and "{tracking_number}" not in value:
        raise ValidationError(_("Put {tracking_number} where the tracking number goes in the address."))
    if value and not value.startswith(("https://", "http://")):
        raise ValidationError(_("The tracking address must start with https://."))


class Carrier(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=80)
    tracking_url_template = models.CharField(
        _("tracking address"), max_length=300, blank=True, validators=[validate_tracking_template],
        help_text=_("Where buyers follow a parcel, with {tracking_number} in it, e.g. https://www.dhl.de/track?piececode={tracking_number}"),
    )
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ("name",)
        verbose_name = _("carrier")
        verbose_name_plural = _("carriers")

    def __str__(self):
        return self.name

    def tracking_url(self, tracking_number: str) -> str:
        if not self.tracking_url_template or not tracking_number:
            return ""
        return self.tracking_url_template.replace("{tracking_number}", quote(tracking_number, safe=""))


class CarrierService(models.Model):
    carrier = models.ForeignKey(Carrier, on_delete=models.CASCADE, related_name="services", verbose_name=_("carrier"))
    code = models.SlugField(_("code"), max_length=40)
    name = models.CharField(_("name"), max_length=80)
    mode = models.CharField(_("transport mode"), max_length=8, choices=TransportMode.choices, default=TransportMode.ROAD,
                            help_text=_("How the parcel travels the long leg; chooses the emission factor."))

    class Meta:
        ordering = ("carrier__name", "name")
        verbose_name = _("carrier service")
        verbose_name_plural = _("carrier services")
        constraints = [models.UniqueConstraint(fields=("carrier", "code"), name="carrierservice_unique_code")]

    def __str__(self):
        return f"{self.carrier.name} {self.name}"


class Lane(models.Model):
    """A carrier service from a warehouse to a destination country: how long it takes and how far it goes."""

    service = models.ForeignKey(CarrierService, on_delete=models.CASCADE, related_name="lanes", verbose_name=_("service"))
    warehouse = models.ForeignKey("fulfillment.Warehouse", on_delete=models.CASCADE, related_name="lanes", verbose_name=_("from warehouse"))
    destination = CountryField(_("to country"))
    min_days = models.PositiveSmallIntegerField(_("transit from (working days)"))
    max_days = models.PositiveSmallIntegerField(_("transit up to (working days)"))
    distance_km = models.PositiveIntegerField(
        _("distance (km)"), null=True, blank=True,
        help_text=_("Empty: the great-circle distance from the warehouse to the country's centre."))

    class Meta:
        ordering = ("warehouse", "destination", "service")
        verbose_name = _("lane")
        verbose_name_plural = _("lanes")
        constraints = [
            models.UniqueConstraint(fields=("service", "warehouse", "destination"), name="lane_unique"),
            models.CheckConstraint(condition=Q(max_days__gte=F("min_days")), name="lane_days_range"),
        ]

    def __str__(self):
        return f"{self.service} {self.warehouse.code} → {self.destination.code}"


class PackagingType(models.Model):
    code = models.SlugField(_("code"), max_length=32, unique=True)
    name = models.CharField(_("name"), max_length=80)
    is_reusable = models.BooleanField(_("reusable / eco"), default=False,
                                      help_text=_("A returnable or recycled-material pack; shown to staff as the greener choice."))
    length_mm = models.PositiveIntegerField(_("length (mm)"))
    width_mm = models.PositiveIntegerField(_("width (mm)"))
    height_mm = models.PositiveIntegerField(_("height (mm)"))
    tare_grams = models.PositiveIntegerField(_("empty weight (g)"), default=0)
    max_weight_grams = models.PositiveIntegerField(_("holds up to (g)"), default=30000)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ("-is_reusable", "length_mm", "code")
        verbose_name = _("packaging")
        verbose_name_plural = _("packaging")

    def __str__(self):
        return self.name
