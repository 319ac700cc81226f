/*
 * Text of the first-steps list, the backup reminder and their settings.
 * Plain data, no React, like en.ts.
 */
const firstStepsEn = {
  title: 'First steps',
  intro: 'Five things that make the vault worth having when it is needed. Each ticks itself when the vault sees it done.',
  progress: '{{done}} of {{total}} done',
  done: 'Done',
  todo: 'Not yet',
  steps: {
    family: 'Add yourself and your children, each with a passport.',
    lawyer: 'Add a lawyer, brief them for a campaign, and put them on speed dial.',
    panic: 'Learn the panic button and the panic shortcut. Practise here: nothing is wiped.',
    duress: 'Set a duress passphrase.',
    backup: 'Make a first backup for an ally.',
  },
  go: {
    family: 'Open people & documents',
    lawyer: 'Open contacts',
    panic: 'See the shortcut in Settings',
    duress: 'Open Settings',
    backup: 'Make a backup',
  },
  dismiss: 'Hide this list',
  dismissHint: 'Settings can show it again.',
  backup: {
    never: 'No backup has been made yet. If the laptop is taken or wiped, only a backup held by an ally can bring the data back.',
    old: 'The last backup was made on {{date}}, {{count}} days ago.',
    make: 'Make a backup',
  },
  settings: {
    title: 'First steps and backups',
    showList: 'Show the first-steps list again',
    shown: 'The list is shown on the Campaigns screen.',
    lastBackup: 'Last backup of the whole vault: {{date}}.',
    noBackup: 'No backup of the whole vault has been made yet.',
    reminder: 'Remind me when the last backup is older than',
    reminderDays: '{{count}} days',
    reminderNever: 'Never remind me',
    practiceTitle: 'Practise the panic button',
    practiceText: 'Hold this button as you would hold the real one. It wipes nothing.',
    dateHidden: 'The date is kept inside the encrypted vault, never beside it.',
  },
}

type FirstStepsMessages = typeof firstStepsEn

const firstStepsRu: FirstStepsMessages = {
  title: 'Первые шаги',
  intro: 'Пять дел, без которых хранилище не поможет, когда понадобится. Каждый пункт отмечается сам, когда хранилище видит, что он сделан.',
  progress: 'Сделано {{done}} из {{total}}',
  done: 'Сделано',
  todo: 'Ещё нет',
  steps: {
    family: 'Добавьте себя и своих детей, у каждого — загранпаспорт.',
    lawyer: 'Добавьте адвоката, проинформируйте его о кампании и поставьте на быстрый набор.',
    panic: 'Освойте кнопку экстренного удаления и сочетание клавиш. Потренируйтесь здесь: ничего не удалится.',
    duress: 'Задайте парольную фразу под принуждением.',
    backup: 'Сделайте первую резервную копию для союзника.',
  },
  go: {
    family: 'Открыть «Люди и документы»',
    lawyer: 'Открыть контакты',
    panic: 'Сочетание клавиш — в настройках',
    duress: 'Открыть настройки',
    backup: 'Сделать резервную копию',
  },
  dismiss: 'Скрыть этот список',
  dismissHint: 'Его можно снова показать в настройках.',
  backup: {
    never: 'Резервной копии ещё нет. Если ноутбук заберут или данные будут уничтожены, вернуть их сможет только копия у союзника.',
    old: 'Последняя резервная копия сделана {{date}}, дней назад: {{count}}.',
    make: 'Сделать резервную копию',
  },
  settings: {
    title: 'Первые шаги и резервные копии',
    showList: 'Снова показать список первых шагов',
    shown: 'Список показан на экране «Кампании».',
    lastBackup: 'Последняя резервная копия всего хранилища: {{date}}.',
    noBackup: 'Резервной копии всего хранилища ещё нет.',
    reminder: 'Напоминать, если последней копии больше',
    reminderDays: '{{count}} дней',
    reminderNever: 'Не напоминать',
    practiceTitle: 'Тренировка кнопки экстренного удаления',
    practiceText: 'Держите эту кнопку так же, как настоящую. Она ничего не удаляет.',
    dateHidden: 'Дата хранится внутри зашифрованного хранилища, а не рядом с ним.',
  },
}

export const firstStepsText = { en: firstStepsEn, ru: firstStepsRu }
