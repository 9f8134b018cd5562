"""Signs every request of vectors.json with the SDK's own signer and compares the headers.

Usage: python3 check-with-sdk.py PATH/TO/encord/http/v2/request_signer.py
(from encord-team/encord-client-python; needs `requests` and `cryptography`). Exit 0 when every vector
matches. The SDK takes `created` from the clock (now - 30); the clock is replaced by each vector's value.
"""

import importlib.util
import json
import sys
from pathlib import Path

import requests
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat, ssh

here = Path(__file__).resolve().parent
spec = importlib.util.spec_from_file_location("request_signer", sys.argv[1])
signer = importlib.util.module_from_spec(spec)
spec.loader.exec_module(signer)

vectors = json.loads((here / "vectors.json").read_text(encoding="utf-8"))["vectors"]
matched = 0
for v in vectors:
    key = ssh.load_ssh_private_key((here.parent / "encord-keys" / v["key"]).read_bytes(), None)
    keyid = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw).hex()
    body = (here / v["body_file"]).read_bytes() if v["body_file"] else None

    class Clock:  # datetime.now().timestamp() in request_signer.py
        @staticmethod
        def now(created=v["created"]):
            return type("Now", (), {"timestamp": lambda self: created + 30})()

    signer.datetime = Clock
    request = requests.Request(v["method"], v["url"], data=body).prepare()
    signer.sign_request(request, keyid, key)
    got = {name: request.headers[name] for name in ("Content-Digest", "Signature-Input", "Signature")}
    same = got == v["headers"] and keyid == v["keyid"]
    matched += same
    print(f"{v['name']}: {'ok' if same else 'DIFFERS'}")
    if not same:
        print(f"  sdk: {got}\n  path_url: {request.path_url}")
print(f"{matched} of {len(vectors)} vectors match the SDK")
sys.exit(0 if matched == len(vectors) else 1)
