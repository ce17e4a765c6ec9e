# A real redis-server on a free port of 127.0.0.1, with a password and no persistence, as
# RedisServer.java starts it. Not an example: a helper the example imports.
import shutil
import socket
import subprocess
import time

PASSWORD = 'weft-example'


class RedisServer:
    def __init__(self):
        exe = shutil.which('redis-server')
        if exe is None:
            raise RuntimeError('redis-server is not on the PATH')
        with socket.socket() as s:
            s.bind(('127.0.0.1', 0))
            self.port = s.getsockname()[1]
        self.process = subprocess.Popen(
            [exe, '--port', str(self.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no',
             '--requirepass', PASSWORD],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(('127.0.0.1', self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.02)
        self.close()
        raise RuntimeError('redis-server did not start')

    def close(self):
        self.process.terminate()
        self.process.wait(5)
