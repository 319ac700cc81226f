/** The age worker from source (through tsx): what the app's built ageWorker.js is made from. */
export const ageWorkerSource = new URL('./ageWorker.mjs', import.meta.url)
