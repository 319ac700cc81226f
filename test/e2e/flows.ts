/*
 * Steps shared by the Chromium and the Electron end-to-end specs (the files
 * in flows/): they drive the UI only through data-testid selectors and
 * visible text.
 */
export * from './flows/contacts'
export * from './flows/journeys'
export * from './flows/renderer'
export * from './flows/screenshot'
export * from './flows/vault'
