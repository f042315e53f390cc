/**
 * What the environment allows: colour, animation. Read once at start; pure functions of the
 * stream's flags and the environment variables, so they can be tested without a terminal.
 */

/** How the user asked for colour. */
export type ColorMode = 'auto' | 'always' | 'never';

/** The few facts about a stream this module needs. */
export interface StreamFlags {
  readonly isTTY?: boolean;
  /** The terminal's width, where the stream says. */
  readonly columns?: unknown;
  /** The terminal's height, where the stream says. */
  readonly rows?: unknown;
}

/** Environment variables, as in `process.env`. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * Whether to emit colour: `never` and `always` are obeyed; `auto` honours NO_COLOR (any
 * non-empty value turns colour off, as no-color.org says), then FORCE_COLOR (`0` or `false`
 * off, any other value on), then colours a TTY whose TERM is not `dumb`.
 *
 * @param mode - the user's choice
 * @param stream - the stream frames go to
 * @param env - the environment
 */
export function colorEnabled(mode: ColorMode, stream: StreamFlags, env: Env): boolean {
  if (mode !== 'auto') return mode === 'always';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  const force = env.FORCE_COLOR;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return stream.isTTY === true && env.TERM !== 'dumb';
}

/** The environment variables by which CI services announce themselves. */
export const CI_VARIABLES: readonly string[] = [
  'CI',
  'CONTINUOUS_INTEGRATION',
  'BUILD_NUMBER',
  'RUN_ID',
  'GITHUB_ACTIONS',
  'GITLAB_CI',
  'BUILDKITE',
  'CIRCLECI',
  'TRAVIS',
  'JENKINS_URL',
  'TEAMCITY_VERSION',
  'TF_BUILD',
];

/**
 * The CI variable that is set, if any: the first of the usual ones whose value is not empty,
 * `false` or `0` (a developer's `CI=false` turns it off).
 *
 * @param env - the environment
 */
export function ciVariable(env: Env): string | undefined {
  return CI_VARIABLES.find((name) => {
    const value = env[name];
    return value !== undefined && value !== '' && value !== 'false' && value !== '0';
  });
}

/**
 * Whether we run under CI (see {@link ciVariable}).
 *
 * @param env - the environment
 */
export function isCI(env: Env): boolean {
  return ciVariable(env) !== undefined;
}

/**
 * Why a stream shows no animation: `not-a-terminal` (not a TTY, or one whose size, where it
 * tells one, is not a size: a stream pretending to be a terminal), `dumb` (TERM is `dumb`),
 * `ci` (a CI variable is set, even on a TTY: CI keeps logs, which an animation would fill
 * with escape sequences; ora and is-interactive decide the same way); undefined when it
 * can. The one rule for the CLI and the library.
 */
export type StillReason = 'not-a-terminal' | 'dumb' | 'ci';

/**
 * Why a stream cannot show an animation, or undefined when it can (see {@link StillReason}).
 *
 * @param stream - the stream frames would go to
 * @param env - the environment
 */
export function stillReason(stream: StreamFlags, env: Env): StillReason | undefined {
  const sized = (value: unknown): boolean =>
    value === undefined || (typeof value === 'number' && value >= 1);
  if (stream.isTTY !== true || !sized(stream.columns) || !sized(stream.rows)) {
    return 'not-a-terminal';
  }
  if (env.TERM === 'dumb') return 'dumb';
  return isCI(env) ? 'ci' : undefined;
}

/**
 * Whether a stream can show an animation: a TTY whose TERM is not `dumb`, with no CI variable
 * set (see {@link stillReason}).
 *
 * @param stream - the stream frames would go to
 * @param env - the environment
 */
export function canAnimate(stream: StreamFlags, env: Env): boolean {
  return stillReason(stream, env) === undefined;
}
