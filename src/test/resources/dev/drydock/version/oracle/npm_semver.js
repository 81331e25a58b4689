// Reference answers from node-semver for NpmSemverDifferentialTest. argv[2]: the directory holding node_modules/semver.
// stdin: one JSON array per line: ["compare", a, b] | ["satisfies", version, range] | ["range", range].
// stdout: one line per input line: -1/0/1 or E (compare), true/false (satisfies), the normalised range or E (range).
'use strict'
const path = require('path')
const semver = require(path.join(process.argv[2], 'node_modules', 'semver'))
const lines = require('fs').readFileSync(0, 'utf8').split('\n')
const out = []
for (const line of lines) {
  if (line === '') continue
  const [op, a, b] = JSON.parse(line)
  if (op === 'compare') {
    try { out.push(String(semver.compare(a, b))) } catch (e) { out.push('E') }
  } else if (op === 'satisfies') {
    out.push(String(semver.satisfies(a, b)))
  } else {
    try { out.push(new semver.Range(a).range) } catch (e) { out.push('E') }
  }
}
process.stdout.write(out.map(s => s + '\n').join(''))
