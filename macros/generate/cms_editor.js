/* The form editor's own script (/redigera/): Decap CMS set up from installningar.json, which
 * macros/cms_config.py generates from the schema.
 *
 * - The file format "kb-berattelse" writes a story exactly as macros/scaffold.py story_text()
 *   does (field order, quoting, list style, comments, body); tests/test_cms_format.py holds the
 *   two to the same bytes. It reads files with js-yaml's YAML 1.1 schema, as PyYAML does.
 * - The widgets kb-text and kb-markdown are Decap's string and markdown fields that refuse a
 *   personnummer, with the validator's own pattern and tables (macros/guards.py).
 * - The preview pane shows the title, the lead and the text with the site's stylesheet.
 *
 * Everything here also runs under Node (module.exports) so the format can be tested without a
 * browser. No inline script and no eval: the page's Content-Security-Policy allows neither.
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
    ruleMessage: ruleMessage };
  if (typeof module === 'object' && module.exports) module.exports = api;
  if (!root.document) return;
  // This script comes before decap-cms.js, which then waits for CMS.init below instead of looking for
  // a config.yml; the page's scripts have all run by DOMContentLoaded.
  root.CMS_MANUAL_INIT = true;
  // Inside another page's frame, the form could be laid under that page's buttons while the communicator
  // is signed in (clickjacking). A policy in a meta tag cannot forbid framing (frame-ancestors), so the
  // form never starts in a frame: it asks to take the whole window and otherwise offers a link that does.
  if (root.top !== root.self) {
    try { root.top.location.replace(root.location.href); } catch (error) { /* another origin may refuse */ }
    root.document.addEventListener('DOMContentLoaded', function () {
      var note = root.document.createElement('p');
      var link = root.document.createElement('a');
      note.setAttribute('role', 'alert');
      note.textContent = 'Formuläret kan inte visas inuti en annan sida. ';
      link.href = root.location.href;
      link.target = '_top';
      link.textContent = 'Öppna formuläret i ett eget fönster';
      note.append(link, '.');
      root.document.body.appendChild(note);
    });
    return;
  }
  var CMS, h, createClass;

  // --- the browser: Decap CMS ------------------------------------------------------------------


  function localToday() {
    var d = new Date();
    function pad(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate());
  }

  function unescapeHtml(text) { // html.unescape: the browser's own HTML parser decodes the references
    var area = document.createElement('textarea');
    area.innerHTML = text;
    return area.value;
  }

  function merge(target, extra) {
    Object.keys(extra).forEach(function (key) {
      var value = extra[key];
      if (value && typeof value === 'object' && target[key] && typeof target[key] === 'object') merge(target[key], value);
      else target[key] = value;
    });
    return target;
  }

  function plain(value) { // an Immutable value as plain data
    return value && typeof value.toJS === 'function' ? value.toJS() : value;
  }

  // The values of the form's fields as they are now. Decap hands a widget the entry as it was when the widget
  // last drew, which misses what was typed in other fields since; so each guarded widget notes its value as it
  // draws, and forgets it when the form closes.
  var current = {};

  function storyData(props) { // the entry's values as the file will hold them, with every field's current value
    var data = plain(props.entry && props.entry.get('data')) || {};
    Object.keys(current).forEach(function (key) { data[key] = plain(current[key]); });
    data[props.field.get('name')] = plain(props.value);
    Object.keys(data).forEach(function (key) { if (!given(data[key])) delete data[key]; });
    return data;
  }

  function textOf(value) { // what a guard reads of a field: the text, or a list's texts one per line
    if (Array.isArray(value)) return value.map(textOf).join('\n');
    return value === null || value === undefined || typeof value === 'boolean' ? '' : String(value);
  }

  // A Decap widget that says what the validator would say about its field: personal data in its text (with
  // the contact details named in Kontaktuppgifter allowed, as catalog.load_item allows them), and the story's
  // rules reported at this field (consent, the reason for contact details, lengths).
  function guardedWidget(name, base, guard, settings) {
    var widget = CMS.getWidget(base);
    var Control = createClass({
      isValid: function () {
        var data = storyData(this.props);
        var contacts = [].concat(data[settings.guards.contacts] || []).map(guard.contactKey);
        var field = this.props.field.get('name');
        var message = guard(textOf(data[field]), contacts) || ruleMessage(settings.guards.rules, field, data);
        return message ? { error: { type: 'CUSTOM', message: message } } : true;
      },
      render: function () {
        current[this.props.field.get('name')] = this.props.value;
        return h(widget.control, Object.assign({}, this.props));
      },
      componentWillUnmount: function () { delete current[this.props.field.get('name')]; },
    });
    CMS.registerWidget(name, Control, widget.preview, widget.schema);
  }

  // Text in the form that is not a field: where a story is (draft, under review, published) and what saving
  // does. It never changes the entry, so nothing of it reaches the file.
  function infoWidget(lines) {
    var Control = createClass({
      render: function () {
        return h('div', { className: 'kb-info', id: this.props.forID },
          lines.map(function (line, index) {
            return h('p', { key: index }, line.term ? h('strong', null, line.term + ': ') : null, line.text);
          }));
      },
    });
    CMS.registerWidget('kb-info', Control, function () { return null; });
  }

  function previewTemplate() { // the page's anatomy: title, lead, then the text (macros/page_anatomy.py)
    return createClass({
      render: function () {
        var data = this.props.entry.get('data');
        return h('div', { className: 'md-typeset kb-forhandsvisning' },
          h('h1', null, data.get('titel') || ''),
          data.get('beskrivning') ? h('p', { className: 'kb-ingress' }, data.get('beskrivning')) : null,
          this.props.widgetFor('body'));
      },
    });
  }

  // react-select's own texts, which Decap's locale does not reach: the few it shows, replaced where a text is
  // exactly one of them (never inside the story's text box), and what its live region reads to screen readers.
  function translateLeftovers(records, settings) {
    var patterns = settings.screen_reader.map(function (pair) { return [new RegExp(pair[0], 'g'), pair[1]]; });
    function fix(node) {
      var parent = node.parentElement;
      if (!parent || parent.closest('[contenteditable="true"], textarea')) return;
      var text = node.nodeValue;
      if (Object.prototype.hasOwnProperty.call(settings.untranslated, text)) text = settings.untranslated[text];
      if (parent.closest('[aria-live]')) {
        patterns.forEach(function (pair) { text = text.replace(pair[0], function () {
          var groups = arguments;
          return pair[1].replace(/\$(\d)/g, function (all, n) { return groups[Number(n)] || ''; });
        }); });
      }
      if (text !== node.nodeValue) node.nodeValue = text;
    }
    records.forEach(function (record) {
      if (record.type === 'characterData') { fix(record.target); return; }
      record.addedNodes.forEach(function (added) {
        if (added.nodeType === 3) { fix(added); return; }
        if (added.nodeType !== 1) return;
        var walker = root.document.createTreeWalker(added, NodeFilter.SHOW_TEXT);
        for (var node = walker.nextNode(); node; node = walker.nextNode()) fix(node);
      });
    });
  }

  function nameUnnamed() { // Decap leaves the preview frame and the text box without a name (axe, WCAG 4.1.2)
    root.document.querySelectorAll('iframe:not([title])').forEach(function (frame) {
      frame.setAttribute('title', 'Förhandsvisning av berättelsen');
    });
    root.document.querySelectorAll('[role="textbox"]:not([aria-label]):not([aria-labelledby])').forEach(function (box) {
      for (var up = box.parentElement; up; up = up.parentElement) {
        var label = up.querySelector('label');
        if (label) { box.setAttribute('aria-label', label.textContent); return; }
      }
    });
  }

  function element(tag, attributes, children) {
    var node = root.document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    (children || []).forEach(function (child) { if (child !== null) node.append(child); });
    return node;
  }

  // A page in the site's look instead of the form: the site's header and stylesheet, a heading and
  // paragraphs, each paragraph with links (macros/generate/cms_page.py writes the words).
  function notice(page, settings) {
    root.document.head.appendChild(element('link', { rel: 'stylesheet', href: settings.stylesheet }));
    root.document.body.classList.add('kb-sida');
    var header = element('header', { class: 'kb-sidhuvud' }, [element('a', { href: settings.home }, [settings.site_name])]);
    var main = element('main', { class: 'md-typeset' }, [element('h1', {}, [page.title])]);
    page.lines.forEach(function (line) {
      var children = [line.text];
      (line.links || []).forEach(function (link, index) {
        children.push(index === 0 ? ' ' : ' eller ', element('a', { href: link.href }, [link.text]));
      });
      if (line.links && line.links.length) children.push('.');
      main.appendChild(element('p', {}, children));
    });
    root.document.body.append(header, main);
  }

  // After saving: what happens next, in Swedish, with the way to the review on GitHub (or the local branch).
  function savedNote(settings, entry) {
    var opened = /\/entries\/([^/?#]+)/.exec(root.location.hash);
    var slug = entry.get('slug') || (opened && decodeURIComponent(opened[1]));
    if (!slug) { // a new story: Decap names it as it opens the saved entry's address
      root.addEventListener('hashchange', function () { savedNote(settings, entry); }, { once: true });
      return;
    }
    var next = settings.next;
    var branch = next.branch.replace('{slug}', slug);
    var old = root.document.getElementById('kb-sparad');
    if (old) old.remove();
    var links = next.links.map(function (link) {
      return element('li', {}, [element('a', { href: link.href.replace('{slug}', encodeURIComponent(slug))
        .replace('{branch}', encodeURIComponent(branch)), target: '_blank', rel: 'noopener' }, [link.text])]);
    });
    var close = element('button', { type: 'button' }, ['Stäng']);
    var note = element('section', { id: 'kb-sparad', role: 'status', 'aria-label': next.title }, [
      element('h2', {}, [next.title]),
      element('p', {}, [next.text.replace('{branch}', branch)]),
      links.length ? element('ul', {}, links) : null,
      element('p', {}, [next.fix]), close]);
    close.addEventListener('click', function () { note.remove(); });
    root.document.body.appendChild(note);
  }

  function start(settings) {
    var narrow = root.matchMedia('(max-width: ' + settings.min_width + 'px)').matches;
    if (!settings.signin || narrow) {
      notice(settings.signin ? settings.narrow : settings.notice, settings);
      return;
    }
    root.document.body.classList.add('kb-formular');
    new MutationObserver(function (records) {
      nameUnnamed();
      translateLeftovers(records, settings);
    }).observe(root.document.body, { childList: true, subtree: true, characterData: true });
    CMS = root.CMS;
    h = root.h;
    createClass = root.createClass;
    var guard = makeGuard(settings.guards, unescapeHtml);
    CMS.registerCustomFormat('kb-berattelse', 'md', {
      fromFile: function (text) { return readStory(root.jsyaml, text); },
      toFile: function (data) { return storyText(settings.format, data, localToday()); },
    });
    [['kb-text', 'string'], ['kb-markdown', 'markdown'], ['kb-list', 'list'], ['kb-boolean', 'boolean'],
     ['kb-select', 'select']]
      .forEach(function (pair) { guardedWidget(pair[0], pair[1], guard, settings); });
    infoWidget(settings.states);
    CMS.registerEventListener({ name: 'postSave', handler: function (event) { savedNote(settings, event.entry); } });
    CMS.registerLocale('sv', merge(CMS.getLocale('sv') || {}, settings.locale));
    CMS.registerPreviewTemplate('stories', previewTemplate());
    CMS.registerPreviewStyle(new URL(settings.stylesheet, root.location.href).href);
    CMS.registerPreviewStyle(settings.preview_css, { raw: true });
    CMS.init({ config: settings.decap });
  }

  // Decap keeps the signed-in communicator's GitHub token in localStorage, which every page of the site
  // could read. It is removed when the form's page is left or closed, so the token exists only while the
  // form is open (the next visit signs in again); reading pages run no script but the site's own
  // (their Content-Security-Policy), and tests/test_cms_browser.py shows a reading page finds no token.
  var TOKEN_KEY = 'decap-cms-user';
  root.addEventListener('pagehide', function () {
    try { root.localStorage.removeItem(TOKEN_KEY); } catch (error) { /* storage switched off: nothing kept */ }
  });

  var settingsLoaded = fetch('installningar.json', { credentials: 'same-origin' }).then(function (response) {
    if (!response.ok) throw new Error('installningar.json: ' + response.status);
    return response.json();
  });
  root.document.addEventListener('DOMContentLoaded', function () {
    settingsLoaded.then(start).catch(function (error) {
      var note = document.createElement('p');
      note.setAttribute('role', 'alert');
      note.textContent = 'Formuläret kunde inte starta (' + error.message + '). Ladda om sidan, eller skriv ' +
        'berättelsen i GitHubs webbredigerare enligt guiden Bidra med en berättelse.';
      document.body.appendChild(note);
    });
  });
}(typeof window === 'undefined' ? {} : window));
