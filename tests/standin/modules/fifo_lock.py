"""A lock that threads acquire strictly in the order they asked for it."""
import collections
import threading


class FIFOLock:
    def __init__(self):
        self._guard = threading.Lock()
        self._held = False
        self._waiters = collections.deque()

    def acquire(self, blocking=True):
        with self._guard:
            if not self._held and not self._waiters:
                self._held = True
                return True
            if not blocking:
                return False
            turn = threading.Event()
            self._waiters.append(turn)
        # release() hands the lock straight to the oldest waiter, so no late thread can barge in.
        turn.wait()
        return True

    def release(self):
        with self._guard:
            if not self._held:
                raise RuntimeError("release of an unlocked FIFOLock")
            if self._waiters:
                self._waiters.popleft().set()
            else:
                self._held = False

    def locked(self):
        return self._held

    def __enter__(self):
        return self.acquire()

    def __exit__(self, exc_type, exc, tb):
        self.release()
