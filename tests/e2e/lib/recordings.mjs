// The kit's recordings in end-to-end tests: a test of synthetic speech hides them (the app then
// finds no recording for a text and speaks it), and a test of recordings records every audio
// file the page plays.

/** Serves an empty manifest of the audio folder to every page of `context`: only recordings a
 * definition names are played, every other text goes to synthetic speech. */
export async function withoutRecordings(context) {
  const empty = JSON.stringify({ format: 1, recordings: {} });
  await context.route('**/audio/manifest.json',
    (route) => route.fulfill({ status: 200, contentType: 'application/json', body: empty }));
}

/** In the page: records the path of every audio file played (`window.__played`) and holds it
 * "playing" until the test calls `window.__finish()`, which ends the one playing now. */
export function holdPlays() {
  window.__played = [];
  window.__finish = () => {
    const audio = window.__playing;
    window.__playing = null;
    audio?.dispatchEvent(new Event('ended'));
  };
  HTMLMediaElement.prototype.play = function play() {
    window.__played.push(new URL(this.src).pathname.replace(/^\//, ''));
    window.__playing = this;
    return Promise.resolve();
  };
}

/** In the page: records the path of every audio file played (`window.__played`) and ends it at
 * once, as if it had been heard. */
export function recordPlays() {
  window.__played = [];
  HTMLMediaElement.prototype.play = function play() {
    window.__played.push(new URL(this.src).pathname.replace(/^\//, ''));
    setTimeout(() => this.dispatchEvent(new Event('ended')), 0);
    return Promise.resolve();
  };
}
