<?php
// Builds the forum from php-cli (building is not an audit): `php setup.php install|activate|seed`, run by
// realworld.py in the WordPress folder with WP_SETUP = {"url", "title", "admin": [user, email, password],
// "options": {...}}. Each step is its own process, so bbPress is loaded as a plugin when the seed runs.
$setup = json_decode(getenv('WP_SETUP'), true);
$u = parse_url($setup['url']);
$_SERVER['HTTP_HOST'] = $u['host'] . ':' . $u['port'];
$_SERVER['SERVER_NAME'] = $u['host'];
$_SERVER['SERVER_PORT'] = $u['port'];
$_SERVER['REQUEST_URI'] = '/';
$_SERVER['REQUEST_METHOD'] = 'GET';
$step = $argv[1];
if ($step === 'install') {
    define('WP_INSTALLING', true);
}
require getcwd() . '/wp-load.php';  // run in the WordPress folder
require_once ABSPATH . 'wp-admin/includes/upgrade.php';
require_once ABSPATH . 'wp-admin/includes/plugin.php';

if ($step === 'install') {
    if (is_blog_installed()) {
        exit(0);
    }
    [$user, $email, $password] = $setup['admin'];
    $r = wp_install($setup['title'], $user, $email, true, '', $password, 'nl_NL');
    echo "installed, admin user {$r['user_id']}\n";
    exit(0);
}

if ($step === 'activate') {
    $r = activate_plugin('bbpress/bbpress.php');
    if (is_wp_error($r)) {
        fwrite(STDERR, $r->get_error_message() . "\n");
        exit(1);
    }
    echo "bbPress activated\n";
    exit(0);
}

if ($step !== 'seed') {
    exit(2);
}
if (!function_exists('bbp_insert_topic')) {
    fwrite(STDERR, "bbPress is not loaded\n");
    exit(1);
}
foreach ($setup['options'] as $key => $value) {
    update_option($key, $value);
}

// The owner tidies WordPress's samples away, publishes the privacy page WordPress drafted at install (in Dutch,
// the site's language), writes the forum rules and puts both in the menu with the forums and a sign-up link.
foreach (get_posts(['post_type' => ['post', 'page'], 'post_status' => 'any', 'numberposts' => -1]) as $p) {
    if ((int) $p->ID !== (int) get_option('wp_page_for_privacy_policy')) {
        wp_delete_post($p->ID, true);
    }
}
foreach (get_comments() as $c) {
    wp_delete_comment($c->comment_ID, true);
}
$privacy = (int) get_option('wp_page_for_privacy_policy');
// published as WordPress drafted it, less its "Suggested text:" labels for the owner
$text = preg_replace('#<strong class="privacy-policy-tutorial">[^<]*</strong>\s*#', '', get_post($privacy)->post_content);
wp_update_post(['ID' => $privacy, 'post_status' => 'publish', 'post_content' => $text]);
// Settings > Reading: a static front page showing the forum index (bbPress's shortcode)
$front = wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Welkom',
    'post_name' => 'welkom', 'post_author' => 1, 'post_content' =>
    "<!-- wp:paragraph -->\n<p>Welkom op het forum van onze buurt. Lees mee, of word lid om zelf te schrijven.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:shortcode -->\n[bbp-forum-index]\n<!-- /wp:shortcode -->"]);
update_option('show_on_front', 'page');
update_option('page_on_front', $front);
$rules = wp_insert_post(['post_type' => 'page', 'post_status' => 'publish', 'post_title' => 'Forumregels',
    'post_name' => 'forumregels', 'post_author' => 1, 'post_content' => file_get_contents(__DIR__ . '/forumregels.html')]);

$members = [];
foreach ([['marieke', 'Marieke de Vries'], ['pieterj', 'Pieter Jansen'], ['sanne_b', 'Sanne Bakker'],
          ['tomwilson', 'Tom Wilson'], ['ayse', 'Ayşe Yilmaz']] as [$login, $name]) {
    $id = wp_insert_user(['user_login' => $login, 'user_email' => "$login@example.org", 'display_name' => $name,
        'user_pass' => "Lid-$login-2026", 'role' => 'subscriber', 'user_registered' => '2026-10-01 10:00:00']);
    bbp_set_user_role($id, bbp_get_participant_role());
    $members[$login] = $id;
}
bbp_set_user_role(1, bbp_get_keymaster_role());

$forums = [];
foreach ([['Algemeen', 'Alles over de buurt dat nergens anders past.'],
          ['Te koop, te leen, gevraagd', 'Spullen aanbieden, lenen of zoeken in de buurt.'],
          ['English corner', 'For neighbours who prefer to write in English.']] as $i => [$title, $desc]) {
    $forums[] = bbp_insert_forum(['post_title' => $title, 'post_content' => $desc, 'post_author' => 1,
        'menu_order' => $i]);
}

$topics = [
    [0, 'marieke', 'Straatfeest op 14 juni', "Hoi allemaal,\n\nWe willen dit jaar weer een straatfeest houden op zaterdag 14 juni. Wie helpt mee met tafels en de barbecue?",
        [['pieterj', 'Ik kan twee tafels en een partytent meenemen.'], ['ayse', 'Ik bak een taart! Hoe laat beginnen we?'], ['marieke', 'Om 15.00 uur bij het pleintje.']]],
    [0, 'sanne_b', 'Overlast van scooters in het park', "Sinds een paar weken rijden er 's avonds scooters door het park. Heeft iemand contact gehad met de wijkagent?",
        [['pieterj', 'Ja, het staat op de agenda van het buurtoverleg van volgende week.']]],
    [1, 'pieterj', 'Gratis af te halen: kinderfiets 20 inch', "Onze dochter is eruit gegroeid. Blauwe kinderfiets, 20 inch, remmen pas nagekeken. Bel of app me even: 06 12 34 56 78",
        [['sanne_b', 'Is hij nog beschikbaar? Mijn zoon zoekt er een.']]],
    [1, 'ayse', 'Wie kan een ladder lenen?', "Ik wil de dakgoot schoonmaken. Heeft iemand een ladder van minstens 4 meter die ik zaterdag mag lenen?",
        []],
    [2, 'tomwilson', 'New in the neighbourhood - hello!', "Hi everyone, we just moved into the house on the corner. Looking forward to meeting you all. Any tips for a good bakery?",
        [['marieke', 'Welcome Tom! Bakkerij Van Dam on the market square is the best.'], ['tomwilson', 'Thanks, I will try it on Saturday.']]],
    [2, 'ayse', 'Language exchange: Dutch for English?', "I would like to practise my Dutch. Anyone up for a weekly coffee where we swap Dutch and English?",
        [['tomwilson', 'Count me in, my Dutch is terrible.']]],
];
$day = 0;
foreach ($topics as [$f, $author, $title, $content, $replies]) {
    $day++;
    $date = sprintf('2026-11-%02d 10:00:00', $day * 3);
    $fid = $forums[$f];
    $tid = bbp_insert_topic(['post_parent' => $fid, 'post_title' => $title, 'post_content' => $content,
        'post_author' => $members[$author], 'post_date' => $date], ['forum_id' => $fid]);
    $n = 0;
    foreach ($replies as [$ra, $text]) {
        $n++;
        $rdate = sprintf('2026-11-%02d %02d:00:00', $day * 3, 10 + $n);
        bbp_insert_reply(['post_parent' => $tid, 'post_content' => $text, 'post_author' => $members[$ra],
            'post_date' => $rdate], ['forum_id' => $fid, 'topic_id' => $tid]);
    }
}
require_once bbpress()->includes_dir . 'admin/tools/common.php';
require_once bbpress()->includes_dir . 'admin/tools/repair.php';
foreach (['bbp_admin_repair_forum_meta', 'bbp_admin_repair_topic_meta', 'bbp_admin_repair_topic_reply_count',
          'bbp_admin_repair_topic_voice_count', 'bbp_admin_repair_forum_topic_count',
          'bbp_admin_repair_forum_reply_count', 'bbp_admin_repair_user_topic_count',
          'bbp_admin_repair_user_reply_count', 'bbp_admin_repair_freshness'] as $fn) {
    if (function_exists($fn)) {
        $fn();
    }
}

// Appearance > Menus: the theme's primary menu
$menu = wp_create_nav_menu('Hoofdmenu');
wp_update_nav_menu_item($menu, 0, ['menu-item-title' => 'Forums', 'menu-item-url' => home_url('/forums/'),
    'menu-item-type' => 'custom', 'menu-item-status' => 'publish']);
wp_update_nav_menu_item($menu, 0, ['menu-item-title' => 'Forumregels', 'menu-item-object' => 'page',
    'menu-item-object-id' => $rules, 'menu-item-type' => 'post_type', 'menu-item-status' => 'publish']);
wp_update_nav_menu_item($menu, 0, ['menu-item-title' => 'Privacy', 'menu-item-object' => 'page',
    'menu-item-object-id' => $privacy, 'menu-item-type' => 'post_type', 'menu-item-status' => 'publish']);
wp_update_nav_menu_item($menu, 0, ['menu-item-title' => 'Lid worden', 'menu-item-url' => wp_registration_url(),
    'menu-item-type' => 'custom', 'menu-item-status' => 'publish']);
wp_update_nav_menu_item($menu, 0, ['menu-item-title' => 'Inloggen', 'menu-item-url' => wp_login_url(),
    'menu-item-type' => 'custom', 'menu-item-status' => 'publish']);
set_theme_mod('nav_menu_locations', ['primary' => $menu]);
// Settings > Reading: the front page shows the latest posts (none: the forum is the site); the home page is left
flush_rewrite_rules(false);
echo "seeded\n";
