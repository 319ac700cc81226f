import qrcode from 'qrcode-generator'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

const quietZone = 4

/** One SVG path of the dark modules: a phone camera reads it, no network, no image file. */
function qrPath(text: string): { size: number; d: string } {
  const code = qrcode(0, 'M')
  code.addData(text, 'Byte')
  code.make()
  const count = code.getModuleCount()
  const parts: string[] = []
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (code.isDark(row, col)) parts.push(`M${col + quietZone} ${row + quietZone}h1v1h-1z`)
    }
  }
  return { size: count + 2 * quietZone, d: parts.join('') }
}

export function PublicKeyQr({ publicKey }: { publicKey: string }) {
  const { t } = useTranslation()
  const { size, d } = useMemo(() => qrPath(publicKey), [publicKey])
  return (
    <svg
      className="public-key-qr"
      data-testid="own-key-qr"
      role="img"
      aria-label={t('allies.own.qr')}
      viewBox={`0 0 ${size} ${size}`}
      shapeRendering="crispEdges"
    >
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  )
}
