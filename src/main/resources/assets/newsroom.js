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
      plugins: 'lists link',
      toolbar: 'blocks | bold italic | bullist numlist | blockquote link | undo redo',
      block_formats: 'Paragraph=p; Heading 2=h2; Heading 3=h3; Heading 4=h4',
      convert_urls: false,
      directionality: document.getElementById('body').getAttribute('dir') || 'ltr',
      height: 480,
      statusbar: false, // its element path and resize handle fail axe (aria-allowed-attr, aria-prohibited-attr)
      setup: function (editor) {
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
          li.appendChild(document.createTextNode(': ' + (item.caption || 'no caption in the file') + (item.credit ? ' ' + item.credit : '')));
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
