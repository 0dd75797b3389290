// Service worker: the report opens without a network after the first visit.
// - App files (content-hashed) are cached at install and served from the cache.
// - The page and the data are fetched from the network first, so a newly published snapshot
//   shows on the next online visit; offline, the saved copy is served, marked with the header
//   x-offline-copy (its saved date), and the app says it is a saved copy.
// - A snapshot response is saved only when it is complete, valid JSON with a schema_version:
//   a broken or partial update never replaces a good saved copy (the good copy is served).
// - A saved copy that the browser lost is noticed and made again (see save).
// The build (scripts/trunk-post-build.mjs) fills in VERSION and ASSETS.
const VERSION = '__VERSION__';
const ASSETS = __ASSETS__;
const APP_CACHE = `fgz-app-${VERSION}`;
const DATA_CACHE = 'fgz-data-v1';

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(APP_CACHE).then((cache) => cache.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((key) => key.startsWith('fgz-app-') && key !== APP_CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

// WebKit keeps Cache Storage in memory in private windows (and in WebDriver sessions). When no
// page or worker of the site has held a cache for a while (the worker is stopped about ten
// seconds after the site's last page is left), WebKit reopens the cache with every entry
// unreadable: the name stays, keys() and match() find nothing, and a later put of an address
// it held is dropped without an error (its in-memory store is keyed by record numbers that
// reopening renews). So every save is read back; a save the cache dropped means the cache lost
// its entries, and it is made again: deleted, the app's files fetched anew into it (for the
// app's cache), then the response saved. Each online page load saves the page and the data,
// so a lost copy is back by the end of the next online visit.
async function save(name, key, response) {
  await (await caches.open(name)).put(key, response.clone());
  if (await (await caches.open(name)).match(key)) return;
  await caches.delete(name);
  const fresh = await caches.open(name);
  if (name === APP_CACHE) await fresh.addAll(ASSETS);
  await fresh.put(key, response);
}

function withOfflineMark(response, savedAt) {
  const headers = new Headers(response.headers);
  headers.set('x-offline-copy', savedAt || 'unknown');
  return response.blob().then((body) => new Response(body, { status: 200, statusText: 'OK', headers }));
}

async function isGoodSnapshot(response) {
  if (!response.ok) return false;
  try {
    const text = await response.clone().text();
    const length = response.headers.get('content-length');
    if (length && response.headers.get('content-encoding') === null && Number(length) !== new TextEncoder().encode(text).length) return false;
    const value = JSON.parse(text);
    return value !== null && typeof value === 'object' && typeof value.schema_version === 'number';
  } catch (error) {
    return false;
  }
}

async function data(request) {
  const cache = await caches.open(DATA_CACHE);
  const saved = await cache.match(request, { ignoreSearch: false });
  try {
    const response = await fetch(request, { cache: 'no-cache' });
    if (await isGoodSnapshot(response)) {
      const headers = new Headers(response.headers);
      headers.set('x-saved-at', new Date().toISOString().slice(0, 16).replace('T', ' '));
      const body = await response.clone().blob();
      // A copy that cannot be saved (storage full) still leaves the reader the fresh response.
      await save(DATA_CACHE, request, new Response(body, { status: 200, headers })).catch(() => {});
      return response;
    }
    if (saved && response.status !== 404) {
      return withOfflineMark(saved, saved.headers.get('x-saved-at'));
    }
    return response;
  } catch (error) {
    if (saved) return withOfflineMark(saved, saved.headers.get('x-saved-at'));
    throw error;
  }
}

// The report's page is kept as './'; a page of one visual (visual-….html) under its own
// name. Offline, a visual's page not kept yet falls back to the report's page, which shows
// the visual alone from the address's `visual=`.
async function page(event, key) {
  try {
    const response = await fetch(event.request);
    // Saved while the page is already on its way (a lost cache is refilled without delaying it).
    if (response.ok) event.waitUntil(save(APP_CACHE, key, response.clone()).catch(() => {}));
    return response;
  } catch (error) {
    const cached = (await caches.match(key)) || (await caches.match('./'));
    if (cached) return cached;
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  const scope = new URL(self.registration.scope);
  if (!url.pathname.startsWith(scope.pathname)) return;
  const path = url.pathname.slice(scope.pathname.length);
  // Only the app's own pages are kept as pages (opening the quoted report's text file must
  // not replace the kept report page).
  const visualPage = /^visual-[a-z0-9_-]+\.html$/.test(path);
  if (path === '' || path === 'index.html' || visualPage) {
    event.respondWith(page(event, visualPage ? `./${path}` : './'));
  } else if (path.startsWith('data/') && path.endsWith('.json')) {
    event.respondWith(data(request));
  } else {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  }
});
