"""The single lock every generation waits on, in arrival order."""
from modules import fifo_lock

queue_lock = fifo_lock.FIFOLock()
