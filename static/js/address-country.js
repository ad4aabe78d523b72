// Address forms: choosing another country shows that country's address fields (state, prefecture, ZIP code ...).
// The form is sent back to the server with the "Show the fields for this country" button, which also works
// without JavaScript; here it is hidden and pressed when the country changes.
document.addEventListener("DOMContentLoaded", () => {
  for (const select of document.querySelectorAll("select[data-country-refresh]")) {
    const button = select.parentElement && select.parentElement.querySelector("button.country-refresh");
    if (!button || !select.form) continue;
    button.hidden = true;
    let shown = select.value;
    select.addEventListener("change", () => {
      if (select.value === shown) return;
      shown = select.value;
      if (select.form.requestSubmit) select.form.requestSubmit(button);
      else button.click();
    });
  }
});
