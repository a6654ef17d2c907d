"""Static files cost a parent's data once: fingerprinted, cached for a year, compressed."""

import re


def asset_urls(client) -> list[str]:
    html = client.get("/").get_data(as_text=True)
    return re.findall(r'(?:href|src)="(/static/[^"]+)"', html)


def test_static_urls_carry_a_fingerprint_and_are_cached_for_a_year(client):
    urls = asset_urls(client)
    assert len(urls) == 4
    for url in urls:
        assert re.search(r"\?v=[0-9a-f]{12}$", url), url
        with client.get(url) as response:
            assert response.status_code == 200
            assert "max-age=31536000" in response.headers["Cache-Control"]


def test_scripts_and_styles_are_compressed_but_pages_are_not(client):
    htmx = next(url for url in asset_urls(client) if "htmx" in url)
    with client.get(htmx, headers={"Accept-Encoding": "br, gzip"}) as response:
        assert response.headers["Content-Encoding"] == "br"
        assert len(response.data) < 20_000  # 52 KB uncompressed
    page = client.get("/", headers={"Accept-Encoding": "br, gzip"})
    assert "Content-Encoding" not in page.headers  # no BREACH: the page holds a CSRF token
    # Kept rendered or not.
    again = client.get("/", headers={"Accept-Encoding": "br, gzip"})
    assert "Content-Encoding" not in again.headers


def test_the_open_referral_api_is_compressed_from_the_cache_too(client, content):
    import brotli

    for _ in range(2):  # rendered, then kept
        response = client.get("/api/oruk/services", headers={"Accept-Encoding": "br, gzip"})
        assert response.headers["Content-Encoding"] == "br"
        body = brotli.decompress(response.data)
        assert b"Youth Offending Team" in body and len(response.data) < len(body) / 2
