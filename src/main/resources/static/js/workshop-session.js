// The session screen of a workshop site on a mentor's phone. Saving the form turns it into one entry per participant,
// each with an id made here (a UUID), and keeps the entries in localStorage until the server has answered for them.
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

  function load(key) {
    try {
      return JSON.parse(window.localStorage.getItem(key) || '[]');
    } catch (e) {
      return [];
    }
  }

  function store(key, value) {
    window.localStorage.setItem(key, JSON.stringify(value));
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
    var count = load(PENDING).length;
    document.getElementById('pendingCount').textContent = msg('pending').replace('{0}', String(count));
    var list = document.getElementById('results');
    list.textContent = '';
    load(DONE).slice(-50).reverse().forEach(function (r) {
      var item = document.createElement('li');
      item.className = 'list-group-item ' + (r.status === 'REFUSED' ? 'list-group-item-danger' : 'list-group-item-success');
      item.dataset.status = r.status;
      item.dataset.entry = r.entryId;
      item.textContent = r.label + ' · ' + r.date + ': ' + r.text;
      list.appendChild(item);
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
    var pending = load(PENDING);
    if (sending || pending.length === 0) {
      showStatus();
      return Promise.resolve();
    }
    sending = true;
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
      var still = [];
      var done = load(DONE);
      load(PENDING).forEach(function (e) {
        var r = byId[e.entryId];
        if (!r) {
          still.push(e);
          return;
        }
        done.push({
          entryId: e.entryId, label: e.label, date: e.date, status: r.status,
          text: r.status === 'REFUSED' ? r.message : (r.status === 'DUPLICATE' ? msg('duplicate') : msg('stored'))
        });
      });
      store(PENDING, still);
      store(DONE, done.slice(-200));
    }).catch(function (error) {
      var status = document.getElementById('netStatus');
      status.textContent = error && error.message === 'signin' ? msg('signin') : msg('kept');
    }).finally(function () {
      sending = false;
      showStatus();
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
    store(PENDING, load(PENDING).concat(entries));
    document.getElementById('sessionForm').reset();
    document.querySelectorAll('[data-task-row]').forEach(function (row) { row.classList.add('d-none'); });
    showStatus();
    if (navigator.onLine) {
      send();
    } else {
      document.getElementById('netStatus').textContent = msg('kept');
    }
  });

  document.getElementById('syncNow').addEventListener('click', function () { send(); });
  window.addEventListener('online', function () { send(); });
  window.addEventListener('offline', showStatus);

  if ('serviceWorker' in navigator && main.dataset.sw) {
    navigator.serviceWorker.register(main.dataset.sw, { scope: '/workshop/' }).catch(function () { /* pages still work */ });
  }
  showStatus();
  if (navigator.onLine) {
    send();
  }
}());
