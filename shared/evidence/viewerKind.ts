export type ViewerKind = 'image' | 'pdf' | 'text' | 'audio' | 'video' | 'none'

const kinds: [RegExp, ViewerKind][] = [
  [/^image\/(png|jpeg|gif|webp)$/, 'image'],
  [/^application\/pdf$/, 'pdf'],
  [/^text\/plain$/, 'text'],
  [/^audio\/(mpeg|ogg|wav)$/, 'audio'],
  [/^video\/(mp4|quicktime|webm|x-matroska)$/, 'video'],
]

/**
 * How a stored file may be shown, by its sniffed type: the route serves only
 * these inline, and the viewer offers anything else only as "save a copy".
 */
export function viewerKind(mime: string): ViewerKind {
  return kinds.find(([pattern]) => pattern.test(mime))?.[1] ?? 'none'
}
