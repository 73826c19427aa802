# ruff: noqa: E501  (page text, one paragraph a line, as the CMS export holds it)
"""Writes site/_data/pages.json: the text of Nearfield's help, safety and legal pages (the CMS export the app reads)."""
import json
from pathlib import Path

PAGES = []


def page(slug, title, updated, intro, *sections):
    PAGES.append({"slug": slug, "title": title, "updated": updated, "intro": intro,
                  "sections": [{"id": s[0], "heading": s[1], "html": s[2]} for s in sections]})


page("privacy", "Privacy policy", "14 October 2026",
     "This policy explains what Nearfield Ltd (\"Nearfield\", \"we\") collects when you use the Nearfield app and website, why, who we share it with and how long we keep it. Nearfield Ltd is the controller of your personal data.",
     ("collect", "1. What we collect",
      "<p>We collect the details you give us when you join (your e-mail address, mobile number, first name, date of birth, gender and the people you'd like to meet), your profile (photos, prompts, interests, the city you choose to show), the messages you send and receive, the reports you make or that are made about you, and technical data such as IP addresses, device identifiers and log-in times.</p>"
      "<p>When you complete the age check, our processor Halden receives a live selfie and, if you choose the document route or the face estimate is inconclusive, a photo of your passport, driving licence or national identity card. Halden tells us the outcome (over 18 or not) and, for the document route, your year of birth. We never receive the images themselves unless a check is disputed.</p>"),
     ("use", "2. Why we use it",
      "<p>We use your data to run your account and show your profile, to keep Nearfield safe (age assurance, detecting fake and scam accounts, handling reports, enforcing our terms), to meet legal obligations, and, only if you agree, to measure how the app is used.</p>"),
     ("retention", "3. How long we keep your data",
      "<p>We keep each kind of data only for the period below, after which it is deleted or irreversibly anonymised:</p>"
      "<table class=\"retention\"><thead><tr><th>Kind of data</th><th>How long</th></tr></thead><tbody>"
      "<tr><td>Account data (e-mail, phone number, date of birth)</td><td>While your account is open, and for 30 days after you close it, so you can change your mind</td></tr>"
      "<tr><td>Profile content (photos, prompts)</td><td>Removed from view at once when you delete it or close your account; backup copies are overwritten within 35 days</td></tr>"
      "<tr><td>Messages</td><td>Kept while both people keep the conversation; deleted 90 days after both have deleted it or closed their accounts</td></tr>"
      "<tr><td>Age-check images (selfie, identity document) held by Halden</td><td>Deleted by Halden within 24 hours of the check; the outcome is kept for as long as your account is open</td></tr>"
      "<tr><td>Log and device data (IP address, device identifiers, log-in times)</td><td>6 months</td></tr>"
      "<tr><td>Payment records for subscriptions</td><td>7 years, as tax law requires</td></tr>"
      "</tbody></table>"),
     ("preservation", "4. Data we keep for safety and investigations",
      "<p>Where we remove content or close an account because it broke our terms or was reported to us, we do not delete it straight away. We keep a secured copy of the removed content, the report, the messages concerned and the account data behind it (including log data and the age-check outcome) for 12 months from the date of removal, so that it is available to the police and other competent authorities investigating a crime, and to handle any appeal. Access to this store is limited to our Trust &amp; Safety team and logged.</p>"
      "<p>If a police force, court or other competent authority asks us to preserve specific data, we keep it for 90 days from the request, extendable on a renewed request, and for as long as legal proceedings require.</p>"),
     ("share", "5. Who we share data with",
      "<p>We share data with processors who work for us under contract (hosting, e-mail and SMS delivery, and Halden for age checks), and never sell it.</p>"
      "<p>We cooperate with law enforcement. When we become aware of information that gives rise to a suspicion that a person is being sexually exploited or trafficked, that a child is at risk, or that another criminal offence involving a threat to someone's life or safety has taken place or is likely to take place, we report it on our own initiative to the police and, where a child is concerned, to the national child-protection hotline, together with the relevant account data. We also answer lawful requests from the authorities; see our <a href=\"/law-enforcement\">law enforcement page</a>.</p>"),
     ("rights", "6. Your rights",
      "<p>You can ask for a copy of your data, have it corrected or deleted, object to some uses and move it elsewhere. Write to our Data Protection Officer at privacy@nearfield.example or use Settings › Privacy › Download my data. We answer within one month. You can also complain to your data protection authority.</p>"),
     ("contact", "7. Contact",
      "<p>Nearfield Ltd, 14 Wharf Street, Leeds LS2 7EQ, United Kingdom. Data Protection Officer: privacy@nearfield.example.</p>"))

page("terms", "Terms of use", "14 October 2026",
     "These terms are the agreement between you and Nearfield Ltd when you use Nearfield. Please read them together with our <a href=\"/guidelines\">community guidelines</a>, which form part of them.",
     ("eligibility", "1. Who can use Nearfield",
      "<p>You must be at least 18 years old to use Nearfield, and you must pass our age check before you can message anyone. You may only create one account, for yourself.</p>"),
     ("account", "2. Your account",
      "<p>You must confirm your e-mail address and your mobile number when you join. Your account is personal: you may not let anyone else use it, sell it, or run it for someone else, and you may not create an account or profile for, or pretending to be, another person.</p>"),
     ("prohibited", "3. What is not allowed",
      "<p>You must not use Nearfield to:</p><ul>"
      "<li>offer, ask for, arrange or advertise sex in exchange for money, gifts, accommodation or any other benefit;</li>"
      "<li>recruit, transport, control or exploit another person, including forcing or pressuring anyone into sex work, and acting as or for a pimp, \"boyfriend\" recruiter or trafficker;</li>"
      "<li>contact, sexualise or share any image of anyone under 18, or pretend to be under 18;</li>"
      "<li>impersonate another person, use someone else's photos, or operate a profile on someone else's behalf;</li>"
      "<li>harass, threaten, stalk or defraud anyone, or ask members for money.</li></ul>"),
     ("enforcement", "4. What we do when the rules are broken",
      "<p>We may remove content, restrict features, suspend or permanently close any account that breaks these terms or our guidelines, and block the person from creating a new one. Where we suspect child sexual exploitation, trafficking or another serious crime, we close the account at once, preserve the evidence and report it to the police. We explain our decisions and you can appeal them: see <a href=\"/safety/reports\">how we handle reports</a>.</p>"),
     ("liability", "5. Liability",
      "<p>Nothing in these terms limits liability that cannot be limited by law. Otherwise our liability to you is limited to the amount you paid us in the 12 months before the claim.</p>"),
     ("law", "6. Governing law",
      "<p>These terms are governed by the law of England and Wales. If you live elsewhere in the UK or in the EU you keep the protection of the mandatory law of your country.</p>"))

page("guidelines", "Community guidelines", "2 September 2026",
     "Nearfield works when people can trust that everyone here is who they say they are and is here for the same reasons. These guidelines are part of our terms.",
     ("real", "Be yourself, and only yourself",
      "<p>Use your own photos and your real first name. Profiles run by or for someone else, catfish accounts and shared accounts are removed.</p>"),
     ("adults", "Adults only",
      "<p>Everyone on Nearfield is 18 or over and has been age-checked. Anything that sexualises minors is removed and reported to the police and the national child-protection hotline, and the account is closed for good.</p>"),
     ("not-for-sale", "Nobody is for sale",
      "<p>Nearfield is not a place to sell or buy sex, to advertise \"arrangements\", or to recruit anyone for sex work. If someone seems to be controlled by another person, pressured, or not free to speak for themselves, please report them: it may be exploitation or trafficking.</p>"),
     ("respect", "Respect",
      "<p>No harassment, hate, threats or unsolicited sexual images. No means no, and silence means no too.</p>"),
     ("money", "No money requests",
      "<p>Never ask members for money, gift cards or crypto, and never promote investments. Romance scams are reported to the police.</p>"))

page("law-enforcement", "Information for law enforcement", "1 July 2026",
     "This page is for police forces, prosecutors, courts and other competent authorities. It is our single point of contact under article 11 of the Digital Services Act and for UK authorities.",
     ("contact", "Point of contact for authorities",
      "<p>Send requests to lawenforcement@nearfield.example. Our Trust &amp; Safety team reads this inbox around the clock and answers emergency requests (a risk to someone's life or of serious harm, or a child at risk) within one hour. We accept requests in English and Dutch.</p>"),
     ("preservation", "Preservation requests",
      "<p>On a preservation request we freeze the account, its content, messages and log data for 90 days, extendable on request, while you obtain the legal order needed for disclosure. Content we have removed after a report is kept for 12 months in any case.</p>"),
     ("disclosure", "Disclosure",
      "<p>We disclose account data and content on a valid legal order. In an emergency we disclose without an order where the law allows it.</p>"),
     ("proactive", "Reports we make ourselves",
      "<p>We do not wait to be asked. When our moderators find signs of human trafficking, sexual exploitation or a child at risk, we refer the case to the police on our own initiative, and suspected child sexual abuse material to the national hotline, with the evidence we hold.</p>"))

page("cookies", "Cookies", "14 October 2026",
     "We use a few cookies and similar storage to keep Nearfield working and safe, and, only if you say yes, to measure how it is used.",
     ("essential", "Essential", "<p>nf_session (keeps you logged in, 30 days), nf_age (remembers your date-of-birth step, 30 days), nf_consent (your cookie choice, 12 months).</p>"),
     ("analytics", "Analytics (optional)", "<p>nf_metrics (counts page views without identifying you, 13 months). Off unless you choose \"Accept all\".</p>"))

page("about", "About Nearfield", "1 March 2026",
     "Nearfield is a dating and meeting app for adults in the north of England, built by a small team in Leeds.",
     ("why", "Why we built it", "<p>We wanted an app where everyone you meet has been age-checked and where you decide who can reach you. Our Trust &amp; Safety team is in-house, not outsourced, and works seven days a week.</p>"),
     ("how", "How it works", "<p>Browse people nearby, like a profile, and start chatting once you're verified. You can mute, block or report anyone at any time from the ⋯ menu.</p>"),
     ("contact", "Contact us", "<p>Questions about your account: help@nearfield.example. Press: press@nearfield.example. Nearfield Ltd, 14 Wharf Street, Leeds LS2 7EQ.</p>"))

page("safety", "Safety centre", "20 October 2026",
     "Whether you're about to meet someone for the first time or something has gone wrong, this is where to start. If you are in danger right now, call 999 (or 112).",
     ("support", "Get support",
      "<ul class=\"orgs\">"
      "<li><strong>Emergency services</strong>: 999 or 112, any time.</li>"
      "<li><strong>Police, non-emergency</strong>: 101.</li>"
      "<li><strong>Modern Slavery &amp; Exploitation Helpline</strong>: 08000 121 700, free and confidential, 24 hours a day, if you or someone you know is being forced, controlled or exploited.</li>"
      "<li><strong>Crimestoppers</strong>: 0800 555 111, to tell them about a crime anonymously.</li>"
      "<li><strong>Childline</strong>: 0800 1111, for anyone under 19.</li>"
      "<li><strong>National Domestic Abuse Helpline</strong>: 0808 2000 247, 24 hours.</li>"
      "<li><strong>Rape Crisis</strong>: 0808 500 2222, support after sexual violence.</li>"
      "<li><strong>Revenge Porn Helpline</strong>: 0345 6000 459, if intimate images of you are shared.</li>"
      "<li><strong>Samaritans</strong>: 116 123, whenever you need to talk.</li></ul>"),
     ("report", "Report someone",
      "<p>Tap <strong>⋯</strong> on any profile or message and choose <strong>Report</strong>. You don't need an account to report a profile. Read <a href=\"/safety/reports\">how we handle reports</a>.</p>"),
     ("tools", "Your safety tools",
      "<p>Block, mute and \"who can message me\" are explained in <a href=\"/safety/controls\">controlling who can reach you</a>.</p>"),
     ("dates", "Meeting someone",
      "<ul><li>Keep the chat on Nearfield until you feel sure: our tools can't protect you elsewhere.</li><li>Meet in a busy public place and tell a friend where you'll be.</li><li>Never send money or intimate images to someone you haven't met.</li></ul>"
      "<p>More in <a href=\"/safety/scams\">spotting romance scams</a>.</p>"),
     ("exploitation", "Signs someone may be exploited",
      "<p>A profile that seems written by someone else, a person who is never alone, talks about owing money, or offers sex for money may be a victim of exploitation. Please report it; you can stay anonymous.</p>"))

page("reports", "How we handle reports", "20 October 2026",
     "Every report is read by a person on our Trust &amp; Safety team. This is what happens after you send one.",
     ("receipt", "1. You get a receipt",
      "<p>As soon as you send a report we confirm receipt on screen with a reference number, and by e-mail if you gave an address.</p>"),
     ("time", "2. How quickly we act",
      "<p>Reports about a child at risk, exploitation, trafficking or threats of violence are reviewed within 1 hour, day and night. All other reports are reviewed within 24 hours. While we look into it, we may hide the profile.</p>"),
     ("decision", "3. Our decision",
      "<p>We tell you what we decided and why, and we tell the reported member which rule they broke, unless that would put someone at risk or harm a police investigation. Serious cases are referred to the police.</p>"),
     ("appeal", "4. Appeals and complaints",
      "<p>If you disagree with a decision, whether you made the report or were reported, you can appeal within 6 months from the link in our decision e-mail or by writing to appeals@nearfield.example. A different, more senior moderator reviews it and replies within 14 days. If you're still unhappy, you may take the dispute to a certified out-of-court dispute settlement body.</p>"),
     ("evidence", "5. What we keep",
      "<p>We keep reported content and the account data behind it for 12 months after our decision, so it can be used by the police. See section 4 of our <a href=\"/privacy#preservation\">privacy policy</a>.</p>"))

page("controls", "Controlling who can reach you", "20 October 2026",
     "You decide who can message you and who can see you.",
     ("block", "Block", "<p>Blocking someone hides your profile from them and ends the conversation. They aren't told. Open ⋯ on their profile or a message and choose <strong>Block</strong>.</p>"),
     ("mute", "Mute", "<p>Muting keeps the conversation but stops notifications from that person.</p>"),
     ("who", "Who can message me", "<p>In Settings › Privacy choose who can start a chat with you: <em>Everyone verified</em>, <em>Only people I've liked</em> or <em>Nobody for now</em>. New members start on \"Only people I've liked\".</p>"),
     ("hide", "Take a break", "<p>Snooze hides your profile without closing your account.</p>"))

page("scams", "Spotting romance scams", "20 October 2026",
     "Most people here are exactly who they say they are. Here is how to spot the few who aren't.",
     ("signs", "Warning signs", "<ul><li>They want to move to another app straight away.</li><li>They can never video call.</li><li>There's a sudden emergency and they need money.</li></ul>"),
     ("do", "What to do", "<p>Stop replying, report them from the ⋯ menu, and if you've lost money tell your bank and the police (101).</p>"))

out = Path(__file__).resolve().parent.parent / "site" / "_data" / "pages.json"
out.write_text(json.dumps(PAGES, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
print(out, len(PAGES))
