// Starts the qkit assessor area: loads its WebAssembly module (a separate bundle from the
// participant's, built by wasm-bindgen).
import init from './pkg/qkit-assessor.js';
init();
