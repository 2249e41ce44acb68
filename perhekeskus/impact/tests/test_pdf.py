"""The PDF is made by WeasyPrint from the page's own HTML."""

import re
import zlib

import pytest

from perhekeskus.impact import services

from .factories import complete_assessment

pytestmark = pytest.mark.django_db


def pdf_texts(data: bytes) -> str:
    """The text strings of a PDF's objects (title, bookmarks), decompressed."""
    chunks = [data]
    for match in re.finditer(rb"stream\r?\n", data):
        try:
            chunks.append(zlib.decompressobj().decompress(data[match.end() :]))
        except zlib.error:
            continue
    blob = b"".join(chunks)
    texts = []
    for hex_text in re.findall(rb"<feff([0-9a-fA-F]+)>", blob):
        texts.append(bytes.fromhex(hex_text.decode()).decode("utf-16-be"))
    texts += [t.decode("latin-1") for t in re.findall(rb"/Title \(([^)]*)\)", blob)]
    return "\n".join(texts)


def test_the_published_pdf_is_made_and_carries_the_title(client, world):
    assessment = complete_assessment(world.preparer, title="Avoimen päiväkodin siirto Koivumäkeen")
    services.sign_off(user=world.colleague, assessment=assessment, version=assessment.version)
    services.publish(user=world.colleague, assessment=assessment, version=assessment.version)
    response = client.get(f"/en/child-impact-assessments/{assessment.pk}/pdf/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "avoimen-paivakodin-siirto-koivumakeen" in response["Content-Disposition"]
    data = response.content
    assert data.startswith(b"%PDF-")
    assert len(data) > 5_000
    assert "Avoimen päiväkodin siirto Koivumäkeen" in pdf_texts(data)


def test_a_draft_pdf_for_the_tool(client, world):
    assessment = complete_assessment(world.preparer, title="Luonnos PDF")
    client.force_login(world.analyst)
    response = client.get(f"/en/impact/{assessment.pk}/pdf/")
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF-")
    assert "Luonnos PDF" in pdf_texts(response.content)


def test_the_pdf_reads_only_static_files():
    from perhekeskus.impact.pdf import NotAStaticFile, static_file

    assert static_file("http://testserver/static/impact/impact.css").endswith("impact.css")
    for url in (
        "http://example.com/x.css",
        "file:///etc/passwd",
        "http://testserver/static/../settings.py",
    ):
        with pytest.raises(NotAStaticFile):
            static_file(url)


def test_the_pdf_reads_the_collected_files_by_their_hashed_names(settings, tmp_path):
    from perhekeskus.impact.pdf import NotAStaticFile, static_file

    settings.STATIC_ROOT = tmp_path / "static"
    (tmp_path / "static" / "impact").mkdir(parents=True)
    hashed = tmp_path / "static" / "impact" / "impact.0123abcd.css"
    hashed.write_text("body {}")
    (tmp_path / "secret.txt").write_text("no")
    assert static_file("http://testserver/static/impact/impact.0123abcd.css") == str(hashed)
    for url in (
        "http://testserver/static/%2e%2e/secret.txt",
        "http://testserver/static/impact/missing.css",
        "http://testserver/static/",
    ):
        with pytest.raises(NotAStaticFile):
            static_file(url)
