const attempts = 60

/**
 * Focuses (and scrolls to) the element a selector names once the screen that
 * holds it has rendered: navigation changes the store first and React paints
 * a frame or more later, so this looks once per frame for about a second.
 */
export function focusWhenShown(selector: string): void {
  let left = attempts
  const look = () => {
    const element = document.querySelector<HTMLElement>(selector)
    if (element) {
      element.scrollIntoView({ block: 'center' })
      element.focus()
      return
    }
    if (--left > 0) requestAnimationFrame(look)
  }
  requestAnimationFrame(look)
}
