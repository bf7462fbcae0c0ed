// Starts the qkit assessor area: loads its WebAssembly module (a separate bundle from the
// participant's, built by wasm-bindgen), and registers the same service worker as the
// participant's page, so the assessor area also works with no network after one visit.
import init from './pkg/qkit-assessor.js';

init();

if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js');
}
