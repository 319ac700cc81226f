import type { ReportData } from './collect'

export const manifestFormat = 'sestra-evidence-report'

/** The report as data: what the PDF shows, plus the PDF's own hash, for tools and for checking by hand. */
export function buildManifest(data: ReportData, pdf: { file: string; sha256: string }, signing: { publicKey: string; file: string }) {
  return {
    format: manifestFormat,
    version: 1,
    generatedAt: data.generatedAt,
    language: data.language,
    recipient: data.recipient,
    selection: data.filter,
    report: pdf,
    // Check with: ssh-keygen -Y verify -f allowed_signers -I sestra -n sestra-report -s <file> < this manifest.
    // Compare the key with one the vault's owner gave you; this copy proves nothing by itself.
    signature: { format: 'OpenSSH SSHSIG', namespace: 'sestra-report', file: signing.file, publicKey: signing.publicKey },
    hashing: {
      files: 'SHA-256 of the exact bytes, taken at intake',
      custody:
        'SHA-256 (hex) of the RFC 8785 canonical JSON of {v: 1, subjectType, subjectId, position, at, action, detail, prevHash}; prevHash is the hash of the previous entry of the same chain, null for the first',
    },
    incidents: data.incidents.map(({ incident, campaign, people, perpetrators, witnesses, files, custody }) => ({
      ...incident,
      campaign,
      people,
      perpetrators,
      witnesses,
      files: files.map((f) => ({
        id: f.id,
        name: f.name,
        size: f.size,
        mime: f.mime,
        sha256: f.sha256,
        modifiedAt: f.modifiedAt,
        intakeAt: f.createdAt,
        custody: f.custody,
      })),
      custody,
    })),
  }
}
