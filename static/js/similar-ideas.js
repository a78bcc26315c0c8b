// Progressive enhancement: while a resident types a title, show ideas that look like it in a
// polite live region. Without JavaScript the same list is shown once, before saving.
(() => {
  const region = document.querySelector("[data-similar-url]");
  const title = document.getElementById("title");
  if (!region || !title || !window.fetch || !window.AbortController) return;
  const WAIT_MS = 500;
  const MIN_LENGTH = 10;
  let timer = null;
  let controller = null;
  let asked = title.value.trim();

  async function show(text) {
    if (controller) controller.abort();
    controller = new AbortController();
    const url = `${region.dataset.similarUrl}?${new URLSearchParams({ title: text })}`;
    try {
      const response = await fetch(url, { signal: controller.signal, credentials: "same-origin" });
      if (!response.ok) return;
      const fragment = new DOMParser().parseFromString(await response.text(), "text/html");
      region.replaceChildren(...fragment.body.childNodes);
    } catch (error) {
      // Aborted by newer typing, or offline: the check before saving still runs.
    }
  }

  title.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const text = title.value.trim();
      if (text === asked) return;
      asked = text;
      if (text.length < MIN_LENGTH) {
        if (controller) controller.abort();
        region.replaceChildren();
        return;
      }
      show(text);
    }, WAIT_MS);
  });
})();
