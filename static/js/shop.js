// Progressive enhancement: choosing a variant updates price, availability and the URL without a reload.
(function () {
  // Header menus (<details>): Escape closes the open one and returns focus; leaving it with Tab closes it.
  document.querySelectorAll("details.switcher").forEach(function (d) {
    d.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && d.open) {
        d.open = false;
        d.querySelector("summary").focus();
      }
    });
    d.addEventListener("focusout", function (event) {
      if (d.open && !d.contains(event.relatedTarget)) d.open = false;
    });
  });
  var form = document.getElementById("variant-form");
  if (!form) return;
  form.addEventListener("change", function (event) {
    var input = event.target;
    if (input.name !== "variant") return;
    var price = document.getElementById("price");
    var stock = document.getElementById("availability");
    if (price) price.textContent = input.dataset.price;
    var taxnote = document.getElementById("taxnote");
    if (taxnote && input.dataset.taxnote) taxnote.textContent = input.dataset.taxnote;
    var ships = document.getElementById("ships-from");
    if (ships && input.dataset.ships) ships.textContent = input.dataset.ships;
    if (stock) {
      stock.textContent = input.dataset.stock;
      stock.className = "availability " + (input.dataset.instock === "1" ? "in" : "out");
    }
    var addVariant = document.getElementById("add-variant");
    if (addVariant) addVariant.value = input.value;
    var addButton = document.getElementById("add-button");
    if (addButton) addButton.disabled = input.dataset.instock !== "1";
    var sku = document.getElementById("sku");
    if (sku) sku.textContent = input.dataset.sku;
    var url = new URL(window.location.href);
    url.searchParams.set("variant", input.value);
    window.history.replaceState(null, "", url);
  });
  // Close the other switcher when one opens.
  document.querySelectorAll("details.switcher").forEach(function (d) {
    d.addEventListener("toggle", function () {
      if (d.open) document.querySelectorAll("details.switcher").forEach(function (o) { if (o !== d) o.open = false; });
    });
  });
})();
