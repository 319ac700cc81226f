import { useEffect } from 'react'
import { Alert } from '../../components/Alert'
import { useAction } from '../../components/useAction'
import { useEvidence } from '../../state/evidence'
import '../../components/records.css'
import './evidence.css'
import { FileViewer } from './FileViewer'
import { IncidentEditor } from './IncidentEditor'
import { Timeline } from './Timeline'

async function loadLists(): Promise<void> {
  const { loadOptions, loadFiles } = useEvidence.getState()
  await Promise.all([loadOptions(), loadFiles()])
}

/** The evidence locker: the timeline, an incident in the editor, and a file in the viewer over it. */
export function Evidence() {
  const editing = useEvidence((s) => s.editing)
  const viewing = useEvidence((s) => s.viewing)
  const lists = useAction(loadLists)
  const runLists = lists.run

  useEffect(() => {
    void runLists()
  }, [runLists])

  return (
    <>
      <Alert testId="evidence-error" code={lists.error} />
      {viewing && <FileViewer key={viewing.id} file={viewing} />}
      {/* Hidden, not unmounted, under the viewer: unsaved edits survive a look at a file. */}
      {editing ? (
        <div hidden={viewing !== null}>
          <IncidentEditor key={editing === 'new' ? 'new' : editing.id} incident={editing} />
        </div>
      ) : (
        !viewing && <Timeline />
      )}
    </>
  )
}
