#!/usr/bin/env node
'use strict';
// package.json `bin`: run the TypeScript entry point through ts-node without type checking
// (types are checked by `tsc --noEmit`), which keeps start-up fast.
require('ts-node').register({ transpileOnly: true, project: require('path').join(__dirname, '..', 'tsconfig.json') });
require('./zt-check.ts');
