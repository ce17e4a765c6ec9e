# The web the crawler examples download from: Python's http.server on 127.0.0.1, on a free port,
# answering what LocalServer.java answers (see there): /page/NAME?size=N&delay=MS, /slow, /fail,
# /test/, POST /hello/, /img/NAME.png. Not an example: a helper the examples import.
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

PAGE = re.compile(r'/page/([\w.-]+)')
IMG = re.compile(r'/img/([\w.,=-]+)\.(?:png|jpg)')


_lock = threading.Lock()
_in_flight = [0, 0]  # now, most


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def handle_one_request(self):
        with _lock:
            _in_flight[0] += 1
            _in_flight[1] = max(_in_flight)
        self._counted = True
        try:
            super().handle_one_request()
        finally:
            self._leave()

    def _leave(self):
        # A request stops counting before its answer is sent: counted after, a client that has
        # read the whole answer could start its next request while this one still counts.
        if self._counted:
            self._counted = False
            with _lock:
                _in_flight[0] -= 1

    def _reply(self, status, kind, body):
        self._leave()
        self.send_response(status)
        self.send_header('Content-Type', kind)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = urlsplit(self.path)
        query = {k: int(v[0]) for k, v in parse_qs(parts.query).items()}
        page = PAGE.fullmatch(parts.path)
        img = IMG.fullmatch(parts.path)
        if page:
            time.sleep(query.get('delay', 0) / 1000)
            self._reply(200, 'text/html', (page.group(1) + '.' * query.get('size', 100)).encode())
        elif parts.path == '/slow':
            time.sleep(3)
            self._reply(200, 'text/html', b'slow')
        elif parts.path == '/fail':
            self._reply(500, 'text/plain', b'failed')
        elif parts.path == '/test/':
            self._reply(200, 'application/json', b'{"data": "test"}')
        elif img:
            name = img.group(1).encode()
            png = bytearray(b'\x89PNG\r\n\x1a\n')
            for i in range(len(png), 1000):
                png.append(name[i % len(name)])
            self._reply(200, 'image/png', bytes(png))
        else:
            self._reply(404, 'text/plain', b'not found')

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        if self.path == '/hello/':
            self._reply(200, 'application/json', body)
        else:
            self._reply(404, 'text/plain', b'not found')


class LocalServer:
    def __init__(self):
        self.server = ThreadingHTTPServer(('127.0.0.1', 0), _Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def url(self, path):
        return 'http://127.0.0.1:%d%s' % (self.server.server_address[1], path)

    def max_in_flight(self):
        return _in_flight[1]

    def close(self):
        self.server.shutdown()
        self.server.server_close()


def start():
    return LocalServer()
