// A stand-in for Stripe.js (https://js.stripe.com/v3/) for the offline demo (`make run` without Stripe keys) and
// the browser tests, where payments go to localstripe. It implements only what static/payments/pay.js calls:
// Stripe(), elements({clientSecret}), elements.create("payment").mount(), confirmPayment(). "Pay" posts the test
// card number and the client secret to /payments/localstripe/confirm/, which exists only when the server talks to
// localstripe (a 3-D Secure test card first shows a challenge box); like Stripe, it then sends the browser to
// return_url with ?payment_intent=…&redirect_status=….
// It is a developer tool: its few words are English, as Stripe's own test-mode notices are.
(function () {
  "use strict";
  var CONFIRM_URL = "/payments/localstripe/confirm/";

  function mountCardForm(target) {
    target.innerHTML =
      '<div class="localstripe-element" style="border:1px dashed #888;padding:12px;border-radius:6px">' +
      '<p style="margin:0 0 8px;font-size:.85em;color:#555">Test mode (localstripe): no real money moves. ' +
      "4242 4242 4242 4242 pays, 4000 0000 0000 0341 is declined, 4000 0025 0000 3155 asks for 3-D Secure.</p>" +
      '<label for="localstripe-card-number">Card number</label> ' +
      '<input id="localstripe-card-number" name="localstripe-card-number" inputmode="numeric" autocomplete="off" ' +
      'value="4242 4242 4242 4242" style="width:16em"></div>';
  }

  function post(body) {
    return fetch(new URL(CONFIRM_URL, window.location.origin), {
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body)
    }).then(function (response) { return response.json(); });
  }

  // The bank's 3-D Secure page, as a box on this page: resolves true (approve) or false (fail).
  function challenge() {
    return new Promise(function (resolve) {
      var box = document.createElement("div");
      box.id = "localstripe-3ds";
      box.setAttribute("role", "dialog");
      box.style.cssText = "position:fixed;inset:30% 25% auto;background:#fff;border:2px solid #333;padding:20px;z-index:1000";
      box.innerHTML = "<p><strong>3-D Secure test</strong>: approve this payment?</p>" +
        '<button type="button" id="localstripe-3ds-approve">Complete authentication</button> ' +
        '<button type="button" id="localstripe-3ds-fail">Fail authentication</button>';
      document.body.appendChild(box);
      box.querySelector("#localstripe-3ds-approve").onclick = function () { box.remove(); resolve(true); };
      box.querySelector("#localstripe-3ds-fail").onclick = function () { box.remove(); resolve(false); };
    });
  }

  window.Stripe = function (publishableKey) {
    if (!publishableKey) { throw new Error("Stripe(): a publishable key is required"); }
    return {
      elements: function (options) {
        var clientSecret = (options || {}).clientSecret;
        return {
          clientSecret: clientSecret,
          create: function (type) {
            if (type !== "payment") { throw new Error("this stand-in only has the Payment Element"); }
            return { mount: function (selector) { mountCardForm(document.querySelector(selector)); } };
          },
          submit: function () { return Promise.resolve({}); }
        };
      },
      confirmPayment: function (params) {
        var clientSecret = params.elements.clientSecret;
        var number = document.getElementById("localstripe-card-number").value;
        return post({ client_secret: clientSecret, card_number: number }).then(function (data) {
          if (data.status === "requires_action") {  // a 3-D Secure card: the bank's challenge, then its answer
            return challenge().then(function (approved) {
              return post({ client_secret: clientSecret, authenticate: approved });
            });
          }
          return data;
        }).then(function (data) {
          if (data.error) {
            return { error: { type: data.error.type || "api_error", message: data.error.message } };
          }
          var back = new URL(params.confirmParams.return_url);
          back.searchParams.set("payment_intent", data.id);
          back.searchParams.set("payment_intent_client_secret", clientSecret);
          back.searchParams.set("redirect_status", data.status === "succeeded" ? "succeeded" : data.status === "processing" ? "pending" : "failed");
          window.location.assign(back.toString());
          return new Promise(function () {});  // the page is leaving
        });
      }
    };
  };
})();
