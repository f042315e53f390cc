// A spinner around a fetch-like promise: `node examples/spinner.js`.
//
// fishPromise() animates while the promise is pending, then leaves one line: ✔ on success,
// ✖ on failure (and rethrows). What the program logs meanwhile appears above the fish.
import { fishPromise } from 'fish';

/** Stands in for `fetch(url)`: resolves after a while, like a slow server. */
function fakeFetch(url, ms) {
  return new Promise((resolve, reject) => {
    setTimeout(
      () =>
        url.includes('missing')
          ? reject(new Error(`404 for ${url}`))
          : resolve({ url, status: 200 }),
      ms,
    );
  });
}

const response = await fishPromise(
  async (animation) => {
    console.log('connecting...');
    const result = await fakeFetch('https://example.com/fish.json', 1500);
    animation.text = 'Reading the answer';
    await new Promise((resolve) => setTimeout(resolve, 800));
    return result;
  },
  {
    text: 'Fetching fish.json',
    width: 12,
    successText: (result) => `Fetched ${result.url} (${result.status})`,
  },
);

try {
  await fishPromise(fakeFetch('https://example.com/missing.json', 1200), {
    text: 'Fetching missing.json',
    width: 12,
  });
} catch (error) {
  console.log(`as expected: ${error.message}; the first answer was ${response.status}`);
}
