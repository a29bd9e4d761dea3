"""`readout serve`: the built site over HTTP on loopback."""

import threading
import urllib.request

from readout.serve import make_server


def test_serves_the_site_on_loopback(seed_site):
    server = make_server(seed_site, port=0)
    host, port = server.server_address[:2]
    assert host == "127.0.0.1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/people/li-qiang/") as response:
            assert response.status == 200
            assert "<h1>Li Qiang</h1>" in response.read().decode()
    finally:
        server.shutdown()
        server.server_close()
