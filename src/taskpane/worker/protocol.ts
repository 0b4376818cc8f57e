import type { Text } from '../../domain';

/**
 * Errors across the worker boundary. Structured clone keeps an Error's message but not the `text` our readers and
 * hosts attach (what the file is, in Thai and English), so the worker answers a failure as data and the pane
 * throws it again with its `text`.
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string; text?: Text };

export async function outcome<T>(run: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await run() };
  } catch (e) {
    const text = (e as { text?: Partial<Text> } | null)?.text;
    const message = e instanceof Error ? e.message : String(e);
    return text && typeof text.th === 'string' && typeof text.en === 'string' ? { ok: false, message, text: { th: text.th, en: text.en } } : { ok: false, message };
  }
}

export function unwrap<T>(o: Outcome<T>): T {
  if (o.ok) return o.value;
  throw Object.assign(new Error(o.message), o.text ? { text: o.text } : {});
}

/** Each method of `target`, answering an Outcome instead of throwing. */
export type Guarded<T> = { [K in keyof T]: T[K] extends (...a: infer A) => Promise<infer R> ? (...a: A) => Promise<Outcome<R>> : never };

export function guarded<T extends object>(target: T, methods: (keyof T)[]): Guarded<T> {
  const out: Record<string, unknown> = {};
  for (const m of methods) {
    const fn = target[m] as unknown as (...a: unknown[]) => Promise<unknown>;
    out[m as string] = (...a: unknown[]) => outcome(() => fn.apply(target, a));
  }
  return out as Guarded<T>;
}

export const FILE_ENGINE_METHODS = ['open', 'check', 'writeMarks', 'planFix', 'summaries', 'apply', 'preview', 'saveAcks', 'download'] as const;
