"""What the page cache adds to a reader's page in the test settings (no shared cache)."""

# Every reader's page checks the content version in the database first (newsroom.versions).
VERSION_QUERY = 1

# Every HTML page lists the top-level sections in its navigation (articles/templatetags/sections.py).
NAV_QUERY = 1
