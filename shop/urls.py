from django.urls import path, register_converter

from shop.views import account as account_views
from shop.views import cart as cart_views
from shop.views import catalogue as views
from shop.views import checkout as checkout_views
from shop.views import credit_notes as credit_note_views
from shop.views import invoices as invoice_views
from shop.views import order_confirm as order_confirm_views
from shop.views import pages as page_views
from shop.views import payment as payment_views
from shop.views import returns as return_views

app_name = "shop"


class OrderNumberConverter:
    """Order numbers are letters, digits and hyphens (CR-2026-000123): anything else, a NUL byte included, is a 404
    before it reaches the database (PostgreSQL rejects NUL in text)."""

    regex = r"[-\w]+"

    def to_python(self, value):
        return value

    def to_url(self, value):
        return value


register_converter(OrderNumberConverter, "order_number")

urlpatterns = [
    path("", views.home, name="home"),
    path("c/<slug:slug>/", views.category, name="category"),
    path("p/<slug:slug>/", views.product, name="product"),
    path("search/", views.search, name="search"),
    path("pages/<slug:slug>/", page_views.page, name="page"),
    path("cart/", cart_views.cart_detail, name="cart"),
    path("cart/add/", cart_views.cart_add, name="cart-add"),
    path("cart/line/<int:variant_id>/", cart_views.cart_update, name="cart-update"),
    path("checkout/", checkout_views.address, name="checkout-address"),
    path("checkout/shipping/", checkout_views.shipping, name="checkout-shipping"),
    path("checkout/billing/", checkout_views.billing, name="checkout-billing"),
    path("checkout/review/", checkout_views.review, name="checkout-review"),
    path("checkout/voucher/", checkout_views.voucher, name="checkout-voucher"),
    path("checkout/place/", checkout_views.place, name="checkout-place"),
    path("checkout/pay/<order_number:number>/", payment_views.pay, name="checkout-pay"),
    path("checkout/done/<order_number:number>/", checkout_views.done, name="checkout-done"),
    path("checkout/done/<order_number:number>/invoice.pdf", invoice_views.guest_invoice, name="checkout-invoice"),
    path("orders/confirm/<str:token>/", order_confirm_views.confirm_order, name="order-confirm"),
    path("orders/track/<str:token>/", account_views.order_tracking, name="order-tracking"),
    path("orders/track/<str:token>/credit-notes/<order_number:credit_note>.pdf", credit_note_views.tracking_credit_note,
         name="tracking-credit-note"),
    path("orders/track/<str:token>/returns/new/", return_views.tracking_return_new, name="tracking-return-new"),
    path("orders/track/<str:token>/returns/<order_number:return_number>/", return_views.tracking_return, name="tracking-return"),
    path("orders/track/<str:token>/returns/<order_number:return_number>/label.pdf", return_views.tracking_return_label,
         name="tracking-return-label"),
    # Buyer account (sign-in pages themselves are allauth's, under accounts/)
    path("account/", account_views.overview, name="account"),
    path("account/orders/<order_number:number>/", account_views.order_detail, name="account-order"),
    path("account/orders/<order_number:number>/invoice.pdf", invoice_views.account_invoice, name="account-invoice"),
    path("account/orders/<order_number:number>/credit-notes/<order_number:credit_note>.pdf", credit_note_views.account_credit_note,
         name="account-credit-note"),
    path("account/orders/<order_number:number>/returns/new/", return_views.account_return_new, name="account-return-new"),
    path("account/orders/<order_number:number>/returns/<order_number:return_number>/", return_views.account_return, name="account-return"),
    path("account/orders/<order_number:number>/returns/<order_number:return_number>/label.pdf", return_views.account_return_label,
         name="account-return-label"),
    path("account/addresses/", account_views.address_list, name="account-addresses"),
    path("account/addresses/new/", account_views.address_create, name="account-address-add"),
    path("account/addresses/<int:pk>/", account_views.address_update, name="account-address-edit"),
    path("account/addresses/<int:pk>/delete/", account_views.address_delete, name="account-address-delete"),
    path("account/addresses/<int:pk>/default/", account_views.address_set_default, name="account-address-default"),
]
