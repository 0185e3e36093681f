"""A broken extension is reported with a traceback, never fatal: install.py failing, a script raising."""


def test_failing_install_py_is_reported_not_fatal(start_standin, fake_extension):
    (fake_extension / "install.py").write_text("import sys\nprint('about to fail')\nsys.exit(3)\n")

    server = start_standin(extensions=[fake_extension], skip_install=False)

    log = server.log_text()
    assert f"*** Error running install.py for extension {fake_extension}." in log
    assert "*** Error code: 3" in log and "about to fail" in log
    with server.client() as client:
        assert client.get("/fake-ext/report").status_code == 200


def test_script_raising_at_import_is_reported_and_others_still_load(start_standin, fake_extension):
    (fake_extension / "scripts" / "c_broken.py").write_text("raise ImportError('c_broken cannot load')\n")

    server = start_standin(extensions=[fake_extension])

    log = server.log_text()
    assert "*** Error loading script: c_broken.py" in log
    assert "ImportError: c_broken cannot load" in log
    with server.client() as client:
        assert [x["file"] for x in client.get("/fake-ext/report").json()["loads"]] == ["a_first.py", "b_second.py"]
