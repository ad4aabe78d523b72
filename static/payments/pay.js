// The pay page: Stripe's Payment Element (cards with 3-D Secure and the local methods Stripe offers for the
// currency). Card data goes from the buyer's browser to Stripe only; our server never sees it.
(function () {
  "use strict";
  var form = document.getElementById("payment-form");
  if (!form || typeof Stripe === "undefined") { return; }
  var stripe = Stripe(form.dataset.publishableKey, { locale: form.dataset.locale || "auto" });
  var elements = stripe.elements({ clientSecret: form.dataset.clientSecret, locale: form.dataset.locale || "auto" });
  elements.create("payment").mount("#payment-element");
  var button = document.getElementById("pay-button");
  var message = document.getElementById("payment-message");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    message.hidden = true;
    // On success Stripe sends the buyer to return_url (this page), which shows the payment's real state.
    stripe.confirmPayment({ elements: elements, confirmParams: { return_url: form.dataset.returnUrl } }).then(function (result) {
      if (result.error) {
        message.textContent = result.error.message;
        message.hidden = false;
        button.disabled = false;
      }
    });
  });
})();
