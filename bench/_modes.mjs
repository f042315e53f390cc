import { createAquarium, loadAquariumArt } from '../dist/aquarium/index.js';
import { startPlayer } from '../dist/terminal/player.js';
import { detachedTerminal } from '../dist/terminal/stream.js';
const tank = createAquarium({ cols: 1000, rows: 300, seed: 1, density: 0.1, art: loadAquariumArt() });
const player = startPlayer({ stream: detachedTerminal(1000, 300), compose: (t, into) => tank.compose(t, into), height: 300, fps: 12.5, sync: 'step', redraw: 'diff', screen: 'alternate', color: true, tick: false });
const out = [];
for (let r = 0; r < 40; r++) { const s = process.cpuUsage(); const t = performance.now(); for (let i = 0; i < 50; i++) player.drawNow(); const u = process.cpuUsage(s); out.push(((u.user + u.system) / 1000 / 50).toFixed(2) + '/' + ((performance.now() - t) / 50).toFixed(2)); }
console.log(out.join(' '));
