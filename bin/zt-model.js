#!/usr/bin/env node
'use strict';
// The repository's launcher: runs the TypeScript entry point from source (transpile-only). The
// published package's `bin` is the compiled dist/bin/zt-model.js instead.
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('./zt-model.ts');
