"""The stock ledger: every change of on hand or allocated is a StockMove written with the change, so on hand and
allocated always equal the ledger's sums (`manage.py check_stock_ledger`), whoever changes stock and however."""

import threading

import pytest
from django.core.management import CommandError, call_command
from django.db import connection, connections
from django.urls import reverse

from fulfillment.models import Stock, StockMove
from fulfillment.selectors import ledger_mismatches
from fulfillment.services import InsufficientStock, StockError, allocate_stock, deallocate_stock, receive_stock, set_bin_location, set_stock_level
from tests import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(django_user_model):
    return django_user_model.objects.create_superuser("stock", "stock@example.com", "a-long-password-1")


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def stock(db):
    warehouse = f.WarehouseFactory(code="berlin", country="DE", countries_served=["DE"])
    return f.StockFactory(warehouse=warehouse, quantity=10)


def _form_data(page) -> dict:
    """What the admin change page would post: the main form's and every inline formset's current values."""
    data = {}
    forms = [page.context["adminform"].form]
    for inline in page.context["inline_admin_formsets"]:
        formset = inline.formset
        forms.append(formset.management_form)
        forms.extend(formset.forms)
    for form in forms:
        for bound in form:
            value = bound.value()
            if value is None or value is False:
                continue
            if value is True:
                value = "on"
            if hasattr(value, "amount") and hasattr(value, "currency"):  # django-money's amount and currency widgets
                value = [value.amount, value.currency]
            if isinstance(value, (list, tuple)):
                for index, part in enumerate(value):  # multi-value widgets (money: amount and currency)
                    data[f"{bound.html_name}_{index}"] = "" if part is None else str(part)
                continue
            data[bound.html_name] = str(value)
    return data


def _ledger(stock):
    moves = StockMove.objects.filter(stock=stock)
    return sum(m.delta_on_hand for m in moves), sum(m.delta_allocated for m in moves)


def test_allocation_and_release_are_ledger_moves_naming_the_order(stock):
    allocate_stock("order:7", {stock.variant_id: 3}, [stock.warehouse_id])
    deallocate_stock("order:7")
    moves = list(StockMove.objects.filter(stock=stock).order_by("pk").values_list("reason", "delta_on_hand", "delta_allocated", "reference"))
    assert moves == [("opening_balance", 10, 0, ""), ("allocation", 0, 3, "order:7"), ("deallocation", 0, -3, "order:7")]
    stock.refresh_from_db()
    assert (stock.quantity, stock.quantity_allocated) == _ledger(stock) == (10, 0)
    assert not ledger_mismatches().exists()


def test_receipts_and_counts_by_staff_keep_the_ledger_and_never_go_below_allocated(stock, staff):
    received = receive_stock(stock.variant_id, stock.warehouse_id, 5, reference="PO-1", user=staff)
    assert received.pk == stock.pk and received.quantity == 15
    other = f.WarehouseFactory(code="osaka", country="JP", countries_served=["JP"])
    new_row = receive_stock(stock.variant_id, other.pk, 4, reference="PO-2", user=staff)
    assert new_row.quantity == 4 and _ledger(new_row) == (4, 0)

    allocate_stock("order:1", {stock.variant_id: 6}, [stock.warehouse_id])
    move = set_stock_level(stock.pk, 12, note="stock take", user=staff)
    assert (move.delta_on_hand, move.reason, move.user, move.note) == (-3, "adjustment", staff, "stock take")
    assert set_stock_level(stock.pk, 12, user=staff) is None  # the count matches: nothing to record
    write_off = set_stock_level(stock.pk, 6, reason=StockMove.Reason.WRITE_OFF, note="water damage", user=staff)
    assert write_off.delta_on_hand == -6
    with pytest.raises(StockError, match="6 units are allocated"):
        set_stock_level(stock.pk, 5, user=staff)
    for bad in ("-1", "x", "1\x00", 10**12, None):
        with pytest.raises(StockError):
            set_stock_level(stock.pk, bad, user=staff)
    with pytest.raises(StockError):
        receive_stock(stock.variant_id, stock.warehouse_id, 0)
    stock.refresh_from_db()
    assert (stock.quantity, stock.quantity_allocated) == _ledger(stock) == (6, 6)
    call_command("check_stock_ledger")


def test_stock_changes_by_staff_reach_the_listing_refresh(stock, staff, django_capture_on_commit_callbacks):
    """A count or a receipt is a model save of the stock row, so shop's listeners refresh the product's listing
    prices (stock decides where it ships from) as they did when admin saved the row directly."""
    with django_capture_on_commit_callbacks() as callbacks:
        set_stock_level(stock.pk, 4, user=staff)
    assert callbacks
    with django_capture_on_commit_callbacks() as callbacks:
        receive_stock(stock.variant_id, stock.warehouse_id, 3, user=staff)
    assert callbacks
    stock.refresh_from_db()
    assert stock.quantity == 7 and _ledger(stock) == (7, 0)


def test_the_check_command_names_every_row_the_ledger_does_not_explain(stock, capsys):
    call_command("check_stock_ledger")
    assert "matches every stock row" in capsys.readouterr().out
    Stock.objects.filter(pk=stock.pk).update(quantity=11)  # changed behind the services' back
    with pytest.raises(CommandError, match="1 stock row"):
        call_command("check_stock_ledger")
    out = capsys.readouterr().out
    assert f"{stock.variant.sku} @ berlin: on hand 11, ledger 10" in out


def test_staff_edits_in_admin_go_through_the_ledger(staff_client, staff, stock):
    # The stock list's editable column.
    changelist = reverse("admin:fulfillment_stock_changelist")
    page = staff_client.get(changelist)
    assert page.status_code == 200
    form = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(stock.pk), "form-0-quantity": "14", "_save": "Save"}
    assert staff_client.post(changelist, form).status_code == 302
    stock.refresh_from_db()
    assert stock.quantity == 14
    last = StockMove.objects.filter(stock=stock).first()
    assert (last.reason, last.delta_on_hand, last.user) == ("adjustment", 4, staff)

    # Below what orders hold: a form error, nothing changes.
    allocate_stock("order:3", {stock.variant_id: 8}, [stock.warehouse_id])
    form["form-0-quantity"] = "7"
    refused = staff_client.post(changelist, form)
    assert refused.status_code == 200 and "8 units are allocated" in refused.content.decode()
    stock.refresh_from_db()
    assert stock.quantity == 14

    # The variant's stock inline: a changed row is an adjustment, a new warehouse a goods receipt.
    other = f.WarehouseFactory(code="london", country="GB", countries_served=["GB"])
    url = reverse("admin:shop_productvariant_change", args=[stock.variant_id])
    page = staff_client.get(url)
    assert page.status_code == 200
    variant = stock.variant
    data = _form_data(page)  # the change form as the browser would post it, then the staff member's edits
    data.update({"stocks-TOTAL_FORMS": "2", "stocks-0-quantity": "20",
                 "stocks-1-variant": str(variant.pk), "stocks-1-warehouse": str(other.pk), "stocks-1-quantity": "5"})
    response = staff_client.post(url, data)
    assert response.status_code == 302, [response.context["adminform"].form.errors] + [i.formset.errors for i in response.context["inline_admin_formsets"]]
    stock.refresh_from_db()
    london = Stock.objects.get(variant=variant, warehouse=other)
    assert (stock.quantity, london.quantity) == (20, 5)
    assert StockMove.objects.filter(stock=london, reason="receipt", delta_on_hand=5, user=staff).exists(), list(StockMove.objects.filter(stock=london).values())
    assert StockMove.objects.filter(stock=stock, reason="adjustment", delta_on_hand=6, user=staff).exists()
    call_command("check_stock_ledger")


def test_the_ledger_list_is_read_only_and_cheap(staff_client, stock, django_assert_max_num_queries):
    for number in range(60):
        allocate_stock(f"order:{number}", {stock.variant_id: 1}, [stock.warehouse_id]) if number < 10 else None
        receive_stock(stock.variant_id, stock.warehouse_id, 1, reference=f"PO-{number}")
    url = reverse("admin:fulfillment_stockmove_changelist")
    with django_assert_max_num_queries(12):
        page = staff_client.get(url)
    assert page.status_code == 200 and "PO-59" in page.content.decode()
    with django_assert_max_num_queries(12):
        assert staff_client.get(url + "?reason__exact=allocation&q=order").status_code == 200
    assert staff_client.get(reverse("admin:fulfillment_stockmove_add")).status_code == 403


@pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks need PostgreSQL")
@pytest.mark.django_db(transaction=True)
def test_counts_and_orders_racing_keep_the_ledger_and_never_undercut_allocations():
    """Staff write the stock down while buyers allocate: whichever locks the row first wins, the other sees its
    result; on hand never drops below allocated and the ledger explains every unit."""
    warehouse = f.WarehouseFactory(code="race", country="DE", countries_served=["DE"])
    stock = f.StockFactory(warehouse=warehouse, quantity=20)
    results, barrier = [], threading.Barrier(12)

    def work(i):
        try:
            barrier.wait()
            if i % 3 == 0:
                set_stock_level(stock.pk, 8 - i // 3, note=f"count {i}")
                results.append("counted")
            else:
                allocate_stock(f"order:{i}", {stock.variant_id: 2}, [warehouse.pk])
                results.append("allocated")
        except (StockError, InsufficientStock):
            results.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=work, args=(i,)) for i in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert len(results) == 12 and "allocated" in results
    stock.refresh_from_db()
    assert 0 <= stock.quantity_allocated <= stock.quantity
    assert (stock.quantity, stock.quantity_allocated) == _ledger(stock)
    assert stock.quantity_allocated == 2 * results.count("allocated")
    assert stock.quantity_allocated == 2 * StockMove.objects.filter(stock=stock, reason="allocation").count()
    call_command("check_stock_ledger")


def test_bins_are_kept_in_one_shape_and_are_not_stock_changes(staff_client, stock):
    assert set_bin_location(stock.pk, " b-03-12 ").bin_location == "B-03-12"
    for bad in ("B3-12", "ABCD-01-01", "A-1-1", "A-01-01\x00"):
        with pytest.raises(StockError, match="aisle-shelf-bin"):
            set_bin_location(stock.pk, bad)
    moves = StockMove.objects.filter(stock=stock).count()

    changelist = reverse("admin:fulfillment_stock_changelist")
    form = {"form-TOTAL_FORMS": "1", "form-INITIAL_FORMS": "1", "form-0-id": str(stock.pk), "form-0-quantity": "10",
            "form-0-bin_location": "c-07-01", "_save": "Save"}
    assert staff_client.post(changelist, form).status_code == 302
    stock.refresh_from_db()
    assert stock.bin_location == "C-07-01" and StockMove.objects.filter(stock=stock).count() == moves  # not a stock change
    form["form-0-bin_location"] = "shelf 7"
    refused = staff_client.post(changelist, form)
    assert refused.status_code == 200 and "aisle-shelf-bin" in refused.content.decode()
    assert staff_client.get(changelist + "?q=C-07-01").content.decode().count(stock.variant.sku) >= 1
