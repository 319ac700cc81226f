import { create } from 'zustand'

export const screens = ['campaigns', 'people', 'contacts', 'evidence', 'allies', 'settings'] as const
export type Screen = (typeof screens)[number]

interface NavigationData {
  screen: Screen
}

interface NavigationActions {
  go(screen: Screen): void
}

export const initialNavigation: NavigationData = { screen: 'campaigns' }

export const useNavigation = create<NavigationData & NavigationActions>()((set) => ({
  ...initialNavigation,
  go: (screen) => set({ screen }),
}))
