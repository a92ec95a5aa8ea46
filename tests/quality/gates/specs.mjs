// Gate 7: the files that are not HTML, read by parsers of their own specifications, from the
// registries (tests/quality/specs/requirements.txt): the RSS and Atom feeds through feedparser,
// JSON Feed by its rules, every delen.ics through icalendar plus RFC 5545's rules it does not
// enforce, every vacancy's JSON-LD through extruct with Google's JobPosting properties, and
// jobs.xml against the schema written from Indeed's reference (specs/indeed-jobs.xsd).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..', '..');

export const title = 'Specifications (feeds, calendars, JobPosting, jobs.xml)';

// The virtual environment .ci/run installs into, else QUALITY_PYTHON, else python3.
function python() {
  if (process.env.QUALITY_PYTHON) return process.env.QUALITY_PYTHON;
  const venv = path.join(root, 'target', 'quality', 'venv', 'bin', 'python');
  return fs.existsSync(venv) ? venv : 'python3';
}

export async function run({ site }) {
  const script = path.join(here, '..', 'specs', 'check.py');
  const run = spawnSync(python(), [script, site.dir], { encoding: 'utf8' });
  if (run.status !== 0) {
    const hint = 'install the gate\'s packages: python3 -m venv target/quality/venv && target/quality/venv/bin/pip install -r tests/quality/specs/requirements.txt';
    return { checked: 'not run', problems: [`specs/check.py exited ${run.status}: ${(run.stderr || run.error?.message || '').trim()}`, hint] };
  }
  return JSON.parse(run.stdout);
}
