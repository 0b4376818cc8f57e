import { basename } from 'node:path';
import { analyze, summaryDigest, type Catalog, type SummaryDigest } from '../../domain';
import { readXlsx } from '../../workbook/xlsx/read';
import type { Lang } from '../i18n';
import { readInput } from '../input';
import { reason, type Io } from '../io';

/** One input's outcome, as plain data (it crosses from a worker thread): its digest, or why it could not be read. */
export type DigestOutcome = { file: string; digest: SummaryDigest } | { file: string; unreadable: string };

/** Reads, analyses and digests one workbook; the snapshot and analysis are dropped as soon as the digest exists. */
export async function digestFile(file: string, catalogs: readonly Catalog[] | undefined, lang: Lang, io: Pick<Io, 'readFile' | 'debug'>): Promise<DigestOutcome> {
  try {
    const snapshot = await readXlsx(await readInput(file, io), basename(file));
    return { file, digest: summaryDigest(analyze(snapshot, catalogs ? { catalogs } : {})) };
  } catch (e) {
    return { file, unreadable: reason(e, lang, io.debug) };
  }
}
