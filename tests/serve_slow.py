"""Extraction work for the server's timeout test: it never finishes in time (a worker
process runs it, so it must live in an importable module)."""
import time


def slow_extract(payload: dict) -> dict:
    time.sleep(600)
    return {"records": [], "total": 0}
