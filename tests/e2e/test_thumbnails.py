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
