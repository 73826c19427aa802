<?php
// php -S router standing in for WordPress's .htaccess (pretty permalinks): files and PHP scripts that exist are
// served as they are (wp-login.php, wp-admin/, wp-includes/...), everything else goes to index.php.
$path = urldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if ($path !== '/' && file_exists(__DIR__ . $path)) {
    if (is_dir(__DIR__ . $path) && is_file(rtrim(__DIR__ . $path, '/') . '/index.php') && substr($path, -1) !== '/') {
        header('Location: ' . $path . '/');
        return true;
    }
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = __DIR__ . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
require __DIR__ . '/index.php';
