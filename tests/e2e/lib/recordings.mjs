// The kit's recordings in end-to-end tests: a test of synthetic speech hides them (the app then
// finds no recording for a text and speaks it), and a test of recordings records every audio
// file the page plays, each fetched from the page and proved a real Ogg Opus (or WAV) file (a
// missing or damaged recording shows as `BAD <path>: <why>` in the list of played files).

/** Serves an empty manifest of the audio folder to every page of `context`: only recordings a
 * definition names are played, every other text goes to synthetic speech. */
export async function withoutRecordings(context) {
  const empty = JSON.stringify({ format: 1, recordings: {} });
  await context.route('**/audio/manifest.json',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: empty }));
}

/** In the page: the check that a played recording is real (fetched from the page's own origin:
 * status 200, and a `.ogg` file an Ogg stream, "OggS", carrying Opus, "OpusHead"; a person's
 * `.wav` recording a RIFF "WAVE" file), as the played path, or
 * `BAD <path>: <why>` so that the test's list of played paths shows the problem. One fetch per
 * URL (the promise is kept), so a whole battery stays quick. Defined in the page by the two stubs
 * below, which call it by name. */
function checkedPlay(src) {
  const path = new URL(src).pathname.replace(/^\//, '');
  window.__checked ??= new Map();
  if (!window.__checked.has(src)) {
    window.__checked.set(src, (async () => {
      if (new URL(src).origin !== location.origin) return `BAD ${path}: not from this page's origin`;
      const response = await fetch(src);
      if (response.status !== 200) return `BAD ${path}: status ${response.status}`;
      const bytes = new Uint8Array(await response.arrayBuffer());
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512));
      if (path.endsWith('.wav')) {
        const wav = head.startsWith('RIFF') && head.slice(8, 12) === 'WAVE';
        return wav ? path : `BAD ${path}: not a WAV file`;
      }
      if (!path.endsWith('.ogg')) return `BAD ${path}: neither .ogg nor .wav`;
      if (!head.startsWith('OggS')) return `BAD ${path}: does not start with OggS`;
      if (!head.includes('OpusHead')) return `BAD ${path}: no OpusHead (not Opus)`;
      return path;
    })().catch((e) => `BAD ${path}: ${e}`));
  }
  return window.__checked.get(src);
}

/** In the page: records the path of every audio file played (`window.__played`, once it is
 * proved real by `checkedPlay`) and holds it "playing" until the test calls `window.__finish()`,
 * which ends the one playing now. */
export const holdPlays = new Function(`${checkedPlay}
  window.__played = [];
  window.__finish = () => {
    const audio = window.__playing;
    window.__playing = null;
    audio?.dispatchEvent(new Event('ended'));
  };
  HTMLMediaElement.prototype.play = function play() {
    window.__playing = this;
    return checkedPlay(this.src).then((played) => { window.__played.push(played); });
  };`);

/** In the page: records the path of every audio file played (`window.__played`, once it is
 * proved real by `checkedPlay`) and ends it at once, as if it had been heard. */
export const recordPlays = new Function(`${checkedPlay}
  window.__played = [];
  HTMLMediaElement.prototype.play = function play() {
    return checkedPlay(this.src).then((played) => {
      window.__played.push(played);
      setTimeout(() => this.dispatchEvent(new Event('ended')), 0);
    });
  };`);
