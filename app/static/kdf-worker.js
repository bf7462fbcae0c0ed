// qkit's key-derivation worker: runs scrypt (crate qkit-kdf, its own small module) away from
// the page, so the lock screen stays responsive and scrypt's memory goes when the page ends this
// worker. One message in: {passphrase, salt, logN, r, p, and in the single-file kit wasm, the
// module in base64}; one out: {secret} or {failed, error}, where failed is "start" (the module
// did not load) or "derive" (scrypt refused the parameters). A classic worker, so it runs in
// every browser with workers; tools/single_file.py puts the module's glue in place of the
// importScripts line below.
importScripts('pkg/qkit_kdf.js');

self.onmessage = async ({ data }) => {
  // Only the salt's own bytes are accepted: a view into anything bigger (the page's memory)
  // would have copied more than the salt here.
  if (data.salt?.buffer?.byteLength !== 16) {
    self.postMessage({ failed: 'derive', error: 'the salt must come alone, 16 bytes' });
    return;
  }
  try {
    const module_or_path = data.wasm === undefined
      ? 'pkg/qkit_kdf_bg.wasm' : Uint8Array.from(atob(data.wasm), (c) => c.charCodeAt(0));
    await wasm_bindgen({ module_or_path });
  } catch (error) {
    self.postMessage({ failed: 'start', error: String(error) });
    return;
  }
  try {
    const secret = wasm_bindgen.derive_secret(data.passphrase, data.salt, data.logN, data.r, data.p);
    self.postMessage({ secret }, [secret.buffer]);
  } catch (error) {
    self.postMessage({ failed: 'derive', error: String(error) });
  }
};
