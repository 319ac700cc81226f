import { useTranslation } from 'react-i18next'
import type { CampaignTask } from '../../../shared/domain/campaign'
import { DateInput } from '../../components/DateInput'

const blankTask: CampaignTask = { title: '', owner: '', dueDate: null, done: false }

/** The plan: tasks with who, when and whether done, edited with the campaign. */
export function TaskList({ tasks, onChange }: { tasks: CampaignTask[]; onChange(tasks: CampaignTask[]): void }) {
  const { t } = useTranslation()
  const change = (index: number, patch: Partial<CampaignTask>) => onChange(tasks.map((task, i) => (i === index ? { ...task, ...patch } : task)))

  return (
    <fieldset>
      <legend>{t('campaigns.editor.tasks')}</legend>
      {tasks.length === 0 && <p className="hint">{t('campaigns.editor.noTasks')}</p>}
      <ol className="task-list">
        {tasks.map((task, i) => (
          <li key={i} className="task-row" data-testid="task-row">
            <div className="field">
              <label htmlFor={`task-${i}-title`}>{t('campaigns.editor.taskTitle')}</label>
              <input id={`task-${i}-title`} data-testid="task-title" type="text" value={task.title} onChange={(e) => change(i, { title: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`task-${i}-owner`}>{t('campaigns.editor.taskOwner')}</label>
              <input id={`task-${i}-owner`} data-testid="task-owner" type="text" value={task.owner} onChange={(e) => change(i, { owner: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={`task-${i}-due`}>{t('campaigns.editor.taskDue')}</label>
              <DateInput id={`task-${i}-due`} testId="task-due" value={task.dueDate ?? ''} onChange={(dueDate) => change(i, { dueDate: dueDate || null })} />
            </div>
            <label className="checkbox">
              <input type="checkbox" data-testid="task-done" checked={task.done} onChange={(e) => change(i, { done: e.target.checked })} />
              {t('campaigns.editor.taskDone')}
            </label>
            <button type="button" className="danger" aria-label={`${t('campaigns.editor.removeTask')} ${i + 1}`} onClick={() => onChange(tasks.filter((_, j) => j !== i))}>
              {t('campaigns.editor.removeTask')}
            </button>
          </li>
        ))}
      </ol>
      <button type="button" data-testid="task-add" onClick={() => onChange([...tasks, blankTask])}>
        {t('campaigns.editor.addTask')}
      </button>
    </fieldset>
  )
}
