"""Staff-only document downloads, included in config/urls.py at staff/fulfillment/ (namespace "fulfillment")."""

from django.contrib import admin
from django.urls import path

from fulfillment import views

app_name = "fulfillment"

urlpatterns = [
    path("consignments/<int:pk>/<slug:kind>.pdf", admin.site.admin_view(views.consignment_document), name="consignment-document"),
    path("pick-lists/<int:pk>.pdf", admin.site.admin_view(views.pick_list_document), name="pick-list-document"),
]
