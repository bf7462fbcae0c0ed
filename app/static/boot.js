// Starts the qkit app: loads the WebAssembly module built by wasm-bindgen.
import init from './pkg/qkit-app.js';
init();
