from django.urls import path

from . import views
from .providers.stripe.localstripe import localstripe_confirm

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", views.provider_webhook, {"code": "stripe"}, name="stripe-webhook"),
    path("<slug:code>/webhook/", views.provider_webhook, name="provider-webhook"),
    path("localstripe/confirm/", localstripe_confirm, name="localstripe-confirm"),
]
