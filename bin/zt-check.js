#!/usr/bin/env node
'use strict';
// The repository's launcher (npm run check, tests): runs the TypeScript entry point from source
// through ts-node without type checking (types are checked by `tsc --noEmit`). The published
// package's `bin` is the compiled dist/bin/zt-check.js instead, which needs no ts-node.
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('./zt-check.ts');
