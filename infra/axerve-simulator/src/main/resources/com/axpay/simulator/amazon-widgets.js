/*
 * Simulated Amazon Pay widgets (Axerve simulator). Include it where Amazon's Widgets.js would go:
 *   <script src="http://127.0.0.1:<simulator port>/amazon/widgets.js"></script>
 * It offers the shape of Amazon's API, rendering into the page's own elements:
 *   OffAmazonPayments.Button(elementId, sellerId, {onSignIn(profile), onError(error)})
 *   new OffAmazonPayments.Widgets.AddressBook({sellerId, agreementType?, onOrderReferenceCreate(orderReference),
 *       onReady(orderReferenceOrBillingAgreement), onAddressSelect(), onError(error)}).bind(elementId)
 *   new OffAmazonPayments.Widgets.Wallet({sellerId, amazonOrderReferenceId | amazonBillingAgreementId,
 *       onPaymentSelect(), onReady(), onError(error)}).bind(elementId)
 *   new OffAmazonPayments.Widgets.Consent({sellerId, amazonBillingAgreementId, onConsent(status), onReady(status),
 *       onError(error)}).bind(elementId)
 *   OffAmazonPayments.Widgets.flush() -> Promise: every selection has reached Amazon (simulator only)
 *   OffAmazonPayments.signOut()
 * The buyer's sign-in lasts for the browser tab (sessionStorage), as Amazon's does for the session.
 */
(function () {
  'use strict';
  var BASE = new URL(document.currentScript.src).origin;
  var BOOK = /*BOOK*/[];
  var METHODS = /*METHODS*/[];
  var BUYER_KEY = 'amazonSimBuyer', ADDRESS_KEY = 'amazonSimAddress', METHOD_KEY = 'amazonSimMethod';
  var pending = [];

  function post(path, body) {
    var p = fetch(BASE + path, {method: 'POST', headers: {'Content-Type': 'text/plain'}, body: JSON.stringify(body)})
      .then(function (r) {
        return r.json().then(function (j) {
          if (!r.ok) { throw new Error(j.error || ('HTTP ' + r.status)); }
          return j;
        });
      });
    pending.push(p.catch(function () {}));
    return p;
  }
  function target(id) {
    var e = document.getElementById(id);
    if (!e) { throw new Error('OffAmazonPayments: no element #' + id); }
    return e;
  }
  function fail(o, code, message) {
    if (o && typeof o.onError === 'function') {
      o.onError({getErrorCode: function () { return code; }, getErrorMessage: function () { return message; }});
    }
  }
  function call(fn) {
    if (typeof fn === 'function') { fn.apply(null, Array.prototype.slice.call(arguments, 1)); }
  }
  function buyer() { return sessionStorage.getItem(BUYER_KEY); }
  function node(tag, attrs, text) {
    var e = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text) { e.textContent = text; }
    return e;
  }
  function frame(box, title) {
    box.innerHTML = '';
    var f = node('div', {'class': 'amazon-sim-widget'});
    f.style.cssText = 'border:1px solid #d5d9d9;border-radius:8px;padding:10px;background:#fff;margin:6px 0';
    f.appendChild(node('div', {'class': 'amazon-sim-title'}, title));
    f.firstChild.style.cssText = 'font-weight:600;color:#232f3e;margin-bottom:6px';
    box.appendChild(f);
    return f;
  }
  function radios(f, name, items, checked, onChange) {
    items.forEach(function (item, i) {
      var value = item.id !== undefined ? item.id : String(i);
      var label = node('label', {style: 'display:block;margin:2px 0'});
      var input = node('input', {type: 'radio', name: name, value: value});
      if (value === String(checked)) { input.checked = true; }
      input.addEventListener('change', function () { onChange(value); });
      label.appendChild(input);
      label.appendChild(document.createTextNode(' ' + item.label));
      f.appendChild(label);
    });
  }
  function OrderReference(id) { this.getAmazonOrderReferenceId = function () { return id; }; }
  function BillingAgreement(id) { this.getAmazonBillingAgreementId = function () { return id; }; }
  function ConsentStatus(c) { this.getConsentStatus = function () { return c ? 'true' : 'false'; }; }

  function Button(elementId, sellerId, o) {
    var box = target(elementId);
    box.innerHTML = '';
    var button = node('button', {type: 'button', 'class': 'amazon-sim-button', id: elementId + '-amazon-pay'},
      'Amazon Pay');
    button.style.cssText = 'background:#ffd814;border:1px solid #fcd200;border-radius:20px;padding:10px 18px;'
      + 'font-weight:700;cursor:pointer';
    box.appendChild(button);
    button.addEventListener('click', function () {
      // Amazon opens its sign-in in a pop-up; the simulator asks inline
      var f = frame(box, 'Amazon - Sign in (simulated)');
      var email = node('input', {type: 'email', 'class': 'amazon-sim-email', value: 'buyer@example.com'});
      var password = node('input', {type: 'password', value: 'sandbox'});
      var signIn = node('button', {type: 'button', 'class': 'amazon-sim-sign-in'}, 'Sign in');
      [email, password, signIn].forEach(function (e) { f.appendChild(e); });
      signIn.addEventListener('click', function () {
        if (!/^[^@\s]+@[^@\s]+$/.test(email.value)) { fail(o, 'InvalidEmail', 'Enter your e-mail address'); return; }
        sessionStorage.setItem(BUYER_KEY, email.value);
        box.innerHTML = '';
        box.appendChild(node('span', {'class': 'amazon-sim-signed-in'}, 'Signed in to Amazon as ' + email.value));
        call(o && o.onSignIn, {email: email.value});
      });
    });
  }

  function AddressBook(o) { this.o = o || {}; }
  AddressBook.prototype.bind = function (elementId) {
    var o = this.o, box = target(elementId);
    if (!buyer()) { box.textContent = ''; fail(o, 'BuyerNotSignedIn', 'The buyer has not signed in'); return; }
    var type = o.agreementType === 'BillingAgreement' ? 'BillingAgreement' : 'OrderReference';
    var f = frame(box, 'Amazon - Shipping address');
    post('/amazon/widgets/order-references', {sellerId: o.sellerId, buyerEmail: buyer(), agreementType: type})
      .then(function (ref) {
        var chosen = sessionStorage.getItem(ADDRESS_KEY) || '0';
        var select = function (value) {
          sessionStorage.setItem(ADDRESS_KEY, value);
          return post('/amazon/widgets/order-references/' + ref.id, {address: Number(value)})
            .then(function () { call(o.onAddressSelect); }, function (e) { fail(o, 'AddressNotSaved', e.message); });
        };
        radios(f, 'amazon-address', BOOK, chosen, select);
        f.setAttribute('data-reference-id', ref.id);
        if (type === 'BillingAgreement') {
          call(o.onReady, new BillingAgreement(ref.id));
        } else {
          call(o.onOrderReferenceCreate, new OrderReference(ref.id));
          call(o.onReady, new OrderReference(ref.id));
        }
        select(chosen); // Amazon preselects the buyer's default address
      }, function (e) { fail(o, 'OrderReferenceNotCreated', e.message); });
  };

  function Wallet(o) { this.o = o || {}; }
  Wallet.prototype.bind = function (elementId) {
    var o = this.o, box = target(elementId);
    var id = o.amazonBillingAgreementId || o.amazonOrderReferenceId;
    if (!buyer() || !id) { fail(o, 'InvalidParameterValue', 'The wallet needs a signed-in buyer and an id'); return; }
    var f = frame(box, 'Amazon - Payment method');
    var chosen = sessionStorage.getItem(METHOD_KEY) || 'success';
    var select = function (value) {
      sessionStorage.setItem(METHOD_KEY, value);
      return post('/amazon/widgets/order-references/' + id, {method: value})
        .then(function () { call(o.onPaymentSelect); }, function (e) { fail(o, 'PaymentNotSaved', e.message); });
    };
    radios(f, 'amazon-method', METHODS, chosen, select);
    select(chosen).then(function () { call(o.onReady); });
  };

  function Consent(o) { this.o = o || {}; }
  Consent.prototype.bind = function (elementId) {
    var o = this.o, box = target(elementId);
    if (!buyer() || !o.amazonBillingAgreementId) {
      fail(o, 'InvalidParameterValue', 'The consent widget needs a signed-in buyer and a billing agreement');
      return;
    }
    var f = frame(box, 'Amazon - Consent');
    var label = node('label', {});
    var box2 = node('input', {type: 'checkbox', 'class': 'amazon-sim-consent', name: 'amazon-consent'});
    label.appendChild(box2);
    label.appendChild(document.createTextNode(
      ' Use my selected payment method for future purchases and payments to this merchant'));
    f.appendChild(label);
    box2.addEventListener('change', function () {
      var c = box2.checked;
      post('/amazon/widgets/order-references/' + o.amazonBillingAgreementId, {consent: c})
        .then(function () { call(o.onConsent, new ConsentStatus(c)); }, function (e) { fail(o, 'ConsentNotSaved', e.message); });
    });
    call(o.onReady, new ConsentStatus(false));
  };

  window.OffAmazonPayments = {
    Button: Button,
    Widgets: {
      AddressBook: AddressBook, Wallet: Wallet, Consent: Consent,
      flush: function () { return Promise.all(pending.slice()); }
    },
    signOut: function () { sessionStorage.removeItem(BUYER_KEY); },
    simulator: BASE
  };
}());
