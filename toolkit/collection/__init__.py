"""Collection: the browser, the write guard, the crawler and the probes (the only code that drives Chromium)."""
