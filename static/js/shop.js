// Progressive enhancement: choosing a variant updates price, availability, picture and the URL without a reload;
// the phone menu, the filter drawer and the gallery's thumbnails.
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
  // Phone menu: the #site-menu link becomes a toggle button (without JavaScript it works through :target).
  var toggle = document.querySelector(".menu-toggle");
  var header = document.querySelector(".site-header");
  if (toggle && header) {
    toggle.setAttribute("role", "button");
    toggle.addEventListener("click", function (event) {
      event.preventDefault();
      var open = header.classList.toggle("menu-open");
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && header.classList.contains("menu-open")) {
        header.classList.remove("menu-open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }
  // Filter drawer: closed on phones, always open on wide screens (CSS shows it there; this is for older browsers).
  var drawer = document.getElementById("filter-drawer");
  if (drawer && window.matchMedia("(min-width: 761px)").matches) drawer.open = true;
  // Gallery: a thumbnail shows its picture large instead of opening the file.
  var main = document.getElementById("gallery-main");
  function showPicture(src, alt) {
    if (!main || !src) return;
    main.src = src;
    if (alt) main.alt = alt;
    document.querySelectorAll(".thumb").forEach(function (t) {
      if (t.dataset.src === src) t.setAttribute("aria-current", "true"); else t.removeAttribute("aria-current");
    });
  }
  document.querySelectorAll(".thumb").forEach(function (thumb) {
    thumb.addEventListener("click", function (event) {
      event.preventDefault();
      showPicture(thumb.dataset.src, thumb.dataset.alt);
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
    if (input.dataset.image) showPicture(input.dataset.image, input.dataset.imageAlt);
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
