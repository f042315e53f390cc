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
const CI_VARIABLES = [
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
 * Whether we run under CI: one of the usual variables is set (and `CI` is not `false`).
 *
 * @param env - the environment
 */
export function isCI(env: Env): boolean {
  return CI_VARIABLES.some((name) => {
    const value = env[name];
    return value !== undefined && value !== '' && value !== 'false' && value !== '0';
  });
}

/**
 * Whether a stream can show an animation: a TTY whose TERM is not `dumb`, and whose size, where
 * it tells one, is a size (a width or height that is not a number of at least 1 is a stream
 * pretending to be a terminal).
 *
 * @param stream - the stream frames would go to
 * @param env - the environment
 */
export function canAnimate(stream: StreamFlags, env: Env): boolean {
  const sized = (value: unknown): boolean =>
    value === undefined || (typeof value === 'number' && value >= 1);
  return (
    stream.isTTY === true && env.TERM !== 'dumb' && sized(stream.columns) && sized(stream.rows)
  );
}
