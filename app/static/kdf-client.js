// The page's side of qkit's key-derivation worker (kdf-worker.js). qkitDerive(passphrase, salt,
// logN, r, p) runs scrypt in a new worker and resolves with the 32-byte secret, or with a string
// saying why scrypt refused the parameters; it rejects, saying why, when no worker starts or
// answers, or when it is cancelled. One check runs at a time: a new one, or qkitDeriveCancel()
// (the app calls it when staff cancel or qkit locks), ends the one before, so nobody can pile up
// workers by starting and cancelling checks. A worker is ended as soon as it answers, which
// releases its memory. In the single-file kit the worker's script comes from the page's data
// block `qkit-kdf-worker`, as a blob, and its module from `qkit-kdf-wasm`.
let current = null;

globalThis.qkitDeriveCancel = () => current?.('cancelled');

globalThis.qkitDerive = (passphrase, salt, logN, r, p) => new Promise((resolve, reject) => {
  globalThis.qkitDeriveCancel();
  const block = (id) => document.getElementById(id)?.textContent;
  const script = block('qkit-kdf-worker');
  const url = script === undefined
    ? 'kdf-worker.js' : URL.createObjectURL(new Blob([script], { type: 'text/javascript' }));
  const worker = new Worker(url);
  const end = (settle, value) => {
    clearTimeout(timer);
    worker.terminate();
    if (script !== undefined) URL.revokeObjectURL(url);
    if (current === cancel) current = null;
    settle(value);
  };
  const cancel = (why) => end(reject, why);
  current = cancel;
  const timer = setTimeout(() => end(reject, 'the worker did not answer in time'), 30000);
  worker.onerror = (event) => end(reject, `the worker did not start (${event.message ?? ''})`);
  worker.onmessage = ({ data }) => {
    if (data.secret) end(resolve, data.secret);
    else if (data.failed === 'derive') end(resolve, data.error);
    else end(reject, `the worker could not load scrypt (${data.error})`);
  };
  // The salt arrives as a view into the app's WebAssembly memory: only its 16 bytes may go to
  // the worker, never the memory behind it (keys, answers).
  worker.postMessage({ passphrase, salt: salt.slice(), logN, r, p, wasm: block('qkit-kdf-wasm') });
});
