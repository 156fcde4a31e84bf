// Validates the open data files of a built site against their schemas:
// cpts.json with its JSON Schema (ajv, draft 2020-12, formats checked),
// each CSV with its Table Schema (frictionless tableschema: the schema
// against the Table Schema profile, then every row cast and its
// constraints, unique and primary keys checked), datapackage.json's
// resources, and territoires.geojson, when the build has it, with
// @mapbox/geojsonhint (RFC 7946). Each check is also run on a broken copy,
// to show that it can fail.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;
const geojsonhint = require('@mapbox/geojsonhint');
const { Table, Schema } = require('tableschema');
const { dataDir } = require('./site');

const readJSON = (name) => JSON.parse(fs.readFileSync(path.join(dataDir(), name), 'utf8'));

function jsonValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  return ajv.compile(readJSON('cpts.schema.json'));
}

test('cpts.json follows cpts.schema.json', () => {
  const validate = jsonValidator();
  const doc = readJSON('cpts.json');
  assert.ok(doc.cpts.length > 0, 'no CPTS in cpts.json');
  assert.ok(validate(doc), JSON.stringify(validate.errors, null, 2));
});

test('the JSON Schema refuses a private field and a wrong status', () => {
  const validate = jsonValidator();
  const doc = readJSON('cpts.json');
  doc.cpts[0].membres.noms_publics.push({ nom: 'X', note: 'privée' });
  doc.cpts[0].statut = 'signe';
  assert.equal(validate(doc), false);
  const kinds = validate.errors.map((e) => e.keyword).sort();
  assert.deepEqual(kinds, ['additionalProperties', 'enum']);
});

async function checkTable(csvText, schemaName) {
  const descriptor = readJSON(schemaName);
  const schema = await Schema.load(descriptor, { strict: true });
  assert.ok(schema.valid, `${schemaName}: ${schema.errors}`);
  const table = await Table.load(csvToRows(csvText), { schema: descriptor });
  const rows = await table.read({ cast: true });
  assert.deepEqual(table.headers, descriptor.fields.map((f) => f.name));
  return rows;
}

// csvToRows parses RFC 4180 CSV (quoted fields may hold commas, quotes and
// newlines) into arrays, the form Table.load takes.
function csvToRows(text) {
  const rows = [];
  let row = [], cell = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; }
    else if (c !== '\r') cell += c;
  }
  if (cell !== '' || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

for (const [csv, schema] of [['cpts.csv', 'cpts.tableschema.json'], ['communes-cpts.csv', 'communes-cpts.tableschema.json']]) {
  test(`${csv} follows ${schema}`, async () => {
    const rows = await checkTable(fs.readFileSync(path.join(dataDir(), csv), 'utf8'), schema);
    assert.ok(rows.length > 0, `no rows in ${csv}`);
  });
}

const toCSV = (rows) => rows.map((r) => r.map((c) => '"' + c.replace(/"/g, '""') + '"').join(',')).join('\n');

test('the Table Schema refuses a wrong status and a duplicated id', async () => {
  const text = fs.readFileSync(path.join(dataDir(), 'cpts.csv'), 'utf8');
  await checkTable(toCSV(csvToRows(text)), 'cpts.tableschema.json'); // the parser round-trips
  const rows = csvToRows(text);
  rows[1][3] = 'signe';
  await assert.rejects(checkTable(toCSV(rows), 'cpts.tableschema.json'), (err) => err.errors?.[0]?.columnNumber === 4); // statut
  const dup = csvToRows(text);
  dup.push(dup[1]);
  await assert.rejects(checkTable(toCSV(dup), 'cpts.tableschema.json'), /unique/i);
});

test('datapackage.json names a licence and files that exist', () => {
  const pkg = readJSON('datapackage.json');
  assert.equal(pkg.licenses.length, 1);
  assert.match(pkg.licenses[0].path, /^https:\/\//);
  for (const r of pkg.resources) {
    assert.ok(fs.existsSync(path.join(dataDir(), r.path)), `${r.path} is missing`);
    // A GeoJSON resource follows RFC 7946 and has no Table Schema.
    if (r.format !== 'geojson') assert.ok(fs.existsSync(path.join(dataDir(), r.schema)), `${r.schema} is missing`);
  }
});

function geojsonProblems(text) {
  return geojsonhint.hint(text, { precisionWarning: false });
}

test('territoires.geojson follows RFC 7946', () => {
  const file = path.join(dataDir(), 'territoires.geojson');
  assert.ok(fs.existsSync(file), 'the build has no territoires.geojson');
  const text = fs.readFileSync(file, 'utf8');
  assert.equal(JSON.parse(text).type, 'FeatureCollection');
  assert.deepEqual(geojsonProblems(text), []);
});

test('geojsonhint refuses a polygon against the right-hand rule', () => {
  const clockwise = JSON.stringify({
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]] } }],
  });
  assert.notDeepEqual(geojsonProblems(clockwise), []);
});
