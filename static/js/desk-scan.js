// Packing desk: typing or scanning a SKU or EAN into a consignment's scan field and pressing Enter (scanners send
// Enter) counts one unit picked on the matching line. Without JavaScript, staff type the picked quantities.
(function () {
  function flash(form, text, ok) {
    var el = form.querySelector("[data-flash]");
    if (el) { el.textContent = text; el.style.color = ok ? "green" : "#ba2121"; }
  }
  document.addEventListener("keydown", function (event) {
    var field = event.target;
    if (event.key !== "Enter" || !field.hasAttribute || !field.hasAttribute("data-scan")) return;
    event.preventDefault();
    var code = field.value.trim().toUpperCase();
    var form = field.closest("[data-scan-form]");
    field.value = "";
    if (!code || !form) return;
    var inputs = form.querySelectorAll("input[data-sku]");
    for (var i = 0; i < inputs.length; i++) {
      var input = inputs[i];
      if (input.dataset.sku.toUpperCase() === code || (input.dataset.ean && input.dataset.ean === code)) {
        var value = parseInt(input.value || "0", 10), max = parseInt(input.dataset.max, 10);
        if (value >= max) { flash(form, input.dataset.sku + ": " + field.dataset.full, false); return; }
        input.value = value + 1;
        input.closest("tr").classList.toggle("desk-row-done", value + 1 === max);
        flash(form, input.dataset.sku + " " + (value + 1) + "/" + max, true);
        return;
      }
    }
    flash(form, code + ": " + field.dataset.unknown, false);
  });
})();
