from django.urls import path

from . import views

app_name = "payments"

urlpatterns = [
    path("stripe/webhook/", views.stripe_webhook, name="stripe-webhook"),
    path("localstripe/confirm/", views.localstripe_confirm, name="localstripe-confirm"),
]
