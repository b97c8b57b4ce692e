#!/usr/bin/env node
'use strict';
const path = require('node:path');
const fs = require('node:fs');

const entry = path.join(__dirname, '..', '..', '..', 'dist', 'libs', 'cli', 'src', 'main.js');
if (!fs.existsSync(entry)) {
  process.stderr.write('claimflow is not built yet: run `npm run build` in the repository first.\n');
  process.exit(2);
}
require(entry);
