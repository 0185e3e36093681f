"""Writes PythonJsonVectors.json: request bodies and what Python's json.loads (as Starlette's Request.json() calls it,
on bytes) makes of them: whether it is one JSON object, and its "prompt" (lone surrogates shown as U+FFFD).
Run: python3 python_json_vectors.py > PythonJsonVectors.json (the same under CPython 3.10 to 3.13).
"""
import base64
import json

P = '{"prompt": "a cat", "steps": 20}'
bodies = [
    P.encode(), b"\xef\xbb\xbf" + P.encode(), b"\xef\xbb\xbf\xef\xbb\xbf" + P.encode(),
    P.encode("utf-16"), P.encode("utf-16-le"), P.encode("utf-16-be"), P.encode("utf-32"), P.encode("utf-32-le"),
    P.encode("utf-32-be"), P.encode("utf-16")[:-1], P.encode("utf-32")[:-2],
    b'{"prompt": "x", "steps": NaN}', b'{"prompt": "x", "cfg": Infinity, "d": -Infinity}', b'{"a": nan}', b'{"a": -NaN}',
    b'{"prompt": "\\ud800 lone"}', b'{"prompt": "\\udc00"}', b'{"prompt": "\\ud83d\\ude00 pair"}', b'{"prompt": "\xed\xa0\x80 raw"}',
    b'{"prompt": "\xff"}', b'{"prompt": "\xc0\xaf"}', b'{"prompt": "\xf4\x90\x80\x80"}',
    ('{"prompt": "deep", "x": ' + "[" * 600 + "]" * 600 + "}").encode(),
    ('{"prompt": "deep", "x": ' + '{"a":' * 600 + "1" + "}" * 600 + "}").encode(),
    b'{"prompt": "tab\there"}', b'{"prompt": "nl\\n\\t\\/\\b\\f\\r\\"\\\\"}', b'{"prompt": "\\x41"}', b'{"prompt": "\\u12"}',
    b'{"a": 01}', b'{"a": 1.}', b'{"a": .5}', b'{"a": 1e}', b'{"a": 1e+}', b'{"a": -}', b'{"a": +1}', b'{"a": 1.5e-3}', b'{"a": -0}',
    b'{"a": 1,}', b'{,}', b'{"a" 1}', b'{"a": [1,]}', b'{"a": [,1]}', b'{"a": []}', b'{"a": {}}', b" \t\r\n{} \t\r\n", b"\x0c{}",
    b'{"a": true, "b": false, "c": null}', b'{"a": True}', b'{"a": nulls}', b"{'a': 1}", b'{"prompt": "a", "prompt": "b"}',
    b'{"prompt": 1, "prompt": "c"}', b'{"pr\\u006fmpt": "escaped key"}', b'{"prompt": "x"}\x00', b"\x00{}", b"{}", b"[]", b"",
    b'{"force_task_id": "mine", "prompt": "p"}', b'{"prompt": "\xe2\x80\xa8 \xc2\x85"}', b'{"a": "\x7f"}', b'{"a": 1}}',
]


def verdict(body):
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        return False, ""
    if not isinstance(value, dict):
        return False, ""
    prompt = value.get("prompt")
    if not isinstance(prompt, str):
        prompt = ""
    return True, prompt.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


print("[\n" + ",\n".join(json.dumps([base64.b64encode(b).decode(), *verdict(b)]) for b in bodies) + "\n]")
