/**
 * Padmé padding (Nikitin et al., "Reducing Metadata Leakage from Encrypted
 * Files and Communication with PURBs", 2019): the length is rounded up so
 * that only its top O(log log L) bits remain, which costs at most about 12%
 * and leaves O(log log L) bits of information about the true length. Files of
 * 1000 and 1001 bytes both become 1024; 1 GB files differ only in 16 MiB steps.
 */
export function padme(length: number): number {
  if (!Number.isSafeInteger(length) || length < 0) throw new RangeError('length')
  if (length < 2) return length
  const exponent = Math.floor(Math.log2(length))
  const mantissaBits = Math.floor(Math.log2(exponent)) + 1
  // Arithmetic, not bit masks: lengths pass 2^31 and JavaScript masks are 32-bit.
  const step = 2 ** (exponent - mantissaBits)
  return Math.ceil(length / step) * step
}
