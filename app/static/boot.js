// Starts the qkit app: loads the WebAssembly module built by wasm-bindgen, and (when served,
// not opened from a file) registers the service worker that lets qkit work offline.
import init from './pkg/qkit-app.js';

// The key-derivation worker's page side (kdf-client.js) loads when staff first give the
// passphrase, not with the first screen; loading, it puts the real qkitDerive in place.
globalThis.qkitDerive = (...args) => import('./kdf-client.js').then(() => globalThis.qkitDerive(...args));
globalThis.qkitDeriveCancel = () => {};

// The benchmark (`bench/compare.mjs`) reads how big the WebAssembly memory has grown: its size
// only, never its contents.
init().then((wasm) => {
  globalThis.__qkitWasmMemoryBytes = () => wasm.memory.buffer.byteLength;
});

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  // The app shows staff a notice when a new version is ready (`qkitUpdateReady` and the
  // `qkit-update-ready` event); `qkitApplyUpdate()` switches to it and reloads. Sittings are
  // in localStorage and survive either way.
  const announce = () => {
    window.qkitUpdateReady = true;
    window.dispatchEvent(new Event('qkit-update-ready'));
  };
  let switching = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (switching) location.reload();
  });
  window.qkitApplyUpdate = async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (registration?.waiting) {
      switching = true;
      registration.waiting.postMessage('skip-waiting');
    }
  };
  navigator.serviceWorker.register('sw.js').then((registration) => {
    // A browser that keeps service workers off (some private modes) may give none.
    if (!registration) return;
    if (registration.waiting && navigator.serviceWorker.controller) announce();
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing;
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) announce();
      });
    });
  });
}
