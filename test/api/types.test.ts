/**
 * The public types, checked by the compiler (`npm run typecheck`; vitest `expectTypeOf`): what the package root
 * exports and how its signatures read to a TypeScript host.
 */
import { describe, expectTypeOf, it } from 'vitest';
import fishDefault, {
  ArtError,
  fish,
  fishPromise,
  school,
  schoolPromise,
  listArt,
  loadArt,
  parseArt,
  TerminalBusyError,
  type Art,
  type ArtInfo,
  type FishAnimation,
  type FishOptions,
  type FishPromiseOptions,
  type FishSchool,
  type FishTask,
  type FrameInfo,
  type PersistOptions,
} from '../../src/index.js';

/**
 * The checks are for the compiler: the code that holds them is never run, so that no
 * animation starts and nothing is loaded while the tests run.
 */
const compileOnly = (_check: () => void): void => {};

describe('the public types', () => {
  it('fish() is the named and the default export, and returns a FishAnimation', () => {
    compileOnly(() => {
      expectTypeOf(fishDefault).toEqualTypeOf(fish);
      expectTypeOf(fish).parameter(0).toEqualTypeOf<FishOptions | string | undefined>();
      expectTypeOf(fish()).toEqualTypeOf<FishAnimation>();
    });
  });

  it('chains every method and exposes the properties', () => {
    compileOnly(() => {
      const animation = fish();
      expectTypeOf(animation.start).toEqualTypeOf<(text?: string) => FishAnimation>();
      expectTypeOf(
        animation.start().stop().clear().animate().progress(1, 2),
      ).toEqualTypeOf<FishAnimation>();
      expectTypeOf(animation.succeed).parameters.toEqualTypeOf<[text?: string]>();
      expectTypeOf(animation.stopAndPersist)
        .parameter(0)
        .toEqualTypeOf<PersistOptions | undefined>();
      expectTypeOf(animation.progress).parameters.toEqualTypeOf<[amount: number, total?: number]>();
      expectTypeOf(animation.text).toEqualTypeOf<string>();
      expectTypeOf(animation.prefixText).toEqualTypeOf<string>();
      expectTypeOf(animation.suffixText).toEqualTypeOf<string>();
      expectTypeOf(animation.isSpinning).toEqualTypeOf<boolean>();
      // @ts-expect-error: isSpinning is read-only
      animation.isSpinning = true;
    });
  });

  it('types the options', () => {
    compileOnly(() => {
      expectTypeOf<FishOptions['art']>().toEqualTypeOf<string | Art | undefined>();
      expectTypeOf<FishOptions['sync']>().toEqualTypeOf<'time' | 'step' | 'progress' | undefined>();
      expectTypeOf<FishOptions['redraw']>().toEqualTypeOf<'diff' | 'full' | undefined>();
      expectTypeOf<FishOptions['signal']>().toEqualTypeOf<AbortSignal | undefined>();
      expectTypeOf<NonNullable<FishOptions['onFrame']>>().parameter(0).toEqualTypeOf<FrameInfo>();
      expectTypeOf<FrameInfo>().toHaveProperty('cellsChanged').toEqualTypeOf<number>();
      expectTypeOf<FrameInfo>().toHaveProperty('bytes').toEqualTypeOf<string>();
      expectTypeOf({
        stream: process.stderr,
        art: loadArt('x'),
        color: true,
        width: 12,
      }).toExtend<FishOptions>();
      // @ts-expect-error: not a sync mode
      fish({ sync: 'fast' });
      // @ts-expect-error: the stream must be writable
      fish({ stream: {} });
    });
  });

  it('fishPromise() returns the value of what it waits for', () => {
    compileOnly(() => {
      expectTypeOf(fishPromise(Promise.resolve(42))).toEqualTypeOf<Promise<number>>();
      expectTypeOf(
        fishPromise((animation) => {
          expectTypeOf(animation).toEqualTypeOf<FishAnimation>();
          return Promise.resolve('text');
        }, 'Loading'),
      ).toEqualTypeOf<Promise<string>>();
      expectTypeOf<FishPromiseOptions<number>['successText']>().toEqualTypeOf<
        string | ((value: number) => string) | undefined
      >();
      void fishPromise(Promise.resolve(1), { successText: (value) => `got ${value.toFixed(1)}` });
    });
  });

  it('school() makes tasks; schoolPromise() returns the values in order', () => {
    compileOnly(() => {
      expectTypeOf(school()).toEqualTypeOf<FishSchool>();
      expectTypeOf(school().add('text')).toEqualTypeOf<FishTask>();
      expectTypeOf(
        school().add({ art: 'minnow', text: 'x' }).progress(1, 2),
      ).toEqualTypeOf<FishTask>();
      expectTypeOf(
        schoolPromise([
          Promise.resolve(1),
          (task) => {
            expectTypeOf(task).toEqualTypeOf<FishTask>();
            return Promise.resolve(2);
          },
          { action: Promise.resolve(3), text: 'three', successText: (value) => `${value + 1}` },
        ]),
      ).toEqualTypeOf<Promise<number[]>>();
    });
  });

  it('exposes the art library and the errors', () => {
    compileOnly(() => {
      expectTypeOf(listArt).returns.toEqualTypeOf<ArtInfo[]>();
      expectTypeOf(parseArt).returns.toEqualTypeOf<Art>();
      expectTypeOf(new ArtError('f', 1, 'r')).toExtend<Error>();
      expectTypeOf(new TerminalBusyError()).toExtend<Error>();
    });
  });
});
