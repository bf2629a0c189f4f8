// The service worker of one language of the handbook: it saves the language on the reader's device when
// the reader asks (docs/javascripts/offline.js), and serves the saved copy. macros/outputs/offline.py
// writes one into each language's folder, with OFFLINE above this code: the build id, every file to save
// (its address relative to this worker, and a hash of its content), the offline page, and the folders of
// the other languages inside this worker's scope, which it leaves alone.
//
// A saved copy is one cache per build; its list of contents is written last, so a copy without one is
// incomplete and never used. The worker serves the newest complete copy. A saved page comes from the
// network only when it is the very page that was saved (the same hash), else from the copy: a reader never
// sees pages of one build with the search index of another, and a new build waits until the reader agrees.

const TIMEOUT = 3000; // milliseconds to wait for the network before showing the saved page
const PARALLEL = 6; // downloads at a time while saving
const SCOPE = self.registration.scope;
const PREFIX = `bb-offline ${SCOPE} `;
const CACHE = PREFIX + OFFLINE.build;
const CONTENTS = new URL("bb-offline-contents.json", SCOPE).href; // a key in the cache, never on the server
const OFFLINE_PAGE = new URL(OFFLINE.offline, self.location).href;
const OTHERS = OFFLINE.others.map((path) => new URL(path, self.location).href);

let copyFound = null; // the saved copy this worker serves, looked up once; again after a save or removal
let othersRemoved = false;

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    if ((await savedCopy())?.name === CACHE) await removeOtherBuilds();
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  const port = event.ports[0];
  const tasks = { status, save: () => save(port), remove, activate: () => self.skipWaiting().then(() => ({})) };
  const task = tasks[event.data?.type];
  if (!task) return;
  event.waitUntil(task().then(
    (result) => port?.postMessage({ done: true, ...result }),
    (error) => port?.postMessage({ done: true, error: String(error) }),
  ));
});

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === "navigate" && !ours(request.url)) return; // a page of another language
  event.respondWith(respond(event));
});

// --- Serving ---

async function respond(event) {
  const { request } = event;
  const copy = await savedCopy();
  if (!copy) return fetch(request);
  if (copy.name === CACHE && !othersRemoved) {
    othersRemoved = true;
    event.waitUntil(removeOtherBuilds());
  }
  if (request.mode === "navigate") return openPage(request, copy);
  const client = event.clientId ? await self.clients.get(event.clientId) : null;
  if (client && !ours(client.url)) return fetch(request); // a file for a page of another language
  return (await copy.cache.match(request, { ignoreSearch: true, ignoreVary: true })) || fetchAndKeep(request, copy);
}

async function openPage(request, copy) {
  const address = request.url.split(/[?#]/)[0];
  const hash = copy.files.get(address);
  if (hash === undefined) return fetchOrOffline(request, copy);
  const saved = copy.cache.match(address, { ignoreVary: true });
  try {
    const response = await fetchWithin(address, TIMEOUT);
    if (response.ok && !response.redirected && (await digest(await response.clone().arrayBuffer())) === hash) {
      return response;
    }
    self.registration.update().catch(() => {}); // the page changed on the site: a new build, and its worker
  } catch {
    // No connection, or too slow: the saved page.
  }
  return (await saved) || fetchOrOffline(request, copy);
}

// Not in the saved copy: from the network; without a connection, what was kept, else the offline page.
async function fetchOrOffline(request, copy) {
  try {
    return await fetchAndKeep(request, copy);
  } catch (error) {
    return (await copy.cache.match(request.url, { ignoreSearch: true, ignoreVary: true }))
      || (await copy.cache.match(OFFLINE_PAGE, { ignoreVary: true }))
      || Promise.reject(error);
  }
}

// A PDF the reader opens or downloads is kept in the saved copy; pages are not (they belong to a build).
async function fetchAndKeep(request, copy) {
  const response = await fetch(request);
  if (response.ok && response.type === "basic" && (response.headers.get("Content-Type") || "").startsWith("application/pdf")) {
    await keep(copy, request.url, response.clone());
  }
  return response;
}

// From the server, not the browser's HTTP cache: a short conditional request when nothing changed.
function fetchWithin(address, milliseconds) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), milliseconds);
  return fetch(address, { signal: controller.signal, cache: "no-cache" }).finally(() => clearTimeout(timer));
}

function ours(address) {
  return address.startsWith(SCOPE) && !OTHERS.some((root) => address.startsWith(root));
}

// --- Saved copies ---

function savedCopy() {
  copyFound ??= findSavedCopy();
  return copyFound;
}

async function findSavedCopy() {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  names.sort((a, b) => (b === CACHE) - (a === CACHE)); // this worker's build first
  for (const name of names) {
    const cache = await caches.open(name);
    const contents = await cache.match(CONTENTS);
    if (contents) {
      const { build, bytes, files } = await contents.json();
      return { name, cache, build, bytes, files: new Map(Object.entries(files).map(([path, hash]) => [new URL(path, self.location).href, hash])) };
    }
  }
  return null;
}

async function status() {
  const copy = await savedCopy();
  return { build: OFFLINE.build, saved: copy && { build: copy.build, bytes: copy.bytes } };
}

async function save(port) {
  const cache = await caches.open(CACHE);
  const waiting = Object.keys(OFFLINE.files);
  const total = waiting.length;
  let bytes = 0;
  const download = async () => {
    while (waiting.length) {
      const path = waiting.shift();
      const response = await fetch(new URL(path, self.location), { cache: "no-cache" });
      const body = await response.clone().arrayBuffer();
      if (!response.ok || (await digest(body)) !== OFFLINE.files[path]) throw new Error(`${path}: not the file of this build`);
      await cache.put(new URL(path, self.location), response);
      bytes += body.byteLength;
      port?.postMessage({ done: false, progress: (total - waiting.length) / total });
    }
  };
  try {
    await Promise.all(Array.from({ length: PARALLEL }, download));
  } catch (error) {
    await caches.delete(CACHE);
    throw error;
  }
  await writeContents(cache, { build: OFFLINE.build, bytes, files: OFFLINE.files });
  copyFound = null;
  return { saved: { build: OFFLINE.build, bytes } };
}

async function keep(copy, address, response) {
  const body = await response.arrayBuffer();
  await copy.cache.put(address, new Response(body, response));
  copy.bytes += body.byteLength;
  const files = Object.fromEntries([...copy.files].map(([url, hash]) => [url, hash]));
  await writeContents(copy.cache, { build: copy.build, bytes: copy.bytes, files });
}

function writeContents(cache, contents) {
  return cache.put(CONTENTS, new Response(JSON.stringify(contents), { headers: { "Content-Type": "application/json" } }));
}

async function remove() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX)) await caches.delete(name);
  }
  copyFound = null;
  await self.registration.unregister();
  return { saved: null };
}

async function removeOtherBuilds() {
  for (const name of await caches.keys()) {
    if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
  }
}

async function digest(body) {
  const hash = new Uint8Array(await crypto.subtle.digest("SHA-256", body));
  return Array.from(hash.slice(0, 8), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
