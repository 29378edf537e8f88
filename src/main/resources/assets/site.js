// Counts a read for Most Popular. Sent as a beacon so it works when the page came from a cache.
(function () {
  var story = document.querySelector('article[data-article-id]');
  if (!story || !navigator.sendBeacon) return;
  if (document.visibilityState === 'prerender') return;
  navigator.sendBeacon('/_/view', new URLSearchParams({ id: story.getAttribute('data-article-id') }));
})();

// Embedded videos and posts: nothing is asked of the provider until the reader presses the button.
document.addEventListener('click', function (e) {
  var button = e.target.closest && e.target.closest('.embed-load');
  if (!button) return;
  var card = button.closest('.embed-card');
  var frame = document.createElement('iframe');
  frame.src = card.getAttribute('data-frame');
  frame.title = card.getAttribute('data-title');
  frame.setAttribute('allow', 'fullscreen; picture-in-picture; encrypted-media');
  frame.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  frame.className = 'embed-frame';
  card.replaceWith(frame);
  frame.focus();
});

// Printing: links in the story print with their full address (the stylesheet shows it after each link).
window.addEventListener('beforeprint', function () {
  document.querySelectorAll('.story a[href]').forEach(function (a) { a.setAttribute('data-print-url', a.href); });
});
