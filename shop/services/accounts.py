"""Buyer account writes: the address book (one default address per buyer) and the guest cart taken over at login."""

from django.contrib.auth import get_user_model
from django.db import transaction

from shop.models import Address, Cart
from shop.pricing import PricingPolicy
from shop.services.cart import merge_carts
from shop.services.checkout import release_cart_reservation

ADDRESS_BOOK_FIELDS = ("full_name", "company", "line1", "line2", "postcode", "city", "region", "country", "phone", "vat_number")


def _lock_user(user) -> None:
    """Serialise address-book writes per buyer (also when they have no address yet to lock)."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()


def _owned(user, address_id) -> Address:
    """The buyer's own address, else Address.DoesNotExist (another buyer's id is treated as unknown)."""
    return Address.objects.get(pk=address_id, user=user)


@transaction.atomic
def save_address(user, data: dict, address_id: int | None = None, make_default: bool = False) -> Address:
    """Create (address_id None) or update one of the buyer's addresses from cleaned form data. The first address
    becomes the default; `make_default` moves the default to this one."""
    _lock_user(user)
    address = _owned(user, address_id) if address_id is not None else Address(user=user)
    for name in ADDRESS_BOOK_FIELDS:
        if name in data:
            setattr(address, name, data[name] if data[name] is not None else "")
    has_default = Address.objects.filter(user=user, is_default=True).exclude(pk=address.pk).exists()
    address.is_default = make_default or address.is_default or not has_default
    address.save()
    if address.is_default:
        Address.objects.filter(user=user, is_default=True).exclude(pk=address.pk).update(is_default=False)
    return address


@transaction.atomic
def remember_address(user, address: dict) -> Address | None:
    """Checkout's "save this address": add it to the buyer's address book unless the same address is there."""
    _lock_user(user)  # two submits of the same address add it once
    fields = {name: address.get(name, "") or "" for name in ADDRESS_BOOK_FIELDS if name != "vat_number"}
    if Address.objects.filter(user=user, **fields).exists():
        return None
    return save_address(user, fields)


@transaction.atomic
def set_default_address(user, address_id: int) -> Address:
    _lock_user(user)
    address = _owned(user, address_id)
    Address.objects.filter(user=user, is_default=True).exclude(pk=address.pk).update(is_default=False)
    if not address.is_default:
        address.is_default = True
        address.save(update_fields=["is_default"])
    return address


@transaction.atomic
def delete_address(user, address_id: int) -> None:
    """Delete one of the buyer's addresses; if it was the default, the newest remaining one takes over."""
    _lock_user(user)
    address = _owned(user, address_id)
    was_default = address.is_default
    address.delete()
    if was_default:
        successor = Address.objects.filter(user=user).order_by("-created_at", "-pk").first()
        if successor is not None:
            successor.is_default = True
            successor.save(update_fields=["is_default"])


@transaction.atomic
def adopt_guest_cart(user, token, market_id: int, policy: PricingPolicy) -> Cart | None:
    """At login: merge the session's guest cart (by token) into the account's cart, or make it the account's cart
    if there is none yet. The account's cart moves to the buyer's current market. Returns the account's cart, or
    None when the buyer has neither."""
    guest = Cart.objects.select_for_update().filter(token=token, user__isnull=True).first() if token else None
    account = Cart.objects.filter(user=user).order_by("-updated_at").first()
    if account is None and guest is None:
        return None
    if account is None:
        account, guest = guest, None
        account.user = user
    if account.market_id != market_id:
        release_cart_reservation(account)  # another market ships from other warehouses
        account.market_id = market_id
    account.save(update_fields=["user", "market", "updated_at"])
    if guest is not None:
        merge_carts(guest, account, policy)
    return account
