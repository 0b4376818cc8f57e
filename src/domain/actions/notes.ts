/** Every explanation we write starts with one of these, so that clearing removes ours and only ours. */
export const NOTE_PREFIXES = { th: 'ตรวจแผน: ', en: 'PlanCheck: ' } as const;

export function isOurNote(content: unknown): boolean {
  return typeof content === 'string' && (content.startsWith(NOTE_PREFIXES.th) || content.startsWith(NOTE_PREFIXES.en));
}
