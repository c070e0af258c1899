/* The form editor's own script (/redigera/): Decap CMS set up from installningar.json, which
 * macros/generate/cms_config.py generates from the schema.
 *
 * - The file format "kb-berattelse" and the guards come from cms_story.js (window.kbStory).
 * - The widgets kb-text, kb-markdown, kb-list, kb-boolean and kb-select are Decap's, refusing at the field
 *   what the validator would refuse in the file; kb-info shows where a story is.
 * - The preview pane shows the title, the lead and the text in the site's look.
 * - After saving, a note says what happens next; a phone, or a site without sign-in, gets a page instead.
 *
 * No inline script and no eval: the page's Content-Security-Policy allows neither.
 */
(function (root) {
  'use strict';
  if (!root.document) return;
  var story = root.kbStory;
  var storyText = story.storyText, readStory = story.readStory, makeGuard = story.makeGuard;
  var ruleMessage = story.ruleMessage, given = story.given;
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

  function previewTemplate() { // the page's anatomy: title, lead, then the text (macros/views/page_anatomy.py)
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
