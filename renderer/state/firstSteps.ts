import { create } from 'zustand'
import { localToday } from '../../shared/calendarDates'
import type { FirstStepMark, FirstSteps, backupReminderChoices } from '../../shared/firstSteps'
import { call } from '../api'

interface FirstStepsData {
  /** Null until read; it is vault content (what is done), so it goes with the rest on lock. */
  data: FirstSteps | null
}

interface FirstStepsActions {
  load(): Promise<void>
  mark(mark: FirstStepMark, on: boolean): Promise<void>
  setReminder(days: (typeof backupReminderChoices)[number]): Promise<void>
}

export const initialFirstSteps: FirstStepsData = { data: null }

export const useFirstSteps = create<FirstStepsData & FirstStepsActions>()((set, get) => ({
  ...initialFirstSteps,
  async load() {
    set({ data: await call('firstSteps', { today: localToday() }) })
  },
  async mark(mark, on) {
    await call('markFirstStep', { mark, on })
    await get().load()
  },
  async setReminder(days) {
    await call('setBackupReminder', { days })
    await get().load()
  },
}))
