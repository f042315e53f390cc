import { describe, expect, it } from 'vitest';
import { ArtError, STYLE_BOLD, parseArt, type Art } from '../../src/art/index.js';
import { artError, picture, styleLetters } from './helpers.js';

/** Art text from lines, each ended by `\n`. */
const text = (...lines: string[]): string => lines.map((line) => `${line}\n`).join('');

/** The pictures of every frame in one facing. */
const pictures = (art: Art, facing: 'left' | 'right' = 'right'): string[][] =>
  art.frames[facing].map(picture);

describe('plain files', () => {
  it('are one frame facing right, named after the file', () => {
    const art = parseArt(">))'>\n", { file: 'art/bass.art' });
    expect(art.name).toBe('bass');
    expect(art.source).toBe('art/bass.art');
    expect(art.facing).toBe('right');
    expect(art.width).toBe(5);
    expect(art.height).toBe(1);
    // The default of docs/art-format.md.
    expect(art.frameDuration).toBe(0.25);
    expect(art.frames.right).toHaveLength(1);
    expect(art.frames.left).toHaveLength(1);
    expect(art.colored).toBe(false);
    expect(art.wide).toBe(false);
    expect(pictures(art)).toEqual([[">))'>"]]);
  });

  it('are named "art" with source <text> when given as text without a file', () => {
    const art = parseArt('<><');
    expect(art.name).toBe('art');
    expect(art.source).toBe('<text>');
  });

  it('take the name and source from the options', () => {
    const art = parseArt('<><', { file: 'x.art', name: 'fishy', source: 'built-in:fishy' });
    expect(art.name).toBe('fishy');
    expect(art.source).toBe('built-in:fishy');
  });

  it('name the art after the file name without only its last extension', () => {
    expect(parseArt('<><', { file: '/tmp/my.fish.art' }).name).toBe('my.fish');
    expect(parseArt('<><', { file: 'noext' }).name).toBe('noext');
  });

  it('treat @ and # lines as art', () => {
    const art = parseArt(text('@frame', '# fish'));
    expect(pictures(art)).toEqual([['@frame', '# fish']]);
  });

  it('need no final line ending, and accept several', () => {
    expect(pictures(parseArt('<><'))).toEqual([['<><']]);
    expect(pictures(parseArt('<><\n\n\n'))).toEqual([['<><']]);
  });

  it('keep leading blank lines as rows and drop trailing ones', () => {
    const art = parseArt(text('', 'o', '', '  '));
    expect(art.height).toBe(2);
    expect(pictures(art)).toEqual([['·', 'o']]);
  });
});

describe('line endings, BOM and tabs', () => {
  it('handles CRLF and mixed line endings', () => {
    const art = parseArt('/\\\r\n\\/\n<>\r\n');
    expect(pictures(art)).toEqual([['/\\', '\\/', '<>']]);
  });

  it('strips a UTF-8 BOM from the text', () => {
    const art = parseArt('\uFEFF@fish v1\nname: bom\n@frame\n<><\n');
    expect(art.name).toBe('bom');
    expect(pictures(art)).toEqual([['<><']]);
  });

  it('expands tabs to the next multiple of 8 columns', () => {
    const art = parseArt(text('\tx', 'ab\tc', '1234567\t8'));
    expect(art.width).toBe(9);
    expect(pictures(art)).toEqual([['········x', 'ab      c', '1234567 8']]);
  });

  it('counts wide glyphs in tab stops', () => {
    const art = parseArt('中\tx');
    expect(picture(art.frames.right[0])).toEqual(['中      x']);
    expect(art.width).toBe(9);
  });
});

describe('the header', () => {
  it('sets name, facing, duration, transparent and color', () => {
    const art = parseArt(
      text(
        '@fish v1',
        '# a comment',
        '',
        '  # an indented comment',
        'name: Nemo the Fish',
        'facing: left',
        'duration: 0.5',
        'transparent: .',
        'color: C',
        '@frame',
        '<.><',
      ),
    );
    expect(art.name).toBe('Nemo the Fish');
    expect(art.facing).toBe('left');
    expect(art.frameDuration).toBe(0.5);
    expect(picture(art.frames.left[0])).toEqual(['<·><']);
    expect(styleLetters(art.frames.left[0])).toEqual(['C·CC']);
    expect(art.colored).toBe(true);
  });

  it('accepts keys in any case, spaces around values, and seconds with an s', () => {
    const art = parseArt(
      text('@fish v1', 'NAME :  x y ', 'Duration: 2s', 'FACING: Right', '@frame', 'o'),
    );
    expect(art.name).toBe('x y');
    expect(art.frameDuration).toBe(2);
    expect(art.facing).toBe('right');
  });

  it('accepts trailing spaces after @fish v1', () => {
    expect(parseArt(text('@fish v1  ', 'name: a', '@frame', 'o')).name).toBe('a');
  });

  it('keeps a # inside a value', () => {
    expect(parseArt(text('@fish v1', 'name: fish #1', '@frame', 'o')).name).toBe('fish #1');
  });

  it('prefers the header name to the file name and the name option', () => {
    expect(
      parseArt(text('@fish v1', 'name: a', '@frame', 'o'), { file: 'b.art', name: 'c' }).name,
    ).toBe('a');
  });

  it('refuses an unknown key, naming it and the known ones', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', 'name: x', 'colour: r', '@frame', 'o'), { file: 'my.art' }),
    );
    expect(error.message).toBe(
      'fish: my.art:3: unknown header key "colour" (expected name, facing, duration, transparent, color, mirror)',
    );
    expect(error.line).toBe(3);
    expect(error.file).toBe('my.art');
  });

  it.each([
    ['facing: up', 2, 'facing: expected left or right, got "up"'],
    ['duration: 0', 2, 'duration: expected seconds per frame'],
    ['duration: -1', 2, 'duration: expected'],
    ['duration: fast', 2, 'duration: expected'],
    ['duration: 1e3', 2, 'duration: expected'],
    ['duration: 5000', 2, 'duration: expected'],
    [
      'duration:',
      2,
      'duration: expected seconds per frame, a decimal number above 0 and at most 3600 such as 0.25 or 0.5s, got nothing',
    ],
    ['transparent: ab', 2, 'transparent: expected one character, one cell wide, got "ab"'],
    ['transparent: 中', 2, 'transparent: expected one character'],
    ['transparent:', 2, 'transparent: expected one character'],
    ['color: red', 2, 'color: expected one of k r g y b m c w (upper case for bold), got "red"'],
    ['color: x', 2, 'color: expected one of'],
    ['name:', 2, 'name: expected a name, got nothing'],
    ['mirror: abc', 2, 'mirror: expected pairs of characters such as "ab"'],
    ['mirror:', 2, 'mirror: expected'],
    ['mirror: a中', 2, 'mirror: "a" and "中" have different widths'],
    [
      'a fish',
      2,
      'expected "key: value" in the header, or "@frame" to start the art, got "a fish"',
    ],
  ])('refuses the header line %j', (line, lineNumber, message) => {
    const error = artError(() => parseArt(text('@fish v1', line, '@frame', 'o')));
    expect(error.line).toBe(lineNumber);
    expect(error.reason).toContain(message);
  });

  it('refuses art before the first @frame', () => {
    const error = artError(() => parseArt(text('@fish v1', 'name: b', ">))'>")));
    expect(error.line).toBe(3);
    expect(error.reason).toContain('got ">))\'>"');
  });

  it('refuses a key given twice', () => {
    const error = artError(() => parseArt(text('@fish v1', 'name: a', 'name: b', '@frame', 'o')));
    expect(error.message).toBe('fish: <text>:3: header key "name" is given twice');
  });

  it('refuses a header without frames', () => {
    const error = artError(() => parseArt(text('@fish v1', 'name: a')));
    expect(error.reason).toBe('no frames: after the header, start the art with a line "@frame"');
    expect(artError(() => parseArt('@fish v1')).reason).toContain('no frames');
  });

  it('refuses another format version', () => {
    const error = artError(() => parseArt(text('@fish v2', '@frame', 'o')));
    expect(error.message).toBe(
      'fish: <text>:1: unsupported format "@fish v2"; this fish reads "@fish v1"',
    );
  });

  it('treats a first line starting with a longer word than @fish as plain art', () => {
    expect(pictures(parseArt('@fishy\n'))).toEqual([['@fishy']]);
    expect(pictures(parseArt('@fisherman\n'))).toEqual([['@fisherman']]);
  });

  // Issue 10: `@FISH V1` silently made the file plain art that drew its own header, and
  // `@fish  v1` gave an unrelated message.
  it.each([
    '@FISH V1',
    '@Fish v1',
    '@fish  v1',
    '@fish\tv1',
    '@fish',
    '@fishv1',
    '@fish v1 x',
    '  @fish v1',
    '@fish:v1',
  ])('refuses the malformed header %j, saying how to write it', (first) => {
    const error = artError(() => parseArt(text(first, '@frame', 'o'), { file: 'h.art' }));
    const quoted = first.replace('\t', '\\u{9}');
    expect(error.message).toBe(
      `fish: h.art:1: malformed header "${quoted}": a file with a header starts with exactly "@fish v1" (lower case, one space)`,
    );
  });

  // Issue 10: an indented directive got "expected key: value ..., got "@frame"".
  it('says that an indented directive in the header is indented', () => {
    const error = artError(() => parseArt(text('@fish v1', 'name: a', '  @frame', 'o')));
    const reason =
      'is indented: a directive starts at the very start of its line, with no spaces or tabs before it';
    expect(error.message).toBe(`fish: <text>:3: "@frame" ${reason}`);
    expect(artError(() => parseArt(text('@fish v1', '\t@Mask', 'o'))).reason).toBe(
      `"@Mask" ${reason}`,
    );
  });

  it('says that an indented directive after @opposite is indented', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', '@frame', 'a', '@opposite', ' @frame', 'b')),
    );
    expect(error.message).toBe(
      'fish: <text>:5: "@frame" is indented: a directive starts at the very start of its line, with no spaces or tabs before it',
    );
  });

  it('reads durations as decimal numbers only: 1e-3 is refused, 0.001 is fine', () => {
    expect(parseArt(text('@fish v1', 'duration: 0.001', '@frame', 'o')).frameDuration).toBe(0.001);
    for (const value of ['1e-3', '0x10', '+1', 'Infinity', '1,5']) {
      expect(
        artError(() => parseArt(text('@fish v1', `duration: ${value}`, '@frame', 'o'))).reason,
      ).toBe(
        `duration: expected seconds per frame, a decimal number above 0 and at most 3600 such as 0.25 or 0.5s, got "${value}"`,
      );
    }
  });
});

describe('directives and frames', () => {
  it('reads several frames in order', () => {
    const art = parseArt(text('@fish v1', '@frame', '<><', '@frame', '<>=', '@frame', '<>-'));
    expect(pictures(art)).toEqual([['<><'], ['<>='], ['<>-']]);
    expect(pictures(art, 'left')).toEqual([['><>'], ['=<>'], ['-<>']]);
  });

  it('pads frames of different sizes to the largest, from the top-left corner', () => {
    const art = parseArt(
      text('@fish v1', '@frame', 'ab', '@frame', 'abcd', 'e', '@frame', '', ' x'),
    );
    expect(art.width).toBe(4);
    expect(art.height).toBe(2);
    expect(pictures(art)).toEqual([
      ['ab··', '····'],
      ['abcd', 'e···'],
      ['····', '·x··'],
    ]);
    for (const sprite of [...art.frames.right, ...art.frames.left]) {
      expect(sprite.width).toBe(4);
      expect(sprite.height).toBe(2);
      expect(sprite.cells).toHaveLength(8);
    }
  });

  it('allows an empty frame, if another frame shows something', () => {
    const art = parseArt(text('@fish v1', '@frame', '<><', '@frame'));
    expect(pictures(art)).toEqual([['<><'], ['···']]);
  });

  it('drops the blank lines at the end of each frame', () => {
    const art = parseArt(text('@fish v1', '@frame', 'a', '', '   ', '\t', '@frame', 'b', ''));
    expect(art.height).toBe(1);
  });

  it('accepts directives in any case, with trailing spaces', () => {
    const art = parseArt(text('@fish v1', '@FRAME  ', 'o', '@Mask', 'r'));
    expect(styleLetters(art.frames.right[0])).toEqual(['r']);
  });

  it('treats lines starting with @ and no letter as art', () => {
    const art = parseArt(text('@fish v1', '@frame', '@>', ' @x', '@ @'));
    expect(pictures(art)).toEqual([['@>·', '·@x', '@ @']]);
  });

  it('refuses an unknown directive', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', '@frame', 'o', '@fram'), { file: 'x.art' }),
    );
    expect(error.message).toBe(
      'fish: x.art:4: unknown directive "@fram" (expected @frame, @mask, @opposite)',
    );
  });

  it('refuses an unknown directive in the header', () => {
    const error = artError(() => parseArt(text('@fish v1', 'name: a', '@colour', '@frame', 'o')));
    expect(error.line).toBe(3);
    expect(error.reason).toContain('unknown directive "@colour"');
  });

  it('refuses text after a directive', () => {
    const error = artError(() => parseArt(text('@fish v1', '@frame 1', 'o')));
    expect(error.message).toBe('fish: <text>:2: @frame takes nothing after it on its line');
  });

  it('refuses @mask without a frame before it, or twice', () => {
    expect(artError(() => parseArt(text('@fish v1', '@mask', 'r'))).reason).toContain(
      '@mask must follow the art of a frame',
    );
    const twice = artError(() =>
      parseArt(text('@fish v1', '@frame', 'o', '@mask', 'r', '@mask', 'g')),
    );
    expect(twice.line).toBe(6);
    expect(twice.reason).toBe('this frame already has a @mask');
  });
});

describe('transparency', () => {
  it('makes whitespace outside each line transparent and keeps interior spaces', () => {
    const art = parseArt(text('  a  b  ', ' c'));
    const sprite = art.frames.right[0];
    expect(picture(sprite)).toEqual(['··a  b', '·c····']);
    // The interior spaces are opaque cells that paint a space.
    expect(sprite.cells[3]).toEqual({ glyph: ' ', width: 1, style: 0 });
    expect(sprite.cells[0]).toBeNull();
  });

  it('makes the transparent character transparent anywhere, and counts it in the width', () => {
    const art = parseArt(text('@fish v1', 'transparent: .', '@frame', '.. x.y ..', '(o.o)'));
    expect(picture(art.frames.right[0])).toEqual(['···x·y···', '(o·o)····']);
    expect(art.width).toBe(9);
  });

  it('does not count the transparent character as visible', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', 'transparent: .', '@frame', '...', '. .')),
    );
    expect(error.reason).toBe('art has no visible character');
  });

  it('treats a no-break space as an opaque glyph', () => {
    const art = parseArt('\u00A0x\u00A0');
    expect(picture(art.frames.right[0])).toEqual(['\u00A0x\u00A0']);
  });

  it('refuses art with no visible character', () => {
    for (const blank of ['', '\n\n', '   \n\t\n', '\uFEFF']) {
      const error = artError(() => parseArt(blank, { file: 'blank.art' }));
      expect(error.message).toBe('fish: blank.art: art has no visible character');
    }
    expect(artError(() => parseArt(text('@fish v1', '@frame', '  ', '@frame'))).reason).toBe(
      'art has no visible character',
    );
  });
});

describe('colour masks', () => {
  it('colours cell by cell, upper case bold, space default', () => {
    const art = parseArt(text('@fish v1', '@frame', 'abcdefghi', '@mask', 'krgybmcw '));
    const sprite = art.frames.right[0];
    expect(styleLetters(sprite)).toEqual(['krgybmcw ']);
    expect(sprite.cells.map((cell) => cell?.style)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 0]);
    expect(art.colored).toBe(true);
  });

  it('gives bold the STYLE_BOLD bit', () => {
    const art = parseArt(text('@fish v1', '@frame', 'ab', '@mask', 'Rw'));
    expect(art.frames.right[0].cells.map((cell) => cell?.style)).toEqual([2 | STYLE_BOLD, 8]);
  });

  it('matches mask rows to art rows, and may be smaller than the art', () => {
    const art = parseArt(text('@fish v1', '@frame', 'abc', 'def', 'ghi', '@mask', '', ' r'));
    expect(styleLetters(art.frames.right[0])).toEqual(['   ', ' r ', '   ']);
  });

  it('uses the header colour for cells the mask leaves blank', () => {
    const art = parseArt(text('@fish v1', 'color: g', '@frame', 'ab c', '@mask', ' R'));
    expect(styleLetters(art.frames.right[0])).toEqual(['gR g']);
  });

  it('uses the header colour for frames without a mask', () => {
    const art = parseArt(text('@fish v1', 'color: b', '@frame', 'x'));
    expect(styleLetters(art.frames.right[0])).toEqual(['b']);
  });

  it('leaves spaces and transparent cells without colour', () => {
    const art = parseArt(text('@fish v1', 'transparent: .', '@frame', ' a .b', '@mask', 'rrrrr'));
    expect(styleLetters(art.frames.right[0])).toEqual(['·r ·r']);
  });

  it('art whose mask colours only spaces is not coloured', () => {
    const art = parseArt(text('@fish v1', '@frame', 'a b', '@mask', ' r'));
    expect(art.colored).toBe(false);
  });

  it('colours a wide glyph with the letter under its first cell, ignoring the second', () => {
    const art = parseArt(text('@fish v1', '@frame', '中x', '@mask', 'rgb'));
    expect(styleLetters(art.frames.right[0])).toEqual(['r_b']);
    expect(art.frames.right[0].cells[1]).toEqual({ glyph: '', width: 0, style: 2 });
  });

  it('expands tabs in masks like in art', () => {
    const art = parseArt(text('@fish v1', '@frame', '\tx', '@mask', '\tr'));
    expect(styleLetters(art.frames.right[0])).toEqual(['········r']);
  });

  it('drops trailing blank mask lines and ignores trailing spaces', () => {
    const art = parseArt(text('@fish v1', '@frame', 'ab', '@mask', 'r     ', '', '   '));
    expect(styleLetters(art.frames.right[0])).toEqual(['r ']);
  });

  it('refuses a mask wider than the art', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', '@frame', 'abc', 'de', '@mask', 'rrr', 'gggg'), { file: 'my.art' }),
    );
    expect(error.message).toBe(
      'fish: my.art:7: mask is wider than the art (4 columns; the frame is 3)',
    );
  });

  it('measures the frame, not each line, for the width', () => {
    const art = parseArt(text('@fish v1', '@frame', 'abc', 'd', '@mask', 'r', 'ggg'));
    expect(styleLetters(art.frames.right[0])).toEqual(['r  ', 'g··']);
  });

  it('refuses a mask taller than the art', () => {
    const error = artError(() => parseArt(text('@fish v1', '@frame', 'abc', '@mask', 'r', 'g')));
    expect(error.line).toBe(6);
    expect(error.reason).toBe('mask is taller than the art (2 rows; the frame has 1)');
  });

  it('reads the mask digits 1-7 as random colours, to be chosen per creature, and refuses 0, 8 and 9', () => {
    const art = parseArt(text('@fish v1', '@frame', 'abcd', '@mask', '17 r'));
    expect(art.frames.right[0].cells.map((cell) => cell?.style)).toEqual([9, 15, 0, 2]);
    for (const digit of ['0', '8', '9'])
      expect(artError(() => parseArt(text('@fish v1', '@frame', 'a', '@mask', digit))).reason).toBe(
        `unknown mask letter "${digit}" (expected k r g y b m c w, upper case for bold, 1-7 for a random colour, or a space)`,
      );
  });

  it('refuses an unknown mask letter', () => {
    const error = artError(() => parseArt(text('@fish v1', '@frame', 'abc', '@mask', 'rxg')));
    expect(error.message).toBe(
      'fish: <text>:5: unknown mask letter "x" (expected k r g y b m c w, upper case for bold, 1-7 for a random colour, or a space)',
    );
    expect(
      artError(() => parseArt(text('@fish v1', '@frame', 'ab', '@mask', 'r中'))).reason,
    ).toContain('unknown mask letter "中"');
  });

  it('mirrors masks with their frames', () => {
    const art = parseArt(text('@fish v1', '@frame', '<xyz', '@mask', 'rg b'));
    expect(picture(art.frames.left[0])).toEqual(['zyx>']);
    expect(styleLetters(art.frames.left[0])).toEqual(['b gr']);
  });
});

describe('hand-drawn opposite frames', () => {
  const crab = text(
    '@fish v1',
    'name: crab',
    '@frame',
    'R1',
    '@mask',
    'r',
    '@frame',
    'R2',
    '@opposite',
    '',
    '@frame',
    'L-1',
    '@frame',
    'L2',
    '@mask',
    ' g',
  );

  it('are used instead of mirror images', () => {
    const art = parseArt(crab);
    expect(pictures(art)).toEqual([['R1·'], ['R2·']]);
    expect(pictures(art, 'left')).toEqual([['L-1'], ['L2·']]);
    expect(styleLetters(art.frames.right[0])).toEqual(['r ·']);
    expect(styleLetters(art.frames.left[1])).toEqual([' g·']);
    expect(art.width).toBe(3);
  });

  it('are the right facing for art drawn facing left', () => {
    const art = parseArt(
      text('@fish v1', 'facing: left', '@frame', '<o', '@opposite', '@frame', 'o>'),
    );
    expect(pictures(art, 'left')).toEqual([['<o']]);
    expect(pictures(art, 'right')).toEqual([['o>']]);
  });

  it('must be as many as the main frames', () => {
    const error = artError(() =>
      parseArt(text('@fish v1', '@frame', 'a', '@frame', 'b', '@opposite', '@frame', 'c'), {
        file: 'c.art',
      }),
    );
    expect(error.message).toBe(
      'fish: c.art:6: @opposite has 1 frame but the art has 2 frames; draw one opposite frame for each frame',
    );
    expect(artError(() => parseArt(text('@fish v1', '@frame', 'a', '@opposite'))).reason).toContain(
      '@opposite has 0 frames but the art has 1 frame',
    );
  });

  it('must start with @frame', () => {
    const error = artError(() => parseArt(text('@fish v1', '@frame', 'a', '@opposite', 'b')));
    expect(error.line).toBe(5);
    expect(error.reason).toBe('after @opposite, start each frame with a line "@frame"');
  });

  it('refuses @opposite twice, or before any frame', () => {
    expect(
      artError(() =>
        parseArt(text('@fish v1', '@frame', 'a', '@opposite', '@frame', 'b', '@opposite')),
      ).reason,
    ).toBe('@opposite is given twice');
    expect(artError(() => parseArt(text('@fish v1', '@opposite', '@frame', 'a'))).reason).toContain(
      '@opposite must come after the frames',
    );
  });

  it('refuses @mask right after @opposite', () => {
    const error = artError(() => parseArt(text('@fish v1', '@frame', 'a', '@opposite', '@mask')));
    expect(error.reason).toContain('@mask must follow the art of a frame');
  });
});

describe('errors', () => {
  it('are ArtErrors whose message is one line', () => {
    const error = artError(() => parseArt(text('@fish v1', '@frame', 'a', '@bogus')));
    expect(error).toBeInstanceOf(ArtError);
    expect(error.name).toBe('ArtError');
    expect(error.message).not.toContain('\n');
    expect(error.message.startsWith('fish: <text>:4: ')).toBe(true);
  });

  it('show a hostile file name with its control characters escaped', () => {
    const error = artError(() => parseArt('', { file: 'evil\u001b]0;pwned\u0007.art' }));
    expect(error.message).toBe('fish: evil\\u{1b}]0;pwned\\u{7}.art: art has no visible character');
  });
});

describe('speed', () => {
  it('parses the bass in well under a millisecond', () => {
    parseArt(">))'>");
    // The fastest of a few batches: the tests of huge art run processes alongside, and a
    // batch they slow down says nothing about the parser.
    const runs = 200;
    const batches = Array.from({ length: 5 }, () => {
      const start = performance.now();
      for (let i = 0; i < runs; i++) parseArt(">))'>");
      return (performance.now() - start) / runs;
    });
    expect(Math.min(...batches)).toBeLessThan(0.2);
  });
});
