// Counts a read for Most Popular. Sent as a beacon so it works when the page came from a cache.
(function () {
  var story = document.querySelector('article[data-article-id]');
  if (!story || !navigator.sendBeacon) return;
  if (document.visibilityState === 'prerender') return;
  navigator.sendBeacon('/_/view', new URLSearchParams({ id: story.getAttribute('data-article-id') }));
})();
