// Service worker of the workshop pages: keeps the session screen and what it needs so that a mentor can open and fill
// it without a connection. Pages are fetched from the network first and from the cache when there is none; scripts,
// styles and icons from the cache first. Entries themselves are kept by the page (IndexedDB), never here.
'use strict';

const CACHE = 'peduli-workshop-v2';
const SHELL = [
  '/js/workshop-session.js',
  '/css/peduli.css',
  '/webjars/bootstrap/dist/css/bootstrap.min.css',
  '/favicon.svg',
  '/workshop/manifest.webmanifest'
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim())
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.mode === 'navigate') {
    if (!/^\/workshop\/sites\/\d+\/session$/.test(url.pathname)) {
      return;
    }
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok && !response.redirected) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(request, copy));
          }
          return response;
        })
        .catch(() => caches.match(request).then((cached) => cached || Response.error()))
    );
    return;
  }
  if (SHELL.includes(url.pathname)) {
    event.respondWith(caches.match(request).then((cached) => cached || fetch(request)));
  }
});
