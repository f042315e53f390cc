// Progress over a loop, as the ancestor's ProgressFish: `node examples/progress.js`.
//
// The fish's place follows the progress and `42% 42/100` travels beside it. Without start(),
// each progress() call draws a frame at once (like the ancestor's fish.animate()).
import fish from 'fish';

const items = Array.from({ length: 60 }, (_, i) => `item-${i + 1}`);
const progress = fish({ text: 'Processing', art: 'salmon' });

for (const [index, item] of items.entries()) {
  await new Promise((resolve) => setTimeout(resolve, 40)); // the work on `item`
  if ((index + 1) % 20 === 0) console.log(`${item} done`); // logs land above the fish
  progress.progress(index + 1, items.length);
}
progress.succeed(`Processed ${items.length} items`);
