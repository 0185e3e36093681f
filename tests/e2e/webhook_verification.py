import base64
import hashlib
import hmac
import time


def verify_webhook(secret: str, headers: dict, body: bytes, tolerance_seconds: int = 300) -> bool:
    """True if a Job Tracker webhook is authentic. headers: lower-case names; body: the raw bytes, unparsed."""
    msg_id, timestamp = headers["webhook-id"], headers["webhook-timestamp"]
    if abs(time.time() - int(timestamp)) > tolerance_seconds:
        return False  # too old (or from the future): refuse replays
    key = base64.b64decode(secret.removeprefix("whsec_"))
    signed = f"{msg_id}.{timestamp}.".encode() + body
    expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
    return any(hmac.compare_digest(expected, signature.split(",", 1)[1])
               for signature in headers["webhook-signature"].split() if signature.startswith("v1,"))
