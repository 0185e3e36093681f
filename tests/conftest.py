"""Suites under tests/: standin_tests (the stand-in itself) and e2e (the extension inside it).

The stand-in's own folder is a fake WebUI root and holds no tests.
"""
collect_ignore = ["standin"]
