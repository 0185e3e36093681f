"""Writes FastApiBasicVectors.json: Authorization values and what FastAPI's HTTPBasic makes of them.

fastapi_like() repeats fastapi/security/http.py (HTTPBasic.__call__, identical from 0.92 to 0.104, A1111 pins
0.94.0) with Python's own base64; its answers were checked against Debian's installed FastAPI and agree under
CPython 3.10 to 3.13. Run: python3 fastapi_basic_vectors.py > FastApiBasicVectors.json
"""
import base64, binascii, json
def fastapi_like(authorization):
    # fastapi/security/http.py HTTPBasic.__call__ + utils.get_authorization_scheme_param
    if not authorization:
        return "not-authenticated"
    scheme, _, param = authorization.partition(" ")
    if scheme.lower() != "basic":
        return "not-authenticated"
    try:
        data = base64.b64decode(param).decode("ascii")
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return "invalid"
    user, sep, password = data.partition(":")
    if not sep:
        return "invalid"
    return "ok:" + user + ":" + password
tok = base64.b64encode(b"bob:hunter2").decode()
cases = ["", "Basic", "Basic ", "basic " + tok, "BASIC " + tok, "BaSiC " + tok, "Basic " + tok, "Basic !" + tok, "Basic " + tok + "!",
 " Basic " + tok, "Basic  " + tok, "Basic " + tok + "  ", "Basic\t" + tok, "Basic " + tok[:-1], "Basic " + tok.rstrip("="),
 "Basic " + tok + "=", "Basic " + tok + "==", "Basic " + tok + "AAAA", "Basic " + tok + "=AAAA", "Basic " + tok.replace("=", "") + "==junk",
 "Basic Ym9iOmh1bnRlcjI", "Basic Ym9iOmh1bnRlcjI=", "Basic Ym9iOmh1bnRlcjI==", "Basic Ym9iOmh1bnRlcjI===", "Basic Ym9i=Omh1bnRlcjI=",
 "Basic Y=m9iOmh1bnRlcjI=", "Basic =Ym9iOmh1bnRlcjI=", "Basic Ym9iOmh1bnRlcjIx", "Basic Ym9iOmh1bnRlcjIxM", "Basic Ym9iOmh1bnRlcjIxMj",
 "Basic Ym9iOmh1bnRlcjIxMjM", "Basic Ym9iOmh1bnRlcjIxMjM=", "Basic Ym9iOmh1bnRlcjIxMjM==", "Basic Ym9iOmh1bnRl\x85cjI=", "Basic Ym9iOmh1bn\xe9RlcjI=",
 "Basic Ym9iOmh1bnRl\ncjI=", "Basic Ym9i Omh1 bnRl cjI=", "Basic Ym9i.Omh1_bnRl-cjI=", "Basic " + base64.b64encode(b"bob").decode(),
 "Basic " + base64.b64encode("josé:ñ".encode()).decode(), "Basic " + base64.b64encode(b"a:\x80").decode(), "Basic " + base64.b64encode(b":").decode(),
 "Basic " + base64.b64encode(b"a:b:c").decode(), "Basic " + base64.b64encode(b"\x00:\x7f").decode(), "Bearer " + tok, "Basicx " + tok, "Basi " + tok,
 "Basic=" + tok, "\xc2asic " + tok, "Basic " + base64.urlsafe_b64encode(b"bob:??>>").decode(), "Basic " + base64.b64encode(b"bob:??>>").decode(),
 "Basic A", "Basic AB", "Basic ABC", "Basic ABCD", "Basic ABCDE", "Basic AB=", "Basic AB==", "Basic ABC=", "Basic A===", "Basic ====", "Basic =",
 "Basic AB=C", "Basic AB=CD", "Basic ABC=D", "Basic ABC==D", "Basic AB==CD", "Basic Ym9iOmh1bnRlcjI=Ym9iOmh1bnRlcjI=", "Basic YQ==OmI=",
 "Basic " + "A" * 9000, "basic  " + tok + " ", "Basic " + tok + "\x00", "Basic\x00 " + tok, "Basic " + tok + "\xff",
]
print("[\n" + ",\n".join(json.dumps([c, fastapi_like(c)]) for c in cases) + "\n]")
