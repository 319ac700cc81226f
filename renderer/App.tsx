import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { Alert } from './components/Alert'
import { AppFrame } from './screens/AppFrame'
import { CreateVault } from './screens/CreateVault'
import { Unlock } from './screens/Unlock'
import { useVault } from './state/vault'

export function App() {
  const { t } = useTranslation()
  const status = useVault((s) => s.status)
  const failure = useVault((s) => s.failure)

  useEffect(() => {
    void useVault.getState().load()
  }, [])

  switch (status) {
    case 'absent':
      return <CreateVault />
    case 'locked':
      return <Unlock />
    case 'unlocked':
      return <AppFrame />
    case 'loading':
      return (
        <main className="card loading">
          {failure ? <Alert testId="load-error" code={failure} /> : <p>{t('app.opening')}</p>}
        </main>
      )
  }
}
