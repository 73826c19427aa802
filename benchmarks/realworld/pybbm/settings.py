# Minimal Django project around pybbm, following its installation docs: the app, its middleware and
# context processor, and a site-level base.html (pybbm's templates extend it). sqlite, DEBUG off, whitenoise.
import inspect
from pathlib import Path

# pybbm 0.19 (2017) calls inspect.getargspec, removed in Python 3.11; getfullargspec answers the same
# question (.args) for its permission filters. A compatibility shim only: no feature changes.
if not hasattr(inspect, "getargspec"):
    inspect.getargspec = inspect.getfullargspec

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
    "registration",
    "pybb",
]
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "pybb.middleware.PybbMiddleware",
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
        "pybb.context_processors.processor",
    ]},
}]
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": str(BASE_DIR / "db.sqlite3")}}
SITE_ID = 1
LANGUAGE_CODE = "en"
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Amsterdam"
STATIC_URL = "/static/"
STATIC_ROOT = str(BASE_DIR / "static")
MEDIA_URL = "/media/"
MEDIA_ROOT = str(BASE_DIR / "media")
# Accounts: django-registration-redux's default (two-step) backend, as pybbm's docs and example project
# use: signup at /accounts/register/, an activation link by e-mail (kept in memory here), then login.
LOGIN_URL = "/accounts/login/"
ACCOUNT_ACTIVATION_DAYS = 7
REGISTRATION_OPEN = True
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PYBB_DEFAULT_TITLE = "Buurtforum"
