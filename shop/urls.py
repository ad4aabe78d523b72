from django.urls import path

from . import invoice_views, views

app_name = "shop"

urlpatterns = [
    path("", views.home, name="home"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("p/<slug:slug>/", views.product, name="product"),
    path("search/", views.search, name="search"),
    path("cart/", views.cart_detail, name="cart"),
    path("cart/add/", views.cart_add, name="cart-add"),
    path("cart/line/<int:variant_id>/", views.cart_update, name="cart-update"),
    path("account/orders/<str:number>/invoice.pdf", invoice_views.account_invoice, name="account-invoice"),
]
