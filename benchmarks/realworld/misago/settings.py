# Django project around Misago 0.39, following its own devproject (misago/devproject/settings.py at tag
# 0.39.6): Misago's INSTALLED_APPS, middleware and context processors, PostgreSQL (which Misago requires),
# started by realworld.py on 127.0.0.1 for this platform only. Differences from the devproject, all to run
# it offline on loopback with DEBUG off: no debug toolbar, whitenoise for static files, Celery tasks run
# in-process (no Redis broker), e-mail kept in memory.
import os
from pathlib import Path

from misago.settings import *  # noqa: F403

BASE_DIR = Path(__file__).resolve().parent
SECRET_KEY = "realworld-benchmark-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "misago",
        "USER": "misago",
        "PASSWORD": "misago",
        "HOST": "127.0.0.1",
        "PORT": int(os.environ.get("REALWORLD_PG_PORT", "18116")),
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator",
     "OPTIONS": {"user_attributes": ["username", "email"]}},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 7}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STATIC_ROOT = str(BASE_DIR / "static")
MEDIA_ROOT = str(BASE_DIR / "media")
STATICFILES_DIRS = []

EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
DEFAULT_FROM_EMAIL = "Forums <forum@127.0.0.1>"

AUTH_USER_MODEL = "misago_users.User"
AUTHENTICATION_BACKENDS = ["misago.users.authbackends.MisagoBackend"]
CSRF_FAILURE_VIEW = "misago.core.errorpages.csrf_failure"
INSTALLED_PLUGINS = []
INSTALLED_APPS = [a for a in INSTALLED_APPS if a != "debug_toolbar"]  # noqa: F405
INTERNAL_IPS = []
LOGIN_REDIRECT_URL = "misago:index"
LOGIN_URL = "misago:login"
LOGOUT_URL = "misago:logout"

MIDDLEWARE = [
    "misago.users.middleware.RealIPMiddleware",
    "misago.core.middleware.FrontendContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "misago.cache.middleware.cache_versions_middleware",
    "misago.conf.middleware.dynamic_settings_middleware",
    "misago.socialauth.middleware.socialauth_providers_middleware",
    "misago.users.middleware.UserMiddleware",
    "misago.acl.middleware.user_acl_middleware",
    "misago.core.middleware.ExceptionHandlerMiddleware",
    "misago.users.middleware.OnlineTrackerMiddleware",
    "misago.admin.middleware.AdminAuthMiddleware",
    "misago.threads.middleware.UnreadThreadsCountMiddleware",
]
ROOT_URLCONF = "urls"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"

SOCIAL_AUTH_STRATEGY = "misago.socialauth.strategy.MisagoStrategy"
SOCIAL_AUTH_PIPELINE = (
    "social_core.pipeline.social_auth.social_details",
    "social_core.pipeline.social_auth.social_uid",
    "social_core.pipeline.social_auth.social_user",
    "misago.socialauth.pipeline.associate_by_email",
    "misago.socialauth.pipeline.validate_ip_not_banned",
    "misago.socialauth.pipeline.validate_user_not_banned",
    "misago.socialauth.pipeline.get_username",
    "misago.socialauth.pipeline.create_user_with_form",
    "social_core.pipeline.social_auth.associate_user",
    "social_core.pipeline.social_auth.load_extra_data",
    "misago.socialauth.pipeline.require_activation",
)
SOCIAL_AUTH_JSONFIELD_ENABLED = True

TEMPLATES = [{
    "BACKEND": "django.template.backends.django.DjangoTemplates",
    "DIRS": [],
    "APP_DIRS": True,
    "OPTIONS": {"context_processors": TEMPLATE_CONTEXT_PROCESSORS},  # noqa: F405
}]

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["misago.core.rest_permissions.IsAuthenticatedOrReadOnly"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "misago.core.exceptionhandler.handle_api_exception",
    "UNAUTHENTICATED_USER": "misago.users.models.AnonymousUser",
    "URL_FORMAT_OVERRIDE": None,
}

# Celery: no broker on loopback; tasks run in the request that queues them.
CELERY_BROKER_URL = "memory://"
CELERY_TASK_ALWAYS_EAGER = True

MISAGO_AVATARS_SIZES = [400, 200, 100]
MISAGO_SEARCH_CONFIG = "simple"
MISAGO_USER_DATA_DOWNLOADS_WORKING_DIR = str(BASE_DIR / "userdata")
MISAGO_AVATAR_GALLERY = str(BASE_DIR / "avatargallery")
MISAGO_PROFILE_FIELDS = [
    {"name": "Personal", "fields": [
        "misago.users.profilefields.default.RealNameField",
        "misago.users.profilefields.default.GenderField",
        "misago.users.profilefields.default.BioField",
        "misago.users.profilefields.default.LocationField",
    ]},
    {"name": "Contact", "fields": [
        "misago.users.profilefields.default.TwitterHandleField",
        "misago.users.profilefields.default.SkypeIdField",
        "misago.users.profilefields.default.WebsiteField",
    ]},
    {"name": "IP address", "fields": ["misago.users.profilefields.default.JoinIpField"]},
]
