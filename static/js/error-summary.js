// After a failed submit, move focus to the error summary so it is read first, and let its
// links focus the field they name (a plain #fragment only scrolls to it).
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (!summary) return;
  summary.focus();
  summary.addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const field = document.getElementById(link.getAttribute("href").slice(1));
    if (!field) return;
    event.preventDefault();
    const label = document.querySelector(`label[for="${field.id}"]`);
    (label || field).scrollIntoView({ block: "start" });
    field.focus({ preventScroll: true });
  });
});
