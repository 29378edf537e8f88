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
      height: 480,
      statusbar: false, // its element path and resize handle fail axe (aria-allowed-attr, aria-prohibited-attr)
      setup: function (editor) {
        editor.on('change input undo redo', function () { editor.save(); });
      }
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', startEditor);
  else startEditor();
})();
