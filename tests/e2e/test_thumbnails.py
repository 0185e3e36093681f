"""The tab's thumbnails (extension/sd_job_tracker/thumbnails.py) on real files, without the WebUI."""
import sys

from PIL import Image

from repo import REPO

sys.path.insert(0, str(REPO / "extension"))
from sd_job_tracker import thumbnails  # noqa: E402


def test_a_transparent_image_becomes_a_small_jpeg_in_the_box_once(tmp_path):
    source = tmp_path / "A3f9K2xY-0.png"
    Image.new("RGBA", (300, 600), (255, 0, 0, 0)).save(source)
    target = tmp_path / "thumbs" / "A3f9K2xY-0.jpg"

    assert thumbnails.ensure(str(source), str(target)) == target
    with Image.open(target) as thumbnail:
        assert (thumbnail.format, thumbnail.size, thumbnail.getpixel((10, 10))) == ("JPEG", (64, 128), (255, 255, 255))
    made = target.stat().st_mtime_ns
    assert thumbnails.ensure(str(source), str(target)) == target
    assert target.stat().st_mtime_ns == made
    assert [p.name for p in target.parent.iterdir()] == ["A3f9K2xY-0.jpg"]


def test_a_broken_image_gets_no_thumbnail_and_a_log_line(tmp_path, capsys):
    source = tmp_path / "B3f9K2xY-0.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n broken")
    target = tmp_path / "thumbs" / "B3f9K2xY-0.jpg"

    assert thumbnails.ensure(str(source), str(target)) is None
    assert not target.parent.exists() or list(target.parent.iterdir()) == []
    assert "[Job Tracker] could not make a thumbnail of B3f9K2xY-0.png" in capsys.readouterr().err
    assert thumbnails.ensure(None, str(target)) is None
    assert thumbnails.load(None).size == (thumbnails.BOX, thumbnails.BOX)


def test_a_thumbnail_replaced_by_a_link_is_drawn_again_never_read_through_it(tmp_path):
    source = tmp_path / "C3f9K2xY-0.png"
    Image.new("RGB", (200, 100), (0, 0, 255)).save(source)
    outside = tmp_path / "outside.jpg"
    Image.new("RGB", (10, 10), (0, 255, 0)).save(outside)
    target = tmp_path / "thumbs" / "C3f9K2xY-0.jpg"
    target.parent.mkdir()
    target.symlink_to(outside)

    assert thumbnails.ensure(str(source), str(target)) == target
    assert not target.is_symlink(), "the link was replaced by a drawn thumbnail"
    assert (target.stat().st_mode & 0o777) == 0o600
    with Image.open(outside) as untouched:
        assert untouched.size == (10, 10)
    assert thumbnails.load(target).size == (128, 64)

    target.unlink()
    target.symlink_to(outside)
    assert thumbnails.load(target).size == (thumbnails.BOX, thumbnails.BOX), "a link is not read: the grey placeholder"
