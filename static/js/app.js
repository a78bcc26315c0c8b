// Progressive enhancement: support an idea without a page reload. Without JavaScript the
// same forms post normally, so everything works either way.
document.addEventListener("submit", async (event) => {
  const form = event.target.closest("[data-vote-form]");
  if (!form || !window.fetch) return;
  event.preventDefault();
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const response = await fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    });
    if (!response.ok) {
      form.submit();
      return;
    }
    const result = await response.json();
    const section = form.closest(".support");
    // The server renders the section in its new state; swap in everything but the live
    // region, which must stay in the page for screen readers to announce the change.
    const doc = new DOMParser().parseFromString(result.html, "text/html");
    const fresh = doc.querySelector("[data-vote-region]");
    const region = section.querySelector("[data-vote-region]");
    if (fresh && region) {
      region.replaceWith(fresh);
      const freshButton = fresh.querySelector("[data-vote-form] button");
      if (freshButton) freshButton.focus();
    }
    const status = section.querySelector("[data-vote-status]");
    if (status) {
      status.textContent = "";
      // A short pause between emptying and filling makes repeated messages announced too.
      setTimeout(() => { status.textContent = result.message; }, 100);
    }
    document.querySelectorAll("[data-vote-count]").forEach((el) => {
      el.textContent = String(result.vote_count);
    });
  } catch (error) {
    form.submit();
  } finally {
    button.disabled = false;
  }
});
