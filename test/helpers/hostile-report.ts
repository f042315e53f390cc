/**
 * The numbers behind the README's "Reliability" text: with `FISH_HOSTILE_REPORT=FILE` set,
 * the tests of hostile art append one JSON line per input they try to FILE, and
 * `node test/fuzz/summarize-hostile-report.mjs FILE` sums them up. Without it, nothing is
 * written.
 */
import { appendFileSync } from 'node:fs';

/** One hostile input tried, and how it ended. */
export interface HostileRecord {
  /** `art` (loaded), `art-error` (refused), or anything else that went wrong. */
  readonly kind: string;
  /** The input's size in bytes, when the test knows it. */
  readonly bytes?: number;
  /** The parse's own time, wall clock. */
  readonly ms: number;
  /** The parse's CPU time, when it ran in a child process of its own. */
  readonly cpuMs?: number;
  /** The child process's peak memory in MB, when it ran in one. */
  readonly peakMb?: number;
  /** The child process's memory in MB before the parse, its input read, when it ran in one. */
  readonly baseMb?: number;
}

/**
 * Appends a record to the report, if one is asked for.
 *
 * @param record - the input's outcome and measures
 */
export function recordHostile(record: HostileRecord): void {
  const report = process.env.FISH_HOSTILE_REPORT;
  if (report !== undefined && report !== '') appendFileSync(report, `${JSON.stringify(record)}\n`);
}
