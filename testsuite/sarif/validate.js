// Validates SARIF logs against the SARIF 2.1.0 JSON schema.
// Usage: node validate.js FILE...  Prints each error; exits 1 if a log is
// not valid, 2 on a usage error.
'use strict';
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const SCHEMA = path.join(__dirname, 'node_modules', '@microsoft', 'jest-sarif',
                         'lib', 'schemas', 'sarif-2.1.0-rtm.5.json');

if (process.argv.length < 3) {
  console.error('usage: node validate.js FILE...');
  process.exit(2);
}
// The schema's pattern for a language tag has a stray ']', which a
// Unicode-mode regular expression refuses.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(SCHEMA, 'utf8')));
let ok = true;
for (const file of process.argv.slice(2)) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!validate(log)) {
    ok = false;
    for (const e of validate.errors)
      console.log(`${file}: ${e.instancePath || '/'} ${e.message}`);
  }
}
process.exit(ok ? 0 : 1);
