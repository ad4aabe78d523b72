// The review page: once the buyer submits "place order", the button is disabled so a double click cannot send the
// form twice (the server refuses a second order for the same cart anyway).
(function () {
  "use strict";
  var form = document.getElementById("place-order-form");
  var button = document.getElementById("place-order");
  if (!form || !button) { return; }
  form.addEventListener("submit", function () {
    setTimeout(function () { button.disabled = true; }, 0);
  });
})();
