/*
 * Text of the seizure defences: the panic button, the copy buttons and the
 * settings that decide what a wipe does. Plain data, no React, like en.ts.
 */
const seizureEn = {
  panic: {
    button: 'Hold to wipe',
    holding: 'Keep holding…',
    hint: 'Press and hold for a second and a half to destroy the vault at once. Letting go earlier cancels.',
    notHeld: 'Nothing was wiped. To wipe, press and hold the button for a second and a half.',
    practiceButton: 'Hold to practise',
    practiced: 'Practice done: you held it long enough. Nothing was wiped. In earnest, the vault would now be gone.',
  },
  wipeFailure: {
    report: 'What the wipe reported:',
    acknowledge: 'Read, hide this',
  },
  copy: {
    button: 'Copy',
    label: 'Copy {{phone}}',
    copied: 'Copied. Sestra clears it from the clipboard after 30 seconds.',
  },
  settings: {
    title: 'If the laptop is taken',
    saved: 'Saved.',
    stored:
      'These settings are kept unencrypted in the app folder, beside the vault, so that they work while the vault is locked. Anyone holding the laptop can read them, for example that wiping after wrong passphrases is on. They contain nothing from the vault.',
    wipe: {
      title: 'What a wipe does',
      what: 'A wipe destroys the key that unlocks the vault, then deletes the vault files. It takes well under a second and works whether the vault is open or locked.',
      final: 'It cannot be undone. Nobody can bring the data back from this laptop: not you, not us, not a forensic examiner.',
      backup: 'Only an encrypted backup kept by a trusted ally can restore the data. Make one before you rely on a wipe.',
      legal:
        'Destroying data can itself carry legal risk, for example if it is treated as destroying evidence. Ask your lawyer when a wipe is right for you.',
      limits:
        'A wipe does not reach copies outside the vault: files you exported, backups, or what the operating system wrote to its swap or hibernation file. Turn on your operating system’s full-disk encryption.',
    },
    panicAction: {
      legend: 'After a panic wipe',
      quit: 'Close Sestra',
      fresh: 'Show the screen of a new, empty install',
    },
    shortcut: {
      title: 'Panic shortcut',
      text: 'Pressing these keys together wipes the vault at once, even while Sestra is minimised or in the background. Nothing asks for confirmation.',
      keys: 'Keys',
      change: 'Use these keys instead',
      inactive: 'The panic shortcut is not active on this system: use the “Hold to wipe” button.',
    },
    duress: {
      title: 'Duress passphrase',
      intro:
        'A second passphrase to give if someone forces you to unlock the vault. Typed at the unlock screen, it silently wipes the vault and opens a new, empty one, exactly as if it had just been created.',
      hidden: 'Sestra never shows whether a duress passphrase is set, not even here. Setting a new one replaces the old one.',
      current: 'Your real passphrase',
      duress: 'Duress passphrase',
      repeat: 'Repeat the duress passphrase',
      same: 'The duress passphrase must be different from your real passphrase.',
      submit: 'Set duress passphrase',
      clear: 'Remove duress passphrase',
      working: 'Saving…',
      set: 'The duress passphrase is set.',
      cleared: 'No duress passphrase is set now.',
    },
    failures: {
      label: 'Wipe after wrong passphrases',
      off: 'Never (recommended)',
      after: 'After {{count}} wrong passphrases in a row',
      risk:
        'Think twice before turning this on. A child playing with the laptop, a forgotten Caps Lock or a mistyped word count too, and then the data is gone for ever. Anyone who knows it is on can also destroy your data on purpose.',
    },
    autoLock: {
      label: 'Lock after this many minutes without use',
      hint: 'Sestra also locks whenever the computer sleeps or its screen locks. Time asleep counts as time without use.',
    },
    minimise: {
      label: 'Lock when the window is minimised',
      hint: 'Off by default: some people keep Sestra minimised all day on purpose.',
    },
    notifications: {
      label: 'Tell me through the system when a document needs attention',
      hint: 'After unlocking, if a passport or visa has expired or expires within 30 days. The notification only says "A document needs attention": no name, no document.',
    },
  },
}

type SeizureMessages = typeof seizureEn

const seizureRu: SeizureMessages = {
  panic: {
    button: 'Держите, чтобы удалить',
    holding: 'Держите дальше…',
    hint: 'Нажмите и держите полторы секунды, чтобы сразу уничтожить хранилище. Если отпустить раньше, ничего не произойдёт.',
    notHeld: 'Ничего не удалено. Чтобы удалить, нажмите кнопку и держите полторы секунды.',
    practiceButton: 'Держите для тренировки',
    practiced: 'Тренировка пройдена: вы держали достаточно долго. Ничего не удалено. По-настоящему хранилище было бы уже уничтожено.',
  },
  wipeFailure: {
    report: 'Что сообщило уничтожение:',
    acknowledge: 'Прочитано, скрыть',
  },
  copy: {
    button: 'Копировать',
    label: 'Копировать {{phone}}',
    copied: 'Скопировано. Через 30 секунд Sestra очистит буфер обмена.',
  },
  settings: {
    title: 'Если ноутбук заберут',
    saved: 'Сохранено.',
    stored:
      'Эти настройки хранятся незашифрованными в папке приложения, рядом с хранилищем, чтобы действовать, пока хранилище заблокировано. Их может прочитать любой, у кого в руках ноутбук, например увидеть, что включено удаление после неверных парольных фраз. Данных из хранилища в них нет.',
    wipe: {
      title: 'Что делает удаление',
      what: 'Удаление уничтожает ключ, которым открывается хранилище, а затем стирает файлы хранилища. Это занимает меньше секунды и работает, открыто хранилище или заблокировано.',
      final: 'Отменить удаление нельзя. Никто не сможет вернуть данные с этого ноутбука: ни вы, ни мы, ни эксперт-криминалист.',
      backup: 'Восстановить данные можно только из зашифрованной резервной копии у доверенного союзника. Сделайте её заранее.',
      legal:
        'Уничтожение данных само по себе может нести юридический риск, например если его сочтут уничтожением доказательств. Спросите своего юриста, когда удаление для вас оправдано.',
      limits:
        'Удаление не затрагивает копии вне хранилища: экспортированные файлы, резервные копии, а также то, что операционная система записала в файл подкачки или гибернации. Включите полное шифрование диска в операционной системе.',
    },
    panicAction: {
      legend: 'После экстренного удаления',
      quit: 'Закрыть Sestra',
      fresh: 'Показать экран новой, пустой установки',
    },
    shortcut: {
      title: 'Экстренное сочетание клавиш',
      text: 'Одновременное нажатие этих клавиш сразу удаляет хранилище, даже когда Sestra свёрнута или в фоне. Подтверждения не будет.',
      keys: 'Клавиши',
      change: 'Использовать другие клавиши',
      inactive: 'Экстренное сочетание клавиш на этой системе не работает: используйте кнопку «Держите, чтобы удалить».',
    },
    duress: {
      title: 'Парольная фраза под принуждением',
      intro:
        'Вторая парольная фраза на случай, если вас заставят открыть хранилище. Если ввести её на экране разблокировки, она незаметно удалит хранилище и откроет новое, пустое, в точности как только что созданное.',
      hidden: 'Sestra никогда не показывает, задана ли такая фраза, даже здесь. Новая фраза заменяет прежнюю.',
      current: 'Ваша настоящая парольная фраза',
      duress: 'Фраза под принуждением',
      repeat: 'Повторите фразу под принуждением',
      same: 'Фраза под принуждением должна отличаться от настоящей парольной фразы.',
      submit: 'Задать фразу под принуждением',
      clear: 'Убрать фразу под принуждением',
      working: 'Сохраняем…',
      set: 'Фраза под принуждением задана.',
      cleared: 'Фраза под принуждением больше не задана.',
    },
    failures: {
      label: 'Удалять после неверных парольных фраз',
      off: 'Никогда (рекомендуется)',
      after: 'После {{count}} неверных попыток подряд',
      risk:
        'Хорошо подумайте, прежде чем включать. Считаются и ребёнок, играющий с ноутбуком, и забытый Caps Lock, и опечатка, и тогда данные пропадут навсегда. Тот, кто знает, что это включено, может уничтожить ваши данные намеренно.',
    },
    autoLock: {
      label: 'Блокировать после стольких минут без действий',
      hint: 'Sestra также блокируется, когда компьютер засыпает или блокируется экран. Время сна считается временем без действий.',
    },
    minimise: {
      label: 'Блокировать, когда окно свёрнуто',
      hint: 'По умолчанию выключено: некоторые держат Sestra свёрнутой весь день намеренно.',
    },
    notifications: {
      label: 'Сообщать через систему, когда документ требует внимания',
      hint: 'После разблокировки, если срок паспорта или визы истёк или истекает в ближайшие 30 дней. Уведомление говорит только «Документ требует внимания»: ни имени, ни документа.',
    },
  },
}

export const seizureText = { en: seizureEn, ru: seizureRu }
