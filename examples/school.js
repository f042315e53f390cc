// Many tasks at once, a fish each: `node examples/school.js`.
//
// Eight simulated downloads of random sizes share one region: each row swims to the right as
// its download progresses, turns into its status line when it ends, and the school stops by
// itself when the last one has. What the program logs meanwhile lands above the school.
import { school } from 'fish';

const downloads = school();
const files = [
  'kernel.img',
  'fonts.tar',
  'docs.zip',
  'video.mp4',
  'music.flac',
  'photos.tar',
  'maps.db',
  'models.bin',
];

await Promise.all(
  files.map(async (file) => {
    const size = 200 + Math.floor(Math.random() * 1800); // kilobytes
    const task = downloads.add({ text: file });
    for (let done = 0; done < size;) {
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 60));
      done = Math.min(size, done + 10 + Math.floor(Math.random() * 40));
      task.progress(done, size);
    }
    if (file === 'maps.db') {
      task.fail(`${file}: checksum mismatch`);
      return;
    }
    if (size > 1500) console.log(`${file} is large: ${size} kB`);
    task.succeed(`${file} ${size} kB`);
  }),
);
