// The handbook's small scripts. Without JavaScript every page still reads and prints.

// Print buttons: shown only when JavaScript runs, since they need it.
document.querySelectorAll("[data-bb-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// Search: Pagefind's index is only fetched on the search page, and only for the page's own language.
document.querySelectorAll("[data-bb-search]").forEach((box) => {
  const base = new URL(box.dataset.pagefind, document.baseURI);
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = new URL("pagefind-ui.css", base);
  document.head.append(style);
  const script = document.createElement("script");
  script.src = new URL("pagefind-ui.js", base);
  script.addEventListener("load", () => {
    // eslint-disable-next-line no-undef
    new PagefindUI({ element: box, showImages: false, resetStyles: false, bundlePath: base.pathname });
    const query = new URLSearchParams(location.search).get("q");
    const input = box.querySelector("input");
    if (input) {
      input.setAttribute("aria-label", box.dataset.label);
      if (query) {
        input.value = query;
        input.dispatchEvent(new Event("input"));
      }
    }
  });
  document.head.append(script);
});
