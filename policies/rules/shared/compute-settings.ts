import type { Setting, SettingOptions } from './expect';

/** "At most n" (a hop limit, a maximum count): the counterpart of expect.ts `atLeast`. */
export function atMost(path: string, max: number, o: SettingOptions<number> = {}): Setting<number> {
  return { path, type: 'number', accept: (v) => v <= max, want: `at most ${max}`, ...o };
}
