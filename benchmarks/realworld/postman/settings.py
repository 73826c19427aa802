# Minimal Django project around django-postman as its docs describe: the app plus a site-level
# base.html (postman's templates extend it); sqlite, DEBUG off, whitenoise. Postman's defaults are kept:
# POSTMAN_DISALLOW_ANONYMOUS is False, so visitors can write to members (the anonymous gateway), and
# messages wait for moderation (POSTMAN_AUTO_MODERATE_AS unset).
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "realworld-benchmark-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.messages",
    "django.contrib.sessions",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "postman",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
]
ROOT_URLCONF = "urls"
TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [BASE_DIR / "templates"],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": [
        "django.template.context_processors.request",
        "django.contrib.auth.context_processors.auth",
        "django.contrib.messages.context_processors.messages",
    ]},
}]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
SITE_ID = 1
LANGUAGE_CODE = "nl"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static"
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
LOGIN_URL = "/admin/login/"
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
