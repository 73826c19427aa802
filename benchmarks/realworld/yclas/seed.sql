-- Seed for Yclas 4.1.0 (tables prefixed oc2_), run by realworld.py after the installer: what the owner and a few
-- members would have put there by hand: categories, locations, members, ads in Dutch and English, and the CMS
-- pages the owner wrote (terms, privacy, the 18+ notice shown before entering). The owner's settings are in
-- platform.toml [config]. Members never log in during the audit, so their password hashes are placeholders.

INSERT INTO oc2_categories (id_category, name, `order`, id_category_parent, parent_deep, seoname, description) VALUES
 (2, 'Te koop', 1, 1, 0, 'te-koop', 'Spullen die een nieuwe eigenaar zoeken.'),
 (3, 'Diensten', 2, 1, 0, 'diensten', 'Oppas, bijles, klussen en meer.'),
 (4, 'Woonruimte', 3, 1, 0, 'woonruimte', 'Kamers en appartementen / rooms and flats.'),
 (5, 'Contact & dating', 4, 1, 0, 'contact-dating', 'Voor volwassenen: afspreken, daten, vriendschap.');

INSERT INTO oc2_locations (id_location, name, `order`, id_location_parent, parent_deep, seoname, description) VALUES
 (2, 'Amsterdam', 1, 1, 0, 'amsterdam', 'Amsterdam en omgeving'),
 (3, 'Utrecht', 2, 1, 0, 'utrecht', 'Utrecht en omgeving');

INSERT INTO oc2_users (id_user, name, seoname, email, password, description, status, id_role, id_location) VALUES
 (2, 'Anna de Vries', 'anna-de-vries', 'anna@example.org', 'x', 'Ik woon in Oost en ruim op.', 1, 1, 2),
 (3, 'Pieter Jansen', 'pieter-jansen', 'pieter@example.org', 'x', NULL, 1, 1, 3),
 (4, 'John Miller', 'john-miller', 'john@example.org', 'x', 'Expat in Utrecht, English only please.', 1, 1, 3),
 (5, 'Sanne', 'sanne', 'sanne@example.org', 'x', NULL, 1, 1, 2);

INSERT INTO oc2_ads (id_ad, id_user, id_category, id_location, title, seotitle, description, address, price, phone, status, published, last_modified) VALUES
 (1, 2, 2, 2, 'Kinderfiets 20 inch, gratis af te halen', 'kinderfiets-20-inch-gratis-af-te-halen',
  'Blauwe kinderfiets, 20 inch, banden net opgepompt. Gratis af te halen in Amsterdam-Oost, liefst dit weekend.', NULL, 0, NULL, 1, NOW() - INTERVAL 6 DAY, NOW()),
 (2, 3, 2, 3, 'Eiken eettafel met vier stoelen', 'eiken-eettafel-met-vier-stoelen',
  'Massief eiken tafel, 180 x 90 cm, met vier stoelen. Wat krasjes op het blad. Ophalen in Utrecht-Zuid.', NULL, 120, '06 12 34 56 78', 1, NOW() - INTERVAL 5 DAY, NOW()),
 (3, 4, 4, 3, 'Room for rent near Utrecht Centraal', 'room-for-rent-near-utrecht-centraal',
  'Furnished room of 14 m2 in a shared flat, 10 minutes by bike from the station. Available from January, 650 euro a month including utilities.', NULL, 650, NULL, 1, NOW() - INTERVAL 4 DAY, NOW()),
 (4, 5, 3, 2, 'Bijles wiskunde en Engels (havo/vwo)', 'bijles-wiskunde-en-engels-havo-vwo',
  'Student wiskunde geeft bijles aan huis of online. Eerste les gratis. Stuur me een bericht via de site.', NULL, 25, NULL, 1, NOW() - INTERVAL 3 DAY, NOW()),
 (5, 4, 3, 3, 'Dog walker available on weekdays', 'dog-walker-available-on-weekdays',
  'Reliable dog walker with references, weekdays between 10 and 16. Call or text me on +31 6 98765432.', NULL, 15, NULL, 1, NOW() - INTERVAL 2 DAY, NOW()),
 (6, 5, 5, 2, 'Gezellige vrouw (34) zoekt iemand om mee uit eten te gaan', 'gezellige-vrouw-34-zoekt-iemand-om-mee-uit-eten-te-gaan',
  'Ik ben Sanne, 34, en zoek een leuke man tussen 30 en 45 om af en toe mee uit eten te gaan in Amsterdam. Reageer via de site.', NULL, 0, NULL, 1, NOW() - INTERVAL 1 DAY, NOW());

INSERT INTO oc2_content (locale, `order`, title, seotitle, description, type, status) VALUES
 ('nl_NL', 1, 'Gebruiksvoorwaarden', 'gebruiksvoorwaarden',
  '<p>Prikbord Oost is een advertentiesite voor Amsterdam en Utrecht.</p><h3>Wie mag adverteren</h3><p>Je moet 18 jaar of ouder zijn om een account te maken of een advertentie te plaatsen. In de rubriek Contact &amp; dating plaats je alleen advertenties over jezelf.</p><h3>Wat niet mag</h3><p>Advertenties voor illegale zaken, gestolen goederen, wapens of drugs zijn verboden. Advertenties met seksuele diensten tegen betaling plaatsen we niet.</p><h3>Wat wij doen</h3><p>We controleren advertenties steekproefsgewijs. Advertenties die in strijd zijn met deze voorwaarden verwijderen we, en we kunnen het account van de adverteerder blokkeren.</p><p>Vragen? Gebruik het contactformulier.</p>',
  'page', 1),
 ('nl_NL', 2, 'Privacy', 'privacy',
  '<p>Welke gegevens bewaren we? Je naam, e-mailadres en je advertenties, en bij elk bezoek je IP-adres.</p><p>Je advertenties en accountgegevens bewaren we zolang je account bestaat. Verlopen advertenties blijven 30 dagen zichtbaar in je eigen overzicht en worden daarna verwijderd. Logbestanden met IP-adressen worden na 6 maanden gewist.</p><p>We delen je gegevens niet met anderen, behalve als we daartoe wettelijk verplicht zijn.</p><p>Voor vragen over je gegevens of om je account te laten verwijderen: privacy@prikbord-oost.example</p>',
  'page', 1),
 ('nl_NL', 3, 'Alleen voor volwassenen', 'alleen-voor-volwassenen',
  'Prikbord Oost heeft een rubriek met contactadvertenties voor volwassenen. Door verder te gaan verklaar je dat je 18 jaar of ouder bent en dat je de gebruiksvoorwaarden accepteert.',
  'page', 1);

-- Appearance > Widgets: a "Pages" widget in the sidebar (shown beside ad lists, ads and the contact page in this theme)
INSERT INTO oc2_config (group_name, config_key, config_value) VALUES
 ('widget', 'pages_8801', '{"class":"Widget_Pages","created":1733140000,"placeholder":"sidebar","data":{"page_title":"Informatie"}}'),
 ('placeholder', 'sidebar', '["pages_8801"]');
