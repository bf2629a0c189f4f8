// The handbook's small scripts. Without JavaScript every page still reads and prints.

// Print buttons: shown only when JavaScript runs, since they need it.
document.querySelectorAll("[data-bb-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});

// Checklists: ticks stay on this device only (localStorage), per language and checklist.
function setupChecklist(list) {
  const key = `bb-ticks:${list.dataset.bbChecklist}`;
  const boxes = [...list.querySelectorAll("input[type=checkbox]")];
  let ticked = new Set();
  try {
    ticked = new Set(JSON.parse(localStorage.getItem(key) || "[]"));
  } catch {
    // No storage: ticks last until the page is closed.
  }
  const save = () => {
    try {
      localStorage.setItem(key, JSON.stringify(boxes.filter((box) => box.checked).map((box) => box.value)));
    } catch {
      // Private mode or full storage.
    }
  };
  boxes.forEach((box) => {
    box.checked = ticked.has(box.value);
    box.addEventListener("change", save);
  });
  const clear = list.parentElement.querySelector("[data-bb-clear]");
  if (clear) {
    clear.hidden = false;
    clear.addEventListener("click", () => {
      boxes.forEach((box) => (box.checked = false));
      save();
    });
  }
}
document.querySelectorAll("[data-bb-checklist]").forEach(setupChecklist);

// Booklet: fetch the chosen cards, put them one per page below the form, and print.
document.querySelectorAll("[data-bb-booklet]").forEach((form) => {
  const booklet = document.querySelector(".bb-booklet");
  form.querySelector("button[type=submit]").hidden = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const chosen = [...form.querySelectorAll("input:checked")].map((box) => new URL(box.value, document.baseURI));
    const cards = await Promise.all(chosen.map(async (url) => {
      const html = await (await fetch(url)).text();
      const card = new DOMParser().parseFromString(html, "text/html").querySelector(".bb-card");
      card.querySelectorAll("[id]").forEach((element) => (element.id = `${url.pathname}-${element.id}`));
      card.querySelectorAll("label[for]").forEach((label) => (label.htmlFor = `${url.pathname}-${label.htmlFor}`));
      // The QR code beside the card's page, loaded now: the booklet is printed at once.
      card.querySelectorAll("img").forEach((image) => {
        image.loading = "eager";
        image.src = new URL(image.getAttribute("src"), url);
      });
      return card;
    }));
    booklet.replaceChildren(...cards);
    booklet.querySelectorAll("[data-bb-checklist]").forEach(setupChecklist);
    await Promise.all([...booklet.querySelectorAll("img")].map((image) => image.decode().catch(() => {})));
    document.body.classList.add("bb-printing-booklet");
    booklet.hidden = false;
    window.print();
    document.body.classList.remove("bb-printing-booklet");
    booklet.hidden = true;
  });
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
    // In a saved language (offline.js) the search runs without Pagefind's web worker: some mobile browsers
    // do not let a worker's requests reach the saved copy.
    const noWorker = Boolean(navigator.serviceWorker?.controller);
    new PagefindUI({ element: box, showImages: false, resetStyles: false, bundlePath: base.pathname, noWorker });
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

// Reading without a connection: offline.js, beside this script, fills in the place for it at the end of the
// page when the reader comes near it, or at once when a language is saved on this device (to tell of a new
// version). Browsers without service workers leave the place empty.
document.querySelectorAll("[data-bb-offline]").forEach((place) => {
  if (!("serviceWorker" in navigator && "caches" in window)) return;
  const source = new URL("offline.js", document.currentScript.src);
  const load = () => {
    const script = document.createElement("script");
    script.src = source;
    document.head.append(script);
  };
  navigator.serviceWorker.getRegistration().then((saved) => {
    if (saved) return load();
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    }, { rootMargin: "400px" });
    observer.observe(place);
  });
});
