// The session screen of a workshop site on a mentor's phone. Saving the form turns it into one entry per participant,
// each with an id made here (a UUID), and keeps the entries in IndexedDB until the server has answered for them
// (entries an earlier version kept in localStorage are moved into IndexedDB at the first load).
// Entries are sent whenever the phone is online (on load, when the connection returns, and on "send now"); the server
// records an entry id once, so sending again after a lost answer records nothing twice. Every answer is shown: stored,
// already stored, or refused with the reason; refused entries are listed, never silently dropped.
(function () {
  'use strict';

  var main = document.getElementById('main');
  if (!main || !main.dataset.batchUrl) {
    return;
  }
  var site = Number(main.dataset.site);
  var PENDING = 'peduli.workshop.pending.' + site;
  var DONE = 'peduli.workshop.results.' + site;
  var sending = false;

  function msg(name) {
    return main.dataset['msg' + name.charAt(0).toUpperCase() + name.slice(1)] || name;
  }

  // ---- storage: IndexedDB, one store of entries waiting to be sent and one of the answers shown ----
  var DB_NAME = 'peduli-workshop';
  var dbPromise = null;

  function request(req) {
    return new Promise(function (resolve, reject) {
      req.onsuccess = function () { resolve(req.result); };
      req.onerror = function () { reject(req.error); };
    });
  }

  function done(tx) {
    return new Promise(function (resolve, reject) {
      tx.oncomplete = function () { resolve(); };
      tx.onabort = tx.onerror = function () { reject(tx.error); };
    });
  }

  function openDb() {
    if (!dbPromise) {
      dbPromise = new Promise(function (resolve, reject) {
        var req = window.indexedDB.open(DB_NAME, 1);
        req.onupgradeneeded = function () {
          var db = req.result;
          db.createObjectStore('pending', { keyPath: 'entryId' }).createIndex('site', 'siteId');
          db.createObjectStore('results', { keyPath: 'seq', autoIncrement: true }).createIndex('site', 'siteId');
        };
        req.onsuccess = function () { resolve(req.result); };
        req.onerror = function () { reject(req.error); };
      }).then(migrate);
    }
    return dbPromise;
  }

  // Entries kept by an earlier version of this page in localStorage move into IndexedDB once, then leave localStorage.
  function migrate(db) {
    var old = [];
    var oldDone = [];
    try {
      old = JSON.parse(window.localStorage.getItem(PENDING) || '[]');
      oldDone = JSON.parse(window.localStorage.getItem(DONE) || '[]');
    } catch (e) {
      old = [];
      oldDone = [];
    }
    if (old.length === 0 && oldDone.length === 0) {
      return db;
    }
    var tx = db.transaction(['pending', 'results'], 'readwrite');
    old.forEach(function (e) { tx.objectStore('pending').put(e); });
    oldDone.forEach(function (r) { r.siteId = site; tx.objectStore('results').add(r); });
    return done(tx).then(function () {
      window.localStorage.removeItem(PENDING);
      window.localStorage.removeItem(DONE);
      return db;
    });
  }

  function all(name) {
    return openDb().then(function (db) {
      var tx = db.transaction(name, 'readonly');
      return request(tx.objectStore(name).index('site').getAll(site));
    });
  }

  function addPending(entries) {
    return openDb().then(function (db) {
      var tx = db.transaction('pending', 'readwrite');
      entries.forEach(function (e) { tx.objectStore('pending').put(e); });
      return done(tx);
    });
  }

  // Moves answered entries from the pending store to the answers, in one transaction: none is lost in between.
  function answered(entries, results) {
    return openDb().then(function (db) {
      var tx = db.transaction(['pending', 'results'], 'readwrite');
      entries.forEach(function (e) { tx.objectStore('pending').delete(e.entryId); });
      results.forEach(function (r) { tx.objectStore('results').add(r); });
      return done(tx);
    });
  }

  function uuid() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    var hex = Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
    return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' +
      hex.slice(20);
  }

  function number(input) {
    if (!input || input.value.trim() === '') {
      return null;
    }
    var n = Number(input.value);
    return Number.isFinite(n) ? Math.trunc(n) : null;
  }

  function showStatus() {
    var status = document.getElementById('netStatus');
    status.textContent = navigator.onLine ? msg('online') : msg('offline');
    return Promise.all([all('pending'), all('results')]).then(function (both) {
      document.getElementById('pendingCount').textContent = msg('pending').replace('{0}', String(both[0].length));
      var list = document.getElementById('results');
      list.textContent = '';
      both[1].slice(-50).reverse().forEach(function (r) {
        var item = document.createElement('li');
        item.className = 'list-group-item ' +
          (r.status === 'REFUSED' ? 'list-group-item-danger' : 'list-group-item-success');
        item.dataset.status = r.status;
        item.dataset.entry = r.entryId;
        item.textContent = r.label + ' · ' + r.date + ': ' + r.text;
        list.appendChild(item);
      });
    }).catch(function () {
      status.textContent = msg('noStorage');
    });
  }

  function entriesFromForm() {
    var date = document.getElementById('sessionDate').value;
    var entries = [];
    document.querySelectorAll('.pd-participant').forEach(function (box) {
      var present = box.querySelector('[data-field="present"]').checked;
      var product = box.querySelector('[data-field="product"]').value;
      var quantity = number(box.querySelector('[data-field="quantity"]'));
      var lines = [];
      if (present && product !== '') {
        lines.push({
          productId: product === 'task' ? null : Number(product),
          task: product === 'task' ? box.querySelector('[data-field="task"]').value : null,
          quantity: quantity,
          minutes: number(box.querySelector('[data-field="minutes"]')),
          rejects: number(box.querySelector('[data-field="rejects"]'))
        });
      }
      entries.push({
        entryId: uuid(),
        siteId: site,
        date: date,
        participantId: Number(box.dataset.participant),
        present: present,
        lines: lines,
        label: box.querySelector('legend').textContent
      });
    });
    return entries;
  }

  function send() {
    if (sending) {
      return Promise.resolve();
    }
    sending = true;
    return all('pending').then(function (pending) {
      if (pending.length === 0) {
        return null;
      }
      var token = document.querySelector('meta[name="csrf-token"]');
      var header = document.querySelector('meta[name="csrf-header"]');
      var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
      if (token && header) {
        headers[header.content] = token.content;
      }
      var body = pending.map(function (e) {
        return { entryId: e.entryId, siteId: e.siteId, date: e.date, participantId: e.participantId,
          present: e.present, lines: e.lines };
      });
      return fetch(main.dataset.batchUrl, {
        method: 'POST', headers: headers, credentials: 'same-origin', body: JSON.stringify({ entries: body })
      }).then(function (response) {
        if (response.status === 401 || response.status === 403 || response.redirected) {
          throw new Error('signin');
        }
        if (!response.ok) {
          throw new Error('failed');
        }
        return response.json();
      }).then(function (answer) {
        var byId = {};
        answer.results.forEach(function (r) { byId[r.entryId] = r; });
        var sent = [];
        var results = [];
        pending.forEach(function (e) {
          var r = byId[e.entryId];
          if (!r) {
            return;
          }
          sent.push(e);
          results.push({
            entryId: e.entryId, siteId: site, label: e.label, date: e.date, status: r.status,
            text: r.status === 'REFUSED' ? r.message : (r.status === 'DUPLICATE' ? msg('duplicate') : msg('stored'))
          });
        });
        return answered(sent, results);
      });
    }).catch(function (error) {
      var status = document.getElementById('netStatus');
      status.textContent = error && error.message === 'signin' ? msg('signin') : msg('kept');
    }).finally(function () {
      sending = false;
      return showStatus();
    });
  }

  document.querySelectorAll('[data-field="product"]').forEach(function (select) {
    select.addEventListener('change', function () {
      var row = select.closest('.pd-participant').querySelector('[data-task-row]');
      row.classList.toggle('d-none', select.value !== 'task');
    });
  });

  document.getElementById('sessionForm').addEventListener('submit', function (event) {
    event.preventDefault();
    var entries = entriesFromForm();
    if (entries.length === 0) {
      document.getElementById('netStatus').textContent = msg('nothing');
      return;
    }
    addPending(entries).then(function () {
      document.getElementById('sessionForm').reset();
      document.querySelectorAll('[data-task-row]').forEach(function (row) { row.classList.add('d-none'); });
      return showStatus();
    }).then(function () {
      if (navigator.onLine) {
        return send();
      }
      document.getElementById('netStatus').textContent = msg('kept');
      return null;
    }).catch(function () {
      document.getElementById('netStatus').textContent = msg('noStorage');
    });
  });

  document.getElementById('syncNow').addEventListener('click', function () { send(); });
  window.addEventListener('online', function () { send(); });
  window.addEventListener('offline', showStatus);

  if ('serviceWorker' in navigator && main.dataset.sw) {
    navigator.serviceWorker.register(main.dataset.sw, { scope: '/workshop/' }).catch(function () { /* pages still work */ });
  }
  showStatus().then(function () {
    if (navigator.onLine) {
      send();
    }
  });
}());
