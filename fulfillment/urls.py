"""Staff-only document downloads, included in config/urls.py at staff/fulfillment/ (namespace "fulfillment")."""

from django.contrib import admin
from django.urls import path

from fulfillment import converters, views  # noqa: F401  (converters: the row_id converter)

app_name = "fulfillment"

urlpatterns = [
    path("consignments/<row_id:pk>/<slug:kind>.pdf", admin.site.admin_view(views.consignment_document), name="consignment-document"),
    path("pick-lists/<row_id:pk>.pdf", admin.site.admin_view(views.pick_list_document), name="pick-list-document"),
]
