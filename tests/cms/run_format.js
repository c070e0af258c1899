// Runs the form editor's story format and guards (macros/generate/cms_story.js) under Node for tests/test_cms_format.py:
// reads {format, guards, jsyaml, cases} as JSON on stdin, writes one result per case as JSON on stdout.
'use strict';
const path = require('path');
const editor = require(path.join(__dirname, '..', '..', 'macros', 'generate', 'cms_story.js'));

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
function unescape(text) { // enough of html.unescape for the test texts: numeric and common named references
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (all, ref) => {
    if (ref[0] === '#') return String.fromCodePoint(ref[1].toLowerCase() === 'x' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1)));
    return NAMED[ref.toLowerCase()] !== undefined ? NAMED[ref.toLowerCase()] : all;
  });
}

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', chunk => { input += chunk; });
process.stdin.on('end', () => {
  const { format, guards, jsyaml: yamlPath, cases } = JSON.parse(input);
  const jsyaml = require(yamlPath);
  const guard = editor.makeGuard(guards, unescape);
  const results = cases.map(c => {
    try {
      if (c.op === 'write') return editor.storyText(format, c.values, c.today);
      if (c.op === 'read') return editor.readStory(jsyaml, c.text);
      if (c.op === 'rewrite') return editor.storyText(format, editor.readStory(jsyaml, c.text), c.today);
      if (c.op === 'guard') return guard(c.text, (c.contacts || []).map(guard.contactKey));
      if (c.op === 'rule') return editor.ruleMessage(guards.rules, c.field, c.data);
      throw new Error('unknown op ' + c.op);
    } catch (error) {
      return { error: String(error && error.message || error) };
    }
  });
  process.stdout.write(JSON.stringify(results));
});
