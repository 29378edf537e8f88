// Newsroom enhancements. Without JavaScript every form still works (the body is a plain textarea).
(function () {
  function startEditor() {
    if (!window.tinymce || !document.getElementById('body')) return;
    window.tinymce.init({
      selector: '#body',
      base_url: '/webjars/tinymce/6.8.3',
      suffix: '.min',
      license_key: 'gpl',
      menubar: false,
      branding: false,
      promotion: false,
      plugins: 'lists link table',
      toolbar: 'blocks | bold italic | bullist numlist | blockquote link | photo embed table hr | removeformat | undo redo',
      extended_valid_elements: 'figure[class|data-media-id|data-provider|data-embed-id],figcaption,span[class],img[src|alt|width|height],div[class]',
      table_default_attributes: {},
      table_default_styles: {},
      table_style_by_css: false,
      paste_data_images: true,
      automatic_uploads: true,
      images_file_types: 'jpeg,jpg,png,webp,gif',
      // A photo dropped or pasted into the body goes to the library first; the body keeps our URL, never the file.
      images_upload_handler: function (blobInfo) {
        var data = new FormData();
        data.append('files', blobInfo.blob(), blobInfo.filename());
        var csrf = document.querySelector('form.editor').getAttribute('data-csrf');
        return fetch('/newsroom/photos', { method: 'POST', body: data, credentials: 'same-origin',
          headers: { 'Accept': 'application/json', 'X-CSRF-Token': csrf } })
          .then(function (r) { return r.json(); })
          .then(function (list) {
            if (!list[0] || !list[0].photo) throw new Error((list[0] && list[0].error) || 'The photo was not accepted.');
            return list[0].photo.src;
          });
      },
      block_formats: 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4',
      convert_urls: false,
      directionality: document.getElementById('body').getAttribute('dir') || 'ltr',
      height: 480,
      statusbar: false, // its element path and resize handle fail axe (aria-allowed-attr, aria-prohibited-attr)
      // Our photo page's snippet pasted as text becomes the photo it describes (the server sanitizes it like any body).
      paste_preprocess: function (editor, args) {
        var text = args.content.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
        if (/^\s*<figure class="inline-photo" data-media-id="\d+">[\s\S]*<\/figure>\s*$/.test(text)) args.content = text;
      },
      setup: function (editor) {
        editor.ui.registry.addButton('photo', { icon: 'image', tooltip: 'Insert photo from the library', onAction: function () {
          document.dispatchEvent(new CustomEvent('masthead:pick-photo'));
        } });
        // Videos and social posts go in as an address; readers get a card that loads the provider only when they ask.
        editor.ui.registry.addButton('embed', { icon: 'embed', tooltip: 'Embed a video or post', onAction: function () {
          var url = window.prompt('Paste the address of a YouTube or Vimeo video, or of a post on X or Instagram:');
          if (!url) return;
          fetch('/newsroom/embeds?url=' + encodeURIComponent(url), { credentials: 'same-origin' })
            .then(function (r) { return r.json(); })
            .then(function (e) {
              if (!e.provider) { window.alert(e.error); return; }
              var f = document.createElement('figure');
              f.className = 'embed';
              f.setAttribute('data-provider', e.provider);
              f.setAttribute('data-embed-id', e.id);
              var a = document.createElement('a');
              a.href = e.page_url;
              a.textContent = e.label;
              f.appendChild(a);
              editor.insertContent(f.outerHTML + '<p></p>');
              editor.save();
              document.dispatchEvent(new Event('masthead:body-changed'));
            });
        } });
        editor.addShortcut('meta+s', 'Save draft', function () { document.dispatchEvent(new Event('masthead:save')); });
        editor.on('change input undo redo', function () { editor.save(); document.dispatchEvent(new Event('masthead:body-changed')); });
      }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startEditor);
  else startEditor();
})();

// The story's language sets the direction its headline, dek, dateline and body are typed in.
(function () {
  function start() {
    var select = document.getElementById('language');
    if (!select) return;
    select.addEventListener('change', function () {
      var option = select.options[select.selectedIndex];
      var dir = option.getAttribute('data-dir') || 'ltr';
      ['headline', 'dek', 'dateline', 'body'].forEach(function (id) {
        var field = document.getElementById(id);
        if (field) { field.setAttribute('dir', dir); field.setAttribute('lang', option.value); }
      });
      var editor = window.tinymce && window.tinymce.get('body');
      if (editor && editor.getBody()) { editor.getBody().setAttribute('dir', dir); editor.getBody().setAttribute('lang', option.value); }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
// Multi-file photo upload with a progress bar (the form works without this, as a plain POST).
(function () {
  var form = document.getElementById('photo-upload');
  if (!form || !window.FormData || !window.XMLHttpRequest) return;
  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var bar = document.getElementById('upload-progress');
    var status = document.getElementById('upload-status');
    var results = document.getElementById('upload-results');
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    bar.hidden = false;
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        bar.value = Math.round(100 * e.loaded / e.total);
        bar.textContent = bar.value + '%';
        status.textContent = 'Uploading… ' + bar.value + '%';
      }
    });
    xhr.addEventListener('load', function () {
      var list;
      try { list = JSON.parse(xhr.responseText); } catch (e) { status.textContent = 'Upload failed: ' + xhr.status; return; }
      status.textContent = 'Done.';
      results.textContent = '';
      list.forEach(function (item) {
        var li = document.createElement('li');
        if (item.url) {
          var a = document.createElement('a');
          a.href = item.url;
          a.textContent = item.file;
          li.appendChild(a);
          li.appendChild(document.createTextNode(item.existing ? ': a duplicate: already in the library as photo ' + item.id + '; nothing about it changed.'
            : ': ' + (item.caption || 'no caption in the file') + (item.credit ? ' ' + item.credit : '')));
        } else {
          li.className = 'field-error';
          li.textContent = item.file + ': ' + item.error;
        }
        results.appendChild(li);
      });
    });
    xhr.addEventListener('error', function () { status.textContent = 'Upload failed: the connection was lost.'; });
    xhr.send(new FormData(form));
  });
})();

// Autosave: while someone types, the form goes to their own server-side autosave every 5 seconds
// (never to the story); leaving with unsaved changes asks first.
(function () {
  function start() {
    var form = document.querySelector('form.editor[data-autosave]');
    if (!form) return;
    var dirty = false;
    var submitting = false;
    form.addEventListener('input', function () { dirty = true; });
    form.addEventListener('change', function () { dirty = true; });
    document.addEventListener('masthead:body-changed', function () { dirty = true; });
    form.addEventListener('submit', function () { submitting = true; });
    function send() {
      if (!dirty || submitting) return;
      if (window.tinymce && window.tinymce.activeEditor) window.tinymce.activeEditor.save();
      var data = new URLSearchParams();
      new FormData(form).forEach(function (value, key) { if (typeof value === 'string') data.append(key, value); });
      dirty = false;
      fetch(form.getAttribute('data-autosave'), { method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'X-CSRF-Token': form.getAttribute('data-csrf') } }).catch(function () { dirty = true; });
    }
    setInterval(send, 5000);
    window.addEventListener('beforeunload', function (event) {
      if ((dirty || form.getAttribute('data-unsaved') === 'true') && !submitting) { event.preventDefault(); event.returnValue = ''; }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

// Fronts: drag a slot, or press its move buttons, to reorder; the position numbers follow the order.
(function () {
  function start() {
    var problems = document.getElementById('problems');
    if (problems) problems.focus();
    var list = document.querySelector('ol[data-reorder]');
    if (!list) return;
    function renumber() {
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.querySelector('input[name=position]').value = String(i + 1);
        li.querySelector('.slot-place').textContent = i === 0 ? 'Lead' : 'Top ' + (i + 1);
      });
    }
    var dragged = null;
    list.addEventListener('dragstart', function (e) {
      dragged = e.target.closest('li');
      if (e.dataTransfer) { e.dataTransfer.effectAllowed = 'move'; e.dataTransfer.setData('text/plain', ''); }
    });
    list.addEventListener('dragover', function (e) {
      var over = e.target.closest && e.target.closest('li');
      if (!dragged || !over || over === dragged) return;
      e.preventDefault();
      var box = over.getBoundingClientRect();
      list.insertBefore(dragged, e.clientY > box.top + box.height / 2 ? over.nextSibling : over);
    });
    list.addEventListener('drop', function (e) { e.preventDefault(); });
    list.addEventListener('dragend', function () { dragged = null; renumber(); });
    list.addEventListener('click', function (e) {
      var button = e.target.closest('button[data-move]');
      if (!button) return;
      var li = button.closest('li');
      if (button.getAttribute('data-move') === '-1' && li.previousElementSibling) list.insertBefore(li, li.previousElementSibling);
      else if (button.getAttribute('data-move') === '1' && li.nextElementSibling) list.insertBefore(li.nextElementSibling, li);
      renumber();
      button.focus();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

// The photo picker: search or upload, choose one photo (an inline figure) or several (a gallery),
// and give each this story's caption, credit and alt text before it goes into the body.
(function () {
  function start() {
    var dialog = document.getElementById('photo-picker');
    if (!dialog || typeof dialog.showModal !== 'function') return;
    var results = document.getElementById('picker-results');
    var chosenBox = document.getElementById('picker-chosen');
    var status = document.getElementById('picker-status');
    var insert = document.getElementById('picker-insert');
    var query = document.getElementById('picker-q');
    var chosen = [];
    var mode = 'body'; // or 'lead': one photo, which becomes the story's lead photo
    function el(tag, attrs, text) {
      var e = document.createElement(tag);
      Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
      if (text) e.textContent = text;
      return e;
    }
    function field(photo, name, label, multiline) {
      var id = 'picker-' + name + '-' + photo.id;
      var wrap = el('div', { 'class': 'field' });
      wrap.appendChild(el('label', { 'for': id }, label));
      var input = el(multiline ? 'textarea' : 'input', { id: id, dir: 'auto', rows: '2' });
      if (!multiline) input.setAttribute('type', 'text');
      input.value = photo[name] || '';
      input.addEventListener('input', function () { photo[name] = input.value; });
      wrap.appendChild(input);
      return wrap;
    }
    function renderChosen() {
      chosenBox.textContent = '';
      chosen.forEach(function (photo, i) {
        var set = el('fieldset', { 'class': 'picker-use' });
        set.appendChild(el('legend', {}, (chosen.length > 1 ? 'Photo ' + (i + 1) + ' of the gallery' : 'This photo') + (photo.title ? ': ' + photo.title : '')));
        set.appendChild(field(photo, 'title', 'Title (above the caption)'));
        set.appendChild(field(photo, 'caption', 'Caption', true));
        set.appendChild(field(photo, 'credit', 'Credit'));
        set.appendChild(field(photo, 'alt_text', 'Alt text (what the photo shows)', true));
        if (photo.width < 960) set.appendChild(el('p', { 'class': 'warn' }, 'Low resolution: ' + photo.width + ' px wide; it will show at that size, not stretched.'));
        chosenBox.appendChild(set);
      });
      insert.disabled = chosen.length === 0;
      insert.textContent = mode === 'lead' ? 'Use as lead photo' : chosen.length > 1 ? 'Insert gallery of ' + chosen.length : 'Insert photo';
      if (mode === 'lead') chosenBox.textContent = '';
    }
    function toggle(photo, button) {
      var at = chosen.findIndex(function (c) { return c.id === photo.id; });
      if (mode === 'lead') {
        chosen = at >= 0 ? [] : [Object.assign({}, photo)];
        results.querySelectorAll('button[aria-pressed]').forEach(function (b) { b.setAttribute('aria-pressed', 'false'); });
      } else if (at >= 0) chosen.splice(at, 1); else chosen.push(Object.assign({}, photo));
      button.setAttribute('aria-pressed', at >= 0 ? 'false' : 'true');
      renderChosen();
    }
    function show(items) {
      results.textContent = '';
      if (!items.length) status.textContent = 'No photos match.';
      items.forEach(function (photo) {
        var li = el('li');
        var button = el('button', { type: 'button', 'class': 'picker-photo', 'aria-pressed': chosen.some(function (c) { return c.id === photo.id; }) ? 'true' : 'false',
          'data-photo-id': String(photo.id) });
        button.appendChild(el('img', { src: photo.thumbnail, alt: '' }));
        button.appendChild(el('span', { 'class': 'grid-caption', dir: 'auto' }, photo.caption || photo.title || ('Photo ' + photo.id)));
        if (photo.credit) button.appendChild(el('span', { 'class': 'grid-credit', dir: 'auto' }, photo.credit));
        button.addEventListener('click', function () { toggle(photo, button); });
        li.appendChild(button);
        results.appendChild(li);
      });
    }
    function search() {
      status.textContent = 'Searching…';
      fetch('/newsroom/photos/picker?q=' + encodeURIComponent(query.value), { credentials: 'same-origin' })
        .then(function (r) { return r.json(); })
        .then(function (body) { status.textContent = body.items.length + ' photos'; show(body.items); })
        .catch(function () { status.textContent = 'The library could not be searched; try again.'; });
    }
    var timer = null;
    query.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 250); });
    document.getElementById('picker-file').addEventListener('change', function (e) {
      var data = new FormData();
      Array.prototype.forEach.call(e.target.files, function (f) { data.append('files', f, f.name); });
      status.textContent = 'Uploading…';
      fetch('/newsroom/photos', { method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-CSRF-Token': dialog.getAttribute('data-csrf') } })
        .then(function (r) { return r.json(); })
        .then(function (list) {
          var ok = list.filter(function (o) { return o.photo; });
          var notes = list.map(function (o) { return o.error ? o.file + ': ' + o.error : o.existing ? o.file + ' is already in the library (a duplicate); using it.' : o.file + ' uploaded.'; });
          status.textContent = notes.join(' ');
          ok.forEach(function (o) { if (!chosen.some(function (c) { return c.id === o.photo.id; })) chosen.push(Object.assign({}, o.photo)); });
          show(ok.map(function (o) { return o.photo; }));
          renderChosen();
        })
        .catch(function () { status.textContent = 'The upload failed; try again.'; });
    });
    function figure(photo) {
      var f = el('figure', { 'class': 'inline-photo', 'data-media-id': String(photo.id) });
      f.appendChild(el('img', { src: photo.src, alt: photo.alt_text || '', width: String(photo.width), height: String(photo.height) }));
      if (photo.title || photo.caption || photo.credit) {
        var cap = el('figcaption');
        if (photo.title) cap.appendChild(el('span', { 'class': 'photo-title' }, photo.title));
        if (photo.caption) cap.appendChild(el('span', { 'class': 'caption' }, photo.caption));
        if (photo.caption && photo.credit) cap.appendChild(document.createTextNode(' '));
        if (photo.credit) cap.appendChild(el('span', { 'class': 'credit' }, photo.credit));
        f.appendChild(cap);
      }
      return f;
    }
    insert.addEventListener('click', function () {
      if (mode === 'lead') {
        dialog.close();
        document.dispatchEvent(new CustomEvent('masthead:lead-photo', { detail: chosen[0] }));
        return;
      }
      var node;
      if (chosen.length === 1) node = figure(chosen[0]);
      else { node = el('div', { 'class': 'gallery' }); chosen.forEach(function (p) { node.appendChild(figure(p)); }); }
      var editor = window.tinymce && window.tinymce.get('body');
      dialog.close(); // first: while the modal dialog is open the editor is inert and has no selection to insert at
      if (editor) {
        editor.focus();
        if (bookmark) editor.selection.moveToBookmark(bookmark);
        else { editor.selection.select(editor.getBody(), true); }
        editor.selection.collapse(false); // at the cursor (or the end), never over a selection
        editor.insertContent(node.outerHTML + '<p></p>');
        editor.save();
        document.dispatchEvent(new Event('masthead:body-changed'));
      } else {
        var body = document.getElementById('body');
        body.value += node.outerHTML;
      }
    });
    document.getElementById('picker-cancel').addEventListener('click', function () { dialog.close(); });
    var bookmark = null;
    document.addEventListener('masthead:pick-photo', function (e) {
      mode = e.detail && e.detail.mode === 'lead' ? 'lead' : 'body';
      document.getElementById('picker-heading').textContent = mode === 'lead' ? 'Choose the lead photo' : 'Insert photos';
      var editor = window.tinymce && window.tinymce.get('body');
      bookmark = editor && editor.hasFocus() ? editor.selection.getBookmark(2, true) : null; // else at the end
      chosen = [];
      renderChosen();
      dialog.showModal();
      query.focus();
      query.select(); // the last search stays, ready to be typed over
      search();
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

// Ctrl+S (or Cmd+S) saves the story as its primary button would.
(function () {
  function save() {
    var form = document.querySelector('form.editor');
    if (!form) return;
    var button = form.querySelector('button[type=submit][name=action][value=save]') || form.querySelector('button[type=submit].primary');
    if (window.tinymce && window.tinymce.get('body')) window.tinymce.get('body').save();
    if (form.requestSubmit) form.requestSubmit(button || undefined); else form.submit();
  }
  document.addEventListener('masthead:save', save);
  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 's' || e.key === 'S')) { e.preventDefault(); save(); }
  });
})();

// Counters: characters of the headline and dek against what search and social show, words of the body.
(function () {
  function start() {
    document.querySelectorAll('[data-count-for]').forEach(function (counter) {
      var field = document.getElementById(counter.getAttribute('data-count-for'));
      if (!field) return;
      var guide = Number(counter.getAttribute('data-guide'));
      function update() {
        var n = Array.from(field.value).length;
        counter.textContent = n + ' characters' + (n > guide ? ' — over the ' + guide + ' that ' + counter.getAttribute('data-guide-text') : '; ' + counter.getAttribute('data-guide-text'));
        counter.classList.toggle('over', n > guide);
      }
      field.addEventListener('input', update);
      update();
    });
    var words = document.querySelector('[data-words-for]');
    if (words) {
      var count = function () {
        var editor = window.tinymce && window.tinymce.get('body');
        var text = editor && editor.getBody() ? editor.getBody().textContent : (document.getElementById('body').value || '').replace(/<[^>]*>/g, ' ');
        var n = (text.match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu) || []).length;
        words.textContent = n + (n === 1 ? ' word' : ' words');
      };
      document.addEventListener('masthead:body-changed', count);
      document.getElementById('body').addEventListener('input', count);
      setTimeout(count, 1500);
      count();
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

// Buttons that undo public work (unpublish, kill) ask first.
document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('button[data-confirm]');
  if (button && !window.confirm(button.getAttribute('data-confirm'))) e.preventDefault();
});

// The lead photo: chosen from the library or uploaded the moment a file is picked, so its caption,
// credit and alt text fill in before any save, and a refused save can never drop the file.
(function () {
  function start() {
    var hidden = document.getElementById('lead_photo');
    if (!hidden) return;
    var preview = document.getElementById('lead-preview');
    var file = document.getElementById('photo');
    var form = document.querySelector('form.editor');
    function setField(id, value, overwrite) {
      var f = document.getElementById(id);
      if (f && value && (overwrite || !f.value)) f.value = value;
    }
    function use(photo, fromFile) {
      hidden.value = String(photo.id);
      var remove = document.getElementById('remove_photo');
      if (remove) remove.checked = false;
      setField('photo_caption', photo.caption, !fromFile);
      setField('photo_credit', photo.credit, !fromFile);
      setField('photo_alt', photo.alt_text, !fromFile);
      setField('photo_title', photo.title, !fromFile);
      preview.textContent = '';
      var img = document.createElement('img');
      img.src = photo.thumbnail; img.alt = photo.alt_text || ''; img.className = 'thumb';
      preview.appendChild(img);
      var p = document.createElement('p');
      p.textContent = (photo.title ? photo.title + ' — ' : '') + 'photo ' + photo.id + ' from the library' + (photo.existing ? ' (this file was already there)' : '') + '.';
      if (photo.width < 1280) {
        var warn = document.createElement('span');
        warn.className = 'warn';
        warn.textContent = ' Low resolution: ' + photo.width + ' px wide; the story page shows lead photos up to 1,280 px.';
        p.appendChild(warn);
      }
      preview.appendChild(p);
      preview.hidden = false;
      form.setAttribute('data-unsaved', 'true');
    }
    document.addEventListener('masthead:lead-photo', function (e) { use(e.detail, false); });
    var choose = document.getElementById('lead-choose');
    if (choose) choose.addEventListener('click', function () {
      document.dispatchEvent(new CustomEvent('masthead:pick-photo', { detail: { mode: 'lead' } }));
    });
    if (file) file.addEventListener('change', function () {
      if (!file.files.length) return;
      var data = new FormData();
      data.append('files', file.files[0], file.files[0].name);
      var status = document.getElementById('photo-error') || document.createElement('p');
      status.id = 'photo-status';
      status.setAttribute('role', 'status');
      status.className = 'hint';
      status.textContent = 'Uploading and reading the photo\u2019s caption and credit…';
      file.parentNode.appendChild(status);
      fetch('/newsroom/photos', { method: 'POST', body: data, credentials: 'same-origin',
        headers: { 'Accept': 'application/json', 'X-CSRF-Token': form.getAttribute('data-csrf') } })
        .then(function (r) { return r.json(); })
        .then(function (list) {
          var o = list[0] || {};
          if (!o.photo) { status.textContent = o.error || 'The photo was not accepted.'; status.className = 'field-error'; return; }
          o.photo.existing = o.existing;
          use(o.photo, true);
          file.value = ''; // it is in the library now; the form carries its id
          status.textContent = o.existing ? 'This file is already in the library (a duplicate); the story uses that photo.' : 'Uploaded; the fields below are filled from the file.';
        })
        .catch(function () { status.textContent = 'The upload failed; the file will go with the form when you save.'; });
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

// The photo page: click where the subject is, and the focal point (and the crop previews) follow.
(function () {
  function start() {
    var box = document.querySelector('.focal-picker');
    var x = document.getElementById('focal_x');
    var y = document.getElementById('focal_y');
    if (!box || !x || !y) return;
    var marker = box.querySelector('.focal-marker');
    var image = document.getElementById('focal-image');
    function show() {
      marker.style.left = x.value + '%';
      marker.style.top = y.value + '%';
      document.querySelectorAll('.crop').forEach(function (c) { c.style.objectPosition = x.value + '% ' + y.value + '%'; });
    }
    if (!x.disabled) image.addEventListener('click', function (e) {
      var r = image.getBoundingClientRect();
      x.value = String(Math.max(0, Math.min(100, Math.round((e.clientX - r.left) / r.width * 100))));
      y.value = String(Math.max(0, Math.min(100, Math.round((e.clientY - r.top) / r.height * 100))));
      show();
    });
    x.addEventListener('input', show);
    y.addEventListener('input', show);
    show();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();

// An import's page: its progress, items/s and time left, polled from the run's status until it is done.
(function () {
  function start() {
    var box = document.querySelector('[data-import-status]');
    if (!box || box.getAttribute('data-finished') === '1') return;
    var bar = box.querySelector('progress'), pct = box.querySelector('.import-percent');
    var state = box.querySelector('.import-state'), report = box.querySelector('.import-report');
    function poll() {
      fetch(box.getAttribute('data-import-status'), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.json(); })
        .then(function (s) {
          bar.value = s.percent;
          bar.textContent = s.percent + '%';
          pct.textContent = s.percent + '%';
          if (s.state === 'done' || s.state === 'failed') {
            state.textContent = s.state === 'done' ? 'Done.' : 'Stopped.';
            report.textContent = s.text;
            return;
          }
          state.textContent = s.state === 'queued' ? 'Waiting for the jobs runner…' : s.text;
          setTimeout(poll, 1000);
        })
        .catch(function () { setTimeout(poll, 3000); });
    }
    poll();
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start); else start();
})();
