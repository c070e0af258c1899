/* The story's file and the validator's rules for the form editor (/redigera/), shared with Node for tests.
 *
 * - storyText writes a story exactly as macros/content/scaffold.py story_text() does (field order, quoting,
 *   list style, comments, body); readStory reads it with js-yaml's YAML 1.1 schema, as PyYAML does.
 *   tests/test_cms_format.py holds the two to the same bytes.
 * - makeGuard finds personnummer, phone numbers and e-mail addresses with the validator's own patterns,
 *   tables and messages (macros/content/guards.py, exported by macros/generate/cms_rules.py), and
 *   ruleMessage applies the story's rules between fields (schema.STORY.rules as JSON Schema).
 *
 * In the browser it is window.kbStory; under Node, module.exports. No eval: the page's policy allows none.
 */
(function (root) {
  'use strict';

  // --- writing: scaffold.story_text ------------------------------------------------------------

  function isGiven(value) { // scaffold.story_text: a value not in (None, "", [])
    return value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
  }

  function pyJson(value) { // Python's json.dumps(value, ensure_ascii=False): ", " and ": " separators
    if (Array.isArray(value)) return '[' + value.map(pyJson).join(', ') + ']';
    if (value !== null && typeof value === 'object') {
      return '{' + Object.keys(value).map(function (key) {
        return JSON.stringify(key) + ': ' + pyJson(value[key]);
      }).join(', ') + '}';
    }
    return JSON.stringify(value === undefined ? null : value);
  }

  function yamlValue(style, value) { // Kind.yaml for each kind, by the style cms_config.yaml_style names
    if (style === 'json') return JSON.stringify(String(value));
    if (style === 'plain' || style === 'number') return String(value);
    if (style === 'boolean') return value ? 'true' : 'false';
    if (style.list) {
      var items = Array.isArray(value) ? value : [value];
      return '[' + items.map(function (item) { return yamlValue(style.list, item); }).join(', ') + ']';
    }
    if (style.record) return pyJson(value);
    throw new Error('okänd YAML-stil ' + JSON.stringify(style));
  }

  function owner(author) { // scaffold.owner: the organisation after the last comma
    var text = String(author);
    var after = text.slice(text.lastIndexOf(',') + 1).trim();
    return after || text.trim();
  }

  function bodyText(body) { // scaffold.body_text
    return String(body || '').replace(/\r\n/g, '\n').replace(/^\n+/, '').replace(/\s+$/, '') + '\n';
  }

  function isOwnSource(sources, prefix) { // the one source the scaffolder writes: "Egen berättelse, skriven av …"
    return !isGiven(sources) || (Array.isArray(sources) && sources.length === 1 && sources[0] !== null &&
      typeof sources[0] === 'object' && Object.keys(sources[0]).join() === 'text' &&
      String(sources[0].text).indexOf(prefix) === 0);
  }

  function recordLines(style, records) { // a list of records in block style, "  - " first, as the scaffolder's kallor
    var lines = [];
    records.forEach(function (record) {
      var known = style.record.map(function (f) { return f.name; });
      var names = known.filter(function (n) { return isGiven(record[n]); })
        .concat(Object.keys(record).filter(function (n) { return known.indexOf(n) < 0; }));
      names.forEach(function (name, index) {
        var sub = style.record.filter(function (f) { return f.name === name; })[0];
        var text = sub ? yamlValue(sub.yaml, record[name]) : pyJson(record[name]);
        lines.push((index === 0 ? '  - ' : '    ') + name + ': ' + text);
      });
    });
    return lines;
  }

  function storyText(format, values, today) {
    var author = values[format.author] === undefined ? '' : String(values[format.author]);
    var data = {};
    Object.keys(format.defaults).forEach(function (key) { data[key] = format.defaults[key]; });
    data[format.owner] = owner(author);
    data[format.created] = today;
    Object.keys(values).forEach(function (key) {
      if (key !== 'body' && isGiven(values[key])) data[key] = values[key];
    });
    var ownSource = isOwnSource(values[format.sources], format.source_prefix);
    if (ownSource) data[format.sources] = format.source_prefix + author;
    var lines = ['---'];
    var leftOut = [];
    var known = {};
    format.fields.forEach(function (f) {
      known[f.name] = true;
      var value = data[f.name];
      if (!isGiven(value)) {
        leftOut.push(f.name);
      } else if (f.name === format.sources && ownSource) {
        lines.push(f.name + ':', '  - text: ' + JSON.stringify(value));
      } else if (f.yaml.list && f.yaml.list.record) {
        lines.push(f.name + ':');
        lines = lines.concat(recordLines(f.yaml.list, value));
      } else {
        var comment = f.comment ? '  # ' + f.comment : '';
        lines.push(f.name + ': ' + yamlValue(f.yaml, value) + comment);
      }
    });
    // Fields the schema does not know are kept, so nothing is lost; the validator then names them.
    Object.keys(data).forEach(function (key) {
      if (!known[key]) lines.push(key + ': ' + pyJson(data[key]));
    });
    lines.push(format.more_fields + leftOut.join(', ') + '.', '---', '');
    return lines.join('\n') + '\n' + bodyText(values.body);
  }

  // --- reading: frontmatter.split, then YAML 1.1 as PyYAML reads it ------------------------------

  function isoDates(value) { // YAML dates as the form keeps them: ÅÅÅÅ-MM-DD text
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (Array.isArray(value)) return value.map(isoDates);
    if (value !== null && typeof value === 'object') {
      var out = {};
      Object.keys(value).forEach(function (key) { out[key] = isoDates(value[key]); });
      return out;
    }
    return value;
  }

  function readStory(jsyaml, text) {
    var lines = String(text).replace(/^\ufeff/, '').replace(/\r\n/g, '\n').split('\n');
    if (!lines.length || lines[0].trim() !== '---') return { body: lines.join('\n') };
    for (var index = 1; index < lines.length; index++) {
      var mark = lines[index].trim();
      if (mark === '---' || mark === '...') {
        var data = jsyaml.load(lines.slice(1, index).join('\n'), { schema: jsyaml.YAML11_SCHEMA }) || {};
        var result = isoDates(data);
        result.body = lines.slice(index + 1).join('\n').replace(/^\n/, '');
        return result;
      }
    }
    throw new Error('Front matter avslutas aldrig. Lägg till en rad med bara --- efter sista fältet.');
  }

  // --- the guards: guards.fold, guards._scanned_text, find_personnummer, personal_data ----------
  // The patterns, tables and messages are the validator's (macros/generate/cms_rules.py exports them).

  function makeGuard(rules, unescape) {
    var personnummer = new RegExp(rules.personnummer, 'gu');
    var phone = new RegExp(rules.phone, 'gu');
    var email = new RegExp(rules.email, 'gu');
    var urlOrDate = new RegExp(rules.url_or_date, 'gu');
    var inlineTag = new RegExp(rules.inline_tag, 'gu');
    function translate(line) {
      var out = '';
      for (var ch of line) out += Object.prototype.hasOwnProperty.call(rules.characters, ch) ? rules.characters[ch] : ch;
      return out;
    }
    function fold(text) {
      return text.split('\n').map(function (line) {
        if (line.indexOf('<') >= 0 || line.indexOf('&') >= 0) line = unescape(line.replace(inlineTag, '')).replace(/\n/g, ' ');
        return translate(line);
      }).join('\n');
    }
    function luhn(digits) {
      var total = 0;
      for (var i = 0; i < digits.length; i++) {
        var value = Number(digits[i]) * (i % 2 === 0 ? 2 : 1);
        total += value > 9 ? value - 9 : value;
      }
      return total % 10 === 0;
    }
    function mask(found) { return Array.from(found).length > 3 ? Array.from(found).slice(0, 3).join('') + '…' : found; }
    function contactKey(value) { // guards.contact_key: digits of a phone, an address in lower case
      var folded = fold(String(value)).trim().toLowerCase();
      return folded.indexOf('@') >= 0 ? folded : folded.replace(/\D/g, '');
    }
    function each(pattern, text, test) {
      var match;
      pattern.lastIndex = 0;
      while ((match = pattern.exec(text)) !== null) {
        if (match[0] === '') pattern.lastIndex++;
        else if (test(match)) return match;
      }
      return null;
    }
    // The validator's message for the first finding in a text, or ''. allowed: contact keys named in Kontaktuppgifter.
    function check(text, allowed) {
      allowed = allowed || [];
      var scanned = fold(String(text)).replace(urlOrDate, function (m) { return ' '.repeat(m.length); });
      var found = each(personnummer, scanned, function (match) {
        var month = Number(match[2]), day = Number(match[3]);
        return month >= 1 && month <= 12 && ((day >= 1 && day <= 31) || (day >= 61 && day <= 91)) &&
          luhn(match[1] + match[2] + match[3] + match[4]);
      });
      if (found) return rules.message.replace('{0}', mask(found[0]));
      found = /\d{2}/.test(scanned) && each(phone, scanned, function (match) {
        return (match[0].match(/\d/g) || []).length >= rules.phone_digits && allowed.indexOf(contactKey(match[0])) < 0;
      });
      if (found) return rules.phone_message.replace('{0}', mask(found[0]));
      found = scanned.indexOf('@') >= 0 && each(email, scanned, function (match) {
        return allowed.indexOf(contactKey(match[0])) < 0;
      });
      if (found) return rules.email_message.replace('{0}', mask(found[0]));
      return '';
    }
    check.contactKey = contactKey;
    return check;
  }

  // --- the story's rules (schema.STORY.rules) as JSON Schema: the little of it they use ----------

  function given(value) { // kinds.is_given
    return value !== null && value !== undefined && !((typeof value === 'string' || Array.isArray(value)) && value.length === 0);
  }

  function meets(schema, value) {
    if (schema.const !== undefined && value !== schema.const) return false;
    if (schema.type === 'array' && !Array.isArray(value)) return false;
    if (schema.minItems !== undefined && !(Array.isArray(value) && value.length >= schema.minItems)) return false;
    if (schema.maxLength !== undefined && typeof value === 'string' && Array.from(value).length > schema.maxLength) return false;
    if (schema.required && !schema.required.every(function (name) { return value && given(value[name]); })) return false;
    if (schema.properties && value && typeof value === 'object') {
      var props = schema.properties;
      if (!Object.keys(props).every(function (name) { return !given(value[name]) || meets(props[name], value[name]); })) return false;
    }
    if (schema.if && meets(schema.if, value) && schema.then && !meets(schema.then, value)) return false;
    return true;
  }

  function ruleMessage(rules, field, data) { // the message of the first rule broken at this field, or ''
    var broken = rules.filter(function (rule) { return rule.field === field && !meets(rule.schema, data); })[0];
    return broken ? broken.message : '';
  }

  var api = { storyText: storyText, readStory: readStory, makeGuard: makeGuard, bodyText: bodyText,
    ruleMessage: ruleMessage, given: given };
  if (typeof module === 'object' && module.exports) module.exports = api;
  else root.kbStory = api;
}(typeof window === 'undefined' ? {} : window));
