/*
 * English UI text. The shape of this object is the contract for every other
 * language (see `Messages`); it imports only other text modules, so tests can read it without React.
 */
import { alliesText } from './allies'
import { campaignsText } from './campaigns'
import { evidenceText } from './evidence'
import { firstStepsText } from './firstSteps'
import { peopleText } from './people'
import { seizureText } from './seizure'

export const en = {
  app: {
    name: 'Sestra',
    opening: 'Opening the vault…',
  },
  dateInput: {
    pattern: 'Date as {{pattern}}',
    calendar: 'Calendar',
    previous: 'Previous month',
    next: 'Next month',
  },
  language: {
    label: 'Language',
    en: 'English',
    ru: 'Русский',
  },
  create: {
    title: 'Create your vault',
    intro: 'Everything you keep in Sestra is encrypted with a passphrase that only you know.',
    passphrase: 'Passphrase',
    repeat: 'Repeat the passphrase',
    warning:
      'If you forget this passphrase, the data is lost for ever. Nobody can recover or reset it: not us, not a helpline, not the police.',
    advice: 'Use four or more ordinary words that you can remember and nobody can guess.',
    submit: 'Create vault',
    working: 'Creating the vault…',
  },
  unlock: {
    title: 'Unlock the vault',
    passphrase: 'Passphrase',
    submit: 'Unlock',
    working: 'Unlocking…',
    moving: 'Moving stored files into the new format: {{done}} of {{total}}',
  },
  strength: {
    label: 'Passphrase strength',
    score: {
      tooWeak: 'Too weak',
      weak: 'Weak',
      fair: 'Fair',
      good: 'Good',
      strong: 'Strong',
    },
    tooShort: 'Use at least 8 characters; several words are better.',
    common: 'This is one of the first passwords anyone would try.',
    repetitive: 'Repeated characters and runs like 1234 are easy to guess.',
    addWords: 'Add another word or two to make it harder to guess.',
    strong: 'A strong passphrase. Make sure you will remember it.',
  },
  validation: {
    mismatch: 'The two passphrases are not the same.',
    tooShort: 'Too short: a passphrase needs at least 8 characters. Several ordinary words are best.',
    tooCommon: 'This is one of the first passwords anyone would try. Choose another one.',
    tooWeak:
      'Too easy to guess: whoever takes the laptop could find it. Add words until the meter shows “Good”, or use a suggested passphrase.',
    nameRequired: 'Enter a name.',
    phoneInvalid: 'One of the phone numbers cannot be dialled: use digits, spaces, brackets, dashes and an optional +.',
  },
  generator: {
    suggest: 'Suggest a passphrase of random words',
    another: 'Suggest another',
    words: 'Words in',
    strength: 'Strength: {{words}} words drawn at random from {{list}}, about {{bits}} bits. Nobody can guess that, even knowing the list.',
    use: 'Use this passphrase',
    learn: 'Say it to yourself several times until you know it by heart: you will type it every time you open Sestra.',
  },
  frame: {
    navigation: 'Sections',
    lock: 'Lock',
    speedDial: 'Speed dial',
    speedDialEmpty: 'Mark a contact for speed dial to see it here.',
  },
  nav: {
    campaigns: 'Campaigns',
    people: 'People & documents',
    contacts: 'Contacts',
    evidence: 'Evidence',
    allies: 'Allies',
    settings: 'Settings',
  },
  contacts: {
    title: 'Contacts',
    search: 'Search by name or organisation',
    new: 'New contact',
    empty: 'No contacts yet.',
    noMatch: 'No contact matches the search.',
    total: 'Contacts in the vault: {{total}}',
    noPhone: 'no phone',
  },
  editor: {
    newTitle: 'New contact',
    editTitle: 'Edit contact',
    name: 'Name',
    organisation: 'Organisation',
    roles: 'Roles',
    phones: 'Phone numbers',
    phonesHint: 'Separate several numbers with commas or new lines.',
    notes: 'Notes',
    speedDial: 'Show on speed dial',
    updatedAt: 'Last changed {{date}}',
    save: 'Save',
    saving: 'Saving…',
    cancel: 'Cancel',
    delete: 'Delete',
    confirmDelete: 'Delete this contact for good?',
    confirmYes: 'Yes, delete',
  },
  roles: {
    lawyer: 'Lawyer',
    human_rights_org: 'Human-rights organisation',
    psychologist: 'Psychologist',
    ally: 'Ally',
    journalist: 'Journalist',
    family: 'Family',
    other: 'Other',
  },
  settings: {
    title: 'Settings',
    changePassphrase: 'Change passphrase',
    current: 'Current passphrase',
    next: 'New passphrase',
    repeat: 'Repeat the new passphrase',
    submit: 'Change passphrase',
    working: 'Changing…',
    done: 'The passphrase was changed. Use the new one from now on.',
  },
  allies: alliesText.en,
  campaigns: campaignsText.en,
  evidence: evidenceText.en,
  firstSteps: firstStepsText.en,
  people: peopleText.en,
  seizure: seizureText.en,
}

export type Messages = typeof en
