/**
 * A file of the packaged app moved to its unpacked twin: electron-builder's
 * `asarUnpack` copies files to `app.asar.unpacked/` beside the archive. The
 * age worker runs from there: it is an ES module in a worker thread, and
 * whether Electron's ESM loader in a worker resolves files and packages
 * inside app.asar could not be checked here (no Electron binary), so the
 * worker and everything it imports sit on the real filesystem instead.
 * Outside a packaged app the URL is unchanged.
 */
export function unpackedUrl(url: URL): URL {
  return new URL(url.href.replace(/\/app\.asar\//, '/app.asar.unpacked/'))
}
