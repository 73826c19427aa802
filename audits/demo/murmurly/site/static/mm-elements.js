/* <mm-actions kind="post|profile" target="ID|handle" author="handle">: the action bar under a post
 * or profile. Renders into an open shadow root, including the report dialog and its form. */
(function () {
  "use strict";
  var ICON_FLAG = '<svg width="16" height="16" viewBox="0 0 24 24" aria-hidden="true"><path d="M5 21V4h11l-1 3h5v9h-9l1-3H7v8z" fill="currentColor"/></svg>';
  var CSS =
    ':host{display:block;margin-top:.6rem}.row{display:flex;gap:.4rem;flex-wrap:wrap}' +
    'a,button{font:inherit;font-size:.9rem;border:1px solid #e4e0f0;background:#fff;border-radius:8px;padding:.35rem .7rem;color:#1e1b2e;text-decoration:none;cursor:pointer;display:inline-flex;align-items:center;gap:.3rem}' +
    'button.report{color:#b91c1c}dialog{border:1px solid #e4e0f0;border-radius:12px;max-width:520px;width:92vw;padding:1.2rem}' +
    'dialog::backdrop{background:rgba(30,27,46,.5)}label{display:block;font-weight:600;margin:.6rem 0 .2rem}.opt label{display:inline;font-weight:400}' +
    'input,textarea{width:100%;padding:.45rem;border:1px solid #e4e0f0;border-radius:8px;font:inherit;box-sizing:border-box}input[type=radio],input[type=checkbox]{width:auto}' +
    '.send{background:#6d28d9;color:#fff;border:0}.muted{color:#6b6880;font-size:.85rem}';

  class MmActions extends HTMLElement {
    connectedCallback() {
      if (this.shadowRoot) return;
      var kind = this.getAttribute("kind") || "post", target = this.getAttribute("target") || "", author = this.getAttribute("author") || "";
      var root = this.attachShadow({ mode: "open" });
      var what = kind === "profile" ? "profile" : "post";
      var buttons = kind === "profile"
        ? '<a href="/messages/new?to=' + encodeURIComponent(target) + '">Message</a>' +
          '<a href="/u/' + encodeURIComponent(target) + '/follow">Follow</a>' +
          '<a href="/u/' + encodeURIComponent(target) + '/block">Block</a>' +
          '<a href="/u/' + encodeURIComponent(target) + '/mute">Mute</a>'
        : '<a href="/post/' + encodeURIComponent(target) + '/reply">Reply</a>' +
          '<a href="/messages/new?to=' + encodeURIComponent(author) + '">Message @' + author + '</a>' +
          '<button type="button" class="share">Copy link</button>';
      root.innerHTML = '<style>' + CSS + '</style><div class="row">' + buttons +
        '<button type="button" class="report" aria-haspopup="dialog">' + ICON_FLAG + 'Report</button></div>' +
        '<dialog aria-labelledby="rt"><form method="post" action="/reports">' +
        '<h2 id="rt" style="margin-top:0">Report this ' + what + '</h2>' +
        '<p class="muted">You don\'t need an account to report. Reports about someone in danger go to the front of the queue.</p>' +
        '<fieldset style="border:0;padding:0"><legend><strong>What\'s wrong?</strong></legend>' +
        opt("trafficking", "Human trafficking or sexual exploitation (someone is forced, coerced or controlled)") +
        opt("minor", "Someone in it may be under 18 (a minor)") +
        opt("ncii", "Intimate images shared without consent") +
        opt("impersonation", "Impersonation, or an account run by someone else") +
        opt("harassment", "Harassment, threats or hate") +
        opt("scam", "Spam or scam") +
        opt("other", "Something else that is illegal or breaks the rules") +
        '</fieldset>' +
        '<label for="r-url">Link to the ' + what + '</label><input id="r-url" name="content_url" readonly>' +
        '<label for="r-why">Why is this illegal or harmful?</label><textarea id="r-why" name="explanation" rows="4" required></textarea>' +
        '<label for="r-name">Your name (optional)</label><input id="r-name" name="name" autocomplete="off">' +
        '<label for="r-mail">Your email (optional, leave empty to report anonymously)</label><input id="r-mail" name="email" type="email">' +
        '<p class="opt"><input type="checkbox" id="r-gf" name="good_faith" required> <label for="r-gf">I confirm in good faith that the information and allegations in this report are accurate and complete.</label></p>' +
        '<p><button type="submit" class="send">Send report</button> <button type="button" class="cancel">Cancel</button></p>' +
        '<p class="muted">We confirm every report with a reference number and review it within 24 hours. <a href="/help/reporting" style="border:0;padding:0;color:#6d28d9">What happens next</a></p>' +
        '</form></dialog>';
      function opt(v, t) { return '<p class="opt"><input type="radio" name="category" id="c-' + v + '" value="' + v + '" required> <label for="c-' + v + '">' + t + '</label></p>'; }
      var dialog = root.querySelector("dialog");
      root.querySelector("#r-url").value = location.origin + (kind === "profile" ? "/u/" : "/post/") + target;
      root.querySelector("button.report").addEventListener("click", function () { dialog.showModal(); });
      root.querySelector("button.cancel").addEventListener("click", function () { dialog.close(); });
      var share = root.querySelector("button.share");
      if (share) share.addEventListener("click", function () { share.textContent = "Link copied"; });
    }
  }
  customElements.define("mm-actions", MmActions);
})();
