"""The contributor guide in Chromium: its code blocks have a copy button with a Swedish name, and axe finds nothing."""


def test_guide_code_blocks_have_a_named_copy_button(page, site_url):
    page.goto(site_url + "bidra/", wait_until="load")
    blocks = page.locator("article pre")
    assert blocks.count() >= 3  # the template, make new-story and the command with flags
    for index in range(blocks.count()):
        button = blocks.nth(index).locator("button[data-md-type=copy]")
        assert button.count() == 1, f"kodblock {index} saknar kopieringsknapp"
    template = page.locator("article pre", has_text="titel:").first
    copy = template.get_by_role("button", name="Kopiera till urklipp")
    assert copy.count() == 1
    copy.focus()
    assert copy.evaluate("b => b === document.activeElement")  # reachable from the keyboard


def test_axe_finds_nothing_on_the_guide(real_site_visits):
    """axe-core's run on bidra/ in the walk over the real site (tests/sweeps.py)."""
    assert [v["id"] for v in real_site_visits.visits["bidra/"].violations] == []
