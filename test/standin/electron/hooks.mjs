// Module-resolution hook: `import ... from 'electron'` gets the stand-in. Every
// other specifier resolves as usual. Test-only: nothing shipped loads this file.
const standIn = new URL('./index.ts', import.meta.url).href

export async function resolve(specifier, context, nextResolve) {
  // Through the next hooks (tsx), which compile the stand-in's TypeScript.
  if (specifier === 'electron') return nextResolve(standIn, context)
  return nextResolve(specifier, context)
}
