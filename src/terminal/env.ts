/**
 * What the environment allows: colour, animation. Read once at start; pure functions of the
 * stream's flags and the environment variables, so they can be tested without a terminal.
 */

/** How the user asked for colour. */
export type ColorMode = 'auto' | 'always' | 'never';

/** The few facts about a stream this module needs. */
export interface StreamFlags {
  readonly isTTY?: boolean;
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
 * Whether a stream can show an animation: a TTY whose TERM is not `dumb`.
 *
 * @param stream - the stream frames would go to
 * @param env - the environment
 */
export function canAnimate(stream: StreamFlags, env: Env): boolean {
  return stream.isTTY === true && env.TERM !== 'dumb';
}
