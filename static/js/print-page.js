// "Print this form" buttons (the model withdrawal form on the right-of-withdrawal page).
document.addEventListener("click", function (event) {
  if (event.target.closest("[data-print-page]")) {
    window.print();
  }
});
