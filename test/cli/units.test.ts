/** Sizes read and shown by the shell modes (issue 13). */
import { describe, expect, it } from 'vitest';
import {
  countingPower,
  formatBytes,
  formatDuration,
  parseSize,
  unitName,
} from '../../src/cli/units.js';

describe('parseSize', () => {
  it('reads whole numbers and binary suffixes', () => {
    expect(parseSize('120')).toBe(120);
    expect(parseSize('4k')).toBe(4096);
    expect(parseSize('4K')).toBe(4096);
    expect(parseSize('1.5M')).toBe(1.5 * 1024 ** 2);
    expect(parseSize('2G')).toBe(2 * 1024 ** 3);
    expect(parseSize('1T')).toBe(1024 ** 4);
  });
  it('refuses anything else', () => {
    for (const text of ['', '-1', '1e3', '0x10', '2 G', '2GB', 'G', '+5'])
      expect(parseSize(text)).toBeNaN();
  });
});

describe('formatting', () => {
  it('shows bytes in three figures at most', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1023)).toBe('1023 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(300 * 1024 ** 2)).toBe('300 MiB');
    expect(formatBytes(2 * 1024 ** 3)).toBe('2.0 GiB');
  });
  it('shows a wait as a clock', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(7.2)).toBe('0:08');
    expect(formatDuration(754)).toBe('12:34');
    expect(formatDuration(3723)).toBe('1:02:03');
  });
  it('counts a total in the largest unit that leaves at least 100 of them', () => {
    expect(countingPower(99)).toBe(0);
    expect(countingPower(2 * 1024 ** 3)).toBe(2);
    expect(unitName(countingPower(2 * 1024 ** 3))).toBe('MiB');
    expect(unitName(countingPower(1024 ** 5))).toBe('TiB');
  });
});
