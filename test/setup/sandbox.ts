import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Every test, and every mockloop a test starts, runs with its home, data, cache, config and
// temporary directories inside one directory that is removed at the end: a test that forgets to
// set MOCKLOOP_HOME still never writes to the real home or cache, and every mkdtemp under
// os.tmpdir() is cleaned up with the rest.

export default function sandbox(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'mockloop-tests-'));
  const dirs = { TMPDIR: 'tmp', HOME: 'home', XDG_DATA_HOME: 'data', XDG_CACHE_HOME: 'cache', XDG_CONFIG_HOME: 'config', XDG_STATE_HOME: 'state' };
  for (const [name, sub] of Object.entries(dirs)) {
    const dir = join(root, sub);
    mkdirSync(dir);
    process.env[name] = dir;
  }
  process.env.MOCKLOOP_TEST_SANDBOX = root;
  return () => rmSync(root, { recursive: true, force: true });
}
