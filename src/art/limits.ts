/**
 * The size limits of art, in one place. Art files are untrusted: each limit keeps the work
 * and memory of loading one file small (a second and well under 256 MB, however it is
 * built), and each is far beyond any art meant for a terminal. See docs/art-format.md.
 */

/** The largest art file, or text given to the parser, in bytes of UTF-8: 1 MiB. */
export const MAX_ART_BYTES = 1024 * 1024;

/**
 * The widest art, in cells: far beyond any terminal. Every line is measured against it as it
 * is read (tabs expanded, spaces after the last character not counted), so that no line is
 * expanded past it.
 */
export const MAX_ART_WIDTH = 1000;

/** The tallest frame, in rows. */
export const MAX_ART_HEIGHT = 500;

/**
 * The most cells of all the frames of one facing, each padded to the size of the largest:
 * frames x width x height. Padding lets a file of a few kilobytes describe billions of cells
 * (a wide frame, a tall one, and a thousand empty ones); this is checked as the frames are
 * drawn, before any is padded. Two frames of the largest size, or a thousand of 40x25.
 */
export const MAX_ART_CELLS = 1_000_000;

/**
 * The most frames in one facing: each frame costs some memory and time of its own, however
 * small (a 1 MiB file holds 100,000 frames of one character).
 */
export const MAX_ART_FRAMES = 10_000;

/**
 * The most code points in one cell: a character and 30 combining marks, as in Unicode's
 * Stream-Safe Text Format (UAX #15). More is "Zalgo" text, which would make every frame
 * megabytes long.
 */
export const MAX_CELL_CODE_POINTS = 31;
