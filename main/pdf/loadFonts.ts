/** Liberation Sans, regular and bold, for every PDF Sestra makes: Cyrillic prints the same everywhere. */
export async function loadFonts(): Promise<{ regular: Uint8Array; bold: Uint8Array }> {
  // Loaded only when a PDF is made: the fonts are half a megabyte of base64.
  const { liberationSansRegular, liberationSansBold } = await import('./fonts/liberationSans')
  return { regular: Buffer.from(liberationSansRegular, 'base64'), bold: Buffer.from(liberationSansBold, 'base64') }
}
