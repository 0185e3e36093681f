"""The FIFO lock on its own, in-process: waiters get the lock in the order they asked."""
import importlib.util
import threading
import time
from pathlib import Path

import pytest

_PATH = Path(__file__).resolve().parents[1] / "standin" / "modules" / "fifo_lock.py"
_spec = importlib.util.spec_from_file_location("standin_fifo_lock", _PATH)
fifo_lock = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fifo_lock)


def _wait_for_waiters(lock, count):
    deadline = time.monotonic() + 5
    while len(lock._waiters) < count:
        assert time.monotonic() < deadline, "threads never queued"
        time.sleep(0.001)


def test_waiters_acquire_in_arrival_order():
    lock = fifo_lock.FIFOLock()
    order = []

    def worker(n):
        with lock:
            order.append(n)

    lock.acquire()
    threads = []
    for n in range(6):
        thread = threading.Thread(target=worker, args=(n,))
        thread.start()
        threads.append(thread)
        _wait_for_waiters(lock, n + 1)
    lock.release()
    for thread in threads:
        thread.join(5)

    assert order == list(range(6))
    assert not lock.locked()


def test_non_blocking_acquire_fails_while_held():
    lock = fifo_lock.FIFOLock()
    assert lock.acquire(blocking=False) is True
    assert lock.acquire(blocking=False) is False
    lock.release()
    assert lock.acquire(blocking=False) is True


def test_releasing_an_unlocked_lock_raises():
    with pytest.raises(RuntimeError):
        fifo_lock.FIFOLock().release()
