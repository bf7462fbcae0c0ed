// qkit's service worker: keeps qkit's own files (pages, scripts, WebAssembly, styles, recorded
// audio, the kit configuration) so that after one visit qkit starts and works with no network.
//
// It never touches localStorage, where sittings are kept, so installing a new version cannot
// lose a draft. A new version waits: it takes over when qkit is next opened, or when staff
// choose "Use the new version" (the page sends "skip-waiting"). `./kit build` fills in VERSION
// (a hash of the built files) and FILES.
const VERSION = '__QKIT_VERSION__';
const FILES = __QKIT_FILES__;
const CACHE = `qkit-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys
        .filter((k) => k.startsWith('qkit-') && k !== CACHE)
        .map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.pathname.endsWith('/qkit-config.json')) {
    // The configuration may be changed by the service: the served copy when there is a
    // network, else the one kept.
    event.respondWith(fetch(request)
      .then((response) => {
        if (response.ok) {
          const copy = response.clone();
          caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })
      .catch(() => caches.match(request)));
    return;
  }
  event.respondWith(caches.match(request, { ignoreSearch: true })
    .then((kept) => kept || fetch(request)));
});
