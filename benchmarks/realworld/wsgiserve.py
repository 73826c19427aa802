"""Serve a Django project on 127.0.0.1 with a small threaded WSGI server (no runserver banners, DEBUG off).

    python wsgiserve.py PORT      (run inside the project folder; settings module "settings")
"""
import os
import sys
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "settings")
sys.path.insert(0, os.getcwd())

from django.core.wsgi import get_wsgi_application


class ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    allow_reuse_address = True


class Handler(WSGIRequestHandler):
    def log_message(self, fmt, *args):
        sys.stderr.write(f"{self.log_date_time_string()} {fmt % args}\n")


if __name__ == "__main__":
    port = int(sys.argv[1])
    app = get_wsgi_application()
    with make_server("127.0.0.1", port, app, server_class=ThreadingServer, handler_class=Handler) as httpd:
        sys.stderr.write(f"serving on http://127.0.0.1:{port}/\n")
        httpd.serve_forever()
