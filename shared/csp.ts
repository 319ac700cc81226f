/**
 * The one Content-Security-Policy of the renderer, sent as a header by the
 * app:// protocol (and the test harness) and repeated in index.html's meta tag.
 * Nothing remote, nothing inline, no eval: a script injected through a record
 * field has nowhere to load from and nowhere to send to.
 */
export const productionCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')
