// An idle animation while waiting for input: `node examples/idle.js`.
//
// The fish swims until a key is pressed. Raw mode keeps the terminal from echoing the key into
// the animation; it also turns Ctrl+C into a plain byte, handled here. This program reads the
// keyboard itself, so the animation leaves stdin alone (`discardStdin: false`).
import fish from 'fish';

const idle = fish({ text: 'Press any key (Ctrl+C to quit)', bob: 1, discardStdin: false }).start();

if (!process.stdin.isTTY) {
  // No keyboard (input from a pipe or a file): wait for the input to end instead.
  process.stdin.resume();
  process.stdin.on('end', () => idle.info('input ended'));
} else {
  process.stdin.setRawMode(true);
  process.stdin.resume();
  process.stdin.once('data', (key) => {
    process.stdin.setRawMode(false);
    process.stdin.pause();
    if (key[0] === 3) {
      idle.fail('interrupted');
      process.exitCode = 130;
    } else {
      idle.succeed(`you pressed ${JSON.stringify(key.toString())}`);
    }
  });
}
