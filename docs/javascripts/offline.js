// Reading without a connection: the reader saves this language on the device, and the language's service
// worker (macros/outputs/offline_worker.js) serves the saved copy. Nothing is registered or downloaded
// before the reader presses the button. handbook.js loads this script when the reader comes near the
// place for it at the end of the page (overrides/main.html), or at once when a language is saved; the
// texts, in the page's language, come from the language's offline.json.

// Without a connection and without a saved copy there are no texts to show: the place stays empty.
setUpOffline(document.querySelector("[data-bb-offline]")).catch(() => {});

async function setUpOffline(place) {
  const root = new URL(place.dataset.bbOffline, document.baseURI);
  const workerAddress = new URL("sw.js", root);
  const scope = root.href;
  const texts = await (await fetch(new URL("offline.json", root))).json();
  const megabytes = new Intl.NumberFormat(`${document.documentElement.lang}-u-nu-latn`,
    { style: "unit", unit: "megabyte", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const fill = (text, values) => text.replace(/\{(\w+)\}/g, (_, key) => values[key]);

  const status = element("p", { role: "status" }, texts.intro);
  const saveButton = element("button", { type: "button", class: "md-button md-button--primary" }, texts.save);
  const removeButton = element("button", { type: "button", class: "md-button", hidden: "" }, texts.remove);
  const updateButton = element("button", { type: "button", class: "md-button md-button--primary" }, texts.update);
  const notice = element("div", { class: "bb-update md-typeset", role: "status", hidden: "" }, updateButton);
  place.replaceWith(element("section", { class: "bb-offline md-typeset", "aria-labelledby": "bb-offline-title" },
    element("div", { class: "md-grid bb-offline__inner" },
      element("h2", { id: "bb-offline-title" }, texts.title),
      status,
      element("p", { class: "bb-offline__actions" }, saveButton, removeButton))));
  document.body.append(notice);

  const show = (saved) => {
    saveButton.hidden = Boolean(saved);
    removeButton.hidden = !saved;
    status.textContent = saved ? fill(texts.saved, { size: megabytes.format(saved.bytes / 1e6) }) : texts.intro;
  };

  // This language's registration only: a page of /en/ also lies in the scope of the worker at /.
  const registration = async () => {
    const found = await navigator.serviceWorker.getRegistration(scope);
    return found?.scope === scope ? found : null;
  };

  // Save with the newest worker (a waiting one is a new build); a new build takes over once it is saved.
  const save = async () => {
    saveButton.disabled = true;
    notice.hidden = true;
    try {
      const found = (await registration()) || (await navigator.serviceWorker.register(workerAddress, { scope }));
      const worker = found.waiting || (await activeWorker(found));
      const before = found.active && (await ask(found.active, "status")).saved;
      const { saved } = await ask(worker, "save", (progress) => {
        status.textContent = fill(texts.saving, { percent: Math.floor(progress * 100) });
      });
      if (worker !== found.active) await ask(worker, "activate").then(() => reached(worker, "activated"));
      if (before && before.build !== saved.build) location.reload(); // this page came from the older copy
      else show(saved);
    } catch {
      status.textContent = texts.failed;
    } finally {
      saveButton.disabled = false;
    }
  };

  // A new build: the worker that is waiting, or the active one when the saved copy is older than it.
  const offerUpdate = async (found, saved) => {
    if (!saved) return;
    const newest = found.waiting || found.active;
    const { build } = await ask(newest, "status");
    if (build !== saved.build) notice.hidden = false;
    else if (found.waiting) ask(found.waiting, "activate"); // only the worker's code changed
  };

  const refresh = async () => {
    const found = await registration();
    if (!found?.active) return show(null);
    const { saved } = await ask(found.active, "status");
    show(saved);
    await offerUpdate(found, saved);
    if (found.installing) reached(found.installing, "installed").then(refresh, () => {});
  };

  saveButton.addEventListener("click", save);
  updateButton.addEventListener("click", save);
  removeButton.addEventListener("click", async () => {
    const found = await registration();
    if (found?.active) await ask(found.active, "remove");
    else await found?.unregister();
    notice.hidden = true;
    show(null);
  });
  await refresh();
  (await registration())?.addEventListener("updatefound", (event) => {
    reached(event.target.installing, "installed").then(refresh, () => {});
  });
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => node.setAttribute(name, value));
  node.append(...children);
  return node;
}

// A message to a service worker, answered on a channel of its own; progress reports come before the answer.
function ask(worker, type, onProgress = () => {}) {
  return new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = ({ data }) => {
      if (!data.done) onProgress(data.progress);
      else if (data.error) reject(new Error(data.error));
      else resolve(data);
    };
    worker.postMessage({ type }, [channel.port2]);
  });
}

// Resolves once the worker is in ``state`` or a later one.
function reached(worker, state) {
  const order = ["installing", "installed", "activating", "activated"];
  return new Promise((resolve, reject) => {
    const check = () => {
      if (worker.state === "redundant") reject(new Error("redundant"));
      else if (order.indexOf(worker.state) >= order.indexOf(state)) resolve(worker);
      else return;
      worker.removeEventListener("statechange", check);
    };
    worker.addEventListener("statechange", check);
    check();
  });
}

function activeWorker(registration) {
  return reached(registration.active || registration.installing || registration.waiting, "activating");
}
